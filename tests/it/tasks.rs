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
    assert!(out.contains("牵头 (leads): 2\n     1  在车站刊播公益广告。\n     2  组织专题发布会。\n  配合 (supports): 1\n     3  开展明察暗访。"), "{out}");
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
        if ext == "xlsx" {
            assert_eq!(year_and_due(&yaml), (Some("2024"), Some("2024-12-31")));
        }
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
        e.starts_with("content/tasks/2024.yaml:12:17: error: no font can draw `𰻞`"),
        "{e}"
    );
}
