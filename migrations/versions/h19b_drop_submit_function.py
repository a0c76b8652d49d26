"""drop submit_own_attempt: the submit rule is written once, in Python (quizzes/submitting.py)

0005 wrote a participant's submit a second time, in PL/pgSQL, to save round trips; the
benchmark (benchmarks/results/load.md) meets its goals without it.

Revision ID: h19b_drop_submit_function
Revises: h19a_aware_utc_times
Create Date: 2026-12-08 03:20:00

"""
import importlib.util
from pathlib import Path

from alembic import op

# revision identifiers, used by Alembic.
revision = 'h19b_drop_submit_function'
down_revision = 'h19a_aware_utc_times'
branch_labels = None
depends_on = None

SIGNATURE = 'submit_own_attempt(integer, text, integer[], timestamp without time zone, text)'


def upgrade():
    if op.get_bind().dialect.name == 'postgresql':
        op.execute(f'DROP FUNCTION IF EXISTS {SIGNATURE}')


def downgrade():
    """The function as 0005 made it (its module holds the one copy of its text)."""
    if op.get_bind().dialect.name == 'postgresql':
        path = Path(__file__).with_name('0005_submit_function_for_postgresql.py')
        spec = importlib.util.spec_from_file_location('migration_0005', path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        op.execute(module.CREATE)
