//! The output folder (out/ or --out DIR): gongwen keeps a list of the files it wrote there, so a
//! later build removes the outputs the content no longer produces (a withdrawn notice's PDF) and
//! nothing else; and at every start it cleans what an interrupted build left.

use crate::i18n::t;
use std::collections::BTreeSet;
use std::path::{Component, Path, PathBuf};

use crate::diag::{Diagnostic, Diagnostics};
use crate::output::{self, TMP_PREFIX};
use crate::paths;

/// The list of files the last build wrote, one path per line relative to the output folder.
const MANIFEST: &str = ".gongwen-manifest";

/// Prefixes of the folders the site is staged in and moved aside to (see site::publish).
pub(crate) const SITE_STAGING: &str = ".site-staging-";
pub(crate) const SITE_OLD: &str = ".site-old-";

/// Before a build: puts back a site an interrupted swap left aside, removes leftovers of
/// interrupted writes, and makes sure the folders gongwen writes to are folders.
pub(crate) fn prepare(out: &Path) -> Result<(), Diagnostics> {
    for sub in [paths::OUT_PDF, paths::OUT_DOCX, paths::OUT_SITE] {
        let p = out.join(sub);
        if p.exists() && !p.is_dir() {
            return Err(Diagnostic::file_error(&p, t!("out-file-in-the-way"))
                .with_help(t!("out-file-in-the-way-help"))
                .into());
        }
    }
    if out.exists() && !out.is_dir() {
        return Err(Diagnostic::file_error(out, t!("out-file-in-the-way"))
            .with_help(t!("out-file-in-the-way-help"))
            .into());
    }
    recover_site(out);
    remove_leftovers(out);
    Ok(())
}

/// A kill between moving the old site aside and moving the new one in leaves no site: put the
/// old one back.
fn recover_site(out: &Path) {
    let site = out.join(paths::OUT_SITE);
    if site.exists() {
        return;
    }
    let mut old: Vec<PathBuf> = ours(out, SITE_OLD);
    old.sort_by_key(|p| std::fs::metadata(p).and_then(|m| m.modified()).ok());
    if let Some(newest) = old.pop() {
        let _ = std::fs::rename(newest, &site);
    }
}

/// Entries of `out` whose names start with `prefix`.
fn ours(out: &Path, prefix: &str) -> Vec<PathBuf> {
    std::fs::read_dir(out)
        .map(|r| {
            r.filter_map(Result::ok)
                .filter(|e| e.file_name().to_string_lossy().starts_with(prefix))
                .map(|e| e.path())
                .collect()
        })
        .unwrap_or_default()
}

/// Staging folders, sites moved aside, and temporary files of interrupted writes.
fn remove_leftovers(out: &Path) {
    for dir in ours(out, SITE_STAGING)
        .into_iter()
        .chain(ours(out, SITE_OLD))
    {
        let _ = std::fs::remove_dir_all(dir);
    }
    for e in walkdir::WalkDir::new(out)
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with(".site-"))
        .filter_map(Result::ok)
    {
        let name = e.file_name().to_string_lossy();
        if e.file_type().is_file() && name.starts_with(TMP_PREFIX) && name.ends_with(".tmp") {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

/// A manifest line as a path inside the output folder (never outside it).
fn inside(line: &str) -> Option<PathBuf> {
    let p = PathBuf::from(line);
    let plain = p.components().all(|c| matches!(c, Component::Normal(_)));
    (plain && !line.is_empty()).then_some(p)
}

/// After a build without errors: removes the files the previous build wrote that this one did
/// not (the content no longer produces them), then records what this one wrote.
pub(crate) fn prune(out: &Path, written: &[PathBuf]) -> Result<Vec<PathBuf>, Diagnostic> {
    let now: BTreeSet<PathBuf> = written
        .iter()
        .filter_map(|p| p.strip_prefix(out).ok().map(Path::to_path_buf))
        .collect();
    let before = std::fs::read_to_string(out.join(MANIFEST)).unwrap_or_default();
    let mut removed = Vec::new();
    for rel in before.lines().filter_map(inside) {
        let path = out.join(&rel);
        if !now.contains(&rel) && path.is_file() && std::fs::remove_file(&path).is_ok() {
            remove_empty_parents(out, &path);
            removed.push(path);
        }
    }
    let list: String = now
        .iter()
        .map(|p| format!("{}\n", p.to_string_lossy().replace('\\', "/")))
        .collect();
    output::write_if_changed(&out.join(MANIFEST), list.as_bytes())?;
    Ok(removed)
}

/// Adds `files` (inside `dir`) to the list of what gongwen wrote in `dir`, for `clean`.
pub(crate) fn record(dir: &Path, files: &[PathBuf]) -> Result<(), Diagnostic> {
    let mut listed: BTreeSet<PathBuf> = std::fs::read_to_string(dir.join(MANIFEST))
        .unwrap_or_default()
        .lines()
        .filter_map(inside)
        .collect();
    listed.extend(
        files
            .iter()
            .filter_map(|p| p.strip_prefix(dir).ok().map(Path::to_path_buf)),
    );
    let list: String = listed
        .iter()
        .map(|p| format!("{}\n", p.to_string_lossy().replace('\\', "/")))
        .collect();
    output::write_if_changed(&dir.join(MANIFEST), list.as_bytes()).map(|_| ())
}

/// Removes what gongwen wrote under `out` — the files its lists name, a site it made, what
/// interrupted builds left — and nothing else. Returns what was removed.
pub(crate) fn clean(out: &Path) -> Vec<PathBuf> {
    let mut removed = Vec::new();
    if !out.is_dir() {
        return removed;
    }
    remove_leftovers(out);
    let site = out.join(paths::OUT_SITE);
    if made_by_gongwen(&site) && std::fs::remove_dir_all(&site).is_ok() {
        removed.push(site);
    }
    let lists: Vec<PathBuf> = walkdir::WalkDir::new(out)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_name() == MANIFEST)
        .map(|e| e.path().to_path_buf())
        .collect();
    for list in lists {
        let dir = list.parent().unwrap_or(out).to_path_buf();
        for rel in std::fs::read_to_string(&list)
            .unwrap_or_default()
            .lines()
            .filter_map(inside)
        {
            let path = dir.join(rel);
            if path.is_file() && std::fs::remove_file(&path).is_ok() {
                remove_empty_parents(out, &path);
                removed.push(path);
            }
        }
        let _ = std::fs::remove_file(&list);
        remove_empty_parents(out, &list);
    }
    let _ = std::fs::remove_file(out.join(paths::FINGERPRINTS));
    let _ = std::fs::remove_dir(out);
    removed
}

/// The mark gongwen leaves in every site it builds.
pub(crate) const SITE_MARK: &str = ".gongwen-site";

/// Whether gongwen made the site in `dir`: its mark, or (a site from gongwen 0.1, before the
/// mark) the files that version always wrote.
pub(crate) fn made_by_gongwen(dir: &Path) -> bool {
    dir.join(SITE_MARK).is_file()
        || [
            "index.html",
            "search.html",
            "assets/search-index.js",
            "assets/search.js",
        ]
        .iter()
        .all(|f| dir.join(f).is_file())
}

/// Folders a removal left empty, up to (not including) the output folder.
fn remove_empty_parents(out: &Path, file: &Path) {
    let mut dir = file.parent();
    while let Some(d) = dir {
        if d == out || std::fs::remove_dir(d).is_err() {
            break;
        }
        dir = d.parent();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_build_removes_only_what_the_first_wrote_and_the_second_did_not() {
        let out = tempfile::tempdir().unwrap();
        let o = out.path();
        let a = o.join("pdf/a.pdf");
        let b = o.join("pdf/sub/b.pdf");
        for p in [&a, &b] {
            output::write(p, b"x").unwrap();
        }
        std::fs::write(o.join("pdf/mine.pdf"), b"user's own").unwrap();
        prune(o, &[a.clone(), b.clone()]).unwrap();
        let removed = prune(o, std::slice::from_ref(&a)).unwrap();
        assert_eq!(removed, std::slice::from_ref(&b));
        assert!(a.is_file() && !b.exists() && !o.join("pdf/sub").exists());
        assert!(
            o.join("pdf/mine.pdf").is_file(),
            "a file gongwen did not write stays"
        );
    }

    #[test]
    fn manifest_lines_never_leave_the_output_folder() {
        assert_eq!(inside("pdf/a.pdf"), Some(PathBuf::from("pdf/a.pdf")));
        for bad in ["../x", "/etc/passwd", "", "pdf/../../x"] {
            assert_eq!(inside(bad), None, "{bad}");
        }
    }

    #[test]
    fn an_interrupted_swap_is_undone_and_leftovers_go() {
        let out = tempfile::tempdir().unwrap();
        let o = out.path();
        std::fs::create_dir_all(o.join(".site-old-123")).unwrap();
        std::fs::write(o.join(".site-old-123/index.html"), "old").unwrap();
        std::fs::create_dir_all(o.join(".site-staging-abc")).unwrap();
        std::fs::create_dir_all(o.join("pdf")).unwrap();
        std::fs::write(o.join("pdf/.gongwen-x.tmp"), "half").unwrap();
        prepare(o).unwrap();
        assert_eq!(
            std::fs::read_to_string(o.join("site/index.html")).unwrap(),
            "old"
        );
        let left: Vec<_> = std::fs::read_dir(o)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(left.len(), 2, "{left:?}");
        assert!(!o.join("pdf/.gongwen-x.tmp").exists());
    }

    #[test]
    fn a_file_where_a_folder_goes_is_an_error() {
        let out = tempfile::tempdir().unwrap();
        std::fs::write(out.path().join("pdf"), "x").unwrap();
        let e = prepare(out.path()).unwrap_err().to_string();
        assert!(
            e.contains("pdf: 错误: 这里是一个文件，但 gongwen 要在这里写一个文件夹"),
            "{e}"
        );
    }
}
