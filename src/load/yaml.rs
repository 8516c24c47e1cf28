//! YAML parsing with locations. serde-saphyr reports line and column for every error, caps alias
//! expansion (a "billion laughs" file fails fast instead of eating memory) and rejects duplicate
//! keys; this module turns its errors into our diagnostics.

use std::path::Path;

use serde::de::DeserializeOwned;
use serde_saphyr::{Budget, Error as YamlError, Options};

use crate::diag::{Diagnostic, Location, did_you_mean};
use crate::i18n::t;

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

/// The parser's errors as sentences a clerk understands, at the right line.
fn to_diagnostic(err: &YamlError, text: &str, file: &Path, first_line: usize) -> Diagnostic {
    let err = err.without_snippet();
    let at = err.location();
    let loc = at
        .filter(|l| l.line() > 0)
        .map(|l| location(file, first_line, &l))
        .unwrap_or_else(|| Location::new(file, first_line, 1));
    let token = token_at(text, at);
    let say = |msg: String, help: String| Diagnostic::error(loc.clone(), msg).with_help(help);
    // A full-width colon typed with a Chinese input method: `title： …`.
    let line = line_at(text, at);
    if let Some((key, _)) = line.split_once('：')
        && !key.contains(':')
        && !key.trim().is_empty()
    {
        let key = key.trim().trim_start_matches("- ");
        return say(
            t!("yaml-fullwidth-colon", key = key),
            t!("yaml-fullwidth-colon-help", key = key),
        );
    }
    match err {
        YamlError::SerdeUnknownField {
            field, expected, ..
        } => {
            let d = Diagnostic::error(loc, t!("yaml-unknown-key", key = field.as_str()));
            match did_you_mean(field, expected.iter().copied()) {
                Some(s) => d.with_help(t!("did-you-mean", name = s)),
                None => d.with_help(t!("yaml-allowed-keys", keys = expected.join(", "))),
            }
        }
        YamlError::SerdeMissingField { field, .. } => say(
            t!("yaml-missing-key", key = *field),
            t!("yaml-missing-key-help", key = *field),
        ),
        YamlError::DuplicateMappingKey { key, .. } => say(
            match key.as_deref() {
                Some(k) => t!("yaml-duplicate-key", key = k),
                None => t!("yaml-duplicate-some-key"),
            },
            t!("yaml-duplicate-key-help"),
        ),
        YamlError::MultipleDocuments { .. } => {
            say(t!("yaml-second-document"), t!("yaml-second-document-help"))
        }
        _ if err.to_string().contains("budget breached") => {
            say(t!("yaml-too-large"), t!("yaml-too-large-help"))
        }
        YamlError::NullIntoString { .. } => {
            say(t!("yaml-value-missing"), t!("yaml-value-missing-help"))
        }
        other => plain(other, &token, say),
    }
}

/// The rest, recognised by what the parser says.
fn plain(err: &YamlError, token: &str, say: impl Fn(String, String) -> Diagnostic) -> Diagnostic {
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
                t!("yaml-number-too-large", value = token),
                t!("yaml-number-too-large-help"),
            )
        } else {
            say(
                t!("yaml-expected-whole-number", value = token),
                t!("yaml-expected-whole-number-help"),
            )
        };
    }
    if message.starts_with("invalid floating point") {
        return say(
            t!("yaml-expected-number", value = token),
            t!("yaml-expected-number-help"),
        );
    }
    if message.contains("boolean") {
        return say(
            t!("yaml-expected-boolean", value = token),
            t!("yaml-expected-boolean-help"),
        );
    }
    if message.contains("string scalar") || message.contains("invalid type") {
        let message = match token.chars().next() {
            Some('[') | Some('-') => t!("yaml-expected-single-found-list"),
            Some('{') => t!("yaml-expected-single-found-keys"),
            _ => t!("yaml-expected-single-found-other"),
        };
        return say(message, t!("yaml-check-line"));
    }
    if message.contains("found a tab") || message.contains("tab") {
        return say(t!("yaml-tab"), t!("yaml-tab-help"));
    }
    // Keep the parser's wording, without the advice meant for programmers.
    let message = message
        .split("; use ")
        .next()
        .unwrap_or(message)
        .split(", set ")
        .next()
        .unwrap_or(message);
    say(t!("yaml-invalid", reason = message), t!("yaml-check-line"))
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
            "f.md:3:1: 错误: 不认识的键 `daet`\n  提示: 是否要写 `date`？"
        );
    }

    #[test]
    fn missing_key_is_named() {
        let d = parse::<Doc>("date: b\n", Path::new("f.md"), 2).unwrap_err();
        assert!(d.to_string().contains("缺少键 `title`"), "{d}");
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
        assert!(e.message.starts_with("文件展开后过大"), "{e}");
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
                "g.yaml:2:1: 错误: `organ` 写了两次\n  提示: 只保留其中一个",
            ),
            (
                "organ: 甲\n---\norgan: 乙\n",
                "g.yaml:3:1: 错误: 这里开始了第二个 YAML 文档",
            ),
            (
                "organ: 甲\nyear: abc\n",
                "g.yaml:2:7: 错误: 这里应为整数，写的是 `abc`",
            ),
            (
                "organ: 甲\nyear: 99999999999\n",
                "g.yaml:2:7: 错误: 数字 `99999999999` 太大",
            ),
            (
                "organ: 甲\nsize: abc\n",
                "g.yaml:2:7: 错误: 这里应为数字，写的是 `abc`",
            ),
            ("organ:\n", "g.yaml:1:6: 错误: 这里缺少值"),
            (
                "organ： 甲\n",
                "g.yaml:1:1: 错误: 键 `organ` 后面是全角冒号 `：`",
            ),
            (
                "organ: [甲]\n",
                "g.yaml:1:8: 错误: 这里应为单个值，写的是列表",
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
