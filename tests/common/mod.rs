//! Helpers for the integration tests: fixture projects in temporary folders, the real binary,
//! and the text of built PDFs (pdftotext from poppler-utils).
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub const CONFIG: &str = "organ: 某某区人民政府办公室\nyear: 2024\n";

pub const NOTICE: &str = "---\nnumber: 某府办发〔2024〕7号\ntitle: 某某区人民政府办公室关于做好年度工作总结的通知\nto: 各镇街，区级各部门\ndate: 2024-11-20\n---\n请各单位于12月20日前报送年度工作总结。\n\n## 工作要求\n\n内容真实，数据准确。\n";

/// A project folder with content/gongwen.yaml and the given files (paths under content/).
pub fn project(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let content = dir.path().join("content");
    std::fs::create_dir_all(content.join("notices")).unwrap();
    let mut has_config = false;
    for (name, text) in files {
        has_config |= *name == "gongwen.yaml";
        let p = content.join(name);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    if !has_config {
        std::fs::write(content.join("gongwen.yaml"), CONFIG).unwrap();
    }
    dir
}

/// Runs gongwen in `root` with only the embedded fonts, so results do not depend on the machine.
pub fn gongwen(root: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gongwen"))
        .arg("--project")
        .arg(root)
        .arg("--no-system-fonts")
        .args(args)
        .output()
        .expect("run gongwen")
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).to_string()
}

pub fn pdf_text(pdf: &Path) -> String {
    let out = Command::new("pdftotext")
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

/// Every file below `dir`, relative, sorted.
pub fn files_below(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.path().strip_prefix(dir).unwrap().to_path_buf())
        .collect();
    v.sort();
    v
}

/// The repository's own folder (the bundled example project).
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}
