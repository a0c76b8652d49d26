"""every time in UTC: timestamptz on PostgreSQL, naive local times converted

Until now Python wrote `datetime.now()` (the server's local clock) while the database's
defaults wrote its own `now()`: UTC on SQLite (CURRENT_TIMESTAMP), the session's TimeZone on
PostgreSQL. From here on every column holds UTC (assessment/database.py: UTCDateTime).

Which clock wrote each column decides its conversion:
- written by the database (server defaults): SQLite's are UTC already; PostgreSQL's were
  in the session's TimeZone setting, which this migration's connection shares.
- written by Python (deadlines, submit and save times, phase windows, lock-outs): the
  server's local clock. They are read as local time of the process that runs this migration,
  so run `flask db upgrade` on the server that wrote them, with its own TZ (as `make serve`
  does). On a server whose clock is UTC nothing moves.

Revision ID: h19a_aware_utc_times
Revises: 0005
Create Date: 2026-12-08 03:00:00

"""
from datetime import UTC

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = 'h19a_aware_utc_times'
down_revision = '0005'
branch_labels = None
depends_on = None

#: table -> its datetime columns written by the database's own clock (server defaults)
BY_DATABASE = {
    'bank_version': ('loaded_at',), 'user_account': ('created_at',), 'event': ('created_at',),
    'participant': ('created_at',), 'attempt': ('started_at',), 'audit_entry': ('at',),
}
#: table -> its datetime columns written by Python's datetime.now() (server local time)
BY_PYTHON = {
    'user_account': ('locked_until',), 'phase': ('opens_at', 'closes_at'),
    'attempt': ('deadline', 'submitted_at'), 'answer': ('saved_at',),
}


def upgrade():
    if op.get_bind().dialect.name == 'postgresql':
        _retype(BY_DATABASE, sa.DateTime(timezone=True), "current_setting('TimeZone')")
        _retype(BY_PYTHON, sa.DateTime(timezone=True), "'UTC'")
    _convert(BY_PYTHON, _local_to_utc)


def downgrade():
    _convert(BY_PYTHON, _utc_to_local)
    if op.get_bind().dialect.name == 'postgresql':
        _retype(BY_DATABASE, sa.DateTime(), "current_setting('TimeZone')")
        _retype(BY_PYTHON, sa.DateTime(), "'UTC'")


def _retype(columns: dict, type_, zone: str) -> None:
    """PostgreSQL: each column to `type_`, its values read (or written) on `zone`'s clock."""
    for table, names in columns.items():
        for name in names:
            op.alter_column(table, name, type_=type_,
                            postgresql_using=f'{name} AT TIME ZONE {zone}')


def _convert(columns: dict, convert) -> None:
    """Every value of each column through `convert` (naive or aware in, as stored out)."""
    bind = op.get_bind()
    aware = bind.dialect.name == 'postgresql'
    for table_name, names in columns.items():
        for name in names:
            table = sa.table(table_name, sa.column('id', sa.Integer),
                             sa.column(name, sa.DateTime(timezone=aware)))
            rows = bind.execute(sa.select(table.c.id, table.c[name])
                                .where(table.c[name].is_not(None))).all()
            for row_id, value in rows:
                bind.execute(table.update().where(table.c.id == row_id)
                             .values({name: convert(value, aware)}))


def _local_to_utc(value, aware: bool):
    """A wall time of this server's clock (labelled UTC on PostgreSQL by _retype) as UTC."""
    moment = value.replace(tzinfo=None).astimezone(UTC)  # a naive astimezone reads local time
    return moment if aware else moment.replace(tzinfo=None)


def _utc_to_local(value, aware: bool):
    """A UTC moment back as this server's local wall time (labelled UTC on PostgreSQL)."""
    wall = value.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)
    return wall.replace(tzinfo=UTC) if aware else wall
