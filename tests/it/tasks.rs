//! The task list: units registry, checks, `gongwen tasks`, and the spreadsheet round trip.

use crate::common::{fixture_text, fixture_with, gongwen_en as gongwen, stderr};

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
    let text = crate::common::pdf_raw_text(&p.path().join("out/pdf/某府办发〔2024〕7号.pdf"));
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
    // In Chinese, as the office reads it.
    let o = crate::common::gongwen(p.path(), &["tasks", "--unit", "jtj"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.starts_with("区交通局 (jtj)\n所属分组：各区级部门\n"),
        "{out}"
    );
    // Leads 1 directly and 2 through 各区级部门; supports 3.
    assert!(out.contains("牵头：2 项\n     1  在车站刊播公益广告。\n     2  组织专题发布会。\n  配合：1 项\n     3  开展明察暗访。"), "{out}");
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

/// A task whose text and units run to many lines, after `before` short tasks: a list whose long
/// row falls at a different place of its pages for each `before`.
fn long_row_list(before: usize, text: &str, units: &[&str]) -> String {
    let mut yaml = String::from(
        "title: 2024年重点工作任务清单\nyear: 2024\ncategories:\n  - name: 宣传\n    tasks:\n",
    );
    for _ in 0..before {
        yaml.push_str("      - text: 开展检查。\n        lead: [区交通局]\n");
    }
    yaml.push_str(&format!(
        "      - text: {text}\n        lead: [区交通局]\n        support: [{}]\n",
        units.join(", ")
    ));
    yaml
}

/// The lines of a cell whose text is `whole`, across pages: on each page, the words in the band
/// of the column that holds pieces of it, grouped by baseline, the groups that hold a piece of
/// it (of two characters or more) kept in drawing order.
fn cell_lines(pdf: &std::path::Path, whole: &str) -> Vec<String> {
    let mut lines = Vec::new();
    for page in crate::pdf::drawn_pages(pdf) {
        let turned = page.turned();
        // (across the line, along the line) for a word.
        let axes = |w: &crate::pdf::Word| {
            if turned {
                ((w.x1, w.x1), (w.y0, w.y1))
            } else {
                ((w.y1, w.y1), (w.x0, w.x1))
            }
        };
        let piece =
            |w: &crate::pdf::Word| w.text.chars().count() > 1 && whole.contains(w.text.as_str());
        let pieces: Vec<&crate::pdf::Word> = page.words.iter().filter(|w| piece(w)).collect();
        if pieces.is_empty() {
            continue;
        }
        // A mark ending a line is set half wide, its box reaching half a character beyond.
        let lo = pieces
            .iter()
            .map(|w| axes(w).1.0)
            .fold(f64::INFINITY, f64::min)
            - 7.0;
        let hi = pieces
            .iter()
            .map(|w| axes(w).1.1)
            .fold(f64::NEG_INFINITY, f64::max)
            + 7.0;
        let mut groups: Vec<(f64, String, bool)> = Vec::new();
        for w in page
            .words
            .iter()
            .filter(|w| axes(w).1.0 >= lo && axes(w).1.1 <= hi)
        {
            let b = axes(w).0.0;
            match groups.iter_mut().find(|g| (g.0 - b).abs() < 1.0) {
                Some(g) => {
                    g.1.push_str(&w.text);
                    g.2 |= piece(w);
                }
                None => groups.push((b, w.text.clone(), piece(w))),
            }
        }
        lines.extend(groups.into_iter().filter(|g| g.2).map(|g| g.1));
    }
    lines
}

#[test]
fn a_row_split_across_pages_keeps_the_lines_it_has_whole() {
    let text = "推进政务服务“一网通办”，优化营商环境（试点）、加强事中事后监管。".repeat(12);
    let names = [
        "中国电信沙坪坝分公司",
        "中国移动沙坪坝分公司",
        "中国联通沙坪坝分公司",
        "区住建委",
        "区城管局",
        "区商务委",
        "区市场监管局",
        "有关园区平台",
    ];
    let mut units = fixture_text("tasks/content/units.yaml");
    for (i, n) in names.iter().enumerate() {
        units = units.replace(
            "groups:\n",
            &format!("  - id: u{i}\n    name: {n}\ngroups:\n"),
        );
    }
    let support = names.join("、");
    let notice = fixture_text("tasks/content/notices/a.md");
    let sweep: Vec<usize> = (0..=16).collect();
    let mut files = vec![("units.yaml".to_string(), units)];
    for &k in &sweep {
        files.push((format!("tasks/l{k}.yaml"), long_row_list(k, &text, &names)));
        files.push((
            format!("notices/n{k}.md"),
            notice
                .replace("7号", &format!("{}号", 100 + k))
                .replace("tasks/2024.yaml", &format!("tasks/l{k}.yaml")),
        ));
    }
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let p = fixture_with("tasks", &refs);
    let o = gongwen(p.path(), &["build", "--no-site"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let pdf = |k: usize| {
        p.path()
            .join(format!("out/pdf/某府办发〔2024〕{}号.pdf", 100 + k))
    };
    // With nothing before it the row stands whole on the table's first page.
    let (whole_text, whole_units) = (cell_lines(&pdf(0), &text), cell_lines(&pdf(0), &support));
    assert_eq!(whole_text.concat(), text);
    assert_eq!(whole_units.concat(), support);
    let mut split = 0;
    for &k in &sweep[1..] {
        let pages = crate::pdf::drawn_pages(&pdf(k));
        let holding: Vec<usize> = (0..pages.len())
            .filter(|&i| {
                pages[i]
                    .words
                    .iter()
                    .any(|w| text.contains(w.text.as_str()) && w.text.chars().count() > 3)
            })
            .collect();
        split += usize::from(holding.len() > 1);
        assert_eq!(
            cell_lines(&pdf(k), &text),
            whole_text,
            "{k} short rows before it"
        );
        assert_eq!(
            cell_lines(&pdf(k), &support),
            whole_units,
            "{k} short rows before it"
        );
    }
    assert!(
        split >= 8,
        "the sweep splits the row on most steps ({split})"
    );
}

/// Characters without marks for generated cell text, none of them in the fixture's notice or units.
const POOL: &str = "春夏秋冬东西南北山川河海星辰风雨雷电江湖草木花果鸟兽虫鱼金银铜铁松竹梅兰菊";

fn run(n: usize, from: usize) -> String {
    let pool: Vec<char> = POOL.chars().collect();
    (0..n).map(|k| pool[(from + k) % pool.len()]).collect()
}

/// Word's line ends in a table cell (推入/推出): where the characters that did not fit begin with
/// closing marks, the line takes them in when compressing its own full-width marks to half a 字
/// makes room for them, and otherwise gives its last character to the next line. Asserted on a
/// task text of our own in the default 工作任务 column (31¼ characters), one situation a line.
#[test]
fn a_cell_line_takes_closing_marks_in_only_where_its_own_marks_make_room() {
    let want = [
        // 31 characters with two marks of its own, then ；: the two halves make its room.
        format!("{}，{}、{}；", run(14, 0), run(8, 1), run(7, 2)),
        // 31 characters with one mark, then 。: half a 字 is not enough, so 。 takes the 31st
        // character with it to the next line.
        format!("{}，{}", run(20, 3), run(9, 4)),
        // That character and 。, then 31 in all with three marks of its own, then the pair ”、
        // (set as one and a half 字): the three halves make room for it.
        format!(
            "{}。{}、{}“{}”、",
            run(1, 13),
            run(12, 5),
            run(8, 6),
            run(7, 7)
        ),
        // 31 characters without a mark, then 、: no room, the 31st goes down with it.
        run(30, 8),
        format!("{}、{}。", run(1, 38), run(10, 9)),
    ];
    let text: String = want.concat();
    // The 配合单位 column (7¾ characters) by the same rule: 7 characters with a 、 of their own
    // take the next 、 in; 7 without one give their 7th to the next line.
    let unit = |n: usize, from: usize| -> String {
        "甲乙丙丁戊己庚辛壬癸子丑寅卯巳午未申酉亥"
            .chars()
            .skip(from)
            .take(n)
            .collect()
    };
    let names = [
        unit(2, 0) + "局",
        unit(3, 2),
        unit(6, 5) + "局",
        unit(2, 11) + "局",
    ];
    let want_units = [
        format!("{}、{}、", names[0], names[1]),
        unit(6, 5),
        format!("局、{}", names[3]),
    ];
    let mut units = fixture_text("tasks/content/units.yaml");
    for (i, n) in names.iter().enumerate() {
        units = units.replace(
            "groups:\n",
            &format!("  - id: g{i}\n    name: {n}\ngroups:\n"),
        );
    }
    let yaml = format!(
        "title: 2024年重点工作任务清单\nyear: 2024\ncategories:\n  - name: 宣传\n    tasks:\n      - text: {text}\n        lead: [区交通局]\n        support: [{}]\n",
        names.join(", ")
    );
    let p = fixture_with(
        "tasks",
        &[("tasks/2024.yaml", &yaml), ("units.yaml", &units)],
    );
    let o = gongwen(p.path(), &["build", "--no-site"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let pdf = p.path().join("out/pdf/某府办发〔2024〕7号.pdf");
    assert_eq!(
        cell_lines(&pdf, &text),
        want,
        "the task's lines as Word breaks them"
    );
    assert_eq!(
        cell_lines(&pdf, &want_units.concat()),
        want_units,
        "the units' lines as Word breaks them"
    );
}

#[test]
fn the_table_pages_setting_survives_the_spreadsheet_round_trip() {
    let yaml = tasks_yaml().replace(
        "due: 2024-12-31\n",
        "due: 2024-12-31\ntable:\n  pages: landscape\n",
    );
    let p = tasks_project(&yaml);
    let o = gongwen(p.path(), &["export"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let back = p.path().join("back.yaml");
    let xlsx = p.path().join("out/tasks/2024.xlsx");
    let o = gongwen(
        p.path(),
        &[
            "import",
            xlsx.to_str().unwrap(),
            "--output",
            back.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let got = std::fs::read_to_string(&back).unwrap();
    assert!(got.contains("pages: landscape"), "{got}");
}
