"""Events set up by staff; leads' personal data sealed; kiosk and event on every analytics event.

The personal data columns of a lead become one sealed column. Leads saved before this revision
cannot be sealed here (the staff key does not exist yet): their data moves into that column as
JSON with no key, and the vault seals them when staff set it up (kiosk.lead_vault).

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

PII_FIELDS = ("name", "phone_e164", "email", "wechat_id", "school")


def upgrade() -> None:
    op.create_table(
        "event",
        sa.Column("event_id", sa.String(), primary_key=True),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("city", sa.String(), nullable=False),
        sa.Column("starts_on", sa.String(), nullable=False),
        sa.Column("ends_on", sa.String(), nullable=False),
        sa.Column("created_at", sa.String(), nullable=False),
    )
    op.create_table(
        "lead_key",
        sa.Column("key_id", sa.String(), primary_key=True),
        sa.Column("sealed_key", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.String(), nullable=False),
    )
    # Plain ALTER TABLE (no batch copy): the outbox's foreign key keeps pointing at "lead".
    op.execute("ALTER TABLE lead ADD COLUMN kiosk_id VARCHAR NOT NULL DEFAULT ''")
    op.execute("ALTER TABLE lead ADD COLUMN key_id VARCHAR REFERENCES lead_key (key_id)")
    op.execute("ALTER TABLE lead ADD COLUMN sealed_pii BLOB NOT NULL DEFAULT x''")
    pairs = ", ".join(f"'{field}', {field}" for field in PII_FIELDS)
    op.execute(f"UPDATE lead SET sealed_pii = CAST(json_object({pairs}) AS BLOB)")
    for field in PII_FIELDS:
        op.execute(f"ALTER TABLE lead DROP COLUMN {field}")
    op.create_index("ix_lead_key_id", "lead", ["key_id"])
    op.execute("ALTER TABLE analytics_event ADD COLUMN event_id VARCHAR NOT NULL DEFAULT ''")
    op.execute("ALTER TABLE analytics_event ADD COLUMN kiosk_id VARCHAR NOT NULL DEFAULT ''")


def downgrade() -> None:
    raise NotImplementedError("Sealed personal data cannot be turned back into plain columns.")
