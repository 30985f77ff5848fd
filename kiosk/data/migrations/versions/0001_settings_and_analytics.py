"""Settings and anonymous analytics events.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "setting",
        sa.Column("key", sa.String(), primary_key=True),
        sa.Column("value", sa.Text(), nullable=False),
    )
    op.create_table(
        "analytics_event",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("session_id", sa.String(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("subject", sa.String(), nullable=True),
        sa.Column("language", sa.String(), nullable=True),
        sa.Column("detail", sa.String(), nullable=True),
        sa.Column("created_at", sa.String(), nullable=False),
    )
    op.create_index("ix_analytics_event_session_id", "analytics_event", ["session_id"])
    op.create_index("ix_analytics_event_kind", "analytics_event", ["kind"])
    op.create_index("ix_analytics_event_created_at", "analytics_event", ["created_at"])


def downgrade() -> None:
    op.drop_table("analytics_event")
    op.drop_table("setting")
