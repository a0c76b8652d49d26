"""HR's report pages, downloads and CLI on the demo seminar's simulated answers."""

from __future__ import annotations

import io
import re

import pytest
from openpyxl import load_workbook

from assessment.demo import create_demo_event
from assessment.events.operations import find_event
from assessment.extensions import db
from assessment.organisation.lists import seed_defaults
from tests.helpers_staff import login
from tests.reports.events import event_with_followup

PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def demo(app, bank_version):
    seed_defaults()
    return create_demo_event(people=50, seed=3)


@pytest.fixture
def hr(app, demo):
    client = app.test_client()
    login(client, "hr-officer", "hr")
    return client


def test_report_page_shows_the_headline_tables_and_downloads_in_thai(hr, demo):
    response = hr.get(f"/staff/reports/{demo.code}")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    for thai in ("รายงาน", "พ.ศ. 25"):
        assert thai in html
    for chart in ("by_level", "by_department", "participant_change", "distribution", "by_topic",
                  "item_facility"):
        assert f"/charts/{chart}.png" in html
    assert "workbook.xlsx" in html
    assert html.count("<tr") > 30


def test_departments_are_listed_in_thai_alphabetical_order(hr, demo):
    from pythainlp.util import collate

    html = hr.get(f"/staff/reports/{demo.code}").get_data(as_text=True)
    start = html.index('id="department"')
    options = html[start:html.index("</select>", start)].split("<option")[2:]
    names = [option.split(">", 1)[1].split("<", 1)[0].strip() for option in options]
    assert len(names) >= 5
    assert names == collate(names)


def test_filter_by_level_narrows_the_report(hr, demo):
    html = hr.get(f"/staff/reports/{demo.code}").get_data(as_text=True)
    start = html.index('id="level"')
    level = html[start:].split("<option")[2].split(">", 1)[1].split("<", 1)[0].strip()
    filtered = hr.get(f"/staff/reports/{demo.code}", query_string={"level": level})
    assert filtered.status_code == 200
    assert level in filtered.get_data(as_text=True)


def test_a_filter_that_matches_nobody_says_so(hr, demo):
    everyone = hr.get(f"/staff/reports/{demo.code}").get_data(as_text=True)
    assert 'id="nobody"' not in everyone
    nobody = hr.get(f"/staff/reports/{demo.code}",
                    query_string={"department": "กองที่ไม่มีในงานนี้"}).get_data(as_text=True)
    assert 'id="nobody"' in nobody and "ไม่มีผู้ใดในส่วนนี้ทำแบบทดสอบ" in nobody


def test_every_chart_downloads_as_png_and_svg(hr, demo):
    for name in ("gain_by_level_group", "gain_by_department", "gain_by_level", "by_level",
                 "by_department", "participant_change", "distribution", "by_topic",
                 "item_facility"):
        png = hr.get(f"/staff/reports/{demo.code}/charts/{name}.png?download=1")
        assert png.status_code == 200 and png.data.startswith(PNG)
        assert "attachment" in png.headers["Content-Disposition"]
        svg = hr.get(f"/staff/reports/{demo.code}/charts/{name}.svg")
        assert svg.status_code == 200 and b"<svg" in svg.data
    assert hr.get(f"/staff/reports/{demo.code}/charts/nothing.png").status_code == 404


def test_workbook_download_in_thai_and_english(hr, demo):
    thai = load_workbook(io.BytesIO(hr.get(f"/staff/reports/{demo.code}/workbook.xlsx").data))
    english = hr.get(f"/staff/reports/{demo.code}/workbook.xlsx?lang=en")
    assert english.headers["Cache-Control"] == "no-store"
    sheets = load_workbook(io.BytesIO(english.data)).sheetnames
    assert sheets == ["Summary", "By level", "By department", "By topic", "Participants",
                      "Items", "Responses", "Scores", "Not paired", "Charts", "Columns"]
    assert len(thai.sheetnames) == 11 and thai.sheetnames != sheets


def test_a_trainer_of_another_event_and_a_participant_cannot_read_the_report(app, demo):
    stranger = app.test_client()
    login(stranger, "other-trainer", "trainer")
    assert stranger.get(f"/staff/reports/{demo.code}").status_code == 403
    anonymous = app.test_client()
    assert anonymous.get(f"/staff/reports/{demo.code}").status_code in (302, 401)
    assert anonymous.get(f"/staff/reports/{demo.code}/workbook.xlsx").status_code in (302, 401)


def test_cli_export_and_charts(runner, demo, tmp_path):
    workbook = tmp_path / "report.xlsx"
    result = runner.invoke(args=["reports", "export", demo.code, "-o", str(workbook),
                                 "--lang", "en", "--pseudonymise", "--headers", "codes"])
    assert result.exit_code == 0, result.output
    participants = load_workbook(workbook)["Participants"]
    header = [cell.value for cell in participants[1]]
    for column in ("employee_id", "name", "pre_percent", "post_percent", "gain",
                   "normalized_gain"):
        assert column in header
    assert "department" not in header  # the shareable export leaves out where people work
    names = {row[header.index("name")] for row in participants.iter_rows(min_row=2,
                                                                         values_only=True)}
    assert all(str(name).startswith("P-") for name in names)
    folder = tmp_path / "charts"
    result = runner.invoke(args=["reports", "charts", demo.code, "-o", str(folder)])
    assert result.exit_code == 0, result.output
    assert len(list(folder.glob("*.png"))) == 9 and len(list(folder.glob("*.svg"))) == 9
    result = runner.invoke(args=["reports", "export", demo.code, "-o", str(workbook),
                                 "--lang", "en"])
    assert result.exit_code == 0, result.output
    header = [cell.value for cell in load_workbook(workbook)["Participants"][1]]
    assert {"Employee ID", "Name", "Pre-test score (%)"} <= set(header)
    missing = runner.invoke(args=["reports", "export", "NOPE", "-o", str(workbook)])
    assert missing.exit_code == 1 and "NOPE" in missing.output


def test_a_filtered_workbook_says_which_part_it_holds(hr, demo):
    page = hr.get(f"/staff/reports/{demo.code}").get_data(as_text=True)
    start = page.index('id="department"')
    department = page[start:].split("<option")[2].split(">", 1)[1].split("<", 1)[0].strip()
    response = hr.get(f"/staff/reports/{demo.code}/workbook.xlsx",
                      query_string={"department": department})
    assert "-part.xlsx" in response.headers["Content-Disposition"]
    summary = load_workbook(io.BytesIO(response.data)).worksheets[0]
    texts = " ".join(str(c.value) for row in summary.iter_rows(max_row=5) for c in row if c.value)
    assert f"เฉพาะ {department}" in texts


def test_the_three_workbooks_have_different_file_names(hr, demo):
    """The workbook without names is the one passed on: it must not share the named one's
    file name, nor the English one's."""
    url = f"/staff/reports/{demo.code}/workbook.xlsx"
    named = hr.get(url).headers["Content-Disposition"]
    without_names = hr.get(url, query_string={"pseudonymise": "1"}).headers[
        "Content-Disposition"]
    english = hr.get(url, query_string={"lang": "en"}).headers["Content-Disposition"]
    assert f'filename="report-{demo.code}.xlsx"' in named
    assert f'filename="report-{demo.code}-no-names.xlsx"' in without_names
    assert f'filename="report-{demo.code}-en.xlsx"' in english
    assert f"report-{demo.code}-no-names.xlsx" in without_names.split("filename*=UTF-8''")[1]


def test_level_filter_lists_levels_in_the_organisations_order(app, hr, demo):
    from assessment.organisation.lists import level_choices

    page = hr.get(f"/staff/reports/{demo.code}").get_data(as_text=True)
    start = page.index('id="level"')
    options = page[start:page.index("</select>", start)].split("<option")[2:]
    shown = [option.split(">", 1)[1].split("<", 1)[0].strip() for option in options]
    with app.test_request_context():
        order = [name for _, name in level_choices("th")]
    assert shown == [name for name in order if name in shown]


def test_six_charts_asked_for_at_once_are_drawn_once(app, demo, monkeypatch):
    """The page asks for its six charts together; each used to draw all six again (on
    PostgreSQL: SQLite's write lock lets one request in at a time anyway)."""
    import threading

    from assessment.reports import service

    drawn = []
    real_chart_files = service.chart_files
    monkeypatch.setattr(service, "chart_files",
                        lambda built, fmt="png": drawn.append(fmt) or real_chart_files(built, fmt))
    start = threading.Barrier(6)
    code = demo.code
    db.session.commit()  # each thread reads in its own session

    def ask():
        with app.app_context():
            start.wait()
            service.cached_charts(find_event(code), "en", service.Filters(), "png")

    threads = [threading.Thread(target=ask) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert drawn == ["png"]


def _names_in(html: str, people) -> set[str]:
    return {name for name in people if name in html}


@pytest.fixture
def trainer(app, demo):
    """The trainer who runs the demo event."""
    from assessment.auth.operations import find_user

    client = app.test_client()
    login(client, "demo-trainer", "trainer")
    demo.owner_id = find_user("demo-trainer").id
    db.session.commit()
    return client


def not_paired_names(demo) -> list[str]:
    from assessment.reports.service import event_report

    return event_report(demo).report.not_paired["name"].tolist()


def test_hr_sees_everyone_by_name_on_the_page_and_in_the_workbook(hr, demo):
    people = not_paired_names(demo)
    assert people
    html = hr.get(f"/staff/reports/{demo.code}").get_data(as_text=True)
    assert _names_in(html, people) == set(people)
    assert "P-" not in html.split("<tbody>")[-1]
    book = load_workbook(io.BytesIO(hr.get(f"/staff/reports/{demo.code}/workbook.xlsx").data))
    names = {row[1] for row in book.worksheets[4].iter_rows(min_row=2, values_only=True)}
    assert names and not [name for name in names if str(name).startswith("P-")]


def test_a_trainer_sees_their_event_under_pseudonyms(app, trainer, demo):
    from assessment.reports.excel import pseudonym

    people = not_paired_names(demo)
    html = trainer.get(f"/staff/reports/{demo.code}").get_data(as_text=True)
    assert _names_in(html, people) == set()
    assert "P-" in html.split("<tbody>")[-1]
    assert '/workbook.xlsx?lang=th"' not in html  # only the export without names is offered
    book = load_workbook(io.BytesIO(
        trainer.get(f"/staff/reports/{demo.code}/workbook.xlsx").data))
    names = {row[1] for row in book.worksheets[4].iter_rows(min_row=2, values_only=True)}
    assert names and all(str(name).startswith("P-") for name in names)
    with app.test_request_context():
        from assessment.privacy.operations import pseudonym_key
        from assessment.reports.service import event_report

        first = event_report(demo).report.not_paired["participant_id"].iloc[0]
        key = pseudonym_key()
    assert pseudonym(key, first) in html


def test_small_groups_show_the_reason_instead_of_tests(hr, demo):
    html = hr.get(f"/staff/reports/{demo.code}").get_data(as_text=True)
    assert "ไม่คำนวณ g การทดสอบ และ d_z: น้อยกว่า 5 คน" in html


def test_level_groups_and_departments_lead_with_gain_charts_fine_levels_below(hr, demo):
    html = hr.get(f"/staff/reports/{demo.code}").get_data(as_text=True)
    order = [html.index(f"/charts/{name}.png") for name in (
        "gain_by_level_group", "gain_by_department", "by_department", "gain_by_level",
        "by_level")]
    assert order == sorted(order)
    assert html.count("แท่ง: คะแนนหลังอบรมลบคะแนนก่อนอบรมของแต่ละคน") == 3
    assert html.count("แท่ง: คะแนนเฉลี่ยของแต่ละครั้ง") == 2


def test_report_page_has_the_item_review_and_option_shares(hr, demo):
    html = hr.get(f"/staff/reports/{demo.code}").get_data(as_text=True)
    review = html[html.index('id="item-review"'):]
    assert "ทบทวนข้อสอบ: ข้อใดใช้ต่อ แก้ไข หรือตัดออก" in review
    assert "ข้อเสนอสำหรับคลังข้อสอบฉบับถัดไป" in review
    assert 'class="option-shares"' in review and "กลุ่มครึ่งบน %" in review
    verdicts = ("ง่ายเกินไปตั้งแต่ก่อนอบรม", "ไม่ได้เรียนรู้", "อำนาจจำแนกใกล้ศูนย์",
                "ตัวลวงที่ไม่มีใครเลือก", "เฉลยอาจผิด", "ใช้ต่อได้")
    assert any(verdict in review for verdict in verdicts)


def test_bank_version_page_reviews_the_items_of_every_event_that_used_it(app, demo):
    trainer = app.test_client()
    login(trainer, "trainer1", "trainer")
    version = demo.bank_version
    html = trainer.get(f"/staff/banks/{version.bank_key}/v{version.version}").get_data(
        as_text=True)
    review = html[html.index('id="item-review"'):]
    assert "ทบทวนข้อสอบ แยกตามงานอบรม" in review and demo.code in review
    assert 'class="item-review"' in review and 'class="option-shares"' in review


def test_retention_section_chart_and_sheet_only_with_follow_up_answers(app, hr, demo,
                                                                       bank_version):
    assert 'id="retention"' not in hr.get(f"/staff/reports/{demo.code}").get_data(as_text=True)
    event = event_with_followup(bank_version)
    html = hr.get(f"/staff/reports/{event.code}").get_data(as_text=True)
    section = html[html.index('id="retention"'):html.index('id="item-review"')]
    assert "ความรู้ที่คงอยู่: แบบทดสอบติดตามผล" in section
    assert "/charts/retention.png" in section and section.count('class="retention"') == 5
    assert hr.get(f"/staff/reports/{event.code}/charts/retention.png").data.startswith(PNG)
    book = load_workbook(io.BytesIO(hr.get(f"/staff/reports/{event.code}/workbook.xlsx").data))
    sheet = book["ติดตามผล"]
    assert sheet["B2"].value == 6 and sheet["A1"].value == "กลุ่ม"
    demo_book = hr.get(f"/staff/reports/{demo.code}/workbook.xlsx").data
    assert "ติดตามผล" not in load_workbook(io.BytesIO(demo_book)).sheetnames


def test_option_shares_name_true_false_answers_in_the_pages_language(hr, demo):
    true_false = [question.question_key for question in demo.bank_version.questions
                  if question.type == "true_false"]
    assert true_false  # the demo's bank asks at least one true/false question
    html = hr.get(f"/staff/reports/{demo.code}").get_data(as_text=True)
    shares = html[html.index('class="option-shares"'):]
    shares = shares[:shares.index("</table>")]
    options = {}
    for question, option in re.findall(r"<tr><td>([^<]+)</td><td>([^<]*)</td>", shares):
        options.setdefault(question, set()).add(option)
    assert all(options[key] == {"ถูก", "ผิด"} for key in true_false), options
    assert not {"true", "false"} & set().union(*options.values())


def test_the_effect_size_column_names_its_interval_in_thai(hr, demo):
    html = hr.get(f"/staff/reports/{demo.code}").get_data(as_text=True)
    assert "d<sub>z</sub> [ช่วงเชื่อมั่น 95%]" in html
    assert "95% CI" not in html
    hr.get("/lang/en")
    english = hr.get(f"/staff/reports/{demo.code}").get_data(as_text=True)
    assert "d<sub>z</sub> [95% CI]" in english
