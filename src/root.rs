//! The project folder. Every file gongwen reads from a project is resolved here, through any
//! symbolic links, and refused when it lies outside the folder: the README promises that reads
//! are confined to the project.

use crate::i18n::t;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use crate::diag::{Diagnostic, display_path};

/// The project folder, as given and as resolved.
#[derive(Debug, Clone)]
pub(crate) struct Root {
    given: PathBuf,
    real: PathBuf,
    /// Each file the project was loaded from, with a hash of the bytes read (shared by clones):
    /// what an output made from the whole project, the site, depends on.
    read: Arc<Mutex<BTreeMap<PathBuf, u64>>>,
}

impl Root {
    /// The project folder `given`; an error names it when it is missing or not a folder.
    pub(crate) fn new(given: &Path) -> Result<Root, Diagnostic> {
        let real = given.canonicalize().map_err(|e| {
            Diagnostic::file_error(given, t!("project-cannot-open", reason = e.to_string()))
                .with_help(t!("project-folder-help"))
        })?;
        if !real.is_dir() {
            return Err(Diagnostic::file_error(given, t!("project-not-folder"))
                .with_help(t!("project-folder-help")));
        }
        Ok(Root {
            given: given.to_path_buf(),
            real,
            read: Arc::default(),
        })
    }

    /// The folder as the user named it.
    pub(crate) fn path(&self) -> &Path {
        &self.given
    }

    /// `rel` (relative to the project) as a path to read, if it exists and lies inside the
    /// project after following links. Ok(None) when it does not exist.
    pub(crate) fn resolve(&self, rel: &Path) -> Result<Option<PathBuf>, Diagnostic> {
        let path = self.given.join(rel);
        match path.canonicalize() {
            Ok(real) if real.starts_with(&self.real) => Ok(Some(real)),
            Ok(real) => Err(Diagnostic::file_error(
                rel,
                t!("link-outside", target = display_path(&real)),
            )
            .with_help(t!("link-outside-help"))),
            Err(_) if path.symlink_metadata().is_ok() => {
                Err(Diagnostic::file_error(rel, t!("link-dangling"))
                    .with_help(t!("link-dangling-help")))
            }
            Err(_) => Ok(None),
        }
    }

    /// Notes that bytes with this `hash` (fingerprint::hash) were read from `rel` for the project.
    pub(crate) fn note_read(&self, rel: &Path, hash: u64) {
        if let Ok(mut read) = self.read.lock() {
            read.insert(rel.to_path_buf(), hash);
        }
    }

    /// Every file noted as read, with its bytes' hash, in path order.
    pub(crate) fn reads(&self) -> Vec<(PathBuf, u64)> {
        self.read
            .lock()
            .map(|r| r.iter().map(|(p, h)| (p.clone(), *h)).collect())
            .unwrap_or_default()
    }

    /// Whether `real` (a resolved path) lies inside the project.
    pub(crate) fn contains(&self, real: &Path) -> bool {
        real.starts_with(&self.real)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn links_out_of_the_project_are_refused() {
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("secret.md"), "x").unwrap();
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("inside.md"), "x").unwrap();
        std::os::unix::fs::symlink(outside.path().join("secret.md"), dir.path().join("link.md"))
            .unwrap();
        std::os::unix::fs::symlink(dir.path().join("inside.md"), dir.path().join("ok.md")).unwrap();
        std::os::unix::fs::symlink(dir.path().join("none"), dir.path().join("dangling.md"))
            .unwrap();
        let root = Root::new(dir.path()).unwrap();
        assert!(root.resolve(Path::new("inside.md")).unwrap().is_some());
        assert!(root.resolve(Path::new("ok.md")).unwrap().is_some());
        assert!(root.resolve(Path::new("missing.md")).unwrap().is_none());
        let e = root.resolve(Path::new("link.md")).unwrap_err().to_string();
        assert!(e.starts_with("link.md: 错误: 这个链接指向项目之外"), "{e}");
        let e = root
            .resolve(Path::new("dangling.md"))
            .unwrap_err()
            .to_string();
        assert!(
            e.starts_with("dangling.md: 错误: 这个链接指向的文件不存在"),
            "{e}"
        );
        assert!(Root::new(&dir.path().join("nope")).is_err());
    }
}
