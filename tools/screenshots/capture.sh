#!/usr/bin/env bash
# Recaptures the README's screenshots from the real binary: tmux renders the screen
# (via tui-drive, `capture-pane -e`), render.py draws the capture with DejaVu Sans Mono.
#
#   tools/screenshots/capture.sh [TUI_DRIVE] [PYTHON]
#
# Needs tmux, fonts-dejavu-core and a Python with Pillow (python3 -m venv /tmp/v &&
# /tmp/v/bin/pip install pillow). The quiz draws a random round: the script starts it
# until the first question has four choices.
set -euo pipefail
cd "$(dirname "$0")/../.."
drive=${1:-/work/shared/tools/tui-drive}
python=${2:-python3}
bin=target/debug/status-tutor
cargo build --quiet --bin status-tutor
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
run() { rm -rf "$work/data"; mkdir "$work/data"; "$drive" -e "$@"; }

run -s 120x32 -d 0.5 -- env STATUS_TUTOR_DATA_DIR="$work/data" "$bin" --theme dark 404 ::: >"$work/reader.ans"
"$python" tools/screenshots/render.py "$work/reader.ans" docs/screenshot-reader.png 120 32

for _ in $(seq 1 20); do
  run -s 100x24 -d 0.6 -- env STATUS_TUTOR_DATA_DIR="$work/data" "$bin" --theme dark quiz ::: Enter Down >"$work/quiz.ans"
  sed 's/\x1b\[[0-9;]*m//g' "$work/quiz.ans" | grep -q ' 4 ( )' && break
done
"$python" tools/screenshots/render.py "$work/quiz.ans" docs/screenshot-quiz.png 100 24
echo "docs/screenshot-reader.png docs/screenshot-quiz.png written"
