#!/usr/bin/env bash
# `gongwen serve` under edits: the time from an edit to the rebuilt site being served (median and
# slowest), and resident memory after the first build and after N rebuilds.
# usage: scripts/serve-memory.sh [BIN] [PROJECT] [N]
#   PROJECT: a folder, or empty for a copy of the bundled example; N edits (default 50).
set -euo pipefail
cd "$(dirname "$0")/.."
{ unset LC_ALL LC_MESSAGES; export LANG=en_US.UTF-8; } 2>/dev/null # the address is read from gongwen's English output
bin=${1:-target/release/gongwen}
n=${3:-50}
work=$(mktemp -d)
trap 'kill "${pid:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
project=${2:-}
name=$(basename "${project:-example}")
if [ -z "$project" ]; then
  project="$work/example"
  mkdir -p "$project"
  cp -r content "$project/"
fi
"$bin" -p "$project" serve --no-system-fonts --port 0 > "$work/out" 2>"$work/err" &
pid=$!
until grep -q serving "$work/out" 2>/dev/null; do sleep 0.1; done
addr=$(sed -n 's#serving http://\([^/]*\)/.*#\1#p' "$work/out")
state() { curl -s -H "Host: $addr" "http://$addr/__gongwen/state"; }
# Read with grep, not a Python start-up per poll: the poll must cost far less than what it times.
counter() { state | grep -o "\"$1\":[0-9]*" | cut -d: -f2; }
builds() { counter evictions; } # every rebuild ends with one
shown() { counter build; }      # the site was published (the browser reloads)
rss() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$pid/status"; }
until [ "$(builds)" -gt 0 ]; do sleep 0.1; done
first=$(rss)
most=$first
notice=$(find "$project/content/notices" -name '*.md' | sort | head -1)
: > "$work/latency"
for i in $(seq 1 "$n"); do
  before=$(builds)
  seen=$(shown)
  start=$(date +%s%N)
  printf '\n第%s次修改。\n' "$i" >> "$notice"
  until [ "$(shown)" -gt "$seen" ]; do sleep 0.002; done
  echo $(( ($(date +%s%N) - start) / 1000000 )) >> "$work/latency"
  until [ "$(builds)" -gt "$before" ]; do sleep 0.01; done
  now=$(rss)
  [ "$now" -gt "$most" ] && most=$now
done
last=$(rss)
median=$(sort -n "$work/latency" | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}')
slowest=$(sort -n "$work/latency" | tail -1)
printf '%-44s median %s ms, slowest %s ms (edit → edited page served, %s edits)\n' "serve ($name): one edit → page live" "$median" "$slowest" "$n"
# The allocator keeps freed memory for a while, so one reading varies; the most over all
# rebuilds shows whether memory grows with each edit (it would without the cache eviction).
printf '%-44s first build %s MiB; after %s edits %s MiB (%.2f×), at most %s MiB (%.2f×)\n' \
  "serve ($name): memory" "$first" "$n" "$last" "$(awk "BEGIN {print $last / $first}")" \
  "$most" "$(awk "BEGIN {print $most / $first}")"
