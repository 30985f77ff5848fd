"""Leads with their consents, and the outbox of leads still to send to the admissions office.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "lead",
        sa.Column("lead_id", sa.String(), primary_key=True),
        sa.Column("device_id", sa.String(), nullable=False),
        sa.Column("event_id", sa.String(), nullable=False),
        sa.Column("session_id", sa.String(), nullable=False),
        sa.Column("created_at", sa.String(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("phone_e164", sa.Text(), nullable=True),
        sa.Column("email", sa.Text(), nullable=True),
        sa.Column("wechat_id", sa.Text(), nullable=True),
        sa.Column("school", sa.Text(), nullable=True),
        sa.Column("region", sa.String(), nullable=False),
        sa.Column("stage", sa.String(), nullable=False),
        sa.Column("intake_year", sa.Integer(), nullable=True),
        sa.Column("programme_codes", sa.Text(), nullable=False),
        sa.Column("contact_language", sa.String(), nullable=False),
        sa.Column("age_group", sa.String(), nullable=False),
        sa.Column("guardian_consent", sa.Boolean(), nullable=True),
        sa.Column("notice_version", sa.String(), nullable=False),
        sa.Column("consent_contact", sa.Boolean(), nullable=False),
        sa.Column("consent_transfer", sa.Boolean(), nullable=False),
        sa.Column("consent_news", sa.Boolean(), nullable=False),
        sa.Column("eligibility_outcome", sa.Text(), nullable=True),
        sa.CheckConstraint(
            "consent_contact = 1 AND consent_transfer = 1", name="ck_lead_required_consents"
        ),
        sa.CheckConstraint(
            "age_group != 'under_14' OR coalesce(guardian_consent, 0) = 1",
            name="ck_lead_guardian_consent",
        ),
    )
    op.create_index("ix_lead_session_id", "lead", ["session_id"])
    op.create_index("ix_lead_created_at", "lead", ["created_at"])
    op.create_table(
        "outbox",
        sa.Column("lead_id", sa.String(), sa.ForeignKey("lead.lead_id"), primary_key=True),
        sa.Column("enqueued_at", sa.String(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("last_attempt_at", sa.String(), nullable=True),
        sa.Column("synced_at", sa.String(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
    )
    op.create_index("ix_outbox_synced_at", "outbox", ["synced_at"])


def downgrade() -> None:
    op.drop_table("outbox")
    op.drop_table("lead")
