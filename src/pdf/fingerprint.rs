//! Which PDFs need typesetting again. Each PDF written is recorded with a fingerprint of
//! everything it is made from — its generated Typst source (which holds every printed text and a
//! content hash of each picture), the layout library, the fonts, the date Typst sees, and this
//! gongwen binary — and its size. A later build whose fingerprint matches, with the file still
//! there and of that size, keeps the file as it is: no typesetting, no writing.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::diag::Diagnostic;
use crate::output;

use crate::paths::FINGERPRINTS as FILE;

/// A PDF as last written: its fingerprint, page count and size.
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
    /// The record in `pdf_dir` (empty when there is none or it cannot be read).
    pub(crate) fn load(pdf_dir: &Path) -> Self {
        let text = std::fs::read_to_string(record_path(pdf_dir)).unwrap_or_default();
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
            dir: pdf_dir.to_path_buf(),
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

    /// The pages of `pdf` when it is already as `fingerprint` would make it.
    pub(crate) fn unchanged(&self, pdf: &Path, fingerprint: &str) -> Option<usize> {
        let key = self.key(pdf);
        let old = self
            .old
            .get(&key)
            .filter(|e| e.fingerprint == fingerprint)?;
        let bytes = std::fs::metadata(pdf).ok().filter(|m| m.is_file())?.len();
        (bytes == old.bytes).then(|| {
            self.record(pdf, fingerprint, old.pages, bytes);
            old.pages
        })
    }

    /// Notes that `pdf` now holds what `fingerprint` makes.
    pub(crate) fn record(&self, pdf: &Path, fingerprint: &str, pages: usize, bytes: u64) {
        let entry = Entry {
            fingerprint: fingerprint.to_string(),
            pages,
            bytes,
        };
        if let Ok(mut new) = self.new.lock() {
            new.insert(self.key(pdf), entry);
        }
    }

    /// Writes the record of this build's PDFs.
    pub(crate) fn save(self) -> Result<(), Diagnostic> {
        let new = self.new.into_inner().unwrap_or_default();
        let text: String = new
            .iter()
            .map(|(name, e)| format!("{}\t{}\t{}\t{name}\n", e.fingerprint, e.pages, e.bytes))
            .collect();
        output::write_if_changed(&record_path(&self.dir), text.as_bytes()).map(|_| ())
    }
}

/// The record lives beside the output folder's manifest, not among the PDFs.
fn record_path(pdf_dir: &Path) -> PathBuf {
    pdf_dir.parent().unwrap_or(pdf_dir).join(FILE)
}

/// The fingerprint of a document made from these parts (FNV-1a, 64 bits, over each part and
/// its length, so parts cannot run into each other).
pub(crate) fn of(parts: &[&[u8]]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |bytes: &[u8]| {
        for b in bytes {
            h = (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
        }
    };
    for p in parts {
        eat(&(p.len() as u64).to_le_bytes());
        eat(p);
    }
    format!("{h:016x}")
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
        let dir = out.path().join("pdf");
        let pdf = dir.join("sub/a.pdf");
        std::fs::create_dir_all(pdf.parent().unwrap()).unwrap();
        std::fs::write(&pdf, b"%PDF-1.7 x").unwrap();
        let f = Fingerprints::load(&dir);
        assert_eq!(f.unchanged(&pdf, "1"), None, "nothing recorded yet");
        f.record(&pdf, "1", 3, 10);
        f.save().unwrap();
        assert!(
            out.path().join(FILE).is_file(),
            "the record is beside the PDF folder"
        );
        let f = Fingerprints::load(&dir);
        assert_eq!(f.unchanged(&pdf, "1"), Some(3));
        assert_eq!(f.unchanged(&pdf, "2"), None, "made from something else");
        std::fs::write(&pdf, b"%PDF-1.7 changed by hand").unwrap();
        assert_eq!(f.unchanged(&pdf, "1"), None, "the file was changed");
        assert_ne!(of(&[b"ab", b"c"]), of(&[b"a", b"bc"]));
    }
}
