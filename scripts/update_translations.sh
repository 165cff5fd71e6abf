#!/usr/bin/env bash
# Refresh the UI translation source from the code, then compile it. Translate new strings in
# coach_app/ui/i18n/coach_fi.ts (Qt Linguist: .venv/bin/pyside6-linguist) and run this again.
set -euo pipefail
cd "$(dirname "$0")/.."
.venv/bin/pyside6-lupdate -no-obsolete coach_app/ui/*.py -ts coach_app/ui/i18n/coach_fi.ts
.venv/bin/pyside6-lrelease coach_app/ui/i18n/coach_fi.ts -qm coach_app/ui/i18n/coach_fi.qm
