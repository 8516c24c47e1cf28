//! Splits a Markdown file into its YAML front matter and its body.

use crate::i18n::t;
use std::path::Path;

use crate::diag::{Diagnostic, Location};

#[derive(Debug)]
pub(crate) struct Split<'a> {
    pub(crate) yaml: &'a str,
    /// Line of the file on which the YAML starts.
    pub(crate) yaml_line: usize,
    pub(crate) body: &'a str,
    /// Line of the file on which the body starts.
    pub(crate) body_line: usize,
}

/// The file must start with a `---` line and the YAML ends at the next `---` line.
pub(crate) fn split<'a>(text: &'a str, file: &Path) -> Result<Split<'a>, Diagnostic> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first_end = text.find('\n').unwrap_or(text.len());
    if text[..first_end].trim_end() != "---" {
        return Err(
            Diagnostic::error(Location::new(file, 1, 1), t!("front-matter-missing"))
                .with_help(t!("front-matter-missing-help")),
        );
    }
    let rest_start = (first_end + 1).min(text.len());
    let mut offset = rest_start;
    for (line, chunk) in (2..).zip(text[rest_start..].split_inclusive('\n')) {
        if chunk.trim_end() == "---" {
            let body_start = offset + chunk.len();
            return Ok(Split {
                yaml: &text[rest_start..offset],
                yaml_line: 2,
                body: &text[body_start..],
                body_line: line + 1,
            });
        }
        offset += chunk.len();
    }
    Err(
        Diagnostic::error(Location::new(file, 1, 1), t!("front-matter-open"))
            .with_help(t!("front-matter-open-help")),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_and_counts_lines() {
        let s = split("---\na: 1\nb: 2\n---\nbody\n", Path::new("x.md")).unwrap();
        assert_eq!(s.yaml, "a: 1\nb: 2\n");
        assert_eq!(s.body, "body\n");
        assert_eq!(s.body_line, 5);
    }

    #[test]
    fn crlf_and_bom() {
        let s = split("\u{feff}---\r\na: 1\r\n---\r\nbody", Path::new("x.md")).unwrap();
        assert_eq!(s.yaml, "a: 1\r\n");
        assert_eq!(s.body, "body");
    }

    #[test]
    fn unclosed_is_an_error() {
        let e = split("---\na: 1\n", Path::new("x.md")).unwrap_err();
        assert_eq!(
            e.to_string(),
            "x.md:1:1: 错误: 前置信息没有结束\n  提示: 请在正文前用一行 `---` 结束 YAML 设置"
        );
    }
}
