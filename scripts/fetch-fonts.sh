#!/usr/bin/env bash
# Rebuilds assets/fonts/ (the free fonts embedded in the binary) from Debian's
# texlive-lang-chinese package, which carries the Fandol fonts: the only free
# simplified-Chinese 仿宋 in Debian, plus matching 宋/黑/楷.
# Usage: bash scripts/fetch-fonts.sh   (needs apt-get and dpkg-deb; no other network)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
dest="$here/assets/fonts"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
apt-get download texlive-lang-chinese
dpkg-deb -x texlive-lang-chinese_*.deb x
src=x/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol
mkdir -p "$dest"
for f in FandolSong-Regular FandolSong-Bold FandolFang-Regular FandolHei-Regular FandolKai-Regular; do
  cp "$src/$f.otf" "$dest/$f.otf"
done
doc=x/usr/share/doc/texlive-doc/fonts/fandol
cp "$doc/README" "$dest/FANDOL-README"
gzip -dc "$doc/COPYING.gz" > "$dest/FANDOL-COPYING"
# The checksums pin what the binary embeds, so a rebuilt package cannot change output silently.
( cd "$dest" && sha256sum -c SHA256SUMS )
