#!/usr/bin/env bash
# The performance table: wall time, peak memory and pages per second of `gongwen build` on one
# notice (beside the Typst CLI on the same emitted sources and fonts, when `typst` is installed)
# and on generated projects of U units × T tasks with a summary from every unit; a second build
# with nothing changed; `check` with and without proofreading; and `gongwen serve` (one edit →
# page live, memory over 50 edits). Every full build starts from an empty output folder.
# usage: scripts/bench.sh [SIZES...]   e.g. scripts/bench.sh 50x250 200x1000
#        (default: 50x250 200x1000 400x2000; add 800x4000 for the largest row)
set -euo pipefail
cd "$(dirname "$0")/.."
{ unset LC_ALL LC_MESSAGES; export LANG=en_US.UTF-8; } 2>/dev/null # the counts are read from gongwen's English output
cargo build --release -q
bin=$PWD/target/release/gongwen
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(50x250 200x1000 400x2000)

# measure LABEL CMD...: runs CMD, prints its wall time and peak memory, keeps them in secs/kb
# and its standard output in $work/stdout.
measure() {
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >"$work/stdout" 2>"$work/stderr" || {
    echo "$label: failed"; tail -5 "$work/stderr"; return 1; }
  read -r secs kb < "$work/time"
  printf '%-44s %7.2f s  %7.0f MiB' "$label" "$secs" "$(awk "BEGIN {print $kb / 1024}")"
}
per_second() { awk "BEGIN {d = $2; if (d < 0.01) d = 0.01; printf \"  %7.0f $3/s\", $1 / d}"; }
# Pages gongwen reports writing ("wrote X (N pages)").
pages_written() { grep -o '([0-9]* pages\?)' "$work/stdout" | grep -o '[0-9]*' | awk '{n += $1} END {print n + 0}'; }
median() { sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }

one_notice() {
  local p=$work/one
  mkdir -p "$p/content"
  cp -r content/gongwen.yaml content/units.yaml content/notices content/tasks "$p/content/"
  local runs=()
  for _ in 1 2 3 4 5; do
    rm -rf "$p/out"
    measure "one notice: gongwen build (fresh out/)" "$bin" -p "$p" build --no-system-fonts --no-site --no-docx >/dev/null
    runs+=("$secs")
  done
  local ours; ours=$(printf '%s\n' "${runs[@]}" | median)
  local pages; pages=$(pages_written)
  printf '%-44s %7.3f s median of 5, %s pages\n' "one notice: gongwen build" "$ours" "$pages"
  if ! command -v typst >/dev/null 2>&1; then
    echo "typst CLI not installed (cargo install typst-cli --version 0.15.1): no comparison"
    return
  fi
  rm -rf "$p/out"
  "$bin" -p "$p" build --no-system-fonts --no-site --no-docx --emit-typst >/dev/null 2>&1
  # The same generated sources through the CLI, one process per document, the same fonts.
  find "$p/out/pdf" -name '*.typ' | sort > "$work/typs"
  while read -r typ; do
    d=$(dirname "$typ")
    # The layout library as the CLI finds it, with the refit module of a first typesetting
    # (gongwen's own refit passes, when it needs any, are extra work the CLI is spared).
    sed 's#"/fit.typ"#"fit.typ"#' templates/typst/gongwen.typ > "$d/gongwen.typ"
    printf '#let fit = (sections: (:), colophon-break: false, unnumbered: ())\n' > "$d/fit.typ"
    sed -i 's#"/gongwen.typ"#"gongwen.typ"#' "$typ"
  done < "$work/typs"
  runs=()
  for _ in 1 2 3 4 5; do
    measure "typst CLI" bash -c 'while read -r t; do typst compile --ignore-system-fonts --font-path assets/fonts "$t" "${t%.typ}.cli.pdf" || exit 1; done < "$1"' _ "$work/typs" >/dev/null
    runs+=("$secs")
  done
  local cli; cli=$(printf '%s\n' "${runs[@]}" | median)
  printf '%-44s %7.3f s median of 5 (%s documents); gongwen/CLI = %.2f×\n' "one notice: typst CLI, same sources" "$cli" "$(wc -l < "$work/typs")" "$(awk "BEGIN {print $ours / $cli}")"
}

# .docx per second: a build that keeps every PDF and .docx (their inputs did not change), then
# one that makes every .docx again (out/docx removed): the difference is the Word backend's time.
docx_rate() { # PROJECT, built with its PDFs in out/
  local p=$1
  "$bin" -p "$p" build --no-system-fonts --no-site >/dev/null 2>&1
  measure "build, every PDF and .docx kept" "$bin" -p "$p" build --no-system-fonts --no-site; echo
  local kept=$secs n; n=$(find "$p/out/docx" -name '*.docx' | wc -l)
  rm -rf "$p/out/docx"
  measure "build making its $n .docx again" "$bin" -p "$p" build --no-system-fonts --no-site
  per_second "$n" "$(awk "BEGIN {print $secs - $kept}")" ".docx"; echo
}

# The site made from nothing (a kept site is not made at all), every document kept: a build
# with the site less one without it is the site's rendering and writing; medians of three of
# each, alternating. The old site is moved aside, not deleted, until the end: on ext4 without a
# journal, creating files within a minute of deleting as many is several times slower (the
# kernel passes over recently freed inodes), which would time the disk, not gongwen.
site_rate() { # PROJECT, built with its PDFs in out/
  local p=$1 without=() with=() i
  for i in 1 2 3; do
    measure "" "$bin" -p "$p" build --no-system-fonts --no-site >/dev/null; without+=("$secs")
    mv "$p/out/site" "$work/old-site-$RANDOM$i"
    measure "" "$bin" -p "$p" build --no-system-fonts >/dev/null; with+=("$secs")
  done
  local a b; a=$(printf '%s\n' "${without[@]}" | median); b=$(printf '%s\n' "${with[@]}" | median)
  local html; html=$(find "$p/out/site" -name '*.html' | wc -l)
  printf '%-44s %7.2f s  (%.2f s without it; medians of 3)' "build making the site again, documents kept" "$b" "$a"
  per_second "$html" "$(awk "BEGIN {print $b - $a}")" "HTML pages"; printf '  (site: %s pages)\n' "$html"
}

scale() { # UNITS TASKS
  local u=$1 t=$2 p=$work/p$1x$2
  python3 scripts/gen-project.py "$p" "$u" "$t" --submissions >/dev/null
  echo "-- $u units × $t tasks, $(ls "$p"/content/submissions/2024 | wc -l) summaries"
  measure "check" "$bin" -p "$p" check --no-system-fonts; echo
  local with=$secs
  measure "check --no-proofread" "$bin" -p "$p" check --no-system-fonts --no-proofread
  printf '  (proofreading %.2f s)\n' "$(awk "BEGIN {print $with - $secs}")"
  measure "PDFs only (fresh out/)" "$bin" -p "$p" build --no-system-fonts --no-site --no-docx
  per_second "$(pages_written)" "$secs" "PDF pages"; printf '  (%s pages)\n' "$(pages_written)"
  rm -rf "$p/out"
  measure "full build: PDF, .docx, site (fresh out/)" "$bin" -p "$p" build --no-system-fonts
  local pages; pages=$(pages_written)
  per_second "$pages" "$secs" "PDF pages"; echo
  measure "second build, nothing changed" "$bin" -p "$p" build --no-system-fonts; echo
  measure "second build without the site" "$bin" -p "$p" build --no-system-fonts --no-site; echo
  site_rate "$p"
  docx_rate "$p"
  rm -rf "$p"
}

one_notice
for s in "${sizes[@]}"; do scale "${s%x*}" "${s#*x}"; done
echo "-- serve"
bash scripts/serve-memory.sh "$bin" "" 50
p=$work/serve200
python3 scripts/gen-project.py "$p" 200 1000 --submissions >/dev/null
bash scripts/serve-memory.sh "$bin" "$p" 20
