//! Starting and tidying a project: `init` (a starter that builds at once, or the bundled
//! example), `new notice` (the next free 发文字号), placeholders never published, `clean`.

use crate::common::{files_below, gongwen, stderr};

#[test]
fn a_starter_project_builds_at_once_and_new_notice_takes_the_next_number() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("proj");
    let o = gongwen(&root, &["init", root.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let b = gongwen(&root, &["build"]);
    assert!(b.status.success(), "{}", stderr(&b));
    assert!(
        stderr(&b).is_empty(),
        "a starter builds without a word: {}",
        stderr(&b)
    );
    let year = chrono::Local::now().date_naive().format("%Y").to_string();
    assert!(
        root.join(format!("out/pdf/某府办发〔{year}〕1号.pdf"))
            .is_file()
    );
    // init never overwrites.
    let again = gongwen(&root, &["init", root.to_str().unwrap()]);
    assert!(!again.status.success());
    assert!(stderr(&again).contains("already exists; nothing was written"));
    // new notice: the office's code, the next number of the year, today's date.
    let n = gongwen(&root, &["new", "notice"]);
    assert!(n.status.success(), "{}", stderr(&n));
    let text = std::fs::read_to_string(root.join(format!("content/notices/{year}-2.md"))).unwrap();
    assert!(
        text.contains(&format!("number: 某府办发〔{year}〕2号")),
        "{text}"
    );
    // Its placeholders: a warning for check, an error for build, which leaves it out.
    let c = gongwen(&root, &["check"]);
    assert!(
        c.status.success()
            && stderr(&c).contains("warning: the scaffold's placeholder text is still here")
    );
    let b = gongwen(&root, &["build"]);
    assert!(
        !b.status.success()
            && stderr(&b).contains("error: the scaffold's placeholder text is still here")
    );
    assert!(
        !root
            .join(format!("out/pdf/某府办发〔{year}〕2号.pdf"))
            .exists(),
        "a placeholder is never published"
    );
}

#[test]
fn init_example_writes_the_bundled_example_which_builds_as_the_repository_does() {
    let dir = tempfile::tempdir().unwrap();
    let o = gongwen(
        dir.path(),
        &["init", "--example", dir.path().to_str().unwrap()],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        gongwen(dir.path(), &["build", "--no-site"])
            .status
            .success()
    );
    let built = dir.path().join("out/pdf/沙营商办发〔2020〕3号.pdf");
    let repo_out = tempfile::tempdir().unwrap();
    let r = gongwen(
        &crate::common::repo(),
        &[
            "build",
            "--no-site",
            "--out",
            repo_out.path().to_str().unwrap(),
        ],
    );
    assert!(r.status.success());
    assert_eq!(
        std::fs::read(built).unwrap(),
        std::fs::read(repo_out.path().join("pdf/沙营商办发〔2020〕3号.pdf")).unwrap(),
        "the example written by init is the repository's example"
    );
}

#[test]
fn clean_removes_what_gongwen_wrote_and_nothing_else() {
    let p = crate::common::fixture("tasks");
    assert!(gongwen(p.path(), &["build"]).status.success());
    assert!(gongwen(p.path(), &["export"]).status.success());
    std::fs::write(p.path().join("out/pdf/我的笔记.txt"), "mine").unwrap();
    let o = gongwen(p.path(), &["clean"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let left: Vec<_> = files_below(&p.path().join("out"));
    assert_eq!(left, [std::path::PathBuf::from("pdf/我的笔记.txt")]);
}
