"""Search projection on support_offer: channel type and point, indexed with the topic.

Nearest-provider queries filtered by topic joined support_offer to provider_location; without
statistics SQLite drove that join from the topic index and read a whole topic's rows per
query (~45 ms at 50 000 providers). With the provider's channel type and point repeated on the
offer, the query is one range scan of (topic, latitude, longitude).

Revision ID: 0002
Revises: 0001
Create Date: 2025-01-20 12:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _copy(column: str) -> str:
    return (
        f"(SELECT provider_location.{column} FROM provider_location "
        "WHERE provider_location.id = support_offer.provider_id)"
    )


def upgrade() -> None:
    with op.batch_alter_table("support_offer", schema=None) as batch_op:
        batch_op.add_column(sa.Column("channel_type", sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column("latitude", sa.Float(), nullable=True))
        batch_op.add_column(sa.Column("longitude", sa.Float(), nullable=True))
    op.execute(
        "UPDATE support_offer SET "
        f"channel_type = {_copy('channel_type')}, "
        f"latitude = {_copy('latitude')}, "
        f"longitude = {_copy('longitude')}"
    )
    with op.batch_alter_table("support_offer", schema=None) as batch_op:
        batch_op.alter_column("channel_type", existing_type=sa.String(length=20), nullable=False)
        batch_op.drop_index("ix_support_offer_topic_provider")
        batch_op.create_index(
            "ix_support_offer_topic_lat_lon", ["topic", "latitude", "longitude"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("support_offer", schema=None) as batch_op:
        batch_op.drop_index("ix_support_offer_topic_lat_lon")
        batch_op.create_index(
            "ix_support_offer_topic_provider", ["topic", "provider_id"], unique=False
        )
        batch_op.drop_column("longitude")
        batch_op.drop_column("latitude")
        batch_op.drop_column("channel_type")
