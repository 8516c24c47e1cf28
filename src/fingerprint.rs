//! Which outputs need making again. Each PDF and .docx written is recorded with a fingerprint
//! of everything it is made from — its view (which holds every printed text and a content hash
//! of each picture) and date; for a PDF also the fonts, every Typst template's text and the
//! layout settings; for a .docx its typefaces and layout — and this gongwen binary, and its
//! size; the site with the fingerprint of every file the project was read from and the state of
//! each file in it. A later build whose fingerprint matches, with the output still there as it
//! was, keeps it as it is: no typesetting, no writing. One record for the output folder, shared
//! by the backends and saved once after them.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::diag::Diagnostic;
use crate::output;

use crate::paths::FINGERPRINTS as FILE;

/// A document as last written: its fingerprint, page count (0 for a .docx) and size.
#[derive(Clone, PartialEq, Eq, Debug)]
pub(crate) struct Entry {
    pub(crate) fingerprint: String,
    pub(crate) pages: usize,
    pub(crate) bytes: u64,
}

pub(crate) struct Fingerprints {
    dir: PathBuf,
    old: BTreeMap<String, Entry>,
    new: Mutex<BTreeMap<String, Entry>>,
}

impl Fingerprints {
    /// The record of the output folder `out_dir` (empty when there is none or it cannot be read).
    pub(crate) fn load(out_dir: &Path) -> Self {
        let text = std::fs::read_to_string(out_dir.join(FILE)).unwrap_or_default();
        let old = text
            .lines()
            .filter_map(|l| {
                let mut f = l.splitn(4, '\t');
                let (fp, pages, bytes, name) = (f.next()?, f.next()?, f.next()?, f.next()?);
                let entry = Entry {
                    fingerprint: fp.to_string(),
                    pages: pages.parse().ok()?,
                    bytes: bytes.parse().ok()?,
                };
                Some((name.to_string(), entry))
            })
            .collect();
        Fingerprints {
            dir: out_dir.to_path_buf(),
            old,
            new: Mutex::new(BTreeMap::new()),
        }
    }

    fn key(&self, pdf: &Path) -> String {
        pdf.strip_prefix(&self.dir)
            .unwrap_or(pdf)
            .to_string_lossy()
            .replace(['\t', '\n'], " ")
    }

    /// The pages of `file` when it is already as `fingerprint` would make it.
    pub(crate) fn unchanged(&self, file: &Path, fingerprint: &str) -> Option<usize> {
        let key = self.key(file);
        let old = self
            .old
            .get(&key)
            .filter(|e| e.fingerprint == fingerprint)?;
        let bytes = std::fs::metadata(file).ok().filter(|m| m.is_file())?.len();
        (bytes == old.bytes).then(|| {
            self.record(file, fingerprint, old.pages, bytes);
            old.pages
        })
    }

    /// Notes that `file` now holds what `fingerprint` makes.
    pub(crate) fn record(&self, file: &Path, fingerprint: &str, pages: usize, bytes: u64) {
        let entry = Entry {
            fingerprint: fingerprint.to_string(),
            pages,
            bytes,
        };
        if let Ok(mut new) = self.new.lock() {
            new.insert(self.key(file), entry);
        }
    }

    /// The pages of the folder `dir` (the site) when it was made from `fingerprint` and no file
    /// in it has been added, removed or changed since.
    pub(crate) fn unchanged_tree(&self, dir: &Path, fingerprint: &str) -> Option<usize> {
        let old = self
            .old
            .get(&self.key(dir))
            .filter(|e| e.fingerprint == fingerprint)?;
        let state = tree_state(dir)?;
        (state == old.bytes).then(|| {
            self.record(dir, fingerprint, old.pages, state);
            old.pages
        })
    }

    /// Notes that the folder `dir` now holds what `fingerprint` makes, with `pages` pages.
    pub(crate) fn record_tree(&self, dir: &Path, fingerprint: &str, pages: usize) {
        if let Some(state) = tree_state(dir) {
            self.record(dir, fingerprint, pages, state);
        }
    }

    /// Keeps what the record says of `file`, an output this build leaves alone (the site, under
    /// --no-site or after errors), unless this build recorded it anew: a later build can still
    /// find it unchanged.
    pub(crate) fn carry(&self, file: &Path) {
        let key = self.key(file);
        if let (Some(old), Ok(mut new)) = (self.old.get(&key), self.new.lock()) {
            new.entry(key).or_insert_with(|| old.clone());
        }
    }

    /// Writes the record of the documents this build wrote or kept: the others are made again
    /// next time.
    pub(crate) fn save(self) -> Result<(), Diagnostic> {
        let new = self.new.into_inner().unwrap_or_default();
        let text: String = new
            .iter()
            .map(|(name, e)| format!("{}\t{}\t{}\t{name}\n", e.fingerprint, e.pages, e.bytes))
            .collect();
        output::write_if_changed(&self.dir.join(FILE), text.as_bytes()).map(|_| ())
    }
}

/// The fingerprint of a document made from these parts (FNV-1a, 64 bits, over each part and
/// its length, so parts cannot run into each other).
pub(crate) fn of(parts: &[&[u8]]) -> String {
    format!("{:016x}", hash_parts(parts))
}

/// Each part with its length before it, so that no two lists of parts hash the same bytes.
fn hash_parts(parts: &[&[u8]]) -> u64 {
    parts.iter().fold(FNV_START, |h, p| {
        fnv1a(fnv1a(h, &(p.len() as u64).to_le_bytes()), p)
    })
}

/// The fingerprint of `parts` followed by `value` as JSON, streamed into the hash: a year
/// report's view is megabytes, and its Debug form cost 14% of a second build at 200 units ×
/// 1,000 tasks (every character escaped through `char::is_printable`).
pub(crate) fn of_value(parts: &[&[u8]], value: &impl serde::Serialize) -> String {
    struct Hashing(u64);
    impl std::io::Write for Hashing {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0 = fnv1a(self.0, buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let mut h = Hashing(hash_parts(parts));
    // A view that cannot be written as JSON (none can: they are plain data) still gets a
    // fingerprint, one that changes with the error, so nothing is kept by mistake.
    if let Err(e) = serde_json::to_writer(&mut h, value) {
        h.0 = fnv1a(h.0, e.to_string().as_bytes());
    }
    format!("{:016x}", h.0)
}

/// A file's size and modification time, or "missing": enough to tell a file replaced whole
/// (as every output is) from the one seen before.
pub(crate) fn file_state(path: &Path) -> String {
    match std::fs::metadata(path) {
        Ok(m) => format!("{}:{}", m.len(), nanos(&m)),
        Err(_) => "missing".to_string(),
    }
}

fn nanos(m: &std::fs::Metadata) -> u128 {
    m.modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos())
}

/// Every file under `dir` — its path, size and time — hashed in name order; `None` when `dir`
/// cannot be read whole.
fn tree_state(dir: &Path) -> Option<u64> {
    let mut h = FNV_START;
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.ok()?;
        let m = entry.metadata().ok()?;
        let rel = entry.path().strip_prefix(dir).ok()?;
        h = fnv1a(h, rel.to_string_lossy().as_bytes());
        h = fnv1a(h, &[u8::from(m.is_dir())]);
        h = fnv1a(h, &m.len().to_le_bytes());
        h = fnv1a(h, &nanos(&m).to_le_bytes());
    }
    Some(h)
}

/// The 64-bit hash of `bytes` (FNV-1a): a picture's published name, a content file's entry in
/// what the project was read from.
pub(crate) fn hash(bytes: &[u8]) -> u64 {
    fnv1a(FNV_START, bytes)
}

/// FNV-1a's starting value (64 bits).
const FNV_START: u64 = 0xcbf2_9ce4_8422_2325;

/// FNV-1a (64 bits) of `bytes`, continuing from `h`: small, fast and the same on every platform
/// and version, which is all a fingerprint or a picture's published name needs.
fn fnv1a(h: u64, bytes: &[u8]) -> u64 {
    bytes
        .iter()
        .fold(h, |h, b| (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3))
}

/// This gongwen binary: its version, and its file's size and time (a rebuilt binary may lay
/// out differently under the same version number).
pub(crate) fn binary() -> String {
    let exe = std::env::current_exe()
        .ok()
        .and_then(|p| std::fs::metadata(p).ok());
    let size = exe.as_ref().map_or(0, std::fs::Metadata::len);
    let time = exe
        .and_then(|m| m.modified().ok())
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos());
    format!("{}:{size}:{time}", env!("CARGO_PKG_VERSION"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pdf_is_kept_only_while_its_fingerprint_and_size_match() {
        let out = tempfile::tempdir().unwrap();
        let dir = out.path();
        let pdf = dir.join("pdf/sub/a.pdf");
        std::fs::create_dir_all(pdf.parent().unwrap()).unwrap();
        std::fs::write(&pdf, b"%PDF-1.7 x").unwrap();
        let f = Fingerprints::load(dir);
        assert_eq!(f.unchanged(&pdf, "1"), None, "nothing recorded yet");
        f.record(&pdf, "1", 3, 10);
        f.save().unwrap();
        assert!(
            out.path().join(FILE).is_file(),
            "the record is in the output folder"
        );
        assert!(
            std::fs::read_to_string(out.path().join(FILE))
                .unwrap()
                .ends_with("\tpdf/sub/a.pdf\n"),
            "files are named below the output folder"
        );
        let f = Fingerprints::load(dir);
        assert_eq!(f.unchanged(&pdf, "1"), Some(3));
        assert_eq!(f.unchanged(&pdf, "2"), None, "made from something else");
        std::fs::write(&pdf, b"%PDF-1.7 changed by hand").unwrap();
        assert_eq!(f.unchanged(&pdf, "1"), None, "the file was changed");
        assert_ne!(of(&[b"ab", b"c"]), of(&[b"a", b"bc"]));
    }

    #[test]
    fn a_values_fingerprint_changes_with_any_field_and_with_the_parts() {
        #[derive(serde::Serialize)]
        struct View<'a> {
            title: &'a str,
            items: Vec<(u32, &'a str)>,
        }
        let v = |title, second| View {
            title,
            items: vec![(1, "甲"), (2, second)],
        };
        let base = of_value(&[b"x"], &v("通知", "乙"));
        assert_eq!(base, of_value(&[b"x"], &v("通知", "乙")), "the same value");
        assert_ne!(base, of_value(&[b"x"], &v("通告", "乙")));
        assert_ne!(base, of_value(&[b"x"], &v("通知", "丙")), "a nested field");
        assert_ne!(base, of_value(&[b"y"], &v("通知", "乙")), "the parts");
    }
}
