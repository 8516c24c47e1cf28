#!/usr/bin/env python3
"""Writes assets/jieba-dict.txt: jieba-rs's dictionary (src/data/dict.txt of the version in
Cargo.lock, from cargo's registry) as `word frequency` lines sorted by bytes, which
src/rules/segment.rs searches. Run it after upgrading jieba-rs; the unit tests in segment.rs
check the file against the crate's own dictionary."""
import glob, os, re, sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
lock = open(os.path.join(root, "Cargo.lock"), encoding="utf-8").read()
version = re.search(r'name = "jieba-rs"\nversion = "([^"]+)"', lock).group(1)
home = os.environ.get("CARGO_HOME", os.path.expanduser("~/.cargo"))
found = glob.glob(f"{home}/registry/src/*/jieba-rs-{version}/src/data/dict.txt")
if not found:
    sys.exit(f"jieba-rs {version} is not in {home}/registry: run `cargo fetch` first")
freq = {}
for line in open(found[0], encoding="utf-8"):
    parts = line.split()
    if parts:
        freq[parts[0]] = int(parts[1]) if len(parts) > 1 else 0
with open(os.path.join(root, "assets/jieba-dict.txt"), "w", encoding="utf-8", newline="\n") as f:
    # Python orders strings by code point, which is UTF-8's byte order.
    for word in sorted(freq):
        f.write(f"{word} {freq[word]}\n")
print(f"{len(freq)} words, total {sum(freq.values())} (DICT_TOTAL in src/rules/segment.rs)")
