"""The outbox keeps HQ's refusal of a lead, with its reason, for staff to see.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("outbox", sa.Column("rejected_at", sa.String(), nullable=True))
    op.add_column("outbox", sa.Column("rejected_reason", sa.Text(), nullable=True))


def downgrade() -> None:
    op.drop_column("outbox", "rejected_reason")
    op.drop_column("outbox", "rejected_at")
