//! The task list: units registry, checks, `gongwen tasks`, and the spreadsheet round trip.

use crate::common::{fixture_text, fixture_with, gongwen, stderr};

/// The tasks fixture: units with aliases and groups, the 2024 list, a notice attaching it.
fn tasks_yaml() -> String {
    fixture_text("tasks/content/tasks/2024.yaml")
}

fn tasks_project(tasks: &str) -> tempfile::TempDir {
    fixture_with("tasks", &[("tasks/2024.yaml", tasks)])
}

#[test]
fn a_notice_with_a_task_list_builds_its_table() {
    let p = tasks_project(&tasks_yaml());
    let o = gongwen(p.path(), &["build"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = crate::common::pdf_text(&p.path().join("out/pdf/某府办发〔2024〕7号.pdf"));
    let flat: String = text.split_whitespace().collect();
    for want in [
        "附件：2024年重点工作任务清单",
        "附件2024年重点工作任务清单",
        "序号",
        "一、宣传",
        "二、督查",
        "在车站刊播公益广告。",
        "区发展和改革委、各区级部门",
    ] {
        assert!(flat.contains(want), "missing {want:?}:\n{text}");
    }
}

#[test]
fn tasks_of_a_unit_include_its_groups() {
    let p = tasks_project(&tasks_yaml());
    let o = gongwen(p.path(), &["tasks", "--unit", "jtj"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.starts_with("区交通局 (jtj)\nmember of: 各区级部门\n"),
        "{out}"
    );
    // Leads 1 directly and 2 through 各区级部门; supports 3.
    assert!(out.contains("牵头: 2\n     1  在车站刊播公益广告。\n     2  组织专题发布会。\n  配合: 1\n     3  开展明察暗访。"), "{out}");
}

/// What `gongwen tasks` lists for a project whose only task list is `yaml`: every category,
/// task, lead and support unit, as a user sees them.
fn listing(yaml: &str) -> String {
    let p = tasks_project(yaml);
    let o = gongwen(p.path(), &["tasks"]);
    assert!(o.status.success(), "{}", stderr(&o));
    String::from_utf8(o.stdout).unwrap()
}

/// The year and due date of a tasks YAML file.
fn year_and_due(yaml: &str) -> (Option<&str>, Option<&str>) {
    let field = |k: &str| {
        yaml.lines()
            .find_map(|l| l.strip_prefix(k))
            .map(|v| v.trim().trim_matches(['\'', '"']))
    };
    (field("year:"), field("due:"))
}

/// The task ids of a tasks YAML file, in order.
fn ids(yaml: &str) -> Vec<&str> {
    yaml.lines()
        .filter_map(|l| l.trim_start().strip_prefix("- id:"))
        .map(str::trim)
        .collect()
}

#[test]
fn a_spreadsheet_edited_by_a_colleague_replaces_the_list_keeping_ids() {
    let p = tasks_project(&tasks_yaml());
    assert!(gongwen(p.path(), &["export"]).status.success());
    let csv = p.path().join("out/tasks/2024.csv");
    let text = std::fs::read_to_string(&csv).unwrap();
    // A task inserted between 1 and 2, with no number and no 编号, as a colleague would.
    let inserted = text.replace("\n2,", "\n,新增：召开推进会。,区交通局,,\n2,");
    assert_ne!(inserted, text);
    std::fs::write(&csv, &inserted).unwrap();
    let list = p.path().join("content/tasks/2024.yaml");
    let import = |force: bool| {
        let mut args = vec![
            "import",
            csv.to_str().unwrap(),
            "--output",
            list.to_str().unwrap(),
        ];
        if force {
            args.push("--force");
        }
        gongwen(p.path(), &args)
    };
    let refused = import(false);
    assert!(
        stderr(&refused).contains("pass --force to replace it"),
        "{}",
        stderr(&refused)
    );
    let o = import(true);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("task `新增：召开推进会。` gets the id t4"),
        "{}",
        stderr(&o)
    );
    let yaml = std::fs::read_to_string(&list).unwrap();
    assert_eq!(ids(&yaml), ["t1", "t4", "t2", "t3"], "{yaml}");
    assert_eq!(year_and_due(&yaml), (Some("2024"), Some("2024-12-31")));
    assert!(gongwen(p.path(), &["check"]).status.success());
    // A failing import leaves the list as it was.
    std::fs::write(
        &csv,
        inserted.replace("新增：召开推进会。,区交通局", "新增：召开推进会。,区交通"),
    )
    .unwrap();
    let failed = import(true);
    assert!(!failed.status.success());
    assert_eq!(std::fs::read_to_string(&list).unwrap(), yaml);
}

#[test]
fn a_csv_without_a_year_asks_for_one() {
    let p = tasks_project(&tasks_yaml());
    let csv = p.path().join("t.csv");
    std::fs::write(
        &csv,
        "清单,,,\n序号,工作任务,牵头单位,配合单位\n一、宣传,,,\n1,任务甲,区交通局,\n",
    )
    .unwrap();
    let o = gongwen(p.path(), &["import", csv.to_str().unwrap()]);
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("CSV: does not say which year the list is for"),
        "{}",
        stderr(&o)
    );
    let o = gongwen(
        p.path(),
        &[
            "import",
            csv.to_str().unwrap(),
            "--year",
            "2025",
            "--due",
            "2025-12-20",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let yaml = String::from_utf8_lossy(&o.stdout);
    assert_eq!(year_and_due(&yaml), (Some("2025"), Some("2025-12-20")));
    assert_eq!(ids(&yaml), ["t1"]);
}

#[test]
fn export_then_import_gives_the_same_list() {
    let p = tasks_project(&tasks_yaml());
    let o = gongwen(p.path(), &["export"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let csv = std::fs::read(p.path().join("out/tasks/2024.csv")).unwrap();
    assert!(
        csv.starts_with("\u{feff}2024年重点工作任务清单".as_bytes()),
        "CSV starts with a BOM and the title"
    );
    let original = listing(&tasks_yaml());
    for ext in ["xlsx", "csv"] {
        let back = p.path().join(format!("back-{ext}.yaml"));
        let o = gongwen(
            p.path(),
            &[
                "import",
                p.path()
                    .join(format!("out/tasks/2024.{ext}"))
                    .to_str()
                    .unwrap(),
                "--output",
                back.to_str().unwrap(),
            ],
        );
        assert!(o.status.success(), "{ext}: {}", stderr(&o));
        let yaml = std::fs::read_to_string(&back).unwrap();
        assert_eq!(listing(&yaml), original, "{ext}");
        assert_eq!(
            year_and_due(&yaml),
            (Some("2024"), Some("2024-12-31")),
            "{ext}"
        );
        assert_eq!(ids(&yaml), ["t1", "t2", "t3"], "{ext}");
        // Refuses to overwrite.
        let again = gongwen(
            p.path(),
            &[
                "import",
                p.path()
                    .join(format!("out/tasks/2024.{ext}"))
                    .to_str()
                    .unwrap(),
                "--output",
                back.to_str().unwrap(),
            ],
        );
        assert!(!again.status.success());
    }
}

#[test]
fn a_task_list_character_no_font_draws_is_reported_once_and_nothing_prints_it() {
    let notice2 = fixture_text("tasks/content/notices/a.md").replace("7号", "8号");
    let p = fixture_with(
        "tasks",
        &[
            (
                "tasks/2024.yaml",
                &tasks_yaml().replace("组织专题发布会。", "组织𰻞专题发布会。"),
            ),
            ("notices/b.md", &notice2),
        ],
    );
    let o = gongwen(p.path(), &["build"]);
    let e = stderr(&o);
    assert!(!o.status.success());
    assert_eq!(e.matches("no font can draw `𰻞`").count(), 1, "{e}");
    // No document that would print the character as an empty box is written.
    assert!(
        !p.path().join("out/pdf").exists()
            || crate::common::files_below(&p.path().join("out/pdf")).is_empty()
    );
    assert!(
        e.contains("\ncontent/tasks/2024.yaml:12:17: error: no font can draw `𰻞`"),
        "{e}"
    );
}

#[test]
fn the_exported_workbook_prints_on_a4_landscape_one_page_wide_with_its_titles() {
    let p = tempfile::tempdir().unwrap();
    crate::common::copy_dir(
        &crate::common::repo().join("content"),
        &p.path().join("content"),
    );
    assert!(gongwen(p.path(), &["export"]).status.success());
    let pdf = crate::common::libreoffice_pdf(&p.path().join("out/tasks/2020.xlsx"));
    assert!(
        crate::common::pdf_info(&pdf, "Page size").starts_with("841.89 x 595.3"),
        "A4 landscape: {}",
        crate::common::pdf_info(&pdf, "Page size")
    );
    let pages: usize = crate::common::pdf_info(&pdf, "Pages").parse().unwrap();
    let text = crate::common::pdf_text(&pdf);
    let title = "2020年对标归集先进优化营商环境工作任务清单";
    // Every page has the whole title and the header (print titles), all four columns (one page
    // wide); nothing of the hidden id column or the settings sheet is printed.
    let per_page: Vec<String> = text
        .split('\u{c}')
        .map(crate::common::flat)
        .filter(|p| !p.is_empty())
        .collect();
    assert!(pages >= 2, "18 tasks take more than one page");
    assert_eq!(per_page.len(), pages);
    for (i, page) in per_page.iter().enumerate() {
        assert!(
            page.starts_with(&format!("{title}序号工作任务牵头单位配合单位")),
            "page {}: {page}",
            i + 1
        );
        assert!(
            !page.contains("报送截止") && !page.contains("t1"),
            "page {}: {page}",
            i + 1
        );
    }
    let all: String = per_page.concat();
    for task in [
        "贯彻落实全市对标国家部委",
        "确保可操作、可执行。",
        "协会商会负责人",
    ] {
        assert!(all.contains(task), "{task} printed: {all}");
    }
}
