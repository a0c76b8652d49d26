"""Trainer command line: banks validate/load, events create/open/close/list, demo."""

from __future__ import annotations

import re

from sqlalchemy import func, select

from assessment.banks.validation import check_bank_file
from assessment.extensions import db
from assessment.quizzes.models import Attempt, Participant
from tests.helpers import DATA, SHIPPED_BANK


def test_validate_shipped_bank_exits_zero_even_strict(runner):
    result = runner.invoke(args=["banks", "validate", "--strict", str(SHIPPED_BANK)])
    assert result.exit_code == 0, result.output
    assert "OK" in result.output


def test_validate_bad_bank_prints_file_line_column(runner):
    bad = sorted((DATA / "banks" / "bad").glob("*.yaml"))[0]
    result = runner.invoke(args=["banks", "validate", str(bad)])
    assert result.exit_code == 1
    assert re.search(rf"{re.escape(str(bad))}:\d+:\d+: \S", result.output)


def test_load_then_reload_unchanged_then_changed_same_version(runner, tmp_path):
    first = runner.invoke(args=["banks", "load", str(SHIPPED_BANK)])
    assert first.exit_code == 0 and "loaded" in first.output
    again = runner.invoke(args=["banks", "load", str(SHIPPED_BANK)])
    assert again.exit_code == 0 and "unchanged" in again.output
    edited = tmp_path / "edited.yaml"
    edited.write_text(SHIPPED_BANK.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    changed = runner.invoke(args=["banks", "load", str(edited)])
    version = check_bank_file(SHIPPED_BANK).bank.version
    assert changed.exit_code == 1 and f"raise `version` to {version + 1}" in changed.output


def test_event_create_open_close_list(runner):
    runner.invoke(args=["banks", "load", str(SHIPPED_BANK)])
    created = runner.invoke(args=["events", "create", "--bank", "smart-city-basics", "--title",
                                  "สัมมนา", "--date", "2026-11-30", "--phases", "pre,post"])
    assert created.exit_code == 0, created.output
    code = re.search(r"join code: (\w+)", created.output).group(1)
    assert f"http://quiz.test/j/{code}" in created.output
    assert runner.invoke(args=["events", "open", code, "pre"]).exit_code == 0
    listing = runner.invoke(args=["events", "list"]).output
    assert code in listing and "pre:open" in listing and "post:waiting" in listing
    assert runner.invoke(args=["events", "close", code, "pre"]).exit_code == 0
    assert "pre:closed" in runner.invoke(args=["events", "list"]).output
    missing = runner.invoke(args=["events", "open", code, "followup"])
    assert missing.exit_code == 1 and "no followup phase" in missing.output


def test_event_create_shuffles_options_unless_asked_not_to(runner):
    from assessment.events.operations import find_event

    runner.invoke(args=["banks", "load", str(SHIPPED_BANK)])
    codes = []
    for extra in ([], ["--keep-option-order"]):
        created = runner.invoke(args=["events", "create", "--bank", "smart-city-basics",
                                      "--title", "สัมมนา", *extra])
        assert created.exit_code == 0, created.output
        codes.append(re.search(r"join code: (\w+)", created.output).group(1))
    shuffled, kept = (find_event(code) for code in codes)
    assert shuffled.shuffle_options and not kept.shuffle_options
    assert not shuffled.shuffle_questions


def test_event_create_for_unknown_bank_fails_plainly(runner):
    result = runner.invoke(args=["events", "create", "--bank", "nope", "--title", "x"])
    assert result.exit_code == 1 and "flask banks load" in result.output


def test_demo_creates_about_fifty_people_with_pre_and_post(runner):
    result = runner.invoke(args=["demo", "--seed", "3"])
    assert result.exit_code == 0, result.output
    assert re.search(r"join code: \w{6}", result.output) and "join URL: http://quiz.test/j/" in (
        result.output)
    people = db.session.scalar(select(func.count(Participant.id)))
    submitted = db.session.scalar(select(func.count(Attempt.id)).where(
        Attempt.status == "submitted"))
    assert people == 50
    assert 80 <= submitted < 100  # some people miss one of the two tests


def test_give_the_demo_to_a_trainer_who_then_runs_it(runner, app):
    from assessment.auth.operations import create_user
    from tests.helpers_staff import login

    runner.invoke(args=["banks", "load", str(SHIPPED_BANK)])
    created = runner.invoke(args=["events", "create", "--bank", "smart-city-basics", "--title",
                                  "สัมมนา"])
    code = re.search(r"join code: (\w+)", created.output).group(1)
    create_user("hr1", "hr", "a-long-password-2")
    trainer = app.test_client()
    login(trainer, "somsri", "trainer")
    assert trainer.get(f"/staff/events/{code}").status_code == 403
    given = runner.invoke(args=["events", "give", code, "somsri"])
    assert given.exit_code == 0 and "now run by somsri" in given.output
    assert trainer.get(f"/staff/events/{code}").status_code == 200
    refused = runner.invoke(args=["events", "give", code, "hr1"])
    assert refused.exit_code == 1 and "only a trainer or an admin" in refused.output
    unknown = runner.invoke(args=["events", "give", code, "nobody"])
    assert unknown.exit_code == 1 and "no staff account nobody" in unknown.output
