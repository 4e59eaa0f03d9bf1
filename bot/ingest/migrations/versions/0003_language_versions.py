"""Language versions of a provider's summary and visiting address.

Names already had Swedish and English columns; the bot now answers in Swedish and English too
(issue 13), so the summary (sv, en) and the street address and post office (sv) get theirs.
All nullable: a missing version falls back to the Finnish value (models.in_language). Rows
written before this revision get the new values when their source record is imported again
(its content hash changes, so it is rewritten).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30 12:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("provider_location", schema=None) as batch_op:
        batch_op.add_column(sa.Column("summary_sv", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("summary_en", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("street_address_sv", sa.String(length=300), nullable=True))
        batch_op.add_column(sa.Column("post_office_sv", sa.String(length=100), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("provider_location", schema=None) as batch_op:
        batch_op.drop_column("post_office_sv")
        batch_op.drop_column("street_address_sv")
        batch_op.drop_column("summary_en")
        batch_op.drop_column("summary_sv")
