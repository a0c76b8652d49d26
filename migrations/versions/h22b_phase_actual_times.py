"""phases keep their planned window apart from when the trainer actually opened and closed them

Before this, opening or closing a phase wrote the moment of the tap over the planned time.
A phase already closed had its planned close replaced by the actual one, so that value is
copied to the new `closed_at`; a planned opening was kept when there was one, so `opens_at`
is left as it is.

Revision ID: h22b_phase_actual_times
Revises: 0005
Create Date: 2026-12-08 03:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'h22b_phase_actual_times'
down_revision = 'h19b_drop_submit_function'
branch_labels = None
depends_on = None

phase = sa.table('phase', sa.column('state', sa.String), sa.column('closes_at', sa.DateTime(timezone=True)),
                 sa.column('closed_at', sa.DateTime(timezone=True)))


def upgrade():
    with op.batch_alter_table('phase', schema=None) as batch_op:
        batch_op.add_column(sa.Column('opened_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True))
    op.execute(phase.update().where(phase.c.state == 'closed')
               .values(closed_at=phase.c.closes_at))


def downgrade():
    with op.batch_alter_table('phase', schema=None) as batch_op:
        batch_op.drop_column('closed_at')
        batch_op.drop_column('opened_at')
