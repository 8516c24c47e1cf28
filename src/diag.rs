//! Diagnostics that point at the user's source: every error names file, line and column.

use std::fmt;
use std::path::{Path, PathBuf};

/// A place in a user's file. Lines and columns are 1-based; columns count characters, not bytes,
/// because the people reading them count Chinese characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub file: PathBuf,
    pub line: usize,
    pub column: usize,
}

impl Location {
    pub fn new(file: impl Into<PathBuf>, line: usize, column: usize) -> Self {
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
pub fn display_path(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

/// One message for the user. `file` is always known; `location` when we can point closer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub file: PathBuf,
    pub line: Option<(usize, usize)>,
    pub message: String,
    pub help: Option<String>,
}

impl Diagnostic {
    pub fn error(loc: Location, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            file: loc.file,
            line: Some((loc.line, loc.column)),
            message: message.into(),
            help: None,
        }
    }

    /// An error about a whole file (it cannot be read, or something is missing from it).
    pub fn file_error(file: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            file: file.into(),
            line: None,
            message: message.into(),
            help: None,
        }
    }

    pub fn warning(loc: Location, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(loc, message)
        }
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", display_path(&self.file))?;
        if let Some((line, col)) = self.line {
            write!(f, ":{line}:{col}")?;
        }
        let kind = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, ": {kind}: {}", self.message)?;
        if let Some(help) = &self.help {
            write!(f, "\n  help: {help}")?;
        }
        Ok(())
    }
}

/// The errors (and warnings) of one failed step. The library returns this; the binary prints it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    pub fn push(&mut self, d: Diagnostic) {
        self.0.push(d);
    }
    pub fn extend(&mut self, other: Diagnostics) {
        self.0.extend(other.0);
    }
    pub fn has_errors(&self) -> bool {
        self.0.iter().any(Diagnostic::is_error)
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.0.iter()
    }
    /// Ok(()) when nothing here is an error; warnings alone do not fail a step.
    pub fn into_result(self) -> Result<Diagnostics, Diagnostics> {
        if self.has_errors() {
            Err(self)
        } else {
            Ok(self)
        }
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
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
    first_line: usize,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str, first_line: usize) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex {
            text,
            starts,
            first_line,
        }
    }

    /// (line, column) of a byte offset, both 1-based, the column counted in characters.
    pub fn position(&self, offset: usize) -> (usize, usize) {
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

/// Reads a user's text file; `what` names it in the message ("the task list").
/// A file that is not UTF-8 (GBK from an old editor, or not text at all) gets a help saying so.
pub fn read_source(path: &Path, shown: &Path, what: &str) -> Result<String, Diagnostic> {
    std::fs::read_to_string(path).map_err(|e| {
        let d = Diagnostic::file_error(shown, format!("cannot read {what}: {e}"));
        if e.kind() == std::io::ErrorKind::InvalidData {
            d.with_help("save the file as UTF-8 text (in Notepad or WPS: 另存为, 编码 UTF-8)")
        } else {
            d
        }
    })
}

/// The closest candidate to a misspelt name, if it is close enough to be what was meant.
pub fn did_you_mean<'c>(
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
        assert_eq!(
            d.to_string(),
            "content/a.md:3:9: error: bad\n  help: fix it"
        );
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
