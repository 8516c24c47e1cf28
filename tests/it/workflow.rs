//! Starting and tidying a project: `init` (a starter that builds at once, or the bundled
//! example), `new notice` (the next free 发文字号), placeholders never published, `clean`.

use crate::common::{files_below, gongwen_en as gongwen, stderr};

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

/// Replaces `from` by `to` in the project file `rel`, which must contain it.
fn edit(root: &std::path::Path, rel: &str, from: &str, to: &str) {
    let path = root.join(rel);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{rel} has no {from:?}:\n{text}");
    std::fs::write(&path, text.replace(from, to)).unwrap();
}

/// A submission scaffolded by `new submission`, filled in as a unit would.
fn fill(root: &std::path::Path, rel: &str, date: &str, statuses: &[&str], body: &str) {
    let path = root.join(rel);
    let mut text = std::fs::read_to_string(&path).unwrap();
    text = text.replacen("date: \"\"", &format!("date: {date}"), 1);
    let parts: Vec<&str> = text.split("status: 推进中 #").collect();
    assert_eq!(
        parts.len(),
        statuses.len() + 1,
        "{rel}: one status per task"
    );
    let mut joined = parts[0].to_string();
    for (s, rest) in statuses.iter().zip(&parts[1..]) {
        joined.push_str(&format!("status: {s} #{rest}"));
    }
    text = joined;
    text = text.replace("summary: \"\"", "summary: 按计划推进，取得实效。");
    let body_at = text.rfind("---\n").unwrap() + 4;
    text.replace_range(body_at.., body);
    std::fs::write(&path, text).unwrap();
}

#[test]
fn the_offices_year_from_init_to_the_year_report() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("proj");
    assert!(
        gongwen(&root, &["init", root.to_str().unwrap()])
            .status
            .success()
    );
    let year: i32 = chrono::Local::now()
        .date_naive()
        .format("%Y")
        .to_string()
        .parse()
        .unwrap();
    let list = format!("content/tasks/{year}.yaml");
    // The office edits its notice and its units: a third unit, one unit renamed (its old name
    // kept as an alias, as the spreadsheet still says it).
    edit(
        &root,
        &format!("content/notices/{year}-1.md"),
        "各单位要明确责任分工",
        "各单位要压实责任、明确分工",
    );
    edit(
        &root,
        "content/units.yaml",
        "  - id: bgs\n    name: 区政府办公室\n    aliases: [区府办]",
        "  - id: bgs\n    name: 区政府办\n    aliases: [区府办, 区政府办公室]\n  - id: jtj\n    name: 区交通局\n    aliases: [交通局]",
    );
    colleague_inserts_a_task(&root, year, &list);
    // Three units are sent their forms (a second one for a unit is refused); two fill theirs in
    // at once.
    for unit in ["区发展改革委", "区交通局", "区政府办", "fgw"] {
        let o = gongwen(&root, &["new", "submission", unit]);
        assert_eq!(o.status.success(), unit != "fgw", "{unit}: {}", stderr(&o));
    }
    let subs = format!("content/submissions/{year}");
    let tasks_of =
        |unit: &str| std::fs::read_to_string(root.join(format!("{subs}/{unit}.md"))).unwrap();
    assert!(
        tasks_of("jtj").contains("- task: t3 # 第2项，牵头\n  text: 组织交通领域专项检查。"),
        "{}",
        tasks_of("jtj")
    );
    fill(
        &root,
        &format!("{subs}/fgw.md"),
        &format!("{year}-12-20"),
        &["已完成"],
        "全年推进重点工作。\n",
    );
    fill(
        &root,
        &format!("{subs}/jtj.md"),
        &format!("{}-01-05", year + 1),
        &["未启动"],
        "检查现场如图。\n\n![检查现场](photo.png)\n",
    );
    std::fs::copy(
        crate::common::repo().join("tests/fixtures/parts/photo.png"),
        root.join(format!("{subs}/photo.png")),
    )
    .unwrap();
    // 区政府办 leaves its form as it came: the placeholder must not be published.
    let b = gongwen(&root, &["build"]);
    assert!(!b.status.success(), "an unedited summary fails the build");
    assert!(
        stderr(&b).contains(&format!("{subs}/bgs.md")),
        "{}",
        stderr(&b)
    );
    let pdf = root.join("out/pdf");
    assert!(
        !pdf.join(format!("summaries/{year}/区政府办.pdf")).exists(),
        "nothing unedited is published"
    );
    fill(
        &root,
        &format!("{subs}/bgs.md"),
        &format!("{year}-12-28"),
        &["推进中", "已完成"],
        "全年督查工作总结。\n",
    );
    let b = gongwen(&root, &["build"]);
    assert!(b.status.success(), "{}", stderr(&b));
    the_year_is_reported(&root, year);
}

/// A colleague inserts a task in the middle of the exported sheet, naming a unit by its alias,
/// without number or id; it comes back in place of the list.
fn colleague_inserts_a_task(root: &std::path::Path, year: i32, list: &str) {
    let root = root.to_path_buf();
    assert!(gongwen(&root, &["export"]).status.success());
    let csv = root.join(format!("out/tasks/{year}.csv"));
    let sheet = std::fs::read_to_string(&csv).unwrap();
    let at = sheet.find("\n二、").expect("the second category row");
    let mut edited = sheet.clone();
    edited.insert_str(at, "\n,组织交通领域专项检查。,交通局,,");
    std::fs::write(&csv, edited).unwrap();
    let o = gongwen(
        &root,
        &[
            "import",
            csv.to_str().unwrap(),
            "--output",
            root.join(list).to_str().unwrap(),
            "--force",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
}

/// Every summary stays attached to its task, the counts are right, the picture is published.
fn the_year_is_reported(root: &std::path::Path, year: i32) {
    let pdf = root.join("out/pdf");
    // By the number the list now prints.
    let text = |p: &std::path::Path| crate::common::flat(&crate::common::pdf_text(p));
    let jtj = text(&pdf.join(format!("summaries/{year}/区交通局.pdf")));
    assert!(
        jtj.contains("任务2：组织交通领域专项检查。完成情况：未启动。"),
        "{jtj}"
    );
    let bgs = text(&pdf.join(format!("summaries/{year}/区政府办.pdf")));
    assert!(
        bgs.contains("任务3：开展年度工作督查，年底前报送工作总结。完成情况：已完成。"),
        "{bgs}"
    );
    // The report: 3 tasks; t1 done (fgw), t3 not started (jtj, late), t2 done (bgs, which also
    // supports t1); every unit reported, one late.
    let report = text(&pdf.join(format!("{year}-年度工作总结汇编.pdf")));
    assert!(
        report.contains("共3项任务：已完成2项，推进中0项，未启动1项，尚无牵头单位报告0项。"),
        "{report}"
    );
    assert!(
        report.contains(
            "应报送工作总结的单位3个：按时报送2个，逾期报送1个，未报送0个。逾期报送：区交通局。"
        ),
        "{report}"
    );
    assert!(
        report.contains("检查现场"),
        "the picture's caption is in the compilation"
    );
    let site = root.join("out/site");
    assert!(
        std::fs::read_dir(site.join("media")).unwrap().count() == 1,
        "the picture is on the site"
    );
}

#[test]
fn options_appear_only_where_they_work_and_counts_read_right() {
    let dir = tempfile::tempdir().unwrap();
    let help =
        |args: &[&str]| String::from_utf8_lossy(&gongwen(dir.path(), args).stdout).to_string();
    for cmd in ["init", "clean"] {
        assert!(
            !help(&[cmd, "--help"]).contains("--font-path"),
            "{cmd} takes no font options"
        );
    }
    for cmd in [
        "build", "check", "fonts", "serve", "tasks", "export", "import",
    ] {
        assert!(
            help(&[cmd, "--help"]).contains("--font-path"),
            "{cmd} finds fonts"
        );
    }
    // -o is --out DIR wherever it exists; import's file is --output, spelled out.
    assert!(!help(&["import", "--help"]).contains("-o,"));
    assert!(help(&["build", "--help"]).contains("-o, --out"));
    let root = dir.path().join("p");
    assert!(
        gongwen(&root, &["init", root.to_str().unwrap()])
            .status
            .success()
    );
    let c = gongwen(&root, &["check"]);
    let said = String::from_utf8_lossy(&c.stdout);
    assert!(
        said.contains("ok: 1 notice, 1 task list, 0 submissions checked"),
        "{said}"
    );
}

#[test]
fn cc_written_as_a_list_is_printed_as_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("p");
    assert!(
        gongwen(&root, &["init", root.to_str().unwrap()])
            .status
            .success()
    );
    let year = chrono::Local::now().date_naive().format("%Y").to_string();
    let notice = format!("content/notices/{year}-1.md");
    edit(
        &root,
        &notice,
        "# cc: 区委办公室，区人大常委会办公室",
        "cc: [区委办公室, 区人大常委会办公室]",
    );
    let b = gongwen(&root, &["build"]);
    assert!(b.status.success(), "{}", stderr(&b));
    let text = crate::common::pdf_text(&root.join(format!("out/pdf/某府办发〔{year}〕1号.pdf")));
    assert!(
        crate::common::flat(&text).contains("抄送：区委办公室，区人大常委会办公室。"),
        "{text}"
    );
}
