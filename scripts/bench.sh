#!/usr/bin/env bash
# Prints wall time and peak memory of `gongwen build` on the bundled example, and of the Typst
# CLI compiling the same emitted .typ with the same fonts when a `typst` binary is installed.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -q
bin=target/release/gongwen
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
measure() { # label, command...
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$out/time" "$@" >/dev/null 2>&1
  read -r secs kb < "$out/time"
  printf '%-34s wall %6.2f s   peak memory %7.1f MiB\n' "$label" "$secs" "$(echo "$kb / 1024" | bc -l)"
}
"$bin" --no-system-fonts build --emit-typst --out "$out" >/dev/null 2>&1
pages=$(pdfinfo "$out"/pdf/*.pdf 2>/dev/null | awk '/^Pages/ {print $2}' || echo '?')
for i in 1 2 3; do measure "gongwen build (run $i, $pages pages)" "$bin" --no-system-fonts build --out "$out"; done
big="$out/big"
python3 scripts/gen-project.py "$big" 200 1000
measure "check: 200 units x 1,000 tasks" "$bin" --no-system-fonts -p "$big" check
"$bin" --no-system-fonts -p "$big" build >/dev/null 2>&1
pages=$(pdfinfo "$big"/out/pdf/*.pdf 2>/dev/null | awk '/^Pages/ {print $2}' || echo '?')
measure "build: 200 x 1,000 ($pages pages)" "$bin" --no-system-fonts -p "$big" build
if command -v typst >/dev/null 2>&1; then
  typ=$(ls "$out"/pdf/*.typ | head -1)
  cp templates/typst/gongwen.typ "$(dirname "$typ")/gongwen.typ"
  sed -i 's#"/gongwen.typ"#"gongwen.typ"#' "$typ"
  measure "typst compile (same .typ, fonts)" typst compile --ignore-system-fonts --font-path assets/fonts "$typ" "$out/typst.pdf"
else
  echo "typst CLI not installed: no comparison"
fi
