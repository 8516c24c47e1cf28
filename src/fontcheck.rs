//! Every character a user wrote must be drawable by the font of its role: Typst would otherwise
//! print an empty box without a word. Checked before typesetting, so the error names the source.

use std::collections::{BTreeMap, HashSet};

/// Past this many characters in one file the rest are counted, not listed: a pasted text in a
/// foreign script would otherwise bury the first message.
const MAX_PER_FILE: usize = 8;

use crate::diag::{Diagnostic, Diagnostics, Location, display_path};
use crate::fonts::Fonts;
use crate::model::SourceText;

pub fn check(texts: &[SourceText], fonts: &Fonts) -> Diagnostics {
    let mut out = Diagnostics::default();
    // One message per character and file: the first place it occurs is enough to find it.
    let mut seen = HashSet::new();
    let mut per_file: BTreeMap<String, (usize, Location)> = BTreeMap::new();
    for t in texts {
        let (mut line, mut col) = (t.location.line, t.location.column);
        for c in t.text.chars() {
            if c == '\n' {
                line += 1;
                col = 1;
                continue;
            }
            if !fonts.covers(t.role, c) && seen.insert((display_path(&t.location.file), c)) {
                let count = per_file
                    .entry(display_path(&t.location.file))
                    .or_insert((0, t.location.clone()));
                count.0 += 1;
                if count.0 > MAX_PER_FILE {
                    col += 1;
                    continue;
                }
                let rf = &fonts.roles[&t.role];
                out.push(
                    Diagnostic::error(
                        Location::new(&t.location.file, line, col),
                        format!(
                            "no font can draw `{c}` (U+{:04X}) in {}: {} lacks it",
                            c as u32,
                            t.role.describe(),
                            rf.families.join(", ")
                        ),
                    )
                    .with_help(format!(
                        "replace the character, or install a font that has it and name it under `fonts: {}:` in content/gongwen.yaml (or pass --font-path DIR)",
                        t.role.key()
                    )),
                );
            }
            col += 1;
        }
    }
    for (n, first) in per_file.into_values() {
        if n > MAX_PER_FILE {
            out.push(
                Diagnostic::file_error(&first.file, format!("{} more characters no font can draw", n - MAX_PER_FILE))
                    .with_help("the text may be in a script the fonts do not cover; check the characters listed above"),
            );
        }
    }
    out
}
