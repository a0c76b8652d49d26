"""two phones under one name: the phone that holds a participant, and when a second phone took
the same name over (events without a roster), until the trainer settles it

Revision ID: h20_participant_phones
Revises: h20_session_version
Create Date: 2026-12-08 03:20:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'h20_participant_phones'
down_revision = 'h20_session_version'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('participant', schema=None) as batch_op:
        batch_op.add_column(sa.Column('phone', sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column('second_phone_at', sa.DateTime(timezone=True),
                                      nullable=True))


def downgrade():
    with op.batch_alter_table('participant', schema=None) as batch_op:
        batch_op.drop_column('second_phone_at')
        batch_op.drop_column('phone')
