"""Item-writing warnings: each flaw a test-wise person exploits, with a small bank that has it
and one that does not; and `banks validate` printing them (exit 0, or 1 with --strict)."""

from __future__ import annotations

import re

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from assessment.banks.validation import check_bank_text

PROMPTS = [
    "Which river crosses the old town?", "What colour is the provincial flag?",
    "Who signs the yearly budget ordinance?", "When does the night market open on Sundays?",
    "Where is the main bus terminal located?", "Which office issues building permits?",
    "What does the waste fee pay for?", "Which festival draws the largest crowd in spring?",
]
OPTIONS = [["Alpha", "Bravo", "Charlie", "Delta"], ["Echo", "Foxtrot", "Golf", "Hotel"],
           ["India", "Juliet", "Kilo", "Lima"], ["Mike", "Novem", "Oscar", "Papa"],
           ["Quebec", "Romeo", "Sierra", "Tango"], ["Unity", "Victor", "Whisky", "Xray"],
           ["Yankee", "Zulu", "Amber", "Berry"], ["Cedar", "Dune", "Ember", "Fjord"]]


def single(number, prompt=None, texts=None, key=None):
    texts = texts or OPTIONS[number % len(OPTIONS)]
    key = number % len(texts) if key is None else key
    return {"id": f"q{number:02d}", "type": "single", "prompt": prompt or PROMPTS[number],
            "options": [{"id": "abcd"[i], "text": text, **({"correct": True} if i == key else {})}
                        for i, text in enumerate(texts)]}


def bank(questions, languages=("en",)) -> str:
    def title():
        return {lang: "T" for lang in languages} if len(languages) > 1 else "T"

    data = {"id": "item-writing", "version": 1, "title": title(), "languages": list(languages),
            "topics": [{"id": "t", "title": title()}],
            "questions": [{"topic": "t", **question} for question in questions]}
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def warnings_of(text: str) -> list[str]:
    result = check_bank_text(text, "b.yaml", warnings=True)
    assert result.ok, [str(p) for p in result.problems]
    return [str(warning) for warning in result.warnings]


def line_of(text: str, fragment: str) -> int:
    return next(n for n, line in enumerate(text.split("\n"), 1) if fragment in line)


CLEAN = [single(n) for n in range(8)]


def test_a_well_written_bank_has_no_warning():
    assert warnings_of(bank(CLEAN)) == []


def test_keys_piled_on_one_position_are_reported_at_questions():
    text = bank([single(n, key=0) for n in range(8)])
    found = [w for w in warnings_of(text) if "sit unevenly" in w]
    assert found == [f"b.yaml:{line_of(text, 'questions:')}:1: warning: the keys of the 8 "
                     "single-choice items sit unevenly across the option positions (first to "
                     "last: 8, 0, 0, 0; p < 0.001 against keys spread by chance); put the keys "
                     "in every position alike"]


def test_the_key_longest_far_more_often_than_chance():
    longer = [single(n, texts=[_longest(t, OPTIONS[n]) if i == n % 4 else t
                               for i, t in enumerate(OPTIONS[n])]) for n in range(8)]
    assert any("the keyed option is the longest in 8 of 8" in w for w in warnings_of(bank(longer)))
    # the key the longest in 2 of 8 items is what chance gives
    some = longer[:2] + CLEAN[2:]
    assert not any("is the longest in" in w for w in warnings_of(bank(some)))


def _longest(text, texts):
    return text + "s" * (1 + max(map(len, texts)) - len(text))


def test_a_key_much_longer_than_every_distractor():
    texts = ["A city that uses data to serve its residents", "Cameras", "Phones", "Parks"]
    found = warnings_of(bank([single(0, texts=texts, key=0), *CLEAN[1:]]))
    assert any("keyed option of question 'q00' is much longer than every distractor (44 "
               "characters against at most 7, en)" in w for w in found)
    similar = ["Data for services", "Cameras everywhere", "Phones for staff", "More parks"]
    assert warnings_of(bank([single(0, texts=similar, key=0), *CLEAN[1:]])) == []


def test_all_or_none_of_the_above_in_english_and_thai():
    english = ["Alpha", "Bravo", "Charlie", "All of the above"]
    thai = ["แม่น้ำพอง", "แม่น้ำชี", "แม่น้ำมูล", "ถูกทุกข้อ"]
    found = warnings_of(bank([single(0, texts=english), single(1, texts=thai), *CLEAN[2:]]))
    assert any("option 'd' of question 'q00' says 'All of the above'" in w for w in found)
    assert any("option 'd' of question 'q01' says 'ถูกทุกข้อ'" in w for w in found)
    # "ทุกข้อมูล" (all the data) is not "ทุกข้อ" (every option)
    data = ["เก็บทุกข้อมูล", "แม่น้ำชี", "แม่น้ำมูล", "แม่น้ำพอง"]
    assert not any("says" in w for w in warnings_of(bank([single(1, texts=data), *CLEAN[2:]])))


def test_a_negative_stem_without_emphasis():
    english = warnings_of(bank([single(0, "Which office does not issue permits?"), *CLEAN[1:]]))
    assert any("prompt of question 'q00' is negative ('not', en)" in w for w in english)
    thai = warnings_of(bank([single(1, "ข้อใดไม่ใช่ด้านของเมืองอัจฉริยะ")], ("th",)))
    assert any("prompt of question 'q01' is negative ('ไม่', th)" in w for w in thai)
    emphasised = [single(0, "Which office does NOT issue permits?"), *CLEAN[1:]]
    assert warnings_of(bank(emphasised)) == []
    thai_emphasised = [single(1, "ข้อใด**ไม่ใช่**ด้านของเมืองอัจฉริยะ"),
                       single(2, "ข้อความนี้ถูกต้องหรือไม่ ลองพิจารณา")]
    assert warnings_of(bank(thai_emphasised, ("th",))) == []


def test_an_absolute_distractor_when_the_key_is_not():
    texts = ["Residents must always queue", "Bravo", "Charlie", "Delta"]
    found = warnings_of(bank([single(0, texts=texts, key=1), *CLEAN[1:]]))
    assert any("distractor 'a' of question 'q00' is an absolute statement ('always', en)" in w
               for w in found)
    thai = ["ประชาชนทุกคนต้องใช้แอป", "ใช้ข้อมูลวางแผน", "ติดตั้งเซ็นเซอร์", "จัดอบรมผู้สูงอายุ"]
    assert any("('ทุกคน', th)" in w
               for w in warnings_of(bank([single(0, texts=thai, key=1)], ("th",))))
    # an absolute in the key too: the word tells nothing
    both = ["Residents must always queue", "Staff always answer", "Charlie", "Delta"]
    assert warnings_of(bank([single(0, texts=both, key=1), *CLEAN[1:]])) == []


def true_false(number, answer):
    return {"id": f"t{number}", "type": "true_false", "answer": answer,
            "prompt": PROMPTS[number]}


def test_true_false_answers_far_from_half_true():
    text = bank([true_false(n, True) for n in range(7)])
    where = f"b.yaml:{line_of(text, 'questions:')}:1"
    assert warnings_of(text) == [f"{where}: warning: 7 of 7 true/false items are true, far from "
                                 "half (p = 0.016): test-wise people guess the more common answer"]
    assert warnings_of(bank([true_false(n, n % 2 == 0) for n in range(7)])) == []


def numeric(answer, prompt="How many dimensions does the programme count?"):
    return {"id": "n1", "type": "numeric", "answer": answer, "prompt": prompt}


def test_an_answer_written_in_another_prompt_gives_it_away():
    rating = {"id": "r1", "type": "rating", "prompt": "Could you explain all seven dimensions?"}
    found = warnings_of(bank([numeric(7), rating]))
    assert any("prompt of question 'r1' contains 'seven' (en), the answer to question 'n1'" in w
               for w in found)
    thai = {"id": "r1", "type": "rating", "prompt": "ท่านอธิบายทั้ง ๗ ด้านได้หรือ"}
    assert any("contains '7'" in w for w in warnings_of(bank([numeric(7), thai], ("th",))))
    short = {"id": "s1", "type": "short_text", "accept": ["PDPA"], "prompt": "Which law?"}
    uses = single(0, "Under the PDPA, which data is sensitive?")
    assert any("contains 'PDPA' (en), the answer to question 's1'" in w
               for w in warnings_of(bank([short, uses])))
    # 72 hours does not give 7 away, nor 2.7 metres
    other = {"id": "r1", "type": "rating", "prompt": "Can you report within 72 hours, 2.7 m?"}
    assert not any("gives" in w for w in warnings_of(bank([numeric(7), other])))


def test_two_prompts_nearly_the_same():
    twins = [single(0, "Which is an example of smart environment?"),
             single(1, "Which is an example of smart governance?"), *CLEAN[2:]]
    found = warnings_of(bank(twins))
    assert any("prompt of question 'q01' is nearly the same as that of question 'q00'" in w
               for w in found)
    assert warnings_of(bank(CLEAN)) == []


def short_text(accept, languages=("th",)):
    return bank([{"id": "s1", "type": "short_text", "accept": accept,
                  "prompt": {"th": "ชื่อกฎหมาย", "en": "The law"} if len(languages) > 1
                  else "ชื่อกฎหมาย"}], languages)


def test_short_answers_missing_common_spellings():
    found = warnings_of(short_text(["พ.ร.บ.คุ้มครองข้อมูลส่วนบุคคล"]))
    assert any("miss 'พ.ร.บ. คุ้มครองข้อมูลส่วนบุคคล' (a space after the abbreviation)" in w
               for w in found)
    found = warnings_of(short_text(["IoT", "อินเทอร์เน็ตของสรรพสิ่ง"]))
    assert any("miss 'ไอโอที' (the letters spelled in Thai)" in w for w in found)
    assert any("miss 'อินเตอร์เน็ตของสรรพสิ่ง' (the common spelling with ต)" in w for w in found)
    english_only = warnings_of(short_text(["PDPA", "พีดีพีเอ"][:1], ("th", "en")))
    assert any("are all in English letters; add the Thai form" in w for w in english_only)
    complete = ["IoT", "ไอโอที", "อินเทอร์เน็ตของสรรพสิ่ง", "อินเตอร์เน็ตของสรรพสิ่ง",
                "พ.ร.บ.ไอโอที", "พ.ร.บ. ไอโอที"]
    assert warnings_of(short_text(complete, ("th", "en"))) == []


def test_warnings_point_at_the_line_of_the_text_concerned():
    text = bank([single(0, texts=["Alpha", "Bravo", "Charlie", "None of the above"]),
                 *CLEAN[1:]])
    found = next(w for w in warnings_of(text) if "None of the above" in w)
    assert re.match(rf"b\.yaml:{line_of(text, 'None of the above')}:\d+: warning: ", found)


def test_validate_prints_warnings_and_exits_zero_unless_strict(runner, tmp_path):
    flawed = tmp_path / "flawed.yaml"
    flawed.write_text(bank([single(n, key=0) for n in range(8)]), encoding="utf-8")
    result = runner.invoke(args=["banks", "validate", str(flawed)])
    assert result.exit_code == 0, result.output
    assert re.search(rf"{re.escape(str(flawed))}:\d+:1: warning: the keys of the 8", result.output)
    assert "OK (item-writing v1, 8 questions, 1 warnings)" in result.output
    assert runner.invoke(args=["banks", "validate", "--strict", str(flawed)]).exit_code == 1
    clean = tmp_path / "clean.yaml"
    clean.write_text(bank(CLEAN), encoding="utf-8")
    assert runner.invoke(args=["banks", "validate", "--strict", str(clean)]).exit_code == 0


def test_load_prints_the_warnings_and_loads_the_bank(runner, tmp_path):
    flawed = tmp_path / "flawed.yaml"
    flawed.write_text(bank([single(n, key=0) for n in range(8)]), encoding="utf-8")
    result = runner.invoke(args=["banks", "load", str(flawed)])
    assert result.exit_code == 0, result.output
    assert re.search(rf"{re.escape(str(flawed))}:\d+:1: warning: the keys of the 8", result.output)
    assert "item-writing v1: loaded" in result.output


WORDS = st.sampled_from(["not", "ไม่", "หรือไม่", "**ไม่**", "ทุกคน", "always", "all of the above",
                         "ถูกทุกข้อ", "7", "๗", "seven", "IoT", "PDPA", "พ.ร.บ.กฎ", "อินเทอร์เน็ต",
                         "Which river", "ข้อใด", "a", "2.7", "72"])
TEXT = st.lists(WORDS, min_size=1, max_size=5).map(" ".join)


@st.composite
def any_question(draw, number):
    kind = draw(st.sampled_from(["single", "multiple", "true_false", "numeric", "short_text",
                                 "rating"]))
    question = {"id": f"q{number}", "type": kind, "prompt": draw(TEXT)}
    if kind in ("single", "multiple"):
        texts = draw(st.lists(TEXT, min_size=2, max_size=5))
        keys = ({draw(st.integers(0, len(texts) - 1))} if kind == "single" else
                draw(st.sets(st.integers(0, len(texts) - 1), min_size=1)))
        question["options"] = [{"id": f"o{i}", "text": text, **({"correct": True}
                                                                if i in keys else {})}
                               for i, text in enumerate(texts)]
    elif kind == "true_false":
        question["answer"] = draw(st.booleans())
    elif kind == "numeric":
        question["answer"] = draw(st.one_of(st.integers(-100, 100), st.floats(
            -1e6, 1e6, allow_nan=False)))
    elif kind == "short_text":
        question["accept"] = draw(st.lists(TEXT, min_size=1, max_size=3))
    return question


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_any_valid_bank_gets_located_warnings_and_never_an_error(data):
    count = data.draw(st.integers(1, 9))
    languages = data.draw(st.sampled_from([("th",), ("en",)]))
    text = bank([data.draw(any_question(n)) for n in range(count)], languages)
    last = len(text.split("\n"))
    result = check_bank_text(text, "b.yaml", warnings=True)
    assert result.ok, [str(problem) for problem in result.problems]
    for warning in result.warnings:
        assert 1 <= warning.line <= last and warning.column >= 1
        assert str(warning).startswith(f"b.yaml:{warning.line}:{warning.column}: warning: ")
