//! Year-end summaries: submissions, their checks, the scaffold, and the compiled report.

use crate::common::{fixture_text, fixture_with, flat, gongwen_en as gongwen, pdf_text, stderr};

/// The year fixture: units, the 2024 task list, a notice and 区交通局's summary.
fn year_project(extra: &[(&str, &str)]) -> tempfile::TempDir {
    fixture_with("year", extra)
}

fn jtj() -> String {
    fixture_text("year/content/submissions/2024/jtj.md")
}

fn xcb() -> String {
    fixture_text("parts/xcb.md")
}

#[test]
fn the_compiled_report_counts_lists_missing_and_marks_late() {
    let p = year_project(&[("submissions/2024/xcb.md", &xcb())]);
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
    assert!(text.contains("合计311001"), "totals row: {text}");
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
fn a_task_with_several_leads_is_done_only_when_all_report_it_done() {
    let tasks = fixture_text("year/content/tasks/2024.yaml")
        .replace("lead: [区交通局]", "lead: [区交通局, 区发展改革委]");
    let p = year_project(&[("tasks/2024.yaml", &tasks)]);
    let o = gongwen(p.path(), &["build"]);
    assert!(o.status.success(), "{}", stderr(&o));
    // 区交通局 says done; 区发展改革委 sent nothing. (Read in drawing order: a cell's lines one
    // after the other, whatever the widths of the columns beside it.)
    let text = flat(&crate::common::pdf_raw_text(
        &p.path().join("out/pdf/2024-年度工作总结汇编.pdf"),
    ));
    assert!(
        text.contains(
            "已完成0项，推进中0项，未启动0项，部分牵头单位未报告1项，尚无牵头单位报告2项。"
        ),
        "{text}"
    );
    assert!(text.contains("合计300012"), "totals row: {text}");
    assert!(text.contains("区交通局：已完成。刊播"), "{text}");
    assert!(text.contains("区发展改革委：未报告。"), "{text}");
    let site = p.path().join("out/site");
    let page = std::fs::read_to_string(site.join("tasks/2024-1.html")).unwrap();
    assert!(
        page.contains("状态：<strong>部分单位未报告</strong>（未报告：区发展改革委）"),
        "{page}"
    );
    let table = std::fs::read_to_string(site.join("tasks.html")).unwrap();
    assert!(
        table.contains("<td class=\"status\" data-label=\"状态\">部分单位未报告</td>"),
        "{table}"
    );
}

#[test]
fn a_submission_pdf_is_a_formal_report() {
    let p = year_project(&[]);
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
    let rare = jtj().replace("全年工作总结。", "全年工作𰻞总结。");
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
    std::fs::remove_file(p.path().join("content/submissions/2024/jtj.md")).unwrap();
    let o = gongwen(
        p.path(),
        &["new", "submission", "区交通局", "--year", "2024"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let path = p.path().join("content/submissions/2024/jtj.md");
    let text = std::fs::read_to_string(&path).unwrap();
    // Task 1 it leads; task 3 it supports through 各区级部门.
    assert!(
        text.contains("- task: t1 # 第1项，牵头\n  text: 在车站刊播公益广告。")
            && text.contains("- task: t3 # 第3项，配合\n  text: 开展明察暗访。"),
        "{text}"
    );
    assert!(!text.contains("task: t2"), "{text}");
    // The unit dates it when it sends it; until then it is not published.
    let c = gongwen(p.path(), &["check"]);
    assert!(!c.status.success());
    assert!(
        stderr(&c).contains("error: `date` is not filled in"),
        "{}",
        stderr(&c)
    );
    // Dated, it checks: warnings for the empty summaries, no errors.
    std::fs::write(&path, text.replace("date: \"\"", "date: 2024-12-20")).unwrap();
    let c = gongwen(p.path(), &["check"]);
    assert!(c.status.success(), "{}", stderr(&c));
    assert!(stderr(&c).contains("warning: task t1 has no summary"));
    std::fs::write(&path, &text).unwrap();
    let again = gongwen(p.path(), &["new", "submission", "jtj", "--year", "2024"]);
    assert!(!again.status.success());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}

#[test]
fn pictures_in_a_summary_are_typeset_and_published_and_bad_ones_are_named() {
    let body = "全年工作总结。\n\n![车站公益广告](photo.png)\n";
    let p = year_project(&[(
        "submissions/2024/jtj.md",
        &jtj().replace("全年工作总结。\n", body),
    )]);
    let dir = p.path().join("content/submissions/2024");
    std::fs::copy(
        crate::common::repo().join("tests/fixtures/parts/photo.png"),
        dir.join("photo.png"),
    )
    .unwrap();
    let o = gongwen(p.path(), &["build"]);
    assert!(o.status.success(), "{}", stderr(&o));
    // In the PDF: the picture (pdfimages lists it at its pixel size) and its caption.
    let pdf = p.path().join("out/pdf/summaries/2024/区交通局.pdf");
    let images = std::process::Command::new("pdfimages")
        .arg("-list")
        .arg(&pdf)
        .output()
        .unwrap();
    let listed = String::from_utf8_lossy(&images.stdout);
    let sizes: Vec<(String, String)> = listed
        .lines()
        .skip(2)
        .map(|l| l.split_whitespace().map(String::from).collect::<Vec<_>>())
        .filter(|f| f.len() > 4)
        .map(|f| (f[3].clone(), f[4].clone()))
        .collect();
    assert!(sizes.contains(&("300".into(), "200".into())), "{listed}");
    assert!(
        flat(&pdf_text(&pdf)).contains("全年工作总结。车站公益广告"),
        "caption under the text"
    );
    // On the site: the picture copied into media/ and shown with its caption.
    let site = p.path().join("out/site");
    let page = std::fs::read_to_string(site.join("summaries/2024/jtj.html")).unwrap();
    let src = page
        .split("<img src=\"")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .unwrap_or_else(|| panic!("{page}"));
    assert!(
        src.starts_with("../../media/") && src.ends_with(".png"),
        "{src}"
    );
    assert_eq!(
        std::fs::read(site.join("summaries/2024").join(src)).unwrap(),
        std::fs::read(dir.join("photo.png")).unwrap()
    );
    assert!(
        page.contains("<figcaption>车站公益广告</figcaption>"),
        "{page}"
    );
    // A missing, disguised, enormous or outside picture is an error naming the line.
    let huge: Vec<u8> = [
        &b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"[..],
        &100_000u32.to_be_bytes(),
        &100_000u32.to_be_bytes(),
        b"\x08\x02\0\0\0\0\0\0\0",
    ]
    .concat();
    std::fs::write(dir.join("huge.png"), huge).unwrap();
    std::fs::write(dir.join("notes.jpg"), "not a picture").unwrap();
    let bad = "全年工作总结。\n\n![甲](missing.jpg)\n\n![乙](notes.jpg)\n\n![丙](huge.png)\n\n![丁](../../units.yaml)\n";
    std::fs::write(dir.join("jtj.md"), jtj().replace("全年工作总结。\n", bad)).unwrap();
    let o = gongwen(p.path(), &["check"]);
    let e = stderr(&o);
    assert!(!o.status.success());
    for want in [
        "content/submissions/2024/jtj.md:14:1: error: the picture `missing.jpg` is not there",
        "content/submissions/2024/jtj.md:16:1: error: `notes.jpg` is not a PNG, JPEG, GIF or WebP picture",
        "content/submissions/2024/jtj.md:18:1: error: the picture `huge.png` is 100000×100000 pixels",
        "content/submissions/2024/jtj.md:20:1: error: the picture `../../units.yaml` is not a file beside this one",
    ] {
        assert!(e.contains(want), "missing {want:?} in:\n{e}");
    }
}

/// A unit whose name makes its chapter heading three lines long, supporting task 1 and
/// reporting on it.
const LONG_NAME: &str = "重庆市沙坪坝区优化营商环境工作领导小组办公室暨区发展和改革委员会营商环境建设与政务服务协调推进专项工作组";

#[test]
fn a_report_chapter_is_the_summarys_own_pages_with_the_reports_heading_and_numbers() {
    use crate::pdf::{Page, pages};
    let units = fixture_text("year/content/units.yaml").replace(
        "groups:\n",
        &format!("  - id: zzb\n    name: {LONG_NAME}\ngroups:\n"),
    );
    let tasks = fixture_text("year/content/tasks/2024.yaml").replace(
        "        lead: [区交通局]\n",
        &format!("        lead: [区交通局]\n        support: [{LONG_NAME}]\n"),
    );
    let zzb = format!(
        "---\nunit: {LONG_NAME}\ndate: 2024-12-21\ntasks:\n  - task: t1\n    status: 已完成\n    summary: 配合刊播广告。\n---\n全年配合交通局开展宣传。\n"
    );
    let p = year_project(&[
        ("units.yaml", &units),
        ("tasks/2024.yaml", &tasks),
        ("submissions/2024/zzb.md", &zzb),
    ]);
    let o = gongwen(p.path(), &["build", "--no-site", "--no-docx"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = p.path().join("out/pdf");
    let report = pages(&out.join("2024-年度工作总结汇编.pdf"));
    let number = |page: &Page| {
        let lines = page.lines();
        let last = lines.last().map(|l| l.text.clone()).unwrap_or_default();
        last.trim_matches('—').parse::<usize>().ok()
    };
    let body = |page: &Page| -> Vec<String> {
        let mut lines: Vec<String> = page.lines().into_iter().map(|l| l.text).collect();
        if number(page).is_some() {
            lines.pop();
        }
        lines
    };
    // The report's numbers run on through the chapters, one a page.
    let numbers: Vec<usize> = report[2..].iter().filter_map(number).collect();
    assert_eq!(numbers, (1..=report.len() - 2).collect::<Vec<_>>());

    // 区交通局's chapter: its heading, then exactly the lines of its own PDF, page for page.
    let own = pages(&out.join("summaries/2024/区交通局.pdf"));
    // (The contents, page 2, list the heading with its page number.)
    let heading = |p: &Page, h: &str| body(p).iter().position(|l| l == h);
    let first = (2..report.len())
        .find(|&i| heading(&report[i], "（一）区交通局").is_some())
        .expect("区交通局's chapter");
    for (i, page) in own.iter().enumerate() {
        let mut chapter = body(&report[first + i]);
        if i == 0 {
            // Below the headings (the first chapter shares its page with 四、各单位工作总结).
            let h = heading(&report[first], "（一）区交通局").unwrap();
            chapter.drain(..=h);
        }
        assert_eq!(chapter, body(page), "page {} of 区交通局's summary", i + 1);
    }

    // The long heading needs three lines: the chapter is typeset in the report, its heading
    // and title apart, never over each other.
    let at = (2..report.len())
        .find(|&i| {
            body(&report[i])
                .iter()
                .any(|l| l.starts_with("（二）重庆市沙坪坝区"))
        })
        .expect("the long-named unit's chapter");
    let lines = report[at].lines();
    let heading = lines
        .iter()
        .position(|l| l.text.starts_with("（二）"))
        .unwrap();
    let title = lines
        .iter()
        .position(|l| l.text.contains("工作总结"))
        .expect("its title on the chapter's first page");
    assert!(title >= heading + 3, "{lines:#?}");
    for pair in lines.windows(2) {
        assert!(pair[1].y0 >= pair[0].y1 - 0.5, "lines overlap: {pair:#?}");
    }
}

/// Gives the project its own report template, leaving a page for a chapter gongwen has no
/// pages for (the report cannot be typeset).
fn leave_a_stray_report_page(root: &std::path::Path) {
    crate::common::own_typst_template(root, "report.typ", |t| {
        format!("{t}\n#pagebreak()\n#(gw.borrowed)(99, 1)\n")
    });
}

#[test]
fn a_report_template_leaving_pages_for_no_summary_is_an_error_not_blank_pages() {
    let p = year_project(&[]);
    leave_a_stray_report_page(p.path());
    let o = gongwen(p.path(), &["build"]);
    assert!(!o.status.success());
    let e = stderr(&o);
    assert!(
        e.contains("templates/typst/report.typ: error: the year report template leaves pages with gw.borrowed(99, …) but gongwen has no typeset pages to set there"),
        "{e}"
    );
    let out = p.path().join("out/pdf");
    assert!(!out.join("2024-年度工作总结汇编.pdf").exists());
    // The summaries are still built.
    assert!(out.join("summaries/2024/区交通局.pdf").is_file(), "{e}");
}

/// The site is rendered while the year report is typeset; a report that then fails must leave
/// the site published before as it was, with no staging folder behind.
#[test]
fn a_year_report_failing_after_the_site_was_rendered_leaves_the_site_as_it_was() {
    let p = year_project(&[]);
    assert!(gongwen(p.path(), &["build"]).status.success());
    let site = p.path().join("out/site");
    let before = crate::common::contents_below(&site);
    // A summary edited (its pages in the site change) and a report that cannot be typeset.
    let file = p.path().join("content/submissions/2024/jtj.md");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replace("完成", "已完成")).unwrap();
    leave_a_stray_report_page(p.path());
    let o = gongwen(p.path(), &["build"]);
    assert!(!o.status.success());
    assert!(
        before == crate::common::contents_below(&site),
        "the site changed although the build failed"
    );
    let leftovers = crate::common::leftovers_in(&p.path().join("out"));
    assert!(leftovers.is_empty(), "left behind: {leftovers:?}");
}
