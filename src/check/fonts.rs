//! Every character a user wrote must be drawable by the fonts of the typefaces it is printed in:
//! Typst would otherwise print an empty box without a word. Checked before typesetting, so the
//! error names the source. Nor may it be an invisible control character: the loader refuses
//! those in a file, but a YAML escape (`"\u0001"`) writes one into a value, and it would make the
//! .docx invalid XML and the site's HTML malformed.

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::diag::{Diagnostic, Diagnostics, Location, display_path};
use crate::fonts::{Coverage, Fonts};
use crate::i18n::t;
use crate::load::source::is_invisible;
use crate::text::{Role, SourceText};

/// Past this many characters in one file the rest are counted, not listed: a pasted text in a
/// foreign script would otherwise bury the first message.
const MAX_PER_FILE: usize = 8;

/// The warning for a character the role's font lacks and a fallback font draws.
fn drawn_by_fallback(
    here: Location,
    c: char,
    role: Role,
    fonts: &Fonts,
    family: &str,
) -> Diagnostic {
    Diagnostic::warning(
        here,
        t!(
            "char-fallback",
            char = c.to_string(),
            code = format!("{:04X}", c as u32),
            role = role.describe(),
            font = fonts.role(role).families[0].as_str(),
            fallback = family
        ),
    )
    .with_help(t!(
        "char-fallback-help",
        role = role.describe(),
        key = role.key()
    ))
}

/// The error for a character no font can draw in the role.
fn not_drawable(here: Location, c: char, role: Role, fonts: &Fonts) -> Diagnostic {
    Diagnostic::error(
        here,
        t!(
            "char-missing",
            char = c.to_string(),
            code = format!("{:04X}", c as u32),
            role = role.describe(),
            fonts = fonts.role(role).families.join(", ")
        ),
    )
    .with_help(t!("char-missing-help", key = role.key()))
}

/// The error for an invisible character a YAML escape wrote into a value (where it is, the
/// location is that of the value).
fn escaped_invisible(here: Location, c: char) -> Diagnostic {
    Diagnostic::error(
        here,
        t!("invisible-character", code = format!("{:04X}", c as u32)),
    )
    .with_help(t!("invisible-escape-help"))
}

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
            if is_invisible(c) {
                if seen.insert((display_path(&t.location.file), c)) {
                    out.push(escaped_invisible(here, c));
                }
                col += 1;
                continue;
            }
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
                    out.push(drawn_by_fallback(here, c, *role, fonts, family));
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
                    out.push(not_drawable(here, c, role, fonts));
                }
            }
            col += 1;
        }
    }
    for (n, first) in per_file.into_values() {
        if n > MAX_PER_FILE {
            out.push(
                Diagnostic::file_error(&first.file, t!("chars-missing-more", n = n - MAX_PER_FILE))
                    .with_help(t!("chars-missing-more-help")),
            );
        }
    }
    out
}
