//! Proofreading through the binary: the bundled example reports exactly its two slips; every
//! content file of the repository and of the test fixtures gives exactly the findings listed
//! here (a rule that starts firing everywhere fails); JSON lines, `--strict`, and the ways to
//! keep a finding quiet.

use std::path::{Path, PathBuf};

use crate::common::{
    copy_dir, fixture, fixture_text, fixture_with, gongwen_en as gongwen, notice, project, repo,
    stderr,
};

/// The proofreading findings of `check --format json` in a project: the file, and
/// `file:line:col rule`.
fn findings(root: &Path) -> Vec<(PathBuf, String)> {
    let o = gongwen(root, &["check", "--format", "json"]);
    assert!(o.stderr.is_empty(), "JSON mode prints to stdout only");
    String::from_utf8_lossy(&o.stdout)
        .lines()
        .filter_map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("each line is JSON");
            let rule = v["rule"].as_str()?;
            let file = v["file"].as_str().unwrap();
            let at = format!("{file}:{}:{} {rule}", v["line"], v["column"]);
            Some((PathBuf::from(file), at))
        })
        .collect()
}

#[test]
fn the_bundled_example_reports_exactly_its_two_slips() {
    let o = gongwen(&repo(), &["check"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let e = stderr(&o);
    let found: Vec<&str> = e.lines().filter(|l| l.contains(": warning[")).collect();
    assert_eq!(
        found,
        [
            "content/notices/2020-3.md:8:5: warning[attachment-title]: the 附件说明 names `2020年对标国际先进优化营商环境工作任务清单` but the attachment's title is `2020年对标归集先进优化营商环境工作任务清单`",
            "content/notices/2020-3.md:14:60: warning[repeated-word]: `优化` is written twice: `优化优化`",
        ],
        "{e}"
    );
}

/// A project of the corpus: its name, its folder, and the files whose findings count (None:
/// all; an error case: only the files it lays over its base, which is in the corpus itself).
struct Member {
    name: String,
    root: PathBuf,
    own: Option<Vec<PathBuf>>,
    _dir: Option<tempfile::TempDir>,
}

/// Every project made of the repository's content files: the example, the fixtures (with the
/// loose parts laid into one), the starter of `gongwen init` with a `new notice`, and every
/// error case.
fn corpus() -> Vec<Member> {
    let mut out = vec![Member {
        name: "example".into(),
        root: repo(),
        own: None,
        _dir: None,
    }];
    let mut add = |name: &str, dir: tempfile::TempDir, own: Option<Vec<PathBuf>>| {
        out.push(Member {
            name: name.to_string(),
            root: dir.path().to_path_buf(),
            own,
            _dir: Some(dir),
        });
    };
    for f in ["minimal", "tasks", "year"] {
        add(f, fixture(f), None);
    }
    let all = fixture_text("parts/all-elements.md");
    let own = Some(vec![PathBuf::from("content/notices/all.md")]);
    add(
        "parts/all-elements",
        project(&[("notices/all.md", &all)]),
        own,
    );
    let xcb = fixture_text("parts/xcb.md");
    let own = Some(vec![PathBuf::from("content/submissions/2024/xcb.md")]);
    let year = fixture_with("year", &[("submissions/2024/xcb.md", &xcb)]);
    add("parts/xcb", year, own);
    let starter = tempfile::tempdir().unwrap();
    let o = gongwen(starter.path(), &["init", starter.path().to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    // With a scaffolded notice: its placeholders are the placeholder check's, not findings.
    let n = gongwen(starter.path(), &["new", "notice"]);
    assert!(n.status.success(), "{}", stderr(&n));
    add("starter", starter, None);
    let mut cases: Vec<PathBuf> = std::fs::read_dir(repo().join("tests/cases"))
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    cases.sort();
    for case in cases {
        let base = std::fs::read_to_string(case.join("base")).unwrap_or_else(|_| "none".into());
        let dir = fixture(base.trim());
        let overlay = case.join("project");
        let own = if overlay.is_dir() {
            copy_dir(&overlay, dir.path());
            crate::common::files_below(&overlay)
        } else {
            Vec::new()
        };
        let name = case.file_name().unwrap().to_string_lossy();
        add(&format!("cases/{name}"), dir, Some(own));
    }
    out
}

/// What the proofreading says about the whole corpus. Each is a real slip of its file (most
/// cases are made to fail otherwise, and say nothing here).
const CORPUS: &[&str] = &[
    "example content/notices/2020-3.md:8:5 attachment-title",
    "example content/notices/2020-3.md:14:60 repeated-word",
    "tasks content/notices/a.md:6:15 attachment-mention",
];

#[test]
fn the_corpus_gives_exactly_the_findings_listed() {
    let corpus = corpus();
    assert!(corpus.len() > 60, "only {} projects", corpus.len());
    let got: Vec<String> = corpus
        .iter()
        .flat_map(|m| {
            findings(&m.root)
                .into_iter()
                .filter(|(file, _)| m.own.as_ref().is_none_or(|own| own.contains(file)))
                .map(move |(_, f)| format!("{} {f}", m.name))
        })
        .collect();
    assert_eq!(got, CORPUS, "\n{}", got.join("\n"));
}

/// A notice with a doubled word on line 7 and a half-width comma on line 8.
fn slips() -> String {
    notice().replace(
        "请各单位于12月20日前报送年度工作总结。",
        "请各单位于12月20日前报送报送年度工作总结。\n内容要真实,数据要准确。",
    )
}

#[test]
fn json_lines_strict_and_warnings_in_build() {
    let p = project(&[("notices/a.md", &slips())]);
    let o = gongwen(p.path(), &["check", "--format", "json"]);
    assert!(o.status.success(), "warnings alone pass");
    let out = String::from_utf8_lossy(&o.stdout);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines,
        [
            r#"{"file":"content/notices/a.md","line":7,"column":13,"severity":"warning","rule":"repeated-word","message":"`报送` is written twice: `报送报送`","suggestion":"write `报送` once","fix":{"replace":"报送报送","with":"报送"}}"#,
            r#"{"file":"content/notices/a.md","line":8,"column":6,"severity":"warning","rule":"half-width-punct","message":"half-width `,` in Chinese text","suggestion":"GB/T 15834 uses the full-width mark in Chinese text: write `，`","fix":{"replace":",","with":"，"}}"#,
        ]
    );
    let strict = gongwen(p.path(), &["check", "--strict"]);
    assert_eq!(strict.status.code(), Some(1));
    assert!(
        stderr(&strict).starts_with(
            "content/notices/a.md:7:13: error[repeated-word]: `报送` is written twice"
        ),
        "{}",
        stderr(&strict)
    );
    let quiet = gongwen(p.path(), &["check", "--no-proofread"]);
    assert!(stderr(&quiet).is_empty(), "{}", stderr(&quiet));
    // build warns the same and prints the text as written.
    let b = gongwen(p.path(), &["build", "--no-site"]);
    assert!(b.status.success(), "{}", stderr(&b));
    assert_eq!(stderr(&b).matches("warning[").count(), 2, "{}", stderr(&b));
    let pdf = crate::common::pdf_text(&p.path().join("out/pdf/某府办发〔2024〕7号.pdf"));
    assert!(
        crate::common::flat(&pdf).contains("报送报送年度工作总结。内容要真实,数据要准确。"),
        "{pdf}"
    );
    // An error in JSON too (with no place: null line and column).
    std::fs::write(
        p.path().join("content/notices/a.md"),
        "---\ntitle: [\n---\n",
    )
    .unwrap();
    let e = gongwen(p.path(), &["check", "--format", "json"]);
    assert_eq!(e.status.code(), Some(1));
    let first: serde_json::Value =
        serde_json::from_str(String::from_utf8_lossy(&e.stdout).lines().next().unwrap()).unwrap();
    assert_eq!(first["severity"], "error");
    assert_eq!(first["file"], "content/notices/a.md");
    assert!(first["rule"].is_null());
}

#[test]
fn allowed_words_skipped_rules_and_comments_keep_findings_quiet() {
    let settings = fixture_text("minimal/content/gongwen.yaml");
    let with = |proofread: &str| format!("{settings}\nproofread:\n{proofread}");
    let run = |files: &[(&str, &str)]| {
        let p = project(files);
        let o = gongwen(p.path(), &["check"]);
        (o.status.success(), stderr(&o))
    };
    let (_, e) = run(&[("notices/a.md", &slips())]);
    assert_eq!(e.matches("warning[").count(), 2, "{e}");
    // A word allowed: the finding inside it is dropped, the other stays.
    let (_, e) = run(&[
        ("notices/a.md", &slips()),
        ("gongwen.yaml", &with("  allow: [报送报送]\n")),
    ]);
    assert!(
        !e.contains("repeated-word") && e.contains("half-width-punct"),
        "{e}"
    );
    // A rule skipped.
    let (_, e) = run(&[
        ("notices/a.md", &slips()),
        ("gongwen.yaml", &with("  skip: [half-width-punct]\n")),
    ]);
    assert!(
        e.contains("repeated-word") && !e.contains("half-width-punct"),
        "{e}"
    );
    // An unknown rule is an error where it is named, with the closest name.
    let (ok, e) = run(&[("gongwen.yaml", &with("  skip: [repeated-words]\n"))]);
    assert!(!ok);
    assert_eq!(
        e,
        "content/gongwen.yaml:5:10: error: unknown proofreading rule `repeated-words`\n  help: did you mean `repeated-word`?\n"
    );
    // A comment on the line, or alone on the line before: only the rules it names.
    let on_line = slips().replace("总结。", "总结。<!-- gongwen: allow repeated-word -->");
    let (_, e) = run(&[("notices/a.md", &on_line)]);
    assert!(
        !e.contains("repeated-word") && e.contains("half-width-punct"),
        "{e}"
    );
    let before = slips().replace("内容要真实", "<!-- gongwen: allow dash -->\n内容要真实");
    let (_, e) = run(&[("notices/a.md", &before)]);
    assert_eq!(e.matches("warning[").count(), 2, "another rule named: {e}");
    let before = slips().replace("内容要真实", "<!-- gongwen: allow -->\n内容要真实");
    let (_, e) = run(&[("notices/a.md", &before)]);
    assert!(
        e.contains("repeated-word") && !e.contains("half-width-punct"),
        "{e}"
    );
    // In YAML, a `#` comment.
    let title = "title: 某某区人民政府办公室关于做好年度工作总结的通知";
    let yaml = notice().replace(title, &format!("{title}。"));
    let (_, e) = run(&[("notices/a.md", &yaml)]);
    assert!(e.contains("warning[title-stop]"), "{e}");
    let yaml = yaml.replace("通知。", "通知。  # gongwen: allow title-stop");
    let (_, e) = run(&[("notices/a.md", &yaml)]);
    assert!(!e.contains("title-stop"), "{e}");
}

#[test]
fn a_slip_across_a_line_break_or_emphasis_is_found_where_it_starts() {
    let body = "请各单位持续优化\n优化营商环境，推进**改革**改革创新。\n";
    let text = notice().replace("请各单位于12月20日前报送年度工作总结。\n", body);
    let p = project(&[("notices/a.md", &text)]);
    let got = findings(p.path());
    let got: Vec<&str> = got.iter().map(|(_, f)| f.as_str()).collect();
    assert_eq!(
        got,
        [
            "content/notices/a.md:7:7 repeated-word",
            "content/notices/a.md:8:12 repeated-word",
        ]
    );
}

/// A pasted text repeating one slip many times: the first twenty places are listed, the rest
/// counted in one line, so the message that matters is not buried.
#[test]
fn one_slip_repeated_a_hundred_times_lists_twenty_and_counts_the_rest() {
    let body = "各单位要抓好工作工作。".repeat(100);
    let text = crate::common::notice_with("标题", &body);
    let p = project(&[("notices/w.md", &text)]);
    let found: Vec<String> = findings(p.path())
        .into_iter()
        .filter(|(f, _)| f.ends_with("w.md"))
        .map(|(_, at)| at)
        .collect();
    let placed = found.iter().filter(|a| !a.contains(":null:")).count();
    assert_eq!(placed, 20, "{found:#?}");
    assert!(
        found
            .iter()
            .any(|a| a.ends_with(":null:null repeated-word")),
        "{found:#?}"
    );
    let o = gongwen(p.path(), &["check"]);
    assert!(
        stderr(&o).contains("80 more of the same not listed"),
        "{}",
        stderr(&o)
    );
}
