//! The task list: units registry, checks, `gongwen tasks`, and the spreadsheet round trip.

mod common;

use std::path::Path;

use common::{NOTICE, gongwen, project, stderr};
use gongwen::tasks::TaskList;

const UNITS: &str = "units:\n  - id: jtj\n    name: 区交通局\n  - id: fgw\n    name: 区发展改革委\n    aliases: [区发展和改革委]\ngroups:\n  - id: all\n    name: 各区级部门\n    members: [jtj]\n  - id: hx\n    name: 各行业协会、商会主管部门\n";

const TASKS: &str = "title: 2024年重点工作任务清单\nyear: 2024\ndue: 2024-12-31\ncategories:\n  - name: 宣传\n    tasks:\n      - text: 在车站刊播公益广告。\n        lead: [区交通局]\n        support: [各行业协会、商会主管部门]\n      - text: 组织专题发布会。\n        lead: [区发展和改革委, 各区级部门]\n  - name: 督查\n    tasks:\n      - text: 开展明察暗访。\n        lead: [fgw]\n        support: [区交通局]\n";

fn notice_with_tasks() -> String {
    NOTICE.replace(
        "date: 2024-11-20\n",
        "date: 2024-11-20\nattachments: [tasks/2024.yaml]\n",
    )
}

fn tasks_project(tasks: &str) -> tempfile::TempDir {
    project(&[
        ("units.yaml", UNITS),
        ("tasks/2024.yaml", tasks),
        ("notices/a.md", &notice_with_tasks()),
    ])
}

fn check_fails_with(tasks: &str) -> String {
    let p = tasks_project(tasks);
    let o = gongwen(p.path(), &["check"]);
    assert!(!o.status.success());
    stderr(&o)
}

#[test]
fn a_notice_with_a_task_list_builds_its_table() {
    let p = tasks_project(TASKS);
    let o = gongwen(p.path(), &["build"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = common::pdf_text(&p.path().join("out/pdf/某府办发〔2024〕7号.pdf"));
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
fn unknown_unit_suggests_the_registered_one() {
    let e = check_fails_with(&TASKS.replace("lead: [区交通局]", "lead: [区交通]"));
    assert_eq!(
        e,
        "content/tasks/2024.yaml:8:16: error: unknown unit `区交通` in the lead units of task 1\n  help: did you mean `区交通局`? (units and groups are listed in content/units.yaml)\ncontent/notices/a.md:6:15: error: attachment `tasks/2024.yaml` has errors (see above)\n"
    );
}

#[test]
fn task_without_lead_unit() {
    let e = check_fails_with(&TASKS.replace("        lead: [区发展和改革委, 各区级部门]\n", ""));
    assert!(e.starts_with("content/tasks/2024.yaml:10:9: error: task 2 has no lead unit (牵头单位)\n  help: add `lead: [unit]` naming who leads it\n"), "{e}");
}

#[test]
fn empty_task_text() {
    let e = check_fails_with(&TASKS.replace("text: 组织专题发布会。", "text: \"\""));
    assert!(
        e.starts_with("content/tasks/2024.yaml:10:15: error: task 2 has no text\n"),
        "{e}"
    );
}

#[test]
fn unit_named_twice_in_a_task() {
    let e = check_fails_with(&TASKS.replace("support: [区交通局]", "support: [区发展改革委]"));
    assert!(
        e.starts_with("content/tasks/2024.yaml:16:19: error: task 3 names `区发展改革委` twice\n"),
        "{e}"
    );
}

#[test]
fn duplicate_names_in_the_registry() {
    let p = project(&[
        (
            "units.yaml",
            &UNITS.replace("name: 区发展改革委", "name: 区交通局"),
        ),
        ("tasks/2024.yaml", TASKS),
        ("notices/a.md", &notice_with_tasks()),
    ]);
    let e = stderr(&gongwen(p.path(), &["check"]));
    assert!(e.starts_with("content/units.yaml:5:11: error: `区交通局` is already used at line 3\n  help: ids, names and aliases must each name one unit or group\n"), "{e}");
}

#[test]
fn tasks_of_a_unit_include_its_groups() {
    let p = tasks_project(TASKS);
    let o = gongwen(p.path(), &["tasks", "--unit", "jtj"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.starts_with("区交通局 (jtj)\nmember of: 各区级部门\n"),
        "{out}"
    );
    // Leads 1 directly and 2 through 各区级部门; supports 3.
    assert!(out.contains("牵头 (leads): 2\n     1  在车站刊播公益广告。\n     2  组织专题发布会。\n  配合 (supports): 1\n     3  开展明察暗访。"), "{out}");
    let bad = gongwen(p.path(), &["tasks", "--unit", "区交通"]);
    assert_eq!(
        stderr(&bad),
        "content/units.yaml: error: unknown unit `区交通`\n  help: did you mean `区交通局`? (units and groups are listed in content/units.yaml)\n"
    );
}

fn load(path: &Path) -> TaskList {
    TaskList::load(path, path, "x").unwrap_or_else(|e| panic!("{e}"))
}

/// (category, number, text, lead, support) of every task.
type Row = (String, usize, String, Vec<String>, Vec<String>);

fn summary(t: &TaskList) -> Vec<Row> {
    t.categories
        .iter()
        .flat_map(|c| {
            c.tasks.iter().map(move |k| {
                (
                    c.name.clone(),
                    k.number,
                    k.text.clone(),
                    k.lead.iter().map(|u| u.text.clone()).collect(),
                    k.support.iter().map(|u| u.text.clone()).collect(),
                )
            })
        })
        .collect()
}

#[test]
fn export_then_import_gives_the_same_list() {
    let p = tasks_project(TASKS);
    let o = gongwen(p.path(), &["export"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let csv = std::fs::read(p.path().join("out/tasks/2024.csv")).unwrap();
    assert!(
        csv.starts_with("\u{feff}2024年重点工作任务清单".as_bytes()),
        "CSV starts with a BOM and the title"
    );
    let original = load(&p.path().join("content/tasks/2024.yaml"));
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
        let round = load(&back);
        assert_eq!(round.title, original.title);
        assert_eq!(summary(&round), summary(&original), "{ext}");
        if ext == "xlsx" {
            assert_eq!((round.year, round.due), (original.year, original.due));
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
fn import_reports_bad_rows_by_row_and_column() {
    let p = tasks_project(TASKS);
    let csv = "\u{feff}清单,,,\n序号,工作任务,牵头单位,配合单位\n一、宣传,,,\n1,任务甲,区交通局,\nx,任务乙,区交通局,\n3,任务丙,区交通,\n";
    std::fs::write(p.path().join("t.csv"), csv).unwrap();
    let o = gongwen(
        p.path(),
        &["import", p.path().join("t.csv").to_str().unwrap()],
    );
    assert!(!o.status.success());
    let e = stderr(&o);
    let file = p.path().join("t.csv").display().to_string();
    assert_eq!(
        e,
        format!(
            "{file}: error: CSV, row 5, column A: `x` is not a task number\n  help: column A holds the task number, or a category name alone on its row\n{file}: error: CSV, row 6, column A: task number 3, expected 2\n  help: tasks are numbered 1, 2, 3 … down the table\n{file}: error: CSV, row 6, column C: unknown unit `区交通`\n  help: did you mean `区交通局`? (units and groups are listed in content/units.yaml)\n"
        )
    );
}

#[test]
fn a_task_list_character_no_font_draws_is_reported_once_and_nothing_prints_it() {
    let notice2 = notice_with_tasks().replace("7号", "8号");
    let p = project(&[
        ("units.yaml", UNITS),
        (
            "tasks/2024.yaml",
            &TASKS.replace("组织专题发布会。", "组织𰻞专题发布会。"),
        ),
        ("notices/a.md", &notice_with_tasks()),
        ("notices/b.md", &notice2),
    ]);
    let o = gongwen(p.path(), &["build"]);
    let e = stderr(&o);
    assert!(!o.status.success());
    assert_eq!(e.matches("no font can draw `𰻞`").count(), 1, "{e}");
    // No document that would print the character as an empty box is written.
    assert!(
        !p.path().join("out/pdf").exists()
            || common::files_below(&p.path().join("out/pdf")).is_empty()
    );
    assert!(
        e.starts_with("content/tasks/2024.yaml:10:17: error: no font can draw `𰻞`"),
        "{e}"
    );
}

#[test]
fn a_task_list_without_categories() {
    let p = project(&[
        ("units.yaml", UNITS),
        (
            "tasks/2024.yaml",
            "title: 空清单\nyear: 2024\ncategories: []\n",
        ),
        ("notices/a.md", NOTICE),
    ]);
    let e = stderr(&gongwen(p.path(), &["check"]));
    assert_eq!(
        e,
        "content/tasks/2024.yaml:1:8: error: the task list has no categories\n  help: list the tasks under `categories:`, each category with a `name:` and its `tasks:`\n"
    );
}

#[test]
fn import_refuses_what_is_not_a_spreadsheet() {
    let p = tasks_project(TASKS);
    std::fs::write(p.path().join("list.txt"), "序号\t工作任务\n").unwrap();
    let o = gongwen(
        p.path(),
        &["import", p.path().join("list.txt").to_str().unwrap()],
    );
    assert!(!o.status.success());
    assert_eq!(
        stderr(&o),
        format!(
            "{}: error: cannot import `.txt` files\n  help: save the table as .xlsx or .csv (UTF-8)\n",
            p.path().join("list.txt").display()
        )
    );
}
