//! YAML parsing with locations. serde-saphyr reports line and column for every error, caps alias
//! expansion (a "billion laughs" file fails fast instead of eating memory) and rejects duplicate
//! keys; this module turns its errors into our diagnostics.

use std::path::Path;

use serde::de::DeserializeOwned;
use serde_saphyr::{Budget, Error as YamlError, Options};

use crate::diag::{Diagnostic, Location, did_you_mean};

/// Alias expansion and document size caps, tight enough that a hostile file fails in
/// milliseconds, loose enough for a 1,000-task list.
fn options() -> Options {
    let mut budget = Budget::default();
    budget.max_aliases = 1_000;
    budget.max_nodes = 2_000_000;
    budget.max_total_scalar_bytes = 64 * 1024 * 1024;
    let mut o = Options::default();
    o.budget = Some(budget);
    o.with_snippet = false;
    o.strict_booleans = true;
    o
}

/// Parses `text` (which starts on line `first_line` of `file`) into `T`.
pub(crate) fn parse<T: DeserializeOwned>(
    text: &str,
    file: &Path,
    first_line: usize,
) -> Result<T, Diagnostic> {
    serde_saphyr::from_str_with_options::<T>(text, options())
        .map_err(|e| to_diagnostic(&e, file, first_line))
}

/// Shifts a YAML location (1-based, relative to the parsed text) into the file.
pub(crate) fn location(file: &Path, first_line: usize, at: &serde_saphyr::Location) -> Location {
    Location::new(
        file,
        first_line + (at.line() as usize).max(1) - 1,
        (at.column() as usize).max(1),
    )
}

fn to_diagnostic(err: &YamlError, file: &Path, first_line: usize) -> Diagnostic {
    let err = err.without_snippet();
    let loc = err
        .location()
        .filter(|l| l.line() > 0)
        .map(|l| location(file, first_line, &l))
        .unwrap_or_else(|| Location::new(file, first_line, 1));
    match err {
        YamlError::SerdeUnknownField {
            field, expected, ..
        } => {
            let d = Diagnostic::error(loc, format!("unknown key `{field}`"));
            match did_you_mean(field, expected.iter().copied()) {
                Some(s) => d.with_help(format!("did you mean `{s}`?")),
                None => d.with_help(format!(
                    "the keys allowed here are: {}",
                    expected.join(", ")
                )),
            }
        }
        YamlError::SerdeMissingField { field, .. } => {
            Diagnostic::error(loc, format!("missing key `{field}`"))
                .with_help(format!("add a line `{field}: …`"))
        }
        other => {
            let text = other.to_string();
            // The rendered message repeats the position; keep only what it says is wrong.
            let message = text
                .split_once(" at line ")
                .map_or(text.as_str(), |(m, _)| m)
                .trim()
                .to_string();
            Diagnostic::error(loc, format!("invalid YAML: {message}")).with_help(
                "check the indentation, colons and quotes on this line and the one above",
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Doc {
        title: String,
        date: Option<String>,
    }

    #[test]
    fn unknown_key_suggests_the_right_one() {
        let d = parse::<Doc>("title: a\ndaet: b\n", Path::new("f.md"), 2).unwrap_err();
        assert_eq!(
            d.to_string(),
            "f.md:3:1: error: unknown key `daet`\n  help: did you mean `date`?"
        );
    }

    #[test]
    fn missing_key_is_named() {
        let d = parse::<Doc>("date: b\n", Path::new("f.md"), 2).unwrap_err();
        assert!(d.to_string().contains("missing key `title`"), "{d}");
    }

    #[test]
    fn alias_bomb_fails_fast() {
        let mut y = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        let mut prev = 'a';
        for c in 'b'..='k' {
            y.push_str(&format!("{c}: &{c} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"));
            prev = c;
        }
        y.push_str("title: t\n");
        let start = std::time::Instant::now();
        let r = parse::<serde::de::IgnoredAny>(&y, Path::new("bomb.yaml"), 1);
        assert!(r.is_err());
        assert!(start.elapsed().as_secs() < 5);
    }
}
