//! Year-end summaries: submissions, their checks, the scaffold, and the compiled report.

mod common;

use common::{NOTICE, files_below, gongwen, pdf_text, project, stderr};

const UNITS: &str = "units:\n  - id: jtj\n    name: 区交通局\n  - id: fgw\n    name: 区发展改革委\n  - id: xcb\n    name: 区委宣传部\n  - id: dcb\n    name: 区政府督查办\ngroups:\n  - id: all\n    name: 各区级部门\n    members: [jtj, xcb]\n";

const TASKS: &str = "title: 2024年重点工作任务清单\nyear: 2024\ndue: 2024-12-31\ncategories:\n  - name: 宣传\n    tasks:\n      - text: 在车站刊播公益广告。\n        lead: [区交通局]\n      - text: 组织专题发布会。\n        lead: [区委宣传部]\n        support: [区发展改革委]\n  - name: 督查\n    tasks:\n      - text: 开展明察暗访。\n        lead: [区政府督查办]\n        support: [各区级部门]\n";

const JTJ: &str = "---\nunit: 区交通局\ndate: 2024-12-20\ntasks:\n  - task: 1\n    status: 已完成\n    summary: 刊播广告一千余次。\n  - task: 3\n    status: 推进中\n    summary: 配合暗访两次。\n---\n全年工作总结。\n";

const XCB: &str = "---\nunit: xcb\ndate: 2025-01-06\ntasks:\n  - task: 2\n    status: 推进中\n    summary: 已开一场发布会。\n---\n宣传工作总结。\n";

fn year_project(extra: &[(&str, &str)]) -> tempfile::TempDir {
    let mut files = vec![
        ("units.yaml", UNITS),
        ("tasks/2024.yaml", TASKS),
        ("notices/a.md", NOTICE),
    ];
    files.extend_from_slice(extra);
    project(&files)
}

fn flat(s: &str) -> String {
    s.split_whitespace().collect()
}

#[test]
fn the_compiled_report_counts_lists_missing_and_marks_late() {
    let p = year_project(&[
        ("submissions/2024/jtj.md", JTJ),
        ("submissions/2024/xcb.md", XCB),
    ]);
    let o = gongwen(p.path(), &["build"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("content/submissions/2024/xcb.md:3:7: warning: sent after the due date 2024年12月31日: marked late"), "{}", stderr(&o));
    let out = p.path().join("out/pdf");
    assert!(
        out.join("summaries/2024/区交通局.pdf").is_file()
            && out.join("summaries/2024/区委宣传部.pdf").is_file()
    );
    let text = flat(&pdf_text(&out.join("2024-年度工作总结汇编.pdf")));
    // Overview: task 1 done (jtj), 2 in progress (xcb), 3 no lead report (dcb sent nothing).
    assert!(
        text.contains("共3项任务：已完成1项，推进中1项，未启动0项，尚无牵头单位报告1项。"),
        "{text}"
    );
    assert!(text.contains("合计3110"), "totals row: {text}");
    for n in [
        "1在车站刊播公益广告。",
        "2组织专题发布会。",
        "3开展明察暗访。",
    ] {
        assert!(text.contains(n), "task row {n:?} missing: {text}");
    }
    assert!(
        text.contains("区交通局：已完成。刊播广告一千余次。"),
        "{text}"
    );
    // Who owes: jtj (1, 3), fgw (2), xcb (2, 3), dcb (3); fgw and dcb sent nothing.
    assert!(text.contains("应报送工作总结的单位4个：按时报送1个，逾期报送1个，未报送2个。逾期报送：区委宣传部。未报送：区发展改革委、区政府督查办。"), "{text}");
    assert!(text.contains("区交通局1、32024年12月20日按时"), "{text}");
    assert!(text.contains("区委宣传部2、32025年1月6日逾期"), "{text}");
    assert!(text.contains("区政府督查办3—未报送"), "{text}");
    assert!(
        text.contains("（二）区委宣传部（逾期报送）"),
        "chapter marks the late unit: {text}"
    );
}

#[test]
fn a_submission_pdf_is_a_formal_report() {
    let p = year_project(&[("submissions/2024/jtj.md", JTJ)]);
    assert!(gongwen(p.path(), &["build"]).status.success());
    let text = flat(&pdf_text(
        &p.path().join("out/pdf/summaries/2024/区交通局.pdf"),
    ));
    for want in [
        "区交通局2024年度工作总结",
        "全年工作总结。",
        "一、重点任务完成情况",
        "（一）任务1：在车站刊播公益广告。",
        "完成情况：已完成。",
        "区交通局2024年12月20日",
        "—1—",
    ] {
        assert!(text.contains(want), "missing {want:?}: {text}");
    }
}

fn check_error(sub: &str) -> String {
    let p = year_project(&[
        ("submissions/2024/bad.md", sub),
        ("submissions/2024/jtj.md", JTJ),
    ]);
    let o = gongwen(p.path(), &["build"]);
    assert!(!o.status.success());
    // The good submission and the notice are still built; nothing of the bad one is written.
    let files = files_below(&p.path().join("out/pdf"));
    assert!(
        files.contains(&"summaries/2024/区交通局.pdf".into()),
        "{files:?}"
    );
    assert!(
        !files.iter().any(|f| f.to_string_lossy().contains(".tmp")),
        "{files:?}"
    );
    stderr(&o)
}

#[test]
fn unknown_unit() {
    let e = check_error("---\nunit: 区交通\ndate: 2024-12-01\n---\n");
    assert_eq!(
        e,
        "content/submissions/2024/bad.md:2:7: error: unknown unit `区交通`\n  help: did you mean `区交通局`? (units and groups are listed in content/units.yaml)\n"
    );
}

#[test]
fn task_of_another_unit() {
    let e = check_error(
        "---\nunit: 区发展改革委\ndate: 2024-12-01\ntasks:\n  - task: 1\n    status: 已完成\n    summary: 无\n---\n",
    );
    assert_eq!(
        e,
        "content/submissions/2024/bad.md:5:11: error: task 1 is not a task of 区发展改革委\n  help: 区发展改革委 leads or supports tasks 2\n"
    );
}

#[test]
fn task_reported_twice_bad_status_bad_date_unknown_task() {
    let e = check_error(
        "---\nunit: 区委宣传部\ndate: 2024-13-01\ntasks:\n  - task: 2\n    status: 已完成\n    summary: 甲\n  - task: 2\n    status: 已完成\n    summary: 乙\n  - task: 3\n    status: 完成了\n  - task: 9\n    status: 已完成\n---\n",
    );
    assert_eq!(
        e,
        "content/submissions/2024/bad.md:3:7: error: `date`: `2024-13-01` is not a date\n  help: write the date as YYYY-MM-DD, e.g. 2020-04-29\n\
content/submissions/2024/bad.md:8:11: error: task 2 is reported twice\n  help: report each task once; merge the two entries\n\
content/submissions/2024/bad.md:12:13: error: unknown status `完成了`\n  help: use one of 已完成, 推进中, 未启动\n\
content/submissions/2024/bad.md:13:11: error: there is no task 9 in 2024年重点工作任务清单\n  help: tasks are numbered 1 to 3\n"
    );
}

#[test]
fn a_group_cannot_submit_and_years_are_folders() {
    let e = check_error("---\nunit: 各区级部门\ndate: 2024-12-01\n---\n");
    assert_eq!(
        e,
        "content/submissions/2024/bad.md:2:7: error: `各区级部门` is a group, not a unit\n  help: name one unit; a group stands for several\n"
    );
    let p = year_project(&[("submissions/last-year/x.md", JTJ)]);
    let o = gongwen(p.path(), &["check"]);
    assert_eq!(
        stderr(&o),
        "content/submissions/last-year: error: `last-year` is not a year\n  help: submissions go in content/submissions/<year>/, e.g. content/submissions/2020/\n"
    );
}

#[test]
fn hostile_submissions_stay_text_or_fail_clearly() {
    let long = "很长的段落".repeat(10_000);
    let sub = format!(
        "---\nunit: 区交通局\ndate: 2024-12-20\ntasks:\n  - task: 1\n    status: 已完成\n    summary: \"#panic() $x$ <script>alert(1)</script> #read(\\\"/etc/passwd\\\")\"\n---\n<iframe src=\"x\"></iframe>\n\n#set page(width: 1pt) @ref <lbl>\n\n{long}\n"
    );
    let p = year_project(&[("submissions/2024/jtj.md", &sub)]);
    let o = gongwen(p.path(), &["build"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = flat(&pdf_text(
        &p.path().join("out/pdf/summaries/2024/区交通局.pdf"),
    ));
    for want in [
        "#panic()$x$<script>alert(1)</script>#read(\"/etc/passwd\")",
        "<iframesrc=\"x\"></iframe>",
        "#setpage(width:1pt)@ref<lbl>",
    ] {
        assert!(
            text.contains(want),
            "{want:?} not literal: {}",
            text.chars()
                .rev()
                .take(300)
                .collect::<String>()
                .chars()
                .rev()
                .collect::<String>()
        );
    }
    assert_eq!(
        text.matches('很').count(),
        10_000,
        "the 50,000-character paragraph is set in full"
    );
    // A character no font has is an error naming the place; the rest still builds.
    let rare = JTJ.replace("全年工作总结。", "全年工作𰻞总结。");
    let p = year_project(&[("submissions/2024/jtj.md", &rare)]);
    let o = gongwen(p.path(), &["build"]);
    assert!(!o.status.success());
    assert!(
        stderr(&o).starts_with(
            "content/submissions/2024/jtj.md:12:5: error: no font can draw `𰻞` (U+30EDE)"
        ),
        "{}",
        stderr(&o)
    );
    assert!(p.path().join("out/pdf/某府办发〔2024〕7号.pdf").is_file());
}

#[test]
fn new_submission_is_prefilled_and_never_overwrites() {
    let p = year_project(&[]);
    let o = gongwen(
        p.path(),
        &["new", "submission", "区交通局", "--year", "2024"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let path = p.path().join("content/submissions/2024/jtj.md");
    let text = std::fs::read_to_string(&path).unwrap();
    // Task 1 it leads; task 3 it supports through 各区级部门.
    assert!(
        text.contains("- task: 1 # 牵头：在车站刊播公益广告。")
            && text.contains("- task: 3 # 配合：开展明察暗访。"),
        "{text}"
    );
    assert!(!text.contains("task: 2"), "{text}");
    // It checks as it is: warnings for the empty summaries, no errors.
    let c = gongwen(p.path(), &["check"]);
    assert!(c.status.success(), "{}", stderr(&c));
    assert!(stderr(&c).contains("warning: task 1 has no summary"));
    let again = gongwen(p.path(), &["new", "submission", "jtj", "--year", "2024"]);
    assert!(!again.status.success());
    assert_eq!(
        stderr(&again),
        "content/submissions/2024/jtj.md: error: already exists; not overwritten\n  help: edit the file, or remove it first to start again\n"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}

#[test]
fn one_summary_per_unit_and_year() {
    let p = year_project(&[
        ("submissions/2024/jtj.md", JTJ),
        ("submissions/2024/jtj-again.md", JTJ),
    ]);
    let e = stderr(&gongwen(p.path(), &["check"]));
    assert_eq!(
        e,
        "content/submissions/2024/jtj.md: error: 区交通局 already submitted in content/submissions/2024/jtj-again.md\n  help: keep one submission per unit and year\n"
    );
}

#[test]
fn a_year_with_several_task_lists_needs_the_list_named() {
    let second = TASKS.replace("2024年重点工作任务清单", "2024年补充任务清单");
    let p = year_project(&[
        ("tasks/2024b.yaml", &second),
        ("submissions/2024/jtj.md", JTJ),
    ]);
    let e = stderr(&gongwen(p.path(), &["check"]));
    assert_eq!(
        e,
        "content/submissions/2024/jtj.md:1:1: error: 2024 has several task lists; say which one this reports on\n  help: add `list: tasks/<name>.yaml`\n"
    );
    let named = JTJ.replace(
        "unit: 区交通局\n",
        "unit: 区交通局\nlist: tasks/2023.yaml\n",
    );
    std::fs::write(p.path().join("content/submissions/2024/jtj.md"), named).unwrap();
    let e = stderr(&gongwen(p.path(), &["check"]));
    assert_eq!(
        e,
        "content/submissions/2024/jtj.md:3:7: error: no task list `tasks/2023.yaml` for 2024\n  help: the lists of 2024 are: tasks/2024.yaml, tasks/2024b.yaml\n"
    );
}
