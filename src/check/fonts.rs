//! Every character a user wrote must be drawable by the fonts of the typefaces it is printed in:
//! Typst would otherwise print an empty box without a word. Checked before typesetting, so the
//! error names the source.

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::diag::{Diagnostic, Diagnostics, Location, display_path};
use crate::fonts::{Coverage, Fonts};
use crate::text::{Role, SourceText};

/// Past this many characters in one file the rest are counted, not listed: a pasted text in a
/// foreign script would otherwise bury the first message.
const MAX_PER_FILE: usize = 8;

pub(crate) fn check<'a>(
    printed: impl IntoIterator<Item = &'a SourceText>,
    fonts: &Fonts,
) -> Diagnostics {
    let mut out = Diagnostics::default();
    // One message per character and file: the first place it occurs is enough to find it.
    let mut seen = HashSet::new();
    let mut known: HashMap<(Role, char), Coverage> = HashMap::new();
    let mut per_file: BTreeMap<String, (usize, Location)> = BTreeMap::new();
    for t in printed {
        let (mut line, mut col) = (t.location.line, t.location.column);
        for c in t.text.chars() {
            if c == '\n' {
                line += 1;
                col = 1;
                continue;
            }
            let here = Location::new(&t.location.file, line, col);
            // Each (typeface, character) is looked up once: the same few thousand characters
            // recur through every file, and a lookup searches the fonts' coverage tables.
            let lacking = t.roles.iter().find_map(|r| {
                match known
                    .entry((*r, c))
                    .or_insert_with(|| fonts.coverage(*r, c))
                {
                    Coverage::Own => None,
                    other => Some((*r, other.clone())),
                }
            });
            if let Some((role, Coverage::Fallback(family))) = &lacking {
                if seen.insert((display_path(&t.location.file), c)) {
                    out.push(
                        Diagnostic::warning(
                            here,
                            format!(
                                "`{c}` (U+{:04X}) is not in the {} font ({}); it is drawn with {family}",
                                c as u32,
                                role.describe(),
                                fonts.role(*role).families[0]
                            ),
                        )
                        .with_help(format!("it may look a little different from its neighbours; a {} font that has it, named under `fonts: {}:` in content/gongwen.yaml, draws it in place", role.describe(), role.key())),
                    );
                }
                col += 1;
                continue;
            }
            let missing = lacking.map(|(r, _)| r);
            if let Some(role) = missing
                && seen.insert((display_path(&t.location.file), c))
            {
                let count = per_file
                    .entry(display_path(&t.location.file))
                    .or_insert((0, t.location.clone()));
                count.0 += 1;
                if count.0 <= MAX_PER_FILE {
                    let rf = fonts.role(role);
                    out.push(
                        Diagnostic::error(
                            here,
                            format!(
                                "no font can draw `{c}` (U+{:04X}) in {}: {} lacks it",
                                c as u32,
                                role.describe(),
                                rf.families.join(", ")
                            ),
                        )
                        .with_help(format!(
                            "replace the character, or install a font that has it and name it under `fonts: {}:` in content/gongwen.yaml (or pass --font-path DIR)",
                            role.key()
                        )),
                    );
                }
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
