"""Fuzzing the bank loader: any text or bytes gives ok or problems with a line, never a crash."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

validation = pytest.importorskip("assessment.banks.validation")

FUZZ = settings(max_examples=150, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

#: pieces trainers (and attackers) type: keys of the format, YAML punctuation, tags, aliases
TOKENS = st.sampled_from([
    "id:", "version:", "title:", "questions:", "topics:", "- id: q1", "type: single", "options:",
    "correct: true", "answer: yes", "th:", "en:", "{", "}", "[", "]", ":", "?", ",", "&a", "*a",
    "!!python/object:os.system", "!!binary", "'", '"', "\t", "\n", "  ", "- ", "#", "ภาษาไทย",
    "\ufeff", "\x00", "\r\n", "---", "...", "%YAML 1.1", "<<: *a", "~", "1e9", "-.inf",
])
YAMLISH = st.lists(TOKENS, max_size=60).map(" ".join)
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
                    st.text(max_size=20))
STRUCTURES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=5),
        st.dictionaries(st.sampled_from(["id", "version", "title", "languages", "topics",
                                         "questions", "type", "topic", "prompt", "options",
                                         "correct", "answer", "accept", "points", "th", "en",
                                         "tolerance", "scoring", "explanation", "bogus"]),
                        inner, max_size=6)),
    max_leaves=40,
)


def _assert_clean(check) -> None:
    assert check.ok or check.problems
    if not check.ok:
        assert check.bank is None or check.problems
        for problem in check.problems:
            assert problem.line >= 1, problem
            assert str(problem)


@FUZZ
@given(st.text(max_size=2000))
def test_any_text(text):
    _assert_clean(validation.check_bank_text(text, "fuzz.yaml"))


@FUZZ
@given(st.binary(max_size=2000))
def test_any_bytes_decoded_as_a_trainer_would(data):
    _assert_clean(validation.check_bank_text(data.decode("utf-8", errors="replace"), "fuzz.yaml"))


@FUZZ
@given(YAMLISH)
def test_yaml_punctuation_and_unsafe_tags(text):
    _assert_clean(validation.check_bank_text(text, "fuzz.yaml"))


@FUZZ
@given(STRUCTURES)
def test_generated_yaml_structures(structure):
    text = yaml.safe_dump(structure, allow_unicode=True, default_flow_style=False)
    _assert_clean(validation.check_bank_text(text, "fuzz.yaml"))
