//! Writing outputs so a reader never sees half a file: a temporary file beside the target,
//! renamed into place.

use crate::i18n::t;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::diag::Diagnostic;

/// A file a build wrote, and its page count (0 for files without pages).
#[derive(Debug, Clone)]
pub struct Written {
    /// Where it was written.
    pub path: PathBuf,
    /// How many pages it has.
    pub pages: usize,
    /// Already as this build would make it, so left untouched (not written again).
    pub kept: bool,
}

impl Written {
    /// A file this build wrote.
    pub(crate) fn new(path: PathBuf, pages: usize) -> Self {
        Written {
            path,
            pages,
            kept: false,
        }
    }

    /// A file left as an earlier build wrote it.
    pub(crate) fn kept(path: PathBuf, pages: usize) -> Self {
        Written {
            path,
            pages,
            kept: true,
        }
    }
}

/// Temporary files and folders gongwen makes start with this; the next build removes any that
/// an interrupted one left.
pub(crate) const TMP_PREFIX: &str = ".gongwen-";

/// A temporary file or folder created with the usual permissions (0666 / 0777 less the umask,
/// as any other program's files), not the owner-only ones temporary files get by default: a web
/// server running as another user must be able to read the PDFs and the site.
pub(crate) fn temp_builder(prefix: &str, folder: bool) -> tempfile::Builder<'_, '_> {
    let mut b = tempfile::Builder::new();
    b.prefix(prefix);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = if folder { 0o777 } else { 0o666 };
        b.permissions(std::fs::Permissions::from_mode(mode));
    }
    #[cfg(not(unix))]
    let _ = folder;
    b
}

pub(crate) fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let mut tmp = temp_builder(TMP_PREFIX, false)
        .suffix(".tmp")
        .tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// `write_atomic`, its failure as a message about the file.
pub(crate) fn write(path: &Path, bytes: &[u8]) -> Result<(), Diagnostic> {
    write_atomic(path, bytes)
        .map_err(|e| Diagnostic::file_error(path, t!("cannot-write", reason = e.to_string())))
}

/// Writes `bytes` to `path` unless the file already holds exactly them (then its time stays, and
/// tools watching it see no change). Returns whether it wrote.
pub(crate) fn write_if_changed(path: &Path, bytes: &[u8]) -> Result<bool, Diagnostic> {
    if same_bytes(path, bytes) {
        return Ok(false);
    }
    write(path, bytes)?;
    Ok(true)
}

/// Whether the file at `path` holds exactly `bytes` (its size is looked at before its content).
pub(crate) fn same_bytes(path: &Path, bytes: &[u8]) -> bool {
    std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.len() == bytes.len() as u64)
        && std::fs::read(path).is_ok_and(|b| b == bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_and_replaces_without_leftovers() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a/b.pdf");
        write_atomic(&p, b"one").unwrap();
        write_atomic(&p, b"two").unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"two");
        let names: Vec<_> = std::fs::read_dir(dir.path().join("a"))
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn written_files_are_readable_by_others_as_the_umask_allows() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.pdf");
        write_atomic(&p, b"x").unwrap();
        let mode = std::fs::metadata(&p).unwrap().permissions().mode() & 0o777;
        // The umask of a test run is usually 022 (0644) or 002 (0664); never owner-only.
        assert_eq!(mode & 0o044, 0o044, "mode {mode:o}");
    }
}
