//! Noticing edits: the modification times and sizes of everything a build reads.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use crate::paths;

type Fingerprint = Vec<(PathBuf, Option<SystemTime>, u64)>;

/// Watches content/ and templates/ of a project.
pub(crate) struct Watcher {
    root: PathBuf,
    last: Fingerprint,
}

impl Watcher {
    pub(crate) fn new(root: &Path) -> Watcher {
        Watcher {
            root: root.to_path_buf(),
            last: fingerprint(root),
        }
    }

    /// Returns when something changed since the last call.
    pub(crate) fn wait_for_change(&mut self) {
        loop {
            std::thread::sleep(Duration::from_millis(400));
            let now = fingerprint(&self.root);
            if now != self.last {
                self.last = now;
                return;
            }
        }
    }
}

fn fingerprint(root: &Path) -> Fingerprint {
    let mut v = Vec::new();
    for dir in [paths::CONTENT, "templates"] {
        for e in walkdir::WalkDir::new(root.join(dir))
            .sort_by_file_name()
            .into_iter()
            .filter_map(Result::ok)
        {
            if let Ok(m) = e.metadata() {
                v.push((e.path().to_path_buf(), m.modified().ok(), m.len()));
            }
        }
    }
    v
}
