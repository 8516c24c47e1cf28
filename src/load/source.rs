//! Reading the project's files: inside the project only, within the size limits, as UTF-8 text
//! without invisible control characters; and the content files of a folder in a fixed order,
//! with a word about every file that is not read.

use crate::i18n::t;
use std::path::{Path, PathBuf};

use crate::diag::{Diagnostic, Diagnostics, Location};
use crate::root::Root;

/// Reads a user's text file `rel` (relative to the project); `what` names it in the message
/// ("the task list"); `limit` is its largest size in bytes.
pub(crate) fn read(root: &Root, rel: &Path, what: &str, limit: u64) -> Result<String, Diagnostics> {
    let Some(path) = root.resolve(rel)? else {
        return Err(Diagnostic::file_error(rel, t!("read-no-such-file", what = what)).into());
    };
    let cannot = |e: std::io::Error| {
        Diagnostic::file_error(rel, t!("read-failed", what = what, reason = e.to_string()))
    };
    let meta = std::fs::metadata(&path).map_err(cannot)?;
    if !meta.is_file() {
        return Err(Diagnostic::file_error(rel, t!("read-is-folder", what = what)).into());
    }
    if meta.len() > limit {
        return Err(Diagnostic::file_error(
            rel,
            t!(
                "read-too-large",
                what = what,
                size = megabytes(meta.len()),
                limit = megabytes(limit)
            ),
        )
        .with_help(t!("read-too-large-help"))
        .into());
    }
    let bytes = std::fs::read(&path).map_err(cannot)?;
    root.note_read(rel, crate::fingerprint::hash(&bytes));
    let text = String::from_utf8(bytes).map_err(|_| {
        Diagnostic::file_error(rel, t!("read-not-utf8", what = what))
            .with_help(t!("read-not-utf8-help"))
    })?;
    let text = lone_cr_to_lf(text);
    invisible_characters(&text, rel)?;
    Ok(text)
}

fn megabytes(bytes: u64) -> String {
    format!("{:.1}", bytes as f64 / (1024.0 * 1024.0))
}

/// Old Mac editors end lines with a bare CR: read it as a line end (byte offsets stay the same).
fn lone_cr_to_lf(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' && chars.peek() != Some(&'\n') {
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    out
}

/// Characters that print as nothing or reorder what is shown: control characters (other than
/// tab and line ends), line/paragraph separators and bidirectional overrides.
pub(crate) fn is_invisible(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
        || matches!(c, '\u{2028}' | '\u{2029}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// At most this many invisible characters are reported per file.
const MAX_INVISIBLE: usize = 5;

fn invisible_characters(text: &str, rel: &Path) -> Result<(), Diagnostics> {
    let mut found = Diagnostics::default();
    for (i, line) in text.split('\n').enumerate() {
        for (col, c) in line.chars().enumerate() {
            if is_invisible(c) && found.0.len() < MAX_INVISIBLE {
                found.push(
                    Diagnostic::error(
                        Location::new(rel, i + 1, col + 1),
                        t!("invisible-character", code = format!("{:04X}", c as u32)),
                    )
                    .with_help(t!("invisible-character-help")),
                );
            }
        }
    }
    if found.is_empty() { Ok(()) } else { Err(found) }
}

/// A content file: where it is, how messages show it, and its name without extension.
pub(crate) struct ContentFile {
    pub(crate) shown: PathBuf,
    pub(crate) slug: String,
}

/// Files that are no one's content: hidden files, editor backups, Office lock files.
pub(crate) fn is_clutter(name: &str) -> bool {
    name.starts_with('.') || name.starts_with("~$") || name.ends_with('~') || name == "Thumbs.db"
}

/// The files with extension `ext` (any case) directly in `dir` (relative to the project), sorted
/// by name so every run sees the same order. Anything else in the folder gets a warning, so
/// nothing is ignored without a word; `subfolders` names what a subfolder there means, if anything.
pub(crate) fn files(
    root: &Root,
    dir: &Path,
    ext: &str,
    diagnostics: &mut Diagnostics,
) -> Vec<ContentFile> {
    let mut out = Vec::new();
    let Some(real) = root.resolve(dir).unwrap_or_else(|d| {
        diagnostics.push(d);
        None
    }) else {
        return out;
    };
    let mut entries: Vec<_> = match std::fs::read_dir(&real) {
        Ok(r) => r.filter_map(Result::ok).collect(),
        Err(e) => {
            diagnostics.push(
                Diagnostic::file_error(dir, t!("cannot-read-folder", reason = e.to_string()))
                    .with_help(t!("cannot-read-folder-help")),
            );
            return out;
        }
    };
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let name = e.file_name().to_string_lossy().to_string();
        // Pictures live beside the Markdown that names them (load::images checks them).
        if is_clutter(&name) || (ext == "md" && crate::load::images::is_picture_name(&name)) {
            continue;
        }
        let shown = dir.join(&name);
        let path = Path::new(&name);
        let matches = path
            .extension()
            .is_some_and(|x| x.to_string_lossy().eq_ignore_ascii_case(ext));
        let is_dir = root
            .resolve(&shown)
            .ok()
            .flatten()
            .is_some_and(|p| p.is_dir());
        if matches && !is_dir {
            let slug = path
                .file_stem()
                .map_or(String::new(), |s| s.to_string_lossy().to_string());
            out.push(ContentFile { shown, slug });
        } else {
            diagnostics.push(not_read(&shown, is_dir, ext));
        }
    }
    out
}

/// The warning for a file or folder gongwen does not read.
fn not_read(shown: &Path, is_dir: bool, ext: &str) -> Diagnostic {
    let (message, help) = if is_dir {
        (t!("folder-not-read"), t!("folder-not-read-help", ext = ext))
    } else {
        (
            t!("file-not-read", ext = ext),
            t!("file-not-read-help", ext = ext),
        )
    };
    Diagnostic::file_warning(shown, message).with_help(help)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lone_cr_is_a_line_end_crlf_stays() {
        assert_eq!(lone_cr_to_lf("a\rb\r\nc".into()), "a\nb\r\nc");
    }

    #[test]
    fn invisible_characters_are_errors_at_their_place() {
        let e = invisible_characters("正文\n第二\u{1b}行\u{2028}", Path::new("a.md")).unwrap_err();
        let lines: Vec<String> = e
            .iter()
            .map(|d| d.to_string().lines().next().unwrap().to_string())
            .collect();
        assert_eq!(
            lines,
            [
                "a.md:2:3: 错误: 文中有不可见字符 U+001B",
                "a.md:2:5: 错误: 文中有不可见字符 U+2028",
            ]
        );
        assert!(invisible_characters("制表\t符\r\n", Path::new("a.md")).is_ok());
    }
}
