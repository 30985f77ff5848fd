"""Alembic environment: migrations run on the connection the kiosk hands over."""

from alembic import context

from kiosk.data.leads_db import LeadsBase

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=LeadsBase.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
