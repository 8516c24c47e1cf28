//! Incremental builds: what did not change is not written again (its file keeps its time), what
//! changed is, and what any sequence of builds leaves is what one clean build makes.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::common::{files_below, fixture, gongwen, stderr};

/// Every file under `out` with its modification time.
fn stamps(out: &Path) -> BTreeMap<PathBuf, SystemTime> {
    files_below(out)
        .into_iter()
        .map(|f| {
            let t = std::fs::metadata(out.join(&f)).unwrap().modified().unwrap();
            (f, t)
        })
        .collect()
}

/// The files whose time differs between two snapshots, or that are in one only.
fn changed(a: &BTreeMap<PathBuf, SystemTime>, b: &BTreeMap<PathBuf, SystemTime>) -> Vec<String> {
    let mut names: Vec<String> = a
        .keys()
        .chain(b.keys())
        .filter(|f| a.get(*f) != b.get(*f))
        .map(|f| f.to_string_lossy().into_owned())
        .collect();
    names.sort();
    names.dedup();
    names
}

/// Asserts that `path` holds `bytes` again (an output damaged by hand was made again).
fn made_again(path: &Path, bytes: &[u8]) {
    assert!(
        std::fs::read(path).unwrap() == bytes,
        "{} is made again",
        path.display()
    );
}

/// The year fixture built once: the project, its out/ and every output's time. It then waits a
/// little, so that a file written again later has a later time.
fn year_built() -> (tempfile::TempDir, PathBuf, BTreeMap<PathBuf, SystemTime>) {
    let p = fixture("year");
    let out = p.path().join("out");
    build(p.path(), &[]);
    let first = stamps(&out);
    std::thread::sleep(std::time::Duration::from_millis(30));
    (p, out, first)
}

fn build(root: &Path, extra: &[&str]) -> String {
    let mut args = vec!["build"];
    args.extend(extra);
    let o = gongwen(root, &args);
    assert!(o.status.success(), "{}", stderr(&o));
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn a_rebuild_writes_only_what_changed_and_leaves_what_a_clean_build_makes() {
    let (p, out, first) = year_built();
    assert!(first.keys().any(|f| f.starts_with("site/pdf")), "{first:?}");

    let again = build(p.path(), &[]);
    assert_eq!(changed(&first, &stamps(&out)), Vec::<String>::new());
    assert!(!again.contains(".pdf（"), "no PDF is written: {again}");
    assert!(again.contains("（13 个网页，改动 0 个文件）"), "{again}");
    assert!(
        again.contains("保留 6 个未变的文件"),
        "3 PDFs and 3 .docx: {again}"
    );

    // One summary edited: its documents, the year report and the pages that show its text.
    let jtj = p.path().join("content/submissions/2024/jtj.md");
    let text = std::fs::read_to_string(&jtj).unwrap();
    std::fs::write(
        &jtj,
        text.replace("全年工作总结。", "全年工作总结，有所修改。"),
    )
    .unwrap();
    build(p.path(), &[]);
    let now = stamps(&out);
    let edited = changed(&first, &now);
    for f in &edited {
        let shows_it = std::fs::read_to_string(out.join(f)).is_ok_and(|t| t.contains("有所修改"));
        let made_from_it =
            f.contains("区交通局") || f.contains("汇编") || f.starts_with(".gongwen");
        assert!(
            shows_it || made_from_it,
            "{f} was written again: {edited:?}"
        );
    }
    assert_eq!(
        edited,
        [
            ".gongwen-fingerprints",
            "docx/2024-年度工作总结汇编.docx",
            "docx/summaries/2024/区交通局.docx",
            "pdf/2024-年度工作总结汇编.pdf",
            "pdf/summaries/2024/区交通局.pdf",
            "site/assets/search-index.js",
            "site/pdf/2024-年度工作总结汇编.pdf",
            "site/pdf/summaries/2024/区交通局.pdf",
            "site/summaries/2024/jtj.html",
        ]
    );
    let notice = now
        .keys()
        .find(|f| f.to_string_lossy().ends_with("号.pdf"))
        .unwrap();
    assert_eq!(first[notice], now[notice], "the notice is kept");
    assert!(
        edited.len() * 2 < now.len(),
        "{} of {}: {edited:?}",
        edited.len(),
        now.len()
    );

    // A clean build elsewhere makes the same bytes.
    let clean = tempfile::tempdir().unwrap();
    build(p.path(), &["--out", clean.path().to_str().unwrap()]);
    let ours = files_below(&out);
    assert_eq!(ours, files_below(clean.path()));
    for f in &ours {
        let (a, b) = (
            std::fs::read(out.join(f)).unwrap(),
            std::fs::read(clean.path().join(f)).unwrap(),
        );
        if f.ends_with(".gongwen-fingerprints") {
            continue; // holds sizes and fingerprints, not paths: compared through the PDFs
        }
        assert!(a == b, "{} differs from a clean build", f.display());
    }
}

#[test]
fn every_output_is_recorded_and_one_changed_by_hand_is_made_again() {
    let p = fixture("year");
    let out = p.path().join("out");
    build(p.path(), &[]);
    // Each PDF and .docx is recorded with its inputs' fingerprint and its size: a later build
    // neither makes nor writes it while both match.
    let record = std::fs::read_to_string(out.join(".gongwen-fingerprints")).unwrap();
    let documents: Vec<PathBuf> = files_below(&out)
        .into_iter()
        .filter(|f| f.starts_with("pdf") || f.starts_with("docx"))
        .collect();
    assert_eq!(documents.len(), 6, "{documents:?}");
    for f in &documents {
        let size = std::fs::metadata(out.join(f)).unwrap().len();
        let tail = format!("\t{size}\t{}", f.to_string_lossy());
        assert!(
            record.lines().any(|l| l.ends_with(&tail)),
            "{tail:?} in\n{record}"
        );
    }
    let notice = |ext: &str| {
        documents
            .iter()
            .find(|f| f.to_string_lossy().ends_with(&format!("号.{ext}")))
            .map(|f| out.join(f))
            .unwrap()
    };
    let (pdf, docx) = (notice("pdf"), notice("docx"));
    let (pdf_bytes, docx_bytes) = (std::fs::read(&pdf).unwrap(), std::fs::read(&docx).unwrap());
    std::fs::write(&pdf, b"%PDF damaged").unwrap();
    std::fs::write(&docx, b"PK damaged").unwrap();
    build(p.path(), &[]);
    made_again(&pdf, &pdf_bytes);
    made_again(&docx, &docx_bytes);
}

#[test]
fn a_site_nothing_changed_for_is_kept_and_one_changed_by_hand_or_by_a_template_is_made_again() {
    let p = fixture("year");
    let site = p.path().join("out/site");
    build(p.path(), &[]);
    let index = site.join("index.html");
    let page = std::fs::read(&index).unwrap();
    let first = stamps(&site);

    // Nothing changed: the site is kept whole, its folder included (not made again and
    // swapped in, which would give the folder another inode).
    #[cfg(unix)]
    let inode = || std::os::unix::fs::MetadataExt::ino(&std::fs::metadata(&site).unwrap());
    #[cfg(unix)]
    let before = inode();
    std::thread::sleep(std::time::Duration::from_millis(30));
    build(p.path(), &[]);
    assert_eq!(changed(&first, &stamps(&site)), Vec::<String>::new());
    #[cfg(unix)]
    assert_eq!(before, inode(), "the site folder is the same folder");
    // Nor after a build that left the site alone.
    build(p.path(), &["--no-site"]);
    build(p.path(), &[]);
    #[cfg(unix)]
    assert_eq!(
        before,
        inode(),
        "the site is kept after a build with --no-site"
    );

    // A page edited and another deleted by hand: the next build makes the site again.
    std::fs::write(&index, b"<p>edited</p>").unwrap();
    let tasks = site.join("tasks.html");
    let tasks_page = std::fs::read(&tasks).unwrap();
    std::fs::remove_file(&tasks).unwrap();
    build(p.path(), &[]);
    made_again(&index, &page);
    made_again(&tasks, &tasks_page);

    // A change that only the site sees (a project's own stylesheet) is published.
    let css = p.path().join("templates/site/style.css");
    std::fs::create_dir_all(css.parent().unwrap()).unwrap();
    std::fs::write(&css, "body { color: #123456 }\n").unwrap();
    build(p.path(), &[]);
    let published = std::fs::read_to_string(site.join("assets/style.css")).unwrap();
    assert_eq!(published, "body { color: #123456 }\n");
}

#[test]
fn a_changed_typst_template_typesets_the_pdfs_it_makes_again() {
    let (p, out, first) = year_built();
    // The project's own copy of the summary template, with a line added at the end: the
    // summaries' PDFs change, and the year report, which is made of their pages; the notice,
    // typeset again as any template may include another, comes out the same and keeps its file.
    crate::common::own_typst_template(p.path(), "submission.typ", |t| format!("{t}\n#par[附]\n"));
    build(p.path(), &[]);
    let pdfs: Vec<String> = changed(&first, &stamps(&out))
        .into_iter()
        .filter(|f| f.starts_with("pdf/"))
        .collect();
    assert!(
        pdfs.iter().any(|f| f.starts_with("pdf/summaries/")),
        "no summary typeset again: {pdfs:?}"
    );
    assert!(
        pdfs.iter().any(|f| f.ends_with("年度工作总结汇编.pdf")),
        "the year report is made of the summaries' pages: {pdfs:?}"
    );
    assert!(
        pdfs.iter()
            .all(|f| f.starts_with("pdf/summaries/") || f.ends_with("年度工作总结汇编.pdf")),
        "{pdfs:?}"
    );
}
