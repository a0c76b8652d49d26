"""Roster files checked without a database: every problem has its row and column."""

from __future__ import annotations

import io

from openpyxl import Workbook

from assessment.roster.parsing import ListItem, OrgLists, check_roster
from assessment.roster.tables import read_table, table_from_matrix

LISTS = OrgLists(
    departments=(ListItem("clerk", "สำนักปลัดเทศบาล", "Office of the Municipal Clerk"),
                 ListItem("finance", "สำนักการคลัง", "Finance Bureau")),
    levels=(ListItem("prof-op", "ปฏิบัติการ", "Practitioner level"),
            ListItem("gen-op", "ปฏิบัติงาน", "Operational level")),
)
HEADER = ["employee_id", "name", "department", "level"]


def _check(*rows, header=HEADER):
    return check_roster(table_from_matrix([header, *map(list, rows)]), LISTS)


def _where(check):
    return {(p.row, p.column) for p in check.problems}


def test_codes_and_thai_and_english_names_all_match():
    check = _check(("E1", "นายสมชาย ใจดี", "clerk", "prof-op"),
                   ("E2", "สมหญิง  รักเรียน", "สำนักการคลัง", "ปฏิบัติงาน"),
                   ("E3", "Anan", "finance bureau", "Practitioner Level"))
    assert check.ok, check.problems
    assert [(p.department_code, p.level_code) for p in check.people] == [
        ("clerk", "prof-op"), ("finance", "gen-op"), ("finance", "prof-op")]
    assert check.people[1].name == "สมหญิง รักเรียน"


def test_missing_columns_are_reported_on_row_one():
    check = _check(("E1", "A", "clerk"), header=["employee_id", "name", "department"])
    assert _where(check) == {(1, "level")}
    assert not check.ok


def test_every_problem_has_its_row_and_column():
    check = _check(
        ("E1", "A", "clerk", "prof-op"),
        ("E1", "B", "clerk", "prof-op"),          # row 3: duplicate ID
        ("E3", "", "clerk", "prof-op"),           # row 4: empty name
        ("E4", "D", "สำนักการคลง", "prof-op"),    # row 5: misspelt department
        ("E5", "E", "clerk", "senior"),           # row 6: unknown level
        ("", "F", "", "gen-op"),                  # row 7: empty ID and department
    )
    assert _where(check) == {(3, "employee_id"), (4, "name"), (5, "department"), (6, "level"),
                             (7, "employee_id"), (7, "department")}
    misspelt = next(p for p in check.problems if p.row == 5)
    assert 'did you mean "สำนักการคลัง"' in misspelt.message
    assert "row 2" in next(p for p in check.problems if p.row == 3).message
    assert [p.employee_id for p in check.people] == ["E1"]


def test_csv_with_and_without_bom_and_blank_lines():
    text = ("employee_id,name,department,level\r\nE1,สมชาย,clerk,prof-op\r\n,,,\r\n"
            "E2,B,clerk,gen-op\r\n")
    for content in (text.encode("utf-8"), "\ufeff".encode() + text.encode("utf-8")):
        table = read_table("roster.csv", content)
        assert table.columns == tuple(HEADER)
        check = check_roster(table, LISTS)
        assert check.ok and [p.row for p in check.people] == [2, 4]


def test_csv_with_old_mac_line_ends_reads_every_row():
    text = "employee_id,name,department,level\rE1,สมชาย,clerk,prof-op\rE2,B,clerk,gen-op\r"
    check = check_roster(read_table("roster.csv", text.encode("utf-8")), LISTS)
    assert check.ok and [p.row for p in check.people] == [2, 3]


def test_excel_numbers_read_as_typed():
    book = Workbook()
    sheet = book.active
    sheet.append(["Employee_ID", "Name", "Department", "Level"])
    sheet.append([1001, "สมชาย", "clerk", "prof-op"])
    buffer = io.BytesIO()
    book.save(buffer)
    check = check_roster(read_table("roster.xlsx", buffer.getvalue()), LISTS)
    assert check.ok and check.people[0].employee_id == "1001"


def test_problem_line_is_file_row_column_message():
    problem = _check(("E1", "A", "nowhere", "prof-op")).problems[0]
    assert problem.line("r.csv").startswith("r.csv:2:department: unknown department")


def test_a_name_and_department_seen_before_is_a_notice_not_a_problem():
    """Namesakes in one department are two people (their IDs tell them apart), but it may be
    one person listed twice: HR is shown the row, and the file can still be saved."""
    check = _check(("E1", "สมศรี ทองดี", "clerk", "prof-op"),
                   ("E2", "นางสมศรี  ทองดี", "clerk", "gen-op"),       # row 3: same, titles aside
                   ("E3", "สมศรี ทองดี", "finance", "prof-op"),       # another department
                   ("E4", "Anan Dee", "clerk", "prof-op"),
                   ("E5", "anan dee", "Office of the Municipal Clerk", "prof-op"))  # row 6
    assert check.ok and len(check.people) == 5
    assert [(n.row, n.column) for n in check.notices] == [(3, "name"), (6, "name")]
    assert "row 2" in check.notices[0].message and "row 5" in check.notices[1].message
