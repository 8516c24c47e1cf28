#!/usr/bin/env bash
# Prints the resident memory of `gongwen serve` after its first build and after N more rebuilds
# triggered by edits, on a project (default: a generated 50 units × 250 tasks project).
# usage: scripts/serve-memory.sh [BIN] [PROJECT] [N]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-target/release/gongwen}
n=${3:-10}
work=$(mktemp -d)
trap 'kill "${pid:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
project=${2:-}
if [ -z "$project" ]; then
  project="$work/p"
  python3 scripts/gen-project.py "$project" 50 250 --submissions >/dev/null
fi
"$bin" -p "$project" serve --no-system-fonts --port 0 > "$work/out" 2>"$work/err" &
pid=$!
until grep -q serving "$work/out" 2>/dev/null; do sleep 0.2; done
addr=$(sed -n 's#serving http://\([^/]*\)/.*#\1#p' "$work/out")
state() { curl -s -H "Host: $addr" "http://$addr/__gongwen/state"; }
builds() { state | python3 -c 'import json,sys; print(json.load(sys.stdin)["evictions"])'; }
rss() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$pid/status"; }
first=$(rss)
most=$first
notice=$(find "$project/content/notices" -name '*.md' | head -1)
for i in $(seq 1 "$n"); do
  before=$(builds)
  printf '\n第%s次修改。\n' "$i" >> "$notice"
  until [ "$(builds)" -gt "$before" ]; do sleep 0.2; done
  now=$(rss)
  [ "$now" -gt "$most" ] && most=$now
done
last=$(rss)
# The allocator keeps freed memory for a while, so one reading varies; the most over all
# rebuilds shows whether memory grows with each edit (it would without the cache eviction).
printf '%-34s after the first build %5s MiB; after %s rebuilds %5s MiB (%.2f×), at most %s MiB (%.2f×)\n' \
  "serve memory ($(basename "$project"))" "$first" "$n" "$last" "$(awk "BEGIN {print $last / $first}")" \
  "$most" "$(awk "BEGIN {print $most / $first}")"
