//! The site is built in a staging folder beside out/site and swapped in whole: the published
//! site is always either the old one or the new one. On Linux the two folders are exchanged in
//! one step (renameat2 RENAME_EXCHANGE); elsewhere the old one is moved aside first, and the next
//! build puts it back if a kill came between the two moves (outdir::prepare). gongwen replaces
//! only a site it made, which it marks.

use crate::i18n::t;
use std::path::{Path, PathBuf};

use crate::diag::Diagnostic;
use crate::outdir::{SITE_MARK as MARK, SITE_OLD, SITE_STAGING, made_by_gongwen};
use crate::output::temp_builder;

/// A site being built.
pub(crate) struct Staging {
    dir: tempfile::TempDir,
}

impl Staging {
    /// A fresh staging folder next to where the site goes. Refuses to go on when a folder that
    /// gongwen did not make is where the site goes: it would be replaced.
    pub(crate) fn new(site_dir: &Path) -> Result<Staging, Diagnostic> {
        if site_dir.is_dir() && !made_by_gongwen(site_dir) {
            return Err(Diagnostic::file_error(site_dir, t!("site-foreign-folder"))
                .with_help(t!("site-foreign-folder-help")));
        }
        let parent = site_dir.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(parent).map_err(|e| {
            Diagnostic::file_error(parent, t!("cannot-create", reason = e.to_string()))
        })?;
        let dir = temp_builder(SITE_STAGING, true)
            .tempdir_in(parent)
            .map_err(|e| {
                Diagnostic::file_error(parent, t!("site-cannot-stage", reason = e.to_string()))
            })?;
        let staging = Staging { dir };
        staging.write(
            MARK,
            b"built by gongwen; replaced whole by the next build\n",
        )?;
        Ok(staging)
    }

    /// Writes `bytes` to `path` (relative to the site's root).
    pub(crate) fn write(&self, path: &str, bytes: &[u8]) -> Result<(), Diagnostic> {
        let p = self.dir.path().join(path);
        if let Some(dir) = p.parent() {
            std::fs::create_dir_all(dir).map_err(|e| {
                Diagnostic::file_error(dir, t!("cannot-create", reason = e.to_string()))
            })?;
        }
        std::fs::write(&p, bytes)
            .map_err(|e| Diagnostic::file_error(&p, t!("cannot-write", reason = e.to_string())))
    }

    /// The PDFs this build wrote (paths relative to `from`) go into the site under `into`, so
    /// every download link works offline; nothing else from `from` does.
    pub(crate) fn copy_pdfs(
        &self,
        from: &Path,
        pdfs: &[PathBuf],
        into: &str,
    ) -> Result<(), Diagnostic> {
        let to = self.dir.path().join(into);
        for rel in pdfs {
            let dest = to.join(rel);
            if let Some(dir) = dest.parent() {
                std::fs::create_dir_all(dir).map_err(|err| {
                    Diagnostic::file_error(&dest, t!("cannot-create", reason = err.to_string()))
                })?;
            }
            std::fs::copy(from.join(rel), &dest).map_err(|err| {
                Diagnostic::file_error(&dest, t!("cannot-copy", reason = err.to_string()))
            })?;
        }
        Ok(())
    }

    /// The pictures bodies name, into the site's media folder by their content's name.
    pub(crate) fn copy_media(
        &self,
        root: &Path,
        media: &std::collections::BTreeMap<String, String>,
    ) -> Result<(), Diagnostic> {
        let to = self.dir.path().join(crate::paths::SITE_MEDIA);
        for (name, file) in media {
            std::fs::create_dir_all(&to).map_err(|err| {
                Diagnostic::file_error(&to, t!("cannot-create", reason = err.to_string()))
            })?;
            std::fs::copy(root.join(file), to.join(name)).map_err(|err| {
                Diagnostic::file_error(file, t!("site-cannot-copy", reason = err.to_string()))
            })?;
        }
        Ok(())
    }

    /// Puts the finished site where it goes.
    pub(crate) fn publish(self, site_dir: &Path) -> Result<(), Diagnostic> {
        let staged: PathBuf = self.dir.keep();
        let failed = |e: std::io::Error| {
            let _ = std::fs::remove_dir_all(&staged);
            Diagnostic::file_error(site_dir, t!("site-cannot-place", reason = e.to_string()))
        };
        if !site_dir.exists() {
            return std::fs::rename(&staged, site_dir).map_err(failed);
        }
        if exchange(&staged, site_dir).is_ok() {
            // The old site is now where the staging folder was.
            let _ = std::fs::remove_dir_all(&staged);
            return Ok(());
        }
        let old = site_dir.with_file_name(format!("{SITE_OLD}{}", std::process::id()));
        std::fs::rename(site_dir, &old).map_err(|e| {
            let _ = std::fs::remove_dir_all(&staged);
            Diagnostic::file_error(site_dir, t!("site-cannot-move-old", reason = e.to_string()))
        })?;
        if let Err(e) = std::fs::rename(&staged, site_dir) {
            // Put the old site back: a failed swap must not leave the site missing.
            let _ = std::fs::rename(&old, site_dir);
            return Err(failed(e));
        }
        let _ = std::fs::remove_dir_all(&old);
        Ok(())
    }
}

/// Exchanges two folders in one step, where the system can.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).map_err(std::io::Error::from)
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> std::io::Result<()> {
    Err(std::io::Error::from(std::io::ErrorKind::Unsupported))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_gongwen_did_not_make_is_never_replaced() {
        let out = tempfile::tempdir().unwrap();
        let site = out.path().join("site");
        std::fs::create_dir_all(&site).unwrap();
        std::fs::write(site.join("notes.txt"), "mine").unwrap();
        let e = Staging::new(&site).err().unwrap().to_string();
        assert!(e.contains("holds files gongwen did not write"), "{e}");
        assert_eq!(
            std::fs::read_to_string(site.join("notes.txt")).unwrap(),
            "mine"
        );
    }

    #[test]
    fn publishing_twice_replaces_the_site_whole_and_leaves_nothing_beside_it() {
        let out = tempfile::tempdir().unwrap();
        let site = out.path().join("site");
        for text in ["one", "two"] {
            let s = Staging::new(&site).unwrap();
            s.write("index.html", text.as_bytes()).unwrap();
            s.publish(&site).unwrap();
        }
        assert_eq!(
            std::fs::read_to_string(site.join("index.html")).unwrap(),
            "two"
        );
        assert!(site.join(MARK).is_file());
        let names: Vec<_> = std::fs::read_dir(out.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["site"]);
    }
}
