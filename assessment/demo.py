"""A simulated seminar, so a newcomer sees the whole product (and the reports have data).

About fifty people from every department and staff level take the pre-test and
the post-test through the same code real participants use; a few miss one of
the two, as in real life. Each person has an ability and a learning gain, so
the results look like a real class rather than noise.
"""

from __future__ import annotations

import math
import random
from datetime import date

from sqlalchemy import select

from assessment.banks.bank import Question
from assessment.banks.operations import bank_of, find_version
from assessment.events.models import Event
from assessment.events.operations import create_event, open_phase
from assessment.extensions import db
from assessment.organisation.models import Department, StaffLevel
from assessment.quizzes import operations as ops

DEMO_BANK = "smart-city-basics"
THAI_GIVEN = ["สมชาย", "สมหญิง", "วิชัย", "สุดา", "ประเสริฐ", "มาลี", "อนันต์", "กนกวรรณ",
              "ธนพล", "พรทิพย์", "ศักดิ์ชัย", "วันเพ็ญ", "ณัฐพงษ์", "อรอุมา", "ชัยวัฒน์", "จิราพร",
              "เอกชัย", "ไพโรจน์", "อัญชลี", "โสภณ", "แสงเดือน", "บุญมี", "ปิยะนุช", "ยุทธนา"]
THAI_FAMILY = ["ใจดี", "ศรีสุข", "แก้วมณี", "ทองคำ", "บุญเรือง", "พลเยี่ยม", "ภูมิสะอาด", "วงศ์ไทย",
               "โคตรสมบัติ", "ชัยมงคล", "เหล่าสุวรรณ", "แสนทวีสุข", "อินทร์แก้ว", "ศรีบุญเรือง"]


def create_demo_event(people: int = 50, seed: int | None = None) -> Event:
    """Create the demo seminar with simulated answers to both tests, then open its pre-test
    again so a newcomer takes the tests in their real order: the pre-test now, the post-test
    once they open it on the event page."""
    version = find_version(DEMO_BANK)
    if version is None:
        raise LookupError(f"bank '{DEMO_BANK}' is not loaded; run `flask setup` first")
    rng = random.Random(seed)
    event = create_event(version, "สัมมนาเมืองอัจฉริยะ เทศบาลนครขอนแก่น (ตัวอย่าง)",
                         date.today(), ("pre", "post"), venue="ห้องประชุมเทศบาลนครขอนแก่น",
                         is_demo=True, show_feedback=True)
    departments = list(db.session.scalars(select(Department).order_by(Department.position)))
    levels = list(db.session.scalars(select(StaffLevel).order_by(StaffLevel.position)))
    simulated = [_person(rng, i, departments, levels) for i in range(people)]
    _take_phase(event, "pre", simulated, rng)
    _take_phase(event, "post", simulated, rng)
    open_phase(event, "pre")
    return event


def _person(rng, index, departments, levels) -> dict:
    level = rng.choice(levels)
    takes_pre = rng.random() > 0.08
    takes_post = rng.random() > 0.10 or not takes_pre  # everyone came to at least one
    name = f"{THAI_GIVEN[index % len(THAI_GIVEN)]} {rng.choice(THAI_FAMILY)}"
    return {
        "name": name if index < len(THAI_GIVEN) else f"{name} {index}",
        "department": rng.choice(departments).code, "level": level.code,
        "ability": rng.gauss(0.0, 0.8) + (0.3 if level.position < 6 else 0.0),
        "learning": max(0.0, rng.gauss(0.9, 0.5)),
        #: about one in twelve misses the pre-test, one in ten the post-test
        "takes": {"pre": takes_pre, "post": takes_post},
    }


def _take_phase(event: Event, kind: str, simulated: list[dict], rng) -> None:
    phase = open_phase(event, kind)
    bank = bank_of(event.bank_version)
    for person in simulated:
        if not person["takes"][kind]:
            continue
        participant = ops.identify_by_name(event, person["name"], person["department"],
                                           person["level"])
        attempt = ops.start_attempt(participant, phase)
        skill = person["ability"] + (person["learning"] if kind == "post" else 0.0)
        values = {q.id: _answer(q, skill, rng, kind) for q in bank.questions}
        ops.save_answers(attempt, values)
        ops.submit_attempt(attempt)
    db.session.commit()


def _answer(question: Question, skill: float, rng, kind: str):
    if question.type == "rating":
        base = 2.3 + skill * 0.6 + (0.8 if kind == "post" else 0.0)
        return max(1, min(5, round(base + rng.gauss(0, 0.7))))
    difficulty = (sum(map(ord, question.id)) % 7 - 3) * 0.35
    knows = rng.random() < 1 / (1 + math.exp(-(skill - difficulty)))
    return _right(question, rng) if knows else _wrong(question, rng)


def _right(question: Question, rng):
    if question.type == "single":
        return next(o.id for o in question.options if o.correct)
    if question.type == "multiple":
        return [o.id for o in question.options if o.correct]
    if question.type == "true_false":
        return bool(question.answer)
    if question.type == "short_text":
        return question.accept[0]
    return str(question.answer)


def _wrong(question: Question, rng):
    if question.type == "single":
        return rng.choice([o.id for o in question.options if not o.correct])
    if question.type == "multiple":
        picked = [o.id for o in question.options if o.correct and rng.random() < 0.5]
        wrong = [o.id for o in question.options if not o.correct]
        return picked + ([rng.choice(wrong)] if wrong and rng.random() < 0.6 else [])
    if question.type == "true_false":
        return not question.answer
    if question.type == "short_text":
        return rng.choice(["ไม่ทราบ", "", "ไม่แน่ใจ"]) or None
    return str(float(question.answer) + question.tolerance + rng.randint(1, 5))
