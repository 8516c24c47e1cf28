//! Noticing edits to content/ and templates/: file events from the operating system (inotify,
//! FSEvents, ReadDirectoryChangesW through the notify crate), confirmed by comparing the
//! modification times and sizes of everything a build reads, so an event that changed nothing
//! (a file opened and saved unchanged) does not rebuild. Where events cannot be had (a network
//! drive, the watch limit reached), it looks every 400 ms instead.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, SystemTime};

use notify::{Event, EventKind, RecommendedWatcher, RecursiveMode, Watcher as _};

use crate::paths;

type Fingerprint = Vec<(PathBuf, Option<SystemTime>, u64)>;

/// The folders whose files a build reads.
const WATCHED: [&str; 2] = [paths::CONTENT, "templates"];

/// How long a burst of events (an editor's save) is let settle. An editor's save comes as a few
/// events within milliseconds; a longer burst (a folder being copied) that outlasts this only
/// costs another rebuild, as the next change is seen then. It is most of the time an edit takes
/// to show (120 ms here made a one-line edit take 356 ms on the example).
const SETTLE: Duration = Duration::from_millis(40);

/// Watches content/ and templates/ of a project.
pub(crate) struct Watcher {
    root: PathBuf,
    last: Fingerprint,
    /// The OS watch and its events; None when polling.
    events: Option<(RecommendedWatcher, Receiver<notify::Result<Event>>)>,
}

impl Watcher {
    pub(crate) fn new(root: &Path) -> Watcher {
        // The OS reports events under the resolved folder (/home/…/content/a.md even when
        // watching "."), so events are matched against the resolved root: with the relative
        // one, `gongwen serve` run inside the project saw no edit at all.
        let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
        Watcher {
            last: fingerprint(&root),
            events: os_watch(&root),
            root,
        }
    }

    /// Returns when something changed since the last call.
    pub(crate) fn wait_for_change(&mut self) {
        loop {
            if !self.next_event() {
                std::thread::sleep(Duration::from_millis(400));
            }
            let now = fingerprint(&self.root);
            if now != self.last {
                self.last = now;
                return;
            }
        }
    }

    /// Waits for an event under the watched folders and lets its burst settle; false when
    /// there are no events to wait for (polling).
    fn next_event(&mut self) -> bool {
        let Some((_, rx)) = &self.events else {
            return false;
        };
        loop {
            match rx.recv() {
                Ok(Ok(e)) if relevant(&self.root, &e) => break,
                Ok(_) => {}
                Err(_) => {
                    self.events = None;
                    return false;
                }
            }
        }
        loop {
            match rx.recv_timeout(SETTLE) {
                Ok(_) => {}
                Err(RecvTimeoutError::Timeout) => return true,
                Err(RecvTimeoutError::Disconnected) => {
                    self.events = None;
                    return true;
                }
            }
        }
    }
}

/// An OS watch on the project folder (recursive, so content/ or templates/ created later are
/// seen), or None.
fn os_watch(root: &Path) -> Option<(RecommendedWatcher, Receiver<notify::Result<Event>>)> {
    let (tx, rx) = channel();
    let mut w = notify::recommended_watcher(tx).ok()?;
    w.watch(root, RecursiveMode::Recursive).ok()?;
    Some((w, rx))
}

/// A change (not a read) of something under content/ or templates/ (not out/, which every
/// build writes).
fn relevant(root: &Path, e: &Event) -> bool {
    !matches!(e.kind, EventKind::Access(_))
        && e.paths.iter().any(|p| {
            let rel = p.strip_prefix(root).unwrap_or(p);
            WATCHED.iter().any(|d| rel.starts_with(d))
        })
}

fn fingerprint(root: &Path) -> Fingerprint {
    let mut v = Vec::new();
    for dir in WATCHED {
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
