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
# The progress screen needs some history: plain quiz and review rounds on past days
# (STATUS_TUTOR_NOW), answered from a fixed cycle of answers, and the first pages read.
rm -rf "$work/data"; mkdir "$work/data"
at() { env STATUS_TUTOR_NOW="$1" STATUS_TUTOR_DATA_DIR="$work/data" "${@:2}"; }
# Answers from a file, not a pipe: the round stops reading early (no SIGPIPE under pipefail).
answers() { for _ in $(seq 1 30); do printf '404\nt\n%s\n403\nf\n2\n200\n1\n' "$1"; done >"$work/answers"; }
seed=0
for day in 2026-11-24 2026-11-26 2026-11-29 2026-12-01 2026-12-03 2026-12-05; do
  seed=$((seed + 1))
  answers $((seed % 3 + 1))
  at "${day}T10:00:00Z" "$bin" quiz --plain --questions 8 --seed "$seed" <"$work/answers" >/dev/null 2>&1
done
for day in 2026-11-30 2026-12-06; do
  answers 1
  at "${day}T18:00:00Z" "$bin" review --plain <"$work/answers" >/dev/null 2>&1
done
pages=Enter; for _ in $(seq 1 14); do pages="$pages G Right"; done
# shellcheck disable=SC2086 # one key per word
"$drive" -s 100x32 -d 0.3 -- env STATUS_TUTOR_NOW=2026-12-07T10:00:00Z STATUS_TUTOR_DATA_DIR="$work/data" \
  "$bin" --theme dark ::: $pages q >/dev/null
"$drive" -e -s 100x60 -d 0.6 -- env STATUS_TUTOR_NOW=2026-12-07T10:00:00Z STATUS_TUTOR_DATA_DIR="$work/data" \
  "$bin" --theme dark ::: % >"$work/progress.ans"
"$python" tools/screenshots/render.py "$work/progress.ans" docs/screenshot-progress.png 100 60
echo "docs/screenshot-reader.png docs/screenshot-quiz.png docs/screenshot-progress.png written"
