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
        .map_err(|e| to_diagnostic(&e, text, file, first_line))
}

/// Shifts a YAML location (1-based, relative to the parsed text) into the file.
pub(crate) fn location(file: &Path, first_line: usize, at: &serde_saphyr::Location) -> Location {
    Location::new(
        file,
        first_line + (at.line() as usize).max(1) - 1,
        (at.column() as usize).max(1),
    )
}

/// The value written at a YAML position (the rest of the token, for messages).
fn token_at(text: &str, at: Option<serde_saphyr::Location>) -> String {
    let Some(at) = at.filter(|l| l.line() > 0) else {
        return String::new();
    };
    let line = text.lines().nth(at.line() as usize - 1).unwrap_or("");
    line.chars()
        .skip((at.column() as usize).saturating_sub(1))
        .take_while(|c| !matches!(c, ',' | ']' | '}' | '#'))
        .collect::<String>()
        .trim()
        .chars()
        .take(40)
        .collect()
}

/// The line a YAML position is on.
fn line_at(text: &str, at: Option<serde_saphyr::Location>) -> &str {
    at.filter(|l| l.line() > 0)
        .and_then(|l| text.lines().nth(l.line() as usize - 1))
        .unwrap_or("")
}

const CHECK_LINE: &str = "check the indentation, colons and quotes on this line and the one above";

/// The parser's errors as sentences a clerk understands, at the right line.
fn to_diagnostic(err: &YamlError, text: &str, file: &Path, first_line: usize) -> Diagnostic {
    let err = err.without_snippet();
    let at = err.location();
    let loc = at
        .filter(|l| l.line() > 0)
        .map(|l| location(file, first_line, &l))
        .unwrap_or_else(|| Location::new(file, first_line, 1));
    let token = token_at(text, at);
    let say =
        |msg: String, help: &str| Diagnostic::error(loc.clone(), msg).with_help(help.to_string());
    // A full-width colon typed with a Chinese input method: `title： …`.
    let line = line_at(text, at);
    if let Some((key, _)) = line.split_once('：')
        && !key.contains(':')
        && !key.trim().is_empty()
    {
        let key = key.trim().trim_start_matches("- ");
        return say(
            format!("the key `{key}` is followed by a full-width colon `：`"),
            &format!("type the colon after a key in half width: `{key}: …`"),
        );
    }
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
        YamlError::SerdeMissingField { field, .. } => say(
            format!("missing key `{field}`"),
            &format!("add a line `{field}: …`"),
        ),
        YamlError::DuplicateMappingKey { key, .. } => say(
            format!("`{}` is given twice", key.as_deref().unwrap_or("a key")),
            "keep one of them",
        ),
        YamlError::MultipleDocuments { .. } => say(
            "a second YAML document starts here (a line `---`)".into(),
            "the file holds one set of settings: remove the `---` line",
        ),
        _ if err.to_string().contains("budget breached") => say(
            "the file expands to too much (aliases `*name` repeat their anchors' values)".into(),
            "write the values out instead of repeating aliases; gongwen limits them so a file cannot exhaust the memory",
        ),
        YamlError::NullIntoString { .. } => say(
            "a value is missing here".into(),
            "write the value after the colon, or remove the line",
        ),
        other => plain(other, &token, say),
    }
}

/// The rest, recognised by what the parser says.
fn plain(err: &YamlError, token: &str, say: impl Fn(String, &str) -> Diagnostic) -> Diagnostic {
    let text = err.to_string();
    let message = text
        .split_once(" at line ")
        .map_or(text.as_str(), |(m, _)| m)
        .trim();
    if message.starts_with("invalid i") || message.starts_with("invalid u") {
        let looks_like_number = token
            .chars()
            .all(|c| c.is_ascii_digit() || "+-".contains(c));
        return if looks_like_number && !token.is_empty() {
            say(
                format!("the number `{token}` is too large"),
                "write a smaller whole number",
            )
        } else {
            say(
                format!("expected a whole number, found `{token}`"),
                "write the number in Arabic digits, e.g. 2020",
            )
        };
    }
    if message.starts_with("invalid floating point") {
        return say(
            format!("expected a number, found `{token}`"),
            "write the number in Arabic digits, e.g. 12 or 0.5",
        );
    }
    if message.contains("boolean") {
        return say(
            format!("expected true or false, found `{token}`"),
            "write `true` or `false`",
        );
    }
    if message.contains("string scalar") || message.contains("invalid type") {
        let found = match token.chars().next() {
            Some('[') | Some('-') => "a list",
            Some('{') => "a set of keys",
            _ => "a different kind of value",
        };
        return say(
            format!("expected a single value here, found {found}"),
            CHECK_LINE,
        );
    }
    if message.contains("found a tab") || message.contains("tab") {
        return say(
            "a tab character where YAML needs spaces".into(),
            "indent with spaces, not tabs",
        );
    }
    // Keep the parser's wording, without the advice meant for programmers.
    let message = message
        .split("; use ")
        .next()
        .unwrap_or(message)
        .split(", set ")
        .next()
        .unwrap_or(message);
    say(format!("invalid YAML: {message}"), CHECK_LINE)
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
        let e = parse::<serde::de::IgnoredAny>(&y, Path::new("bomb.yaml"), 1).unwrap_err();
        assert!(e.message.starts_with("the file expands to too much"), "{e}");
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Settings {
        organ: String,
        year: Option<i32>,
        size: Option<f64>,
    }

    fn message(y: &str) -> String {
        parse::<Settings>(y, Path::new("g.yaml"), 1)
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn parser_jargon_becomes_sentences() {
        for (yaml, want) in [
            (
                "organ: 甲\norgan: 乙\n",
                "g.yaml:2:1: error: `organ` is given twice\n  help: keep one of them",
            ),
            (
                "organ: 甲\n---\norgan: 乙\n",
                "g.yaml:3:1: error: a second YAML document starts here",
            ),
            (
                "organ: 甲\nyear: abc\n",
                "g.yaml:2:7: error: expected a whole number, found `abc`",
            ),
            (
                "organ: 甲\nyear: 99999999999\n",
                "g.yaml:2:7: error: the number `99999999999` is too large",
            ),
            (
                "organ: 甲\nsize: abc\n",
                "g.yaml:2:7: error: expected a number, found `abc`",
            ),
            ("organ:\n", "g.yaml:1:6: error: a value is missing here"),
            (
                "organ： 甲\n",
                "g.yaml:1:1: error: the key `organ` is followed by a full-width colon `：`",
            ),
            (
                "organ: [甲]\n",
                "g.yaml:1:8: error: expected a single value here, found a list",
            ),
        ] {
            let got = message(yaml);
            assert!(got.starts_with(want), "{yaml:?}:\n{got}");
            for jargon in [
                "DuplicateKeyPolicy",
                "from_str_multiple",
                "Option<",
                "i32",
                "budget",
            ] {
                assert!(!got.contains(jargon), "{got}");
            }
        }
    }
}
