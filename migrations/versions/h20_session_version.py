"""staff sessions: a per-account session version (logout, a new password or a disabled account
ends every session of that account), accounts that can be disabled, and no lock-out columns
(wrong passwords are counted by the attempt limits, which a stranger cannot use against the
owner)

Revision ID: h20_session_version
Revises: 0005
Create Date: 2026-12-08 03:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'h20_session_version'
down_revision = 'h22b_phase_actual_times'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('user_account', schema=None) as batch_op:
        batch_op.add_column(sa.Column('session_version', sa.Integer(), nullable=False,
                                      server_default='0'))
        batch_op.add_column(sa.Column('active', sa.Boolean(), nullable=False,
                                      server_default=sa.true()))
        batch_op.drop_column('failed_logins')
        batch_op.drop_column('locked_until')


def downgrade():
    with op.batch_alter_table('user_account', schema=None) as batch_op:
        batch_op.add_column(sa.Column('locked_until', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('failed_logins', sa.Integer(), nullable=False,
                                      server_default='0'))
        batch_op.drop_column('active')
        batch_op.drop_column('session_version')
