//! The gate a returned .docx passes before anything parses it: what kind of file it is (a Word
//! 97–2003 .doc and a password-protected .docx are both OLE compound files; a .docx is a zip),
//! and that its zip is sane — a bounded number of parts, bounded sizes as declared, every part
//! read back no larger than it said and with a good checksum. Only then is it re-packed (stored,
//! from the bytes read here) for docx-rs, whose reader trusts what it is given.

use crate::i18n::t;
use std::io::{Cursor, Read, Write};

/// Why a file is refused, in words for the person who sent it.
#[derive(Debug, PartialEq)]
pub(crate) enum Refused {
    /// An OLE file with a WordDocument stream: Word 97–2003.
    LegacyDoc,
    /// An OLE file holding an encrypted package: a password-protected document.
    Encrypted,
    /// Some other OLE file (an .xls, a .ppt …).
    OtherOle,
    /// Neither a zip nor an OLE file (or a zip too damaged to open).
    NotDocx(String),
    /// A zip without word/document.xml (an .xlsx, a .pptx …).
    NotWord,
    TooManyParts(usize),
    TooLarge {
        part: String,
        size: u64,
    },
    /// A part that inflates to more than its header says, or fails its checksum.
    Corrupt(String),
}

pub(crate) const MAX_PARTS: usize = 2_000;
pub(crate) const MAX_PART: u64 = 64 << 20;
pub(crate) const MAX_TOTAL: u64 = 256 << 20;
/// The file itself: a form with pictures is a few MiB.
pub(crate) const MAX_FILE: u64 = 128 << 20;

const OLE_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

impl Refused {
    /// The message and the help for the person importing.
    pub(crate) fn explain(&self) -> (String, String) {
        match self {
            Refused::LegacyDoc => (t!("docx-legacy-doc"), t!("docx-legacy-doc-help")),
            Refused::Encrypted => (t!("docx-encrypted"), t!("docx-encrypted-help")),
            Refused::OtherOle => (t!("docx-other-ole"), t!("docx-other-ole-help")),
            Refused::NotDocx(e) => (
                t!("docx-not-docx", reason = e.as_str()),
                t!("docx-not-docx-help"),
            ),
            Refused::NotWord => (t!("docx-not-word"), t!("docx-not-word-help")),
            Refused::TooManyParts(n) => (
                t!("docx-too-many-parts", n = *n, limit = MAX_PARTS),
                t!("docx-too-many-parts-help"),
            ),
            Refused::TooLarge { part, size } => (
                t!(
                    "docx-part-too-large",
                    part = part.as_str(),
                    size = size >> 20,
                    limit = MAX_PART >> 20
                ),
                t!("docx-part-too-large-help"),
            ),
            Refused::Corrupt(e) => (
                t!("docx-corrupt", reason = e.as_str()),
                t!("docx-corrupt-help"),
            ),
        }
    }
}

fn ole(bytes: &[u8]) -> Refused {
    let Ok(c) = cfb::CompoundFile::open(Cursor::new(bytes)) else {
        return Refused::Corrupt(t!("docx-ole-unreadable"));
    };
    if c.exists("/EncryptedPackage") && c.exists("/EncryptionInfo") {
        Refused::Encrypted
    } else if c.exists("/WordDocument") {
        Refused::LegacyDoc
    } else {
        Refused::OtherOle
    }
}

/// The parts of a .docx, each read in full, after the checks above.
pub(crate) fn open(bytes: &[u8]) -> Result<Vec<(String, Vec<u8>)>, Refused> {
    if bytes.starts_with(&OLE_MAGIC) {
        return Err(ole(bytes));
    }
    let mut z =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| Refused::NotDocx(e.to_string()))?;
    if z.len() > MAX_PARTS {
        return Err(Refused::TooManyParts(z.len()));
    }
    let mut total = 0u64;
    for i in 0..z.len() {
        let f = z
            .by_index_raw(i)
            .map_err(|e| Refused::Corrupt(e.to_string()))?;
        if f.size() > MAX_PART {
            return Err(Refused::TooLarge {
                part: f.name().map(|n| n.to_string()).unwrap_or_default(),
                size: f.size(),
            });
        }
        total = total.saturating_add(f.size());
    }
    if total > MAX_TOTAL {
        return Err(Refused::TooLarge {
            part: t!("docx-all-parts"),
            size: total,
        });
    }
    let mut parts = Vec::with_capacity(z.len());
    for i in 0..z.len() {
        let f = z.by_index(i).map_err(|e| Refused::Corrupt(e.to_string()))?;
        if f.is_dir() {
            continue;
        }
        let name = f
            .name()
            .map_err(|e| Refused::Corrupt(e.to_string()))?
            .to_string();
        let declared = f.size();
        let mut buf = Vec::with_capacity(declared as usize);
        // One byte more than declared shows a header that lies about the size.
        f.take(declared + 1)
            .read_to_end(&mut buf)
            .map_err(|e| Refused::Corrupt(format!("{name}: {e}")))?;
        if buf.len() as u64 > declared {
            return Err(Refused::Corrupt(t!("docx-part-lies", name = name.as_str())));
        }
        parts.push((name, buf));
    }
    if !parts.iter().any(|(n, _)| n == "word/document.xml") {
        return Err(Refused::NotWord);
    }
    Ok(parts)
}

/// The checked parts as a zip again (stored: they are read once more right away).
pub(crate) fn repack(parts: &[(String, Vec<u8>)]) -> Result<Vec<u8>, Refused> {
    let corrupt = |e: zip::result::ZipError| Refused::Corrupt(e.to_string());
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored)
        .large_file(false);
    for (name, data) in parts {
        w.start_file(name.as_str(), opts).map_err(corrupt)?;
        w.write_all(data)
            .map_err(|e| Refused::Corrupt(e.to_string()))?;
    }
    Ok(w.finish().map_err(corrupt)?.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zip_of(parts: &[(&str, &[u8])], method: zip::CompressionMethod) -> Vec<u8> {
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let opts = zip::write::SimpleFileOptions::default().compression_method(method);
        for (n, d) in parts {
            w.start_file(*n, opts).unwrap();
            w.write_all(d).unwrap();
        }
        w.finish().unwrap().into_inner()
    }

    #[test]
    fn refuses_what_is_not_a_docx() {
        assert!(matches!(open(b"hello"), Err(Refused::NotDocx(_))));
        let xlsx = zip_of(
            &[("xl/workbook.xml", b"<x/>")],
            zip::CompressionMethod::Deflated,
        );
        assert_eq!(open(&xlsx), Err(Refused::NotWord));
        let mut ole_junk = OLE_MAGIC.to_vec();
        ole_junk.extend([0u8; 100]);
        assert!(matches!(open(&ole_junk), Err(Refused::Corrupt(_))));
    }

    #[test]
    fn a_zip_bomb_is_refused_by_its_declared_size_without_inflating_it() {
        // 300 MiB of zeros deflate to about 300 KiB.
        let zeros = vec![0u8; 300 << 20];
        let bomb = zip_of(
            &[("word/document.xml", &zeros)],
            zip::CompressionMethod::Deflated,
        );
        drop(zeros);
        assert!(bomb.len() < 2 << 20);
        assert!(matches!(open(&bomb), Err(Refused::TooLarge { .. })));
    }

    #[test]
    fn a_good_package_passes_and_repacks() {
        let z = zip_of(
            &[
                ("word/document.xml", b"<w:document/>"),
                ("[Content_Types].xml", b"<T/>"),
            ],
            zip::CompressionMethod::Deflated,
        );
        let parts = open(&z).unwrap();
        assert_eq!(parts.len(), 2);
        let again = open(&repack(&parts).unwrap()).unwrap();
        assert_eq!(parts, again);
    }
}
