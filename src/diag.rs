//! Diagnostics that point at the user's source: every error names file, line and column.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::i18n::t;

/// A place in a user's file. Lines and columns are 1-based; columns count characters, not bytes,
/// because the people reading them count Chinese characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Location {
    pub(crate) file: PathBuf,
    pub(crate) line: usize,
    pub(crate) column: usize,
}

impl Location {
    pub(crate) fn new(file: impl Into<PathBuf>, line: usize, column: usize) -> Self {
        Location {
            file: file.into(),
            line,
            column,
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}",
            display_path(&self.file),
            self.line,
            self.column
        )
    }
}

/// Paths are shown with forward slashes on every platform so messages (and tests) read the same.
pub(crate) fn display_path(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Severity {
    Error,
    Warning,
}

impl Severity {
    /// The name in JSON (read by programs, so never translated).
    fn name(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }

    /// The label a person reads: 错误, 警告.
    fn label(self) -> String {
        match self {
            Severity::Error => t!("label-error"),
            Severity::Warning => t!("label-warning"),
        }
    }
}

/// One message for the user, about a place in one of the project's files. `file` is always known; `location` when we can point closer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub(crate) severity: Severity,
    pub(crate) file: PathBuf,
    pub(crate) line: Option<(usize, usize)>,
    pub(crate) message: String,
    pub(crate) help: Option<String>,
    /// What the proofreading adds: the rule and the fix (boxed: most diagnostics have none,
    /// and every `Result` carries the size).
    pub(crate) finding: Option<Box<Finding>>,
}

/// A proofreading finding's rule (shown as `warning[rule]`, so it can be silenced by name) and,
/// when safe to apply mechanically, its fix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Finding {
    pub(crate) rule: &'static str,
    pub(crate) fix: Option<Fix>,
}

/// Replace `from`, which starts at the diagnostic's location, with `to`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Fix {
    pub(crate) from: String,
    pub(crate) to: String,
}

impl Diagnostic {
    pub(crate) fn error(loc: Location, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            file: loc.file,
            line: Some((loc.line, loc.column)),
            message: message.into(),
            help: None,
            finding: None,
        }
    }

    /// An error about a whole file (it cannot be read, or something is missing from it).
    pub(crate) fn file_error(file: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            file: file.into(),
            line: None,
            message: message.into(),
            help: None,
            finding: None,
        }
    }

    /// A warning about a whole file.
    pub(crate) fn file_warning(file: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::file_error(file, message)
        }
    }

    pub(crate) fn warning(loc: Location, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(loc, message)
        }
    }

    pub(crate) fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Names the proofreading rule that found it.
    pub(crate) fn with_rule(mut self, rule: &'static str) -> Self {
        self.finding = Some(Box::new(Finding { rule, fix: None }));
        self
    }

    /// The fix of a proofreading finding (after `with_rule`).
    pub(crate) fn with_fix(mut self, from: impl Into<String>, to: impl Into<String>) -> Self {
        let finding = self.finding.as_mut().expect("a fix belongs to a rule");
        finding.fix = Some(Fix {
            from: from.into(),
            to: to.into(),
        });
        self
    }

    /// The proofreading rule that found it, if one did.
    pub(crate) fn rule(&self) -> Option<&'static str> {
        self.finding.as_ref().map(|f| f.rule)
    }

    /// One line of JSON for editors and CI: where, how severe, which rule, what, and the fix.
    pub fn to_json(&self) -> String {
        #[derive(serde::Serialize)]
        struct Line<'a> {
            file: String,
            line: Option<usize>,
            column: Option<usize>,
            severity: &'static str,
            rule: Option<&'static str>,
            message: &'a str,
            suggestion: Option<&'a str>,
            fix: Option<serde_json::Value>,
        }
        let (line, column) = self.line.unzip();
        let line = Line {
            file: display_path(&self.file),
            line,
            column,
            severity: self.severity.name(),
            rule: self.rule(),
            message: &self.message,
            suggestion: self.help.as_deref(),
            fix: self
                .finding
                .as_ref()
                .and_then(|f| f.fix.as_ref())
                .map(|f| serde_json::json!({"replace": f.from, "with": f.to})),
        };
        serde_json::to_string(&line).expect("plain data serializes")
    }

    /// Whether this stops the document it is about from being written.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Text for a terminal: control characters and direction overrides in user text would move the
/// cursor, change colours or reorder what is shown; they are written as escapes instead.
pub(crate) fn for_terminal(s: &str) -> std::borrow::Cow<'_, str> {
    let bad = |c: char| {
        (c.is_control() && c != '\n')
            || matches!(c, '\u{2028}' | '\u{2029}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    };
    if !s.chars().any(bad) {
        return std::borrow::Cow::Borrowed(s);
    }
    std::borrow::Cow::Owned(
        s.chars()
            .map(|c| {
                if bad(c) {
                    format!("\\u{{{:x}}}", c as u32)
                } else {
                    c.to_string()
                }
            })
            .collect(),
    )
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", for_terminal(&display_path(&self.file)))?;
        if let Some((line, col)) = self.line {
            write!(f, ":{line}:{col}")?;
        }
        write!(f, ": {}", self.severity.label())?;
        if let Some(rule) = self.rule() {
            write!(f, "[{rule}]")?;
        }
        write!(f, ": {}", for_terminal(&self.message))?;
        if let Some(help) = &self.help {
            write!(f, "\n  {}: {}", t!("label-help"), for_terminal(help))?;
        }
        Ok(())
    }
}

/// The errors and warnings of a step, in the order they were found. The library returns this; the binary prints it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Diagnostics(pub(crate) Vec<Diagnostic>);

impl Diagnostics {
    pub(crate) fn push(&mut self, d: Diagnostic) {
        self.0.push(d);
    }
    pub(crate) fn extend(&mut self, other: Diagnostics) {
        self.0.extend(other.0);
    }
    /// Whether any of them is an error (warnings alone do not fail a step).
    pub fn has_errors(&self) -> bool {
        self.0.iter().any(Diagnostic::is_error)
    }
    /// The same diagnostics with every warning made an error (`check --strict`).
    pub fn strict(mut self) -> Self {
        for d in &mut self.0 {
            d.severity = Severity::Error;
        }
        self
    }
    /// Whether there is nothing to say.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    /// The messages in the order they were found.
    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.0.iter()
    }
}

impl From<Diagnostic> for Diagnostics {
    fn from(d: Diagnostic) -> Self {
        Diagnostics(vec![d])
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, d) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{d}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostics {}

/// Maps byte offsets in a text to line and column, for texts whose positions we track ourselves
/// (Markdown bodies). `first_line` is the line of the file the text starts on.
pub(crate) struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
    first_line: usize,
}

impl<'a> LineIndex<'a> {
    pub(crate) fn new(text: &'a str, first_line: usize) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex {
            text,
            starts,
            first_line,
        }
    }

    /// (line, column) of a byte offset, both 1-based, the column counted in characters.
    pub(crate) fn position(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let row = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[row];
        let column = self
            .text
            .get(start..offset)
            .map_or(1, |s| s.chars().count() + 1);
        (self.first_line + row, column)
    }
}

/// The closest candidate to a misspelt name, if it is close enough to be what was meant.
pub(crate) fn did_you_mean<'c>(
    word: &str,
    candidates: impl IntoIterator<Item = &'c str>,
) -> Option<&'c str> {
    candidates
        .into_iter()
        .map(|c| (strsim::normalized_damerau_levenshtein(word, c), c))
        .filter(|(score, _)| *score >= 0.5)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters_and_offset_lines() {
        let idx = LineIndex::new("一二\n三四五\n", 5);
        assert_eq!(idx.position(0), (5, 1));
        assert_eq!(idx.position(3), (5, 2));
        assert_eq!(idx.position(7), (6, 1));
        assert_eq!(idx.position(10), (6, 2));
    }

    #[test]
    fn display_has_file_line_column_and_help() {
        let d = Diagnostic::error(Location::new("content/a.md", 3, 9), "bad").with_help("fix it");
        assert_eq!(d.to_string(), "content/a.md:3:9: 错误: bad\n  提示: fix it");
    }

    #[test]
    fn control_characters_never_reach_the_terminal() {
        let d = Diagnostic::error(
            Location::new("a\u{1b}.md", 1, 1),
            "unknown unit `\u{1b}[31m红\u{7}\u{202e}`",
        );
        assert_eq!(
            d.to_string(),
            "a\\u{1b}.md:1:1: 错误: unknown unit `\\u{1b}[31m红\\u{7}\\u{202e}`"
        );
    }

    #[test]
    fn a_rule_is_named_after_the_severity_and_in_json() {
        let d = Diagnostic::warning(Location::new("content/a.md", 3, 9), "doubled")
            .with_help("write `优化`")
            .with_rule("repeated-word")
            .with_fix("优化优化", "优化");
        assert_eq!(
            d.to_string(),
            "content/a.md:3:9: 警告[repeated-word]: doubled\n  提示: write `优化`"
        );
        assert_eq!(
            d.to_json(),
            r#"{"file":"content/a.md","line":3,"column":9,"severity":"warning","rule":"repeated-word","message":"doubled","suggestion":"write `优化`","fix":{"replace":"优化优化","with":"优化"}}"#
        );
        let e = Diagnostic::file_error("content/b.md", "bad");
        assert_eq!(
            e.to_json(),
            r#"{"file":"content/b.md","line":null,"column":null,"severity":"error","rule":null,"message":"bad","suggestion":null,"fix":null}"#
        );
        assert!(Diagnostics::from(d).strict().has_errors());
    }

    #[test]
    fn suggestions_only_when_close() {
        assert_eq!(
            did_you_mean("titel", ["title", "to", "date"]),
            Some("title")
        );
        assert_eq!(did_you_mean("zzzzzz", ["title", "to"]), None);
    }
}
