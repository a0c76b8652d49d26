"""a participant's submit as one call on PostgreSQL: submit_own_attempt()

When a room submits at once, each submit on PostgreSQL was four round trips to the server
(BEGIN, lock the attempt, close it with its score, COMMIT). The attempt must be locked in a
statement of its own before it is scored: a statement that waited for a lock reads as of
when it began, so an UPDATE that waited for an autosave holding the attempt would leave out
the answer that autosave had just saved. A PL/pgSQL function can do both in one call (a
VOLATILE function's statements each read as of when they begin), so the submit is one
statement in autocommit: one round trip. The function does what
assessment/quizzes/submitting.py says of a participant's submit; SQLite needs none of this
(its transactions begin IMMEDIATE and hold the one write lock) and gets nothing here.

The function names the tables and columns it uses (attempt, answer, phase, event): a later
migration that changes any of them must replace the function as well. Every test of the
submit runs on PostgreSQL too (make test), so a function left behind fails there.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02 16:00:00

"""
from alembic import op


# revision identifiers, used by Alembic.
revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

SIGNATURE = 'submit_own_attempt(integer, text, integer[], timestamp without time zone, text)'

CREATE = """
CREATE OR REPLACE FUNCTION submit_own_attempt(
    given_attempt integer, given_code text, participants integer[],
    given_at timestamp without time zone, given_by text,
    OUT closed boolean, OUT owner integer)
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
    -- held until the caller's transaction ends; the UPDATE below then reads every answer
    -- committed before, including one saved by an autosave this call waited for
    PERFORM 1 FROM attempt WHERE attempt.id = given_attempt FOR UPDATE;
    UPDATE attempt
       SET status = 'submitted', submitted_at = given_at, submitted_by = given_by,
           score = (SELECT coalesce(sum(answer.points), 0.0) FROM answer
                     WHERE answer.attempt_id = given_attempt)
     WHERE attempt.id = given_attempt
       AND attempt.status = 'in_progress'
       AND attempt.participant_id = ANY(participants)
       AND attempt.phase_id IN (SELECT phase.id FROM phase JOIN event ON event.id = phase.event_id
                                 WHERE event.code = given_code);
    closed := FOUND;
    IF NOT closed THEN  -- whose it is, if it is an attempt at this event at all
        SELECT attempt.participant_id INTO owner
          FROM attempt JOIN phase ON phase.id = attempt.phase_id
               JOIN event ON event.id = phase.event_id
         WHERE attempt.id = given_attempt AND event.code = given_code;
    END IF;
END
$$
"""


def upgrade():
    if op.get_bind().dialect.name == 'postgresql':
        op.execute(CREATE)


def downgrade():
    if op.get_bind().dialect.name == 'postgresql':
        op.execute(f'DROP FUNCTION IF EXISTS {SIGNATURE}')
