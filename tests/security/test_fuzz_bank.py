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


def _assert_clean(check, text: str) -> None:
    """A bank exactly when nothing is wrong; each problem in the file, at a real line and
    column, with a sentence (a bare traceback or an empty message fails)."""
    assert (check.bank is not None) == (not check.problems), check
    lines = len(text.splitlines()) + 1  # YAML also breaks lines at NEL and U+2028
    for problem in check.problems:
        assert 1 <= problem.line <= lines and problem.column >= 1, problem
        where = f"fuzz.yaml:{problem.line}:{problem.column}: "
        assert str(problem).startswith(where) and len(str(problem)) > len(where) + 10, problem


@FUZZ
@given(st.text(max_size=2000))
def test_any_text(text):
    _assert_clean(validation.check_bank_text(text, "fuzz.yaml"), text)


@FUZZ
@given(st.binary(max_size=2000))
def test_any_bytes_decoded_as_a_trainer_would(data):
    text = data.decode("utf-8", errors="replace")
    _assert_clean(validation.check_bank_text(text, "fuzz.yaml"), text)


@FUZZ
@given(YAMLISH)
def test_yaml_punctuation_and_unsafe_tags(text):
    _assert_clean(validation.check_bank_text(text, "fuzz.yaml"), text)


@FUZZ
@given(STRUCTURES)
def test_generated_yaml_structures(structure):
    text = yaml.safe_dump(structure, allow_unicode=True, default_flow_style=False)
    _assert_clean(validation.check_bank_text(text, "fuzz.yaml"), text)


#: texts a trainer might write: any letters, digits, punctuation and spaces, Thai included
TEXTS = st.text(st.characters(categories=("L", "M", "N", "P", "S", "Zs")), min_size=1,
                max_size=40).filter(str.strip)


@FUZZ
@given(st.lists(st.tuples(TEXTS, TEXTS, TEXTS), min_size=1, max_size=8))
def test_any_wording_of_a_valid_bank_is_accepted_whole(questions):
    """The other side: a bank right in form is accepted, with every question, whatever its
    texts say (a validator that refuses everything fails here)."""
    bank = {"id": "fuzz", "version": 1, "title": "t", "languages": ["th"],
            "topics": [{"id": "t", "title": "t"}],
            "questions": [{"id": f"q{n}", "topic": "t", "type": "single", "prompt": prompt,
                           "options": [{"id": "a", "text": right, "correct": True},
                                       {"id": "b", "text": wrong}]}
                          for n, (prompt, right, wrong) in enumerate(questions)]}
    text = yaml.safe_dump(bank, allow_unicode=True)
    check = validation.check_bank_text(text, "fuzz.yaml")
    _assert_clean(check, text)
    assert check.ok and len(check.bank.questions) == len(questions)


@pytest.mark.parametrize("opening", ["[", "{a: "])
def test_deep_nesting_is_refused_where_it_passes_the_limit(opening):
    from assessment.banks.yaml_source import MAX_NESTING

    # the mapping holding `id` is the first level, so the 50th bracket is the 51st
    text = "id: " + opening * 50_000 + "1" + ("]" if opening == "[" else "}") * 50_000
    check = validation.check_bank_text(text, "deep.yaml")
    assert [str(p) for p in check.problems] == [
        f"deep.yaml:1:{5 + (MAX_NESTING - 1) * len(opening)}: lists and mappings are nested more "
        f"than {MAX_NESTING} deep here; a bank needs far fewer levels"]


def test_nesting_up_to_the_limit_is_only_a_wrong_bank():
    from assessment.banks.yaml_source import MAX_NESTING

    inner = MAX_NESTING - 1  # under the mapping holding `id`
    text = "id: " + "[" * inner + "]" * inner
    problems = [str(p) for p in validation.check_bank_text(text, "deep.yaml").problems]
    assert problems and not any("nested" in p for p in problems)
