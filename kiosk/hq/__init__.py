"""The admissions office's side of lead sync: a receiver kiosks POST their leads to
(``kiosk hq serve``) and the import of the JSONL bundles staff export (``kiosk leads import``),
both storing into one HQ database (PostgreSQL, or SQLite on a laptop).

Where batches go and their limits live here, without the server's dependencies, so the kiosk's
sync reads them too.
"""

LEADS_PATH = "/v1/leads"

MAX_BODY_BYTES = 4 * 1024 * 1024
MAX_BATCH_LEADS = 500
