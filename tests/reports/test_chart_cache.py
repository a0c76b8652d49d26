"""The charts a worker keeps are drawn again when a department is renamed, on any host."""

from __future__ import annotations

from sqlalchemy import select, update

from assessment.demo import create_demo_event
from assessment.extensions import db
from assessment.organisation.models import Department
from assessment.quizzes.models import Participant
from assessment.reports.service import Filters, cached_charts, chart_files, event_report


def test_a_department_renamed_by_another_host_shows_in_the_kept_charts_at_once(app,
                                                                              bank_version):
    event = create_demo_event(people=20, seed=7)
    before = cached_charts(event, "en", Filters(), "svg")
    assert cached_charts(event, "en", Filters(), "svg") is before  # kept, not drawn again
    code = db.session.scalar(select(Participant.department_code).where(
        Participant.event_id == event.id).limit(1))
    # another host's edit: nothing in this worker hears of it
    db.session.execute(update(Department).where(Department.code == code).values(
        name_en="Renamed Office of Smart Things"))
    db.session.commit()
    after = cached_charts(event, "en", Filters(), "svg")
    assert after["by_department"] != before["by_department"]
    assert after == chart_files(event_report(event, "en", Filters()), "svg")
