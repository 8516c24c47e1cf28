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
  printf '%-34s wall %6.2f s   peak memory %7.1f MiB\n' "$label" "$secs" "$(awk "BEGIN {print $kb / 1024}")"
  last_secs=$secs
}
"$bin" build --no-system-fonts --emit-typst --out "$out" >/dev/null 2>&1
count_pages() { find "$1" -name '*.pdf' -exec pdfinfo {} \; 2>/dev/null | awk '/^Pages/ {n += $2} END {print n}'; }
pages=$(count_pages "$out/pdf")
for i in 1 2 3; do measure "example build (run $i, $pages pages)" "$bin" build --no-system-fonts --out "$out"; done
big="$out/big"
python3 scripts/gen-project.py "$big" 200 1000 --submissions
subs=$(ls "$big"/content/submissions/2024 | wc -l)
measure "check: 200 x 1,000, $subs summaries" "$bin" -p "$big" check --no-system-fonts
with_proofreading=$last_secs
measure "check --no-proofread (same project)" "$bin" -p "$big" check --no-system-fonts --no-proofread
printf '%-34s proofreading adds %.2f s\n' "" "$(awk "BEGIN {print $with_proofreading - $last_secs}")"
"$bin" -p "$big" build --no-system-fonts >/dev/null 2>&1
pages=$(count_pages "$big/out/pdf")
docs=$(find "$big/out/pdf" -name '*.pdf' | wc -l)
measure "build: $docs PDFs, $pages pages" "$bin" -p "$big" build --no-system-fonts --no-site --no-docx
pdf_secs=$last_secs
printf '%-34s %.0f PDF pages per second\n' "" "$(awk "BEGIN {print $pages / $pdf_secs}")"
words=$(find "$big/out/docx" -name '*.docx' | wc -l)
measure "build with $words .docx" "$bin" -p "$big" build --no-system-fonts --no-site
printf '%-34s %.0f .docx documents per second (docx time: %.2f s)\n' "" "$(awk "BEGIN {d = $last_secs - $pdf_secs; if (d < 0.01) d = 0.01; print $words / d}")" "$(awk "BEGIN {print $last_secs - $pdf_secs}")"
pdf_secs=$last_secs
html=$(find "$big/out/site" -name '*.html' | wc -l)
measure "build with site ($html HTML pages)" "$bin" -p "$big" build --no-system-fonts
printf '%-34s %.0f HTML pages per second (site time: %.2f s)\n' "" "$(awk "BEGIN {d = $last_secs - $pdf_secs; if (d < 0.01) d = 0.01; print $html / d}")" "$(awk "BEGIN {print $last_secs - $pdf_secs}")"
measure "gongwen build --no-site (example)" "$bin" build --no-system-fonts --no-site --out "$out"
if command -v typst >/dev/null 2>&1; then
  # The same generated sources through the Typst CLI, one process per document, same fonts.
  find "$out/pdf" -name '*.typ' | sort > "$out/typs"
  while read -r typ; do
    cp templates/typst/gongwen.typ "$(dirname "$typ")/gongwen.typ"
    sed -i 's#"/gongwen.typ"#"gongwen.typ"#' "$typ"
  done < "$out/typs"
  measure "typst CLI, same $(wc -l < "$out/typs") documents" bash -c 'while read -r t; do typst compile --ignore-system-fonts --font-path assets/fonts "$t" "${t%.typ}.cli.pdf" || exit 1; done < "$1"' _ "$out/typs"
else
  echo "typst CLI not installed: no comparison"
fi
# Word: .docx documents per second on the generated project, in an output folder of its own.
# Both runs keep every PDF (their inputs did not change); the second makes every .docx again.
docx_rate() { # bin, project
  local o="$out/docx-rate" n kept
  "$1" -p "$2" build --no-system-fonts --no-site --out "$o" >/dev/null 2>&1
  measure "build, PDFs and .docx kept" "$1" -p "$2" build --no-system-fonts --no-site --out "$o"
  kept=$last_secs
  n=$(find "$o/docx" -name '*.docx' | wc -l)
  rm -rf "$o/docx"
  measure "build making its $n .docx again" "$1" -p "$2" build --no-system-fonts --no-site --out "$o"
  printf '%-34s %.0f .docx documents per second (%.2f s for the .docx)\n' "" \
    "$(awk "BEGIN {d = $last_secs - $kept; if (d < 0.01) d = 0.01; print $n / d}")" \
    "$(awk "BEGIN {print $last_secs - $kept}")"
}
docx_rate "$bin" "$big"
bash scripts/serve-memory.sh "$bin"
