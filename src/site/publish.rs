//! The site is built in a staging folder beside out/site and swapped in whole, so a failed
//! build leaves the previous site as it was.

use std::path::{Path, PathBuf};

use crate::diag::Diagnostic;

/// A site being built.
pub(crate) struct Staging {
    dir: tempfile::TempDir,
}

impl Staging {
    /// A fresh staging folder next to where the site goes.
    pub(crate) fn new(site_dir: &Path) -> Result<Staging, Diagnostic> {
        let parent = site_dir.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(parent)
            .map_err(|e| Diagnostic::file_error(parent, format!("cannot create: {e}")))?;
        let dir = tempfile::Builder::new()
            .prefix(".site-staging-")
            .tempdir_in(parent)
            .map_err(|e| {
                Diagnostic::file_error(parent, format!("cannot create the staging folder: {e}"))
            })?;
        Ok(Staging { dir })
    }

    /// Writes `bytes` to `path` (relative to the site's root).
    pub(crate) fn write(&self, path: &str, bytes: &[u8]) -> Result<(), Diagnostic> {
        let p = self.dir.path().join(path);
        if let Some(dir) = p.parent() {
            std::fs::create_dir_all(dir)
                .map_err(|e| Diagnostic::file_error(dir, format!("cannot create: {e}")))?;
        }
        std::fs::write(&p, bytes)
            .map_err(|e| Diagnostic::file_error(&p, format!("cannot write: {e}")))
    }

    /// The built PDFs go into the site (under `into`) so every download link works offline.
    pub(crate) fn copy_pdfs(&self, from: &Path, into: &str) -> Result<(), Diagnostic> {
        let to = self.dir.path().join(into);
        for e in walkdir::WalkDir::new(from)
            .sort_by_file_name()
            .into_iter()
            .filter_map(Result::ok)
        {
            if !(e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "pdf")) {
                continue;
            }
            let rel = e.path().strip_prefix(from).unwrap_or(e.path());
            let dest = to.join(rel);
            if let Some(dir) = dest.parent() {
                std::fs::create_dir_all(dir).map_err(|err| {
                    Diagnostic::file_error(&dest, format!("cannot create: {err}"))
                })?;
            }
            std::fs::copy(e.path(), &dest)
                .map_err(|err| Diagnostic::file_error(&dest, format!("cannot copy: {err}")))?;
        }
        Ok(())
    }

    /// Puts the finished site where it goes; the old site is removed only after.
    pub(crate) fn publish(self, site_dir: &Path) -> Result<(), Diagnostic> {
        let staged: PathBuf = self.dir.keep();
        let old = site_dir.with_file_name(format!(".site-old-{}", std::process::id()));
        if site_dir.exists() {
            std::fs::rename(site_dir, &old).map_err(|e| {
                Diagnostic::file_error(site_dir, format!("cannot move the old site aside: {e}"))
            })?;
        }
        if let Err(e) = std::fs::rename(&staged, site_dir) {
            // Put the old site back: a failed swap must not leave the site missing.
            let _ = std::fs::rename(&old, site_dir);
            let _ = std::fs::remove_dir_all(&staged);
            return Err(Diagnostic::file_error(
                site_dir,
                format!("cannot put the new site in place: {e}"),
            ));
        }
        let _ = std::fs::remove_dir_all(&old);
        Ok(())
    }
}
