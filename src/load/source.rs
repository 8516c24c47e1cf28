//! Reading the project's files: text with a helpful message when it is not UTF-8, and the
//! content files of a folder in a fixed order.

use std::path::{Path, PathBuf};

use crate::diag::Diagnostic;

/// Reads a user's text file; `what` names it in the message ("the task list").
/// A file that is not UTF-8 (GBK from an old editor, or not text at all) gets a help saying so.
pub(crate) fn read(path: &Path, shown: &Path, what: &str) -> Result<String, Diagnostic> {
    std::fs::read_to_string(path).map_err(|e| {
        let d = Diagnostic::file_error(shown, format!("cannot read {what}: {e}"));
        if e.kind() == std::io::ErrorKind::InvalidData {
            d.with_help("save the file as UTF-8 text (in Notepad or WPS: 另存为, 编码 UTF-8)")
        } else {
            d
        }
    })
}

/// A content file: where it is, how messages show it, and its name without extension.
pub(crate) struct ContentFile {
    pub(crate) path: PathBuf,
    pub(crate) shown: PathBuf,
    pub(crate) slug: String,
}

/// The files with extension `ext` directly in `dir` (relative to the project), sorted by name so
/// every run sees the same order.
pub(crate) fn files(root: &Path, dir: &Path, ext: &str) -> Vec<ContentFile> {
    walkdir::WalkDir::new(root.join(dir))
        .max_depth(1)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == ext))
        .map(|e| ContentFile {
            path: e.path().to_path_buf(),
            shown: dir.join(e.file_name()),
            slug: e
                .path()
                .file_stem()
                .map_or(String::new(), |s| s.to_string_lossy().to_string()),
        })
        .collect()
}
