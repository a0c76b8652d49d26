"""roster namesakes: a name is unique within a department only for people without an employee ID

Two staff with the same name in the same department are two people on a roster; they are told
apart by their employee IDs. The unique constraint on (event, name, department) kept the second
one from joining, so it becomes a unique index over the people who joined by name alone.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02 08:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

OLD = 'uq_participant_event_id_name_key_department_code'
NEW = 'uq_participant_name_without_employee_id'
JOINED_BY_NAME = sa.text('employee_id IS NULL')


def upgrade():
    with op.batch_alter_table('participant', schema=None) as batch_op:
        batch_op.drop_constraint(OLD, type_='unique')
    _check_references_after_rebuild()
    op.create_index(NEW, 'participant', ['event_id', 'name_key', 'department_code'],
                    unique=True, sqlite_where=JOINED_BY_NAME, postgresql_where=JOINED_BY_NAME)


def downgrade():
    op.drop_index(NEW, table_name='participant')
    with op.batch_alter_table('participant', schema=None) as batch_op:
        batch_op.create_unique_constraint(OLD, ['event_id', 'name_key', 'department_code'])
    _check_references_after_rebuild()


def _check_references_after_rebuild():
    """SQLite rebuilds the table to change a constraint while attempts refer to its rows:
    migrations/env.py turns foreign keys off for that (SQLite's documented procedure), so
    every reference is checked here, before the migration ends."""
    if op.get_bind().dialect.name != 'sqlite':
        return
    broken = op.get_bind().execute(sa.text('PRAGMA foreign_key_check')).all()
    if broken:
        raise RuntimeError(f'rows left referring to nothing: {broken}')
