//! The site is built in a staging folder beside out/site and swapped in whole: the published
//! site is always either the old one or the new one. On Linux the two folders are exchanged in
//! one step (renameat2 RENAME_EXCHANGE); elsewhere the old one is moved aside first, and the next
//! build puts it back if a kill came between the two moves (outdir::prepare). gongwen replaces
//! only a site it made, which it marks.
//!
//! The new site is made mostly of links, not copies: a page whose bytes the current site already
//! has, a picture it already has, and every PDF (from out/pdf) are hard-linked into the staging
//! folder, so a rebuild writes only what changed and unchanged files keep their times — a web
//! server or a sync to the intranet sees only real changes. Where links are not possible (another
//! file system) the file is copied.

use crate::i18n::t;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::diag::Diagnostic;
use crate::outdir::{SITE_MARK as MARK, SITE_OLD, SITE_STAGING, made_by_gongwen};
use crate::output::temp_builder;

/// A site being built.
pub(crate) struct Staging {
    dir: tempfile::TempDir,
    /// The site being replaced, when gongwen made it: its unchanged files are linked, not written.
    current: Option<PathBuf>,
    /// Files whose bytes are new in this build.
    changed: AtomicUsize,
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
        let staging = Staging {
            dir,
            current: site_dir.is_dir().then(|| site_dir.to_path_buf()),
            changed: AtomicUsize::new(0),
        };
        staging.write(
            MARK,
            b"built by gongwen; replaced whole by the next build\n",
        )?;
        Ok(staging)
    }

    /// How many files of the new site have bytes the site it replaces did not have there.
    pub(crate) fn changed(&self) -> usize {
        self.changed.load(Ordering::Relaxed)
    }

    /// `path` (relative to the site's root) in the staging folder, its folder created.
    fn target(&self, path: &Path) -> Result<PathBuf, Diagnostic> {
        let p = self.dir.path().join(path);
        if let Some(dir) = p.parent() {
            std::fs::create_dir_all(dir).map_err(|e| {
                Diagnostic::file_error(dir, t!("cannot-create", reason = e.to_string()))
            })?;
        }
        Ok(p)
    }

    /// The current site's file at `path` when it holds exactly `bytes`.
    fn current_with(&self, path: &Path, bytes: &[u8]) -> Option<PathBuf> {
        let old = self.current.as_ref()?.join(path);
        crate::output::same_bytes(&old, bytes).then_some(old)
    }

    /// Writes `bytes` to `path` (relative to the site's root), linking the current site's file
    /// when it already holds them.
    pub(crate) fn write(&self, path: &str, bytes: &[u8]) -> Result<(), Diagnostic> {
        let p = self.target(Path::new(path))?;
        if let Some(old) = self.current_with(Path::new(path), bytes)
            && std::fs::hard_link(&old, &p).is_ok()
        {
            return Ok(());
        }
        self.changed.fetch_add(1, Ordering::Relaxed);
        std::fs::write(&p, bytes)
            .map_err(|e| Diagnostic::file_error(&p, t!("cannot-write", reason = e.to_string())))
    }

    /// `from` at `path` (relative to the site's root): linked, or copied where it cannot be.
    /// `new` says whether the site it replaces lacked it.
    fn link(&self, from: &Path, path: &Path, new: bool) -> Result<(), Diagnostic> {
        let dest = self.target(path)?;
        if new {
            self.changed.fetch_add(1, Ordering::Relaxed);
        }
        if std::fs::hard_link(from, &dest).is_ok() {
            return Ok(());
        }
        std::fs::copy(from, &dest).map(|_| ()).map_err(|err| {
            Diagnostic::file_error(&dest, t!("cannot-copy", reason = err.to_string()))
        })
    }

    /// The PDFs this build wrote (paths relative to `from`) go into the site under `into`, so
    /// every download link works offline; nothing else from `from` does. They are linked: the
    /// PDF folder's files are only ever replaced whole (output::write), never changed in place,
    /// so a link keeps the bytes it was made with.
    pub(crate) fn copy_pdfs(
        &self,
        from: &Path,
        pdfs: &[PathBuf],
        into: &str,
    ) -> Result<(), Diagnostic> {
        for rel in pdfs {
            let path = Path::new(into).join(rel);
            let source = from.join(rel);
            self.link(&source, &path, !self.same_file(&source, &path))?;
        }
        Ok(())
    }

    /// Whether the current site's `path` is the very file `source` (a link made earlier).
    fn same_file(&self, source: &Path, path: &Path) -> bool {
        let Some(cur) = &self.current else {
            return false;
        };
        match (std::fs::metadata(source), std::fs::metadata(cur.join(path))) {
            (Ok(a), Ok(b)) => same_inode(&a, &b),
            _ => false,
        }
    }

    /// The pictures bodies name, into the site's media folder by their content's name (so a
    /// picture the current site has under that name is the same picture, and is linked).
    pub(crate) fn copy_media(
        &self,
        root: &Path,
        media: &std::collections::BTreeMap<String, String>,
    ) -> Result<(), Diagnostic> {
        for (name, file) in media {
            let path = Path::new(crate::paths::SITE_MEDIA).join(name);
            let size = |p: &Path| std::fs::metadata(p).map(|m| m.len()).ok();
            if let Some(cur) = &self.current
                && cur.join(&path).is_file()
                && size(&cur.join(&path)) == size(&root.join(file))
            {
                self.link(&cur.join(&path), &path, false)?;
                continue;
            }
            let dest = self.target(&path)?;
            self.changed.fetch_add(1, Ordering::Relaxed);
            std::fs::copy(root.join(file), dest).map_err(|err| {
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

#[cfg(unix)]
fn same_inode(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.dev() == b.dev() && a.ino() == b.ino()
}

/// Without inode numbers at hand, a PDF is counted as new in the site whenever it is linked.
#[cfg(not(unix))]
fn same_inode(_: &std::fs::Metadata, _: &std::fs::Metadata) -> bool {
    false
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
        assert!(e.contains("其中有不是 gongwen 写出的文件"), "{e}");
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

    #[test]
    fn a_pdf_that_cannot_be_linked_is_copied() {
        // /dev/shm is its own file system wherever it exists, so a link from there into the
        // staging folder fails (EXDEV) and the copy must be made instead.
        let Ok(shm) = tempfile::tempdir_in("/dev/shm") else {
            eprintln!("no /dev/shm here: only the linking path is tested");
            return;
        };
        let out = tempfile::tempdir().unwrap();
        let site = out.path().join("site");
        std::fs::write(shm.path().join("a.pdf"), b"%PDF-1.7 a").unwrap();
        let linkable =
            std::fs::hard_link(shm.path().join("a.pdf"), out.path().join("probe")).is_ok();
        let s = Staging::new(&site).unwrap();
        s.copy_pdfs(shm.path(), &[PathBuf::from("a.pdf")], "pdf")
            .unwrap();
        s.publish(&site).unwrap();
        assert_eq!(
            std::fs::read(site.join("pdf/a.pdf")).unwrap(),
            b"%PDF-1.7 a"
        );
        if !linkable {
            // A copy, not a link: changing the source leaves the site's file as it was.
            std::fs::write(shm.path().join("a.pdf"), b"changed").unwrap();
            assert_eq!(
                std::fs::read(site.join("pdf/a.pdf")).unwrap(),
                b"%PDF-1.7 a"
            );
        }
    }
}
