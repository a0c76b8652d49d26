"""The quiz page's kept question blocks are exactly what the macro renders for the same inputs."""

from __future__ import annotations

import itertools
import re

import pytest
from cachetools import LRUCache
from flask import session
from markupsafe import escape

from assessment.banks.operations import bank_of
from assessment.quizzes import blocks


def _given(question):
    """An answer of the question's own kind, as a phone would have saved it."""
    samples = {"single": question.options[0].id if question.options else None,
               "multiple": [o.id for o in question.options[:2]],
               "true_false": False, "short_text": "ข้อความ", "numeric": 42.5, "rating": 4}
    return samples[question.type]


@pytest.mark.parametrize("lang", ["th", "en"])
def test_a_kept_block_is_what_the_macro_renders_for_every_input(app, bank_version,
                                                                  monkeypatch, lang):
    """Each input of a block (question, language, number, length of the test, option order,
    saved answer) is varied one after another; were one left out of the key, a block kept for
    an earlier input would come back for a later one and differ from a fresh render."""
    monkeypatch.setattr(blocks, "_BLOCKS", LRUCache(maxsize=20_000))
    bank = bank_of(bank_version)
    key = (bank_version.id, bank_version.source_sha256)
    assert {q.type for q in bank.questions} >= {"single", "multiple", "true_false", "rating"}
    with app.test_request_context("/"):
        session["lang"] = lang
        context = {}
        app.update_template_context(context)
        macro = app.jinja_env.get_template("quizzes/_question.html").make_module(
            context).question_field
        for total in (len(bank.questions), len(bank.questions) + 1):
            labels = context["question_labels"](total)
            for position, question in enumerate(bank.questions, start=1):
                ids = [o.id for o in question.options]
                for number, order, saved in itertools.product(
                        (position, position + 1), ({question.id: ids}, {question.id: ids[::-1]}),
                        ({}, {question.id: _given(question)})):
                    fresh = macro(question, number, total, saved, order, labels)
                    kept = blocks.kept_question(macro, key, question, number, total, saved,
                                                order, labels, context["lang"])
                    assert kept == fresh
    assert len(blocks._BLOCKS) > 8 * len(bank.questions)


def test_the_quiz_page_shows_each_phone_its_own_language_and_answers(client, bank_version):
    from tests.helpers import as_read, attempt_id_from, csrf_from, identify, make_event

    event = make_event(bank_version)
    thai = as_read(identify(client, event).get_data(as_text=True))
    english_phone = client.application.test_client()
    english_phone.get(f"/lang/en?next=/j/{event.code}")
    english = identify(english_phone, event, name="มาลี ทองคำ").get_data(as_text=True)
    question = next(q for q in bank_of(bank_version).questions if q.type == "single")
    in_thai, in_english = (str(escape(question.prompt[lang])) for lang in ("th", "en"))
    assert in_thai in thai and in_english not in thai
    assert in_english in english and in_thai not in english
    option = question.options[0].id
    client.post(f"/j/{event.code}/save", data={
        "csrf_token": csrf_from(thai), "attempt_id": attempt_id_from(thai),
        "question": question.id, "value": option})
    again = client.get(f"/j/{event.code}/quiz").get_data(as_text=True)
    block = again.split(f'id="question-{question.id}"')[1].split("</fieldset>")[0]
    assert re.search(rf'value="{option}"\s+checked', block)
    other = english_phone.get(f"/j/{event.code}/quiz").get_data(as_text=True)
    other_block = other.split(f'id="question-{question.id}"')[1].split("</fieldset>")[0]
    assert "checked" not in other_block
