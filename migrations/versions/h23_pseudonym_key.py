"""pseudonyms get their own key, drawn once and shared by every app server

Pseudonyms were keyed on the session secret, which each host drew for itself: two servers
gave one person two pseudonyms, and a new session key renamed everyone. The key is now drawn
here, once, and kept in the database. Workbooks exported before this upgrade used the old
key, so their pseudonyms differ from those of later exports.

Revision ID: h23_pseudonym_key
Revises: 0005
Create Date: 2026-12-08 03:00:00

"""
import secrets

import sqlalchemy as sa
from alembic import op


# revision identifiers, used by Alembic.
revision = 'h23_pseudonym_key'
down_revision = 'h20_participant_phones'
branch_labels = None
depends_on = None


def upgrade():
    table = op.create_table(
        'pseudonym_key',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('key', sa.String(length=64), nullable=False),
        sa.CheckConstraint('id = 1', name=op.f('ck_pseudonym_key_one_row')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_pseudonym_key')),
    )
    op.bulk_insert(table, [{'id': 1, 'key': secrets.token_hex(32)}])


def downgrade():
    op.drop_table('pseudonym_key')
