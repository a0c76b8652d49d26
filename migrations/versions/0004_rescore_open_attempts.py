"""the answers of attempts still open scored once more against their bank

From this version a submit adds up the points stored with the answers. Builds before
2026-12-02 did not always store them (autosave stored none at first, and the page form
kept autosave's older points for a while); their submit scored the answers again. Attempts
still open when this version arrives (a test under way, or left open until its phase
closes) get every answer's points from the bank here, once. Submitted attempts were scored
by their submit, which wrote any points that differed, and are left alone.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02 08:30:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

answer = sa.table('answer', sa.column('id', sa.Integer), sa.column('attempt_id', sa.Integer),
                  sa.column('question_key', sa.String), sa.column('value', sa.JSON),
                  sa.column('points', sa.Float))
attempt = sa.table('attempt', sa.column('id', sa.Integer), sa.column('status', sa.String),
                   sa.column('phase_id', sa.Integer))
phase = sa.table('phase', sa.column('id', sa.Integer), sa.column('event_id', sa.Integer))
event = sa.table('event', sa.column('id', sa.Integer), sa.column('bank_version_id', sa.Integer))

OPEN_ANSWERS = (
    sa.select(answer.c.id, answer.c.question_key, answer.c.value, answer.c.points,
              event.c.bank_version_id)
    .join(attempt, attempt.c.id == answer.c.attempt_id)
    .join(phase, phase.c.id == attempt.c.phase_id)
    .join(event, event.c.id == phase.c.event_id)
    .where(attempt.c.status == 'in_progress')
)

SET_POINTS = answer.update().where(answer.c.id == sa.bindparam('answer_id')).values(
    points=sa.bindparam('new_points'))


def upgrade():
    from assessment.banks.operations import bank_by_version
    from assessment.quizzes.scoring import points_for

    bind = op.get_bind()
    changed = []
    for row in bind.execute(OPEN_ANSWERS).all():
        bank = bank_by_version(row.bank_version_id, connection=bind)
        try:
            points = points_for(bank.question(row.question_key), row.value)
        except KeyError:  # not a question of the bank: nothing to score it against
            continue
        if points != row.points:
            changed.append({'answer_id': row.id, 'new_points': points})
    if changed:
        bind.execute(SET_POINTS, changed)


def downgrade():
    pass  # the points stay right for the older submit, which scores the answers again
