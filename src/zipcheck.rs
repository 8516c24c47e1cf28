//! Office files (.xlsx, .docx) are zip packages: before any parser unpacks one, its directory is
//! checked so a damaged file, a password-protected one (not a zip at all) or a "zip bomb" (a few
//! KB that unpack to GBs) gets a clear message instead of exhausting the memory. The declared
//! sizes bound what is unpacked: the zip reader stops at an entry's declared size.

use crate::i18n::t;
use std::path::Path;

use crate::diag::Diagnostic;

/// How much a package may hold.
pub(crate) struct Limits {
    pub(crate) entries: usize,
    pub(crate) unpacked_bytes: u64,
}

/// The start of an OLE compound file: old binary Office files (.xls, .doc) and password-protected
/// new ones are stored in it.
const OLE: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Checks the package at `path` (shown as `shown`); `kind` names it ("the spreadsheet").
pub(crate) fn check(
    path: &Path,
    shown: &Path,
    kind: &str,
    limits: &Limits,
) -> Result<(), Diagnostic> {
    let bytes = std::fs::read(path).map_err(|e| {
        Diagnostic::file_error(
            shown,
            t!("read-failed", what = kind, reason = e.to_string()),
        )
    })?;
    if bytes.starts_with(&OLE) {
        return Err(
            Diagnostic::file_error(shown, t!("office-protected", what = kind))
                .with_help(t!("office-protected-help")),
        );
    }
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|_| {
        Diagnostic::file_error(shown, t!("office-damaged", what = kind))
            .with_help(t!("office-damaged-help"))
    })?;
    if zip.len() > limits.entries {
        return Err(too_big(shown, kind));
    }
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        let entry = zip.by_index_raw(i).map_err(|_| {
            Diagnostic::file_error(shown, t!("office-damaged", what = kind))
                .with_help(t!("office-damaged-help"))
        })?;
        total = total.saturating_add(entry.size());
        if total > limits.unpacked_bytes {
            return Err(too_big(shown, kind));
        }
    }
    Ok(())
}

fn too_big(shown: &Path, kind: &str) -> Diagnostic {
    Diagnostic::file_error(shown, t!("office-bomb", what = kind)).with_help(t!("office-bomb-help"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    const LIMITS: Limits = Limits {
        entries: 100,
        unpacked_bytes: 1024 * 1024,
    };

    fn zip_with(name: &str, data: &[u8]) -> Vec<u8> {
        let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        w.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        w.write_all(data).unwrap();
        w.finish().unwrap().into_inner()
    }

    fn check_bytes(bytes: &[u8]) -> Result<(), String> {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("f.xlsx");
        std::fs::write(&p, bytes).unwrap();
        check(&p, Path::new("f.xlsx"), "表格", &LIMITS).map_err(|d| d.message)
    }

    #[test]
    fn bombs_locked_and_damaged_files_are_named() {
        assert!(check_bytes(&zip_with("a.xml", b"<a/>")).is_ok());
        let bomb = zip_with("a.xml", &vec![b'x'; 2 * 1024 * 1024]);
        assert!(bomb.len() < 20_000, "compresses well: {}", bomb.len());
        assert_eq!(
            check_bytes(&bomb).unwrap_err(),
            "表格解压后远大于表格或文件应有的大小"
        );
        let mut locked = OLE.to_vec();
        locked.extend([0; 100]);
        assert!(check_bytes(&locked).unwrap_err().contains("设有密码"));
        assert!(
            check_bytes(b"PK\x03\x04 garbage")
                .unwrap_err()
                .contains("已损坏")
        );
    }
}
