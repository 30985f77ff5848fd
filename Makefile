# Two entry points for a fresh Debian machine: `make run` and `make test`.
# Each creates .venv and installs what it needs; nothing is installed by hand.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
QM     := assets/translations/zh_Hans.qm assets/translations/zh_Hant.qm assets/translations/en.qm
ARGS   ?=

.PHONY: run test test-pg test-bundle bundle lint format content translations bench soak screenshots clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

# Qt translation files: zh_Hans.ts is edited by people, zh_Hant.ts is generated from it (OpenCC);
# each is compiled to .qm when older than its source (kiosk/i18n_build.py, which kiosk.spec runs too).
translations: $(STAMP)
	$(BIN)/python -m kiosk.i18n_build

# Rebuilds the bundled content database only when a source changed.
kiosk/data/content.sqlite: $(wildcard kiosk/data/content/*.toml) kiosk/i18n_build.py $(STAMP)
	$(BIN)/kiosk content build

content: kiosk/data/content.sqlite

run: $(STAMP) content translations
	$(BIN)/kiosk run $(ARGS)

lint: $(STAMP)
	$(BIN)/ruff check kiosk tests bench
	$(BIN)/ruff format --check kiosk tests bench
	$(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff format kiosk tests bench
	$(BIN)/ruff check --fix kiosk tests bench

test: $(STAMP) translations lint
	$(BIN)/python -m pytest

# The tests that need a real PostgreSQL server (marked pg; they start their own throwaway
# cluster). Installs Debian's postgresql first when the tests' finder sees no initdb/pg_ctl.
test-pg: $(STAMP)
	@$(BIN)/python -c 'import sys; from tests.postgres import find_pg_bin; sys.exit(find_pg_bin() is None)' \
	|| { sudo=$$([ "$$(id -u)" -eq 0 ] || echo sudo); \
	     $$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq \
	     && $$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql; }
	$(BIN)/python -m pytest -m pg

# The one-folder bundle dist/kiosk/ for installers (kiosk.spec; docs/install-*.md).
bundle: $(STAMP) content translations
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN kiosk.spec

# Builds the bundle, then runs the frozen kiosk: --self-test, --exit-when-ready, the watchdog.
test-bundle: bundle
	$(BIN)/python -m pytest -m bundle

bench: $(STAMP) content translations
	$(BIN)/python bench/run.py

# Days of a fair in one process: 2,000 visitor journeys through the real widgets (no crash, no
# Qt warning, no growing widget count, memory within 20 MB of journey 100's), then a power cut
# during a save 1,000 times (SIGKILL mid-save: no lead reported saved is lost).
soak: $(STAMP) content translations
	KIOSK_SOAK_JOURNEYS=2000 $(BIN)/python -m pytest -rP -m soak tests/soak
	KIOSK_LEAD_KILLS=1000 $(BIN)/python -m pytest tests/reliability/test_lead_kill.py

# Screenshots of every screen in a real X window (needs Debian's xvfb; see README).
screenshots: $(STAMP) content translations
	xvfb-run -a -s "-screen 0 1920x1920x24" $(BIN)/python -m bench.screenshots screenshots

clean:
	rm -rf $(VENV) build dist *.egg-info $(QM) assets/translations/zh_Hant.ts
