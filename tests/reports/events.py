"""Events made through the participants' own code for the report tests."""

from __future__ import annotations


def event_with_followup(bank_version, people: int = 6):
    """Six people take all three tests through the participants' own code; answers vary."""
    from datetime import date

    from assessment.banks.operations import bank_of
    from assessment.events.operations import create_event, open_phase
    from assessment.extensions import db
    from assessment.organisation.models import Department, StaffLevel
    from assessment.quizzes import operations as ops

    event = create_event(bank_version, "ติดตามผลสามเดือน", date(2020, 4, 16),
                         ("pre", "post", "followup"))
    department = db.session.scalars(db.select(Department)).first()
    level = db.session.scalars(db.select(StaffLevel)).first()
    singles = [q for q in bank_of(bank_version).questions if q.type == "single"]
    for step, kind in enumerate(("pre", "post", "followup")):
        phase = open_phase(event, kind)
        for person in range(people):
            participant = ops.identify_by_name(event, f"คนที่ {person}", department.code,
                                               level.code)
            attempt = ops.start_attempt(participant, phase)
            ops.save_answers(attempt, {q.id: q.options[(person + step * i) % len(q.options)].id
                                       for i, q in enumerate(singles)})
            ops.submit_attempt(attempt)
        db.session.commit()
    return event
