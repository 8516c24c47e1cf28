//! Helpers for the integration tests: fixture projects copied from tests/fixtures into temporary
//! folders, the real binary, and the text of built PDFs (pdftotext from poppler-utils).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Gives the project at `root` its own copy of the built-in Typst template `name`, changed by
/// `edit` (a project's templates/typst/ overrides the built-in one of the same name).
pub(crate) fn own_typst_template(root: &Path, name: &str, edit: impl FnOnce(String) -> String) {
    let dir = root.join("templates/typst");
    std::fs::create_dir_all(&dir).unwrap();
    let builtin = std::fs::read_to_string(repo().join("templates/typst").join(name)).unwrap();
    std::fs::write(dir.join(name), edit(builtin)).unwrap();
}

/// The repository's own folder (the bundled example project).
pub(crate) fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Copies every file below `from` into `to`, replacing what is there.
pub(crate) fn copy_dir(from: &Path, to: &Path) {
    for e in walkdir::WalkDir::new(from)
        .into_iter()
        .filter_map(Result::ok)
    {
        let rel = e.path().strip_prefix(from).unwrap();
        let dest = to.join(rel);
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else {
            std::fs::copy(e.path(), &dest).unwrap();
        }
    }
}

/// A copy of tests/fixtures/<name> in a temporary folder ("none": an empty folder).
pub(crate) fn fixture(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    if name != "none" {
        let from = repo().join("tests/fixtures").join(name);
        assert!(from.is_dir(), "no fixture {name}");
        copy_dir(&from, dir.path());
    }
    dir
}

/// A fixture with more (or replaced) files, paths relative to content/.
pub(crate) fn fixture_with(name: &str, files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = fixture(name);
    for (path, text) in files {
        let p = dir.path().join("content").join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    dir
}

/// The minimal project (settings and one notice) with more files.
pub(crate) fn project(files: &[(&str, &str)]) -> tempfile::TempDir {
    fixture_with("minimal", files)
}

/// A file of tests/fixtures, as text.
pub(crate) fn fixture_text(path: &str) -> String {
    std::fs::read_to_string(repo().join("tests/fixtures").join(path)).unwrap()
}

/// The notice of the minimal project.
pub(crate) fn notice() -> String {
    fixture_text("minimal/content/notices/a.md")
}

/// A notice 某府办发〔2024〕8号 with `title` and `body` (a second notice beside the fixture's).
pub(crate) fn notice_with(title: &str, body: &str) -> String {
    format!("---\nnumber: 某府办发〔2024〕8号\ntitle: {title}\ndate: 2024-11-20\n---\n{body}")
}

/// Runs gongwen in `root` with only the embedded fonts, so results do not depend on the machine.
pub(crate) fn gongwen(root: &Path, args: &[&str]) -> Output {
    let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
    gongwen_args(root, &args)
}

/// The binary under test speaking `lang` (a `LANG` value): the tests set the language of every
/// run, so a developer's own locale never changes what they see. `GONGWEN_TEST_BIN` runs the
/// tests against another build (to see a new test fail on the code before a fix).
pub(crate) fn bin_in(lang: &str) -> Command {
    let bin = std::env::var_os("GONGWEN_TEST_BIN")
        .unwrap_or_else(|| env!("CARGO_BIN_EXE_gongwen").into());
    let mut c = Command::new(bin);
    c.env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", lang);
    c
}

/// Runs gongwen in `root` in Chinese (see `gongwen_args`).
pub(crate) fn gongwen_args(root: &Path, args: &[String]) -> Output {
    gongwen_in("zh_CN.UTF-8", root, args)
}

/// Runs gongwen in `root` in English: for tests about something other than the wording (the
/// Chinese wording is what tests/cases and tests/it/language.rs assert).
pub(crate) fn gongwen_en(root: &Path, args: &[&str]) -> Output {
    let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
    gongwen_in("en_US.UTF-8", root, &args)
}

/// Runs gongwen in `root` with `LANG=lang`, with only the embedded fonts.
pub(crate) fn gongwen_in(lang: &str, root: &Path, args: &[String]) -> Output {
    let mut args = args.to_vec();
    // After the command: only the commands that find fonts take the option.
    if args
        .first()
        .is_some_and(|c| !["init", "clean", "--help", "--version"].contains(&c.as_str()))
    {
        args.insert(1, "--no-system-fonts".to_string());
    }
    bin_in(lang)
        .arg("--project")
        .arg(root)
        .args(&args)
        .output()
        .expect("run gongwen")
}

pub(crate) fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).to_string()
}

pub(crate) fn pdf_text(pdf: &Path) -> String {
    pdftotext(pdf, &[])
}

/// The text in the order the PDF draws it (`pdftotext -raw`): a table turned on its page (GB/T
/// 9704 §8) reads row by row, where poppler's reading order would shuffle the turned lines.
pub(crate) fn pdf_raw_text(pdf: &Path) -> String {
    pdftotext(pdf, &["-raw"])
}

/// `pdftotext <options> pdf -`'s output.
pub(crate) fn pdftotext(pdf: &Path, options: &[&str]) -> String {
    let out = Command::new("pdftotext")
        .args(options)
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) must be installed");
    assert!(
        out.status.success(),
        "pdftotext failed on {}",
        pdf.display()
    );
    String::from_utf8(out.stdout).unwrap()
}

/// A text without white space, as PDF text is compared.
pub(crate) fn flat(s: &str) -> String {
    s.split_whitespace().collect()
}

/// A name an interrupted or unfinished write leaves: a temporary file, a staging folder, a site
/// moved aside.
pub(crate) fn is_leftover(name: &str) -> bool {
    (name.starts_with(".gongwen-") && name.ends_with(".tmp"))
        || name.starts_with(".site-staging-")
        || name.starts_with(".site-old-")
}

/// The temporary files and staging folders an unfinished write left directly in `dir`.
pub(crate) fn leftovers_in(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| is_leftover(n))
        .collect()
}

/// Every file below `dir` with its bytes, in `files_below`'s order: to see that nothing changed.
pub(crate) fn contents_below(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    files_below(dir)
        .into_iter()
        .map(|f| {
            let bytes = std::fs::read(dir.join(&f)).unwrap();
            (f, bytes)
        })
        .collect()
}

/// Every file below `dir`, relative, sorted.
pub(crate) fn files_below(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.path().strip_prefix(dir).unwrap().to_path_buf())
        .collect();
    v.sort();
    v
}

/// `file` converted to PDF by LibreOffice headless (what a colleague's 打印 gives), with a
/// profile of its own so tests can run it side by side.
pub(crate) fn libreoffice_pdf(file: &Path) -> PathBuf {
    let out = tempfile::tempdir().unwrap().keep();
    let profile = format!("-env:UserInstallation=file://{}/profile", out.display());
    let o = Command::new("soffice")
        .args([&profile, "--headless", "--convert-to", "pdf", "--outdir"])
        .arg(&out)
        .arg(file)
        .output()
        .expect("LibreOffice (soffice) runs; .ci/run installs libreoffice-calc-nogui");
    let pdf = out.join(file.with_extension("pdf").file_name().unwrap());
    assert!(
        pdf.exists(),
        "LibreOffice converted {}: {}",
        file.display(),
        stderr(&o)
    );
    pdf
}

/// `pdfinfo`'s value for `key` ("Pages", "Page size").
pub(crate) fn pdf_info(pdf: &Path, key: &str) -> String {
    let o = Command::new("pdfinfo")
        .arg(pdf)
        .output()
        .expect("pdfinfo runs");
    String::from_utf8_lossy(&o.stdout)
        .lines()
        .find_map(|l| {
            l.strip_prefix(&format!("{key}:"))
                .map(|v| v.trim().to_string())
        })
        .unwrap_or_default()
}
