//! Error cases as data: each folder of tests/cases is a project (a fixture of tests/fixtures named
//! in `base`, with the files of its `project/` folder laid over it), the command to run (`args`,
//! default `check` and then `build`), and the exact messages expected on stderr (`expected`).
//! A case without `args` must give the same messages from `build` as from `check`, leave no
//! temporary file behind, and (with an `out` file) write exactly the files it lists under out/.
//! The command fails, unless the case has a file `succeeds` (warnings only).
//! Adding a case is adding a folder. `GONGWEN_UPDATE_CASES=1` writes missing `expected` files.

use std::path::{Path, PathBuf};

use crate::common::{copy_dir, files_below, fixture, gongwen_args, repo, stderr};

struct Outcome {
    name: String,
    problems: Vec<String>,
}

fn read(p: &Path) -> Option<String> {
    std::fs::read_to_string(p).ok()
}

fn run_case(case: &Path) -> Outcome {
    let name = case.file_name().unwrap().to_string_lossy().to_string();
    let mut problems = Vec::new();
    let base = read(&case.join("base")).unwrap_or_else(|| "none".into());
    let project = fixture(base.trim());
    let root = project.path();
    if case.join("project").is_dir() {
        copy_dir(&case.join("project"), root);
    }
    let root_text = root.to_string_lossy().to_string();
    let given = read(&case.join("args"));
    let args: Vec<String> = given
        .as_deref()
        .unwrap_or("check")
        .split_whitespace()
        .map(|a| a.replace("{root}", &root_text))
        .collect();
    let o = gongwen_args(root, &args);
    let succeeds = case.join("succeeds").is_file();
    if o.status.success() != succeeds {
        problems.push(format!("the command's success was {}", o.status.success()));
    }
    let got = stderr(&o).replace(&root_text, "{root}");
    if given.is_none() {
        let b = gongwen_args(root, &["build".to_string()]);
        let built = stderr(&b).replace(&root_text, "{root}");
        if b.status.success() != succeeds {
            problems.push(format!("build's success was {}", b.status.success()));
        }
        if built != got {
            problems.push(format!("build said otherwise than check:\n{built}"));
        }
        let out = root.join("out");
        let files: Vec<String> = if out.is_dir() {
            // The PDFs and .docx (the site is checked by its own tests).
            files_below(&out)
                .iter()
                .map(|f| f.to_string_lossy().to_string())
                // gongwen's own records (what it wrote, what each PDF was made from).
                .filter(|f| {
                    !f.starts_with("site/")
                        && f != ".gongwen-manifest"
                        && f != ".gongwen-fingerprints"
                })
                .collect()
        } else {
            Vec::new()
        };
        if files
            .iter()
            .any(|f| f.split('/').any(crate::common::is_leftover))
        {
            problems.push(format!("temporary files left: {files:?}"));
        }
        if let Some(want) = read(&case.join("out")) {
            let want: Vec<String> = want.lines().map(String::from).collect();
            if files != want {
                problems.push(format!("out/ holds {files:?}, expected {want:?}"));
            }
        }
    }
    match read(&case.join("expected")) {
        Some(want) if want == got => {}
        Some(want) => problems.push(format!("expected:\n{want}\ngot:\n{got}")),
        None if std::env::var_os("GONGWEN_UPDATE_CASES").is_some() => {
            std::fs::write(case.join("expected"), &got).unwrap();
        }
        None => problems.push(format!("no `expected` file; the command said:\n{got}")),
    }
    Outcome { name, problems }
}

#[test]
fn every_error_case_gives_exactly_its_messages() {
    let dir = repo().join("tests/cases");
    let mut cases: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    assert!(cases.len() >= 30, "only {} cases", cases.len());
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    let chunk = cases.len().div_ceil(threads);
    let outcomes: Vec<Outcome> = std::thread::scope(|s| {
        let handles: Vec<_> = cases
            .chunks(chunk)
            .map(|part| s.spawn(move || part.iter().map(|c| run_case(c)).collect::<Vec<_>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });
    let failed: Vec<String> = outcomes
        .iter()
        .filter(|o| !o.problems.is_empty())
        .map(|o| format!("case {}:\n{}", o.name, o.problems.join("\n")))
        .collect();
    assert!(failed.is_empty(), "{}", failed.join("\n\n"));
}
