//! The details a 文秘 circles before printing (issue 10, part 5): each checked where it stands on
//! the page, through the words' boxes.

use std::sync::OnceLock;

use crate::common::{fixture_text, gongwen, notice, project, stderr};
use crate::pdf::{self, MM};

/// Builds the minimal project with its notice changed by `f`; the notice's PDF pages.
fn notice_pages(f: impl Fn(String) -> String) -> Vec<pdf::Page> {
    let p = project(&[("notices/a.md", &f(notice()))]);
    let o = gongwen(p.path(), &["build", "--no-site"]);
    assert!(o.status.success(), "{}", stderr(&o));
    pdf::pages(&p.path().join("out/pdf/某府办发〔2024〕7号.pdf"))
}

#[test]
fn a_long_cc_list_starts_after_its_label_and_wraps_under_the_first_organ() {
    let cc = "市委办公室，市人大常委会办公室，市政府办公室，市政协办公室，市纪委监委办公室，市中级人民法院，市人民检察院";
    let pages = notice_pages(|n| {
        n.replace(
            "date: 2024-11-20\n",
            &format!("date: 2024-11-20\ncc: {cc}\nprinted_by: 某某区人民政府办公室\nprinted_date: 2024-11-21\n"),
        )
    });
    let last = pages.last().unwrap();
    let lines = last.lines();
    let first = lines
        .iter()
        .position(|l| l.text.contains("抄送"))
        .expect("a 抄送 line");
    let (label, next) = (&lines[first], &lines[first + 1]);
    assert!(
        label.text.starts_with("抄送：市委办公室，"),
        "the label starts the first line: {lines:#?}"
    );
    // 左空一字 (one 字 of the grid) from the 版心's left edge (28 mm).
    assert!(
        (label.x0 - (28.0 * MM + 156.0 * MM / 28.0)).abs() < 0.5,
        "{label:?}"
    );
    // The continuation stands under the first organ: three full-width characters in, so the
    // colon keeps its full width.
    assert!(
        (next.x0 - (label.x0 + 3.0 * 14.0)).abs() < 0.5,
        "continuation at {} not under the first organ ({}): {lines:#?}",
        next.x0,
        label.x0 + 42.0
    );
    let all: String = lines[first..].iter().map(|l| l.text.as_str()).collect();
    assert!(all.contains(&format!("抄送：{cc}。")), "{all}");
}

/// The year fixture with units whose names a narrow column would break (中国移动沙坪坝分公司,
/// 区经济信息委（大数据局）) leading and supporting a fourth task, and two summaries: its
/// compilation's pages, built once for the tests here.
fn report_pages() -> &'static [pdf::Page] {
    static PAGES: OnceLock<Vec<pdf::Page>> = OnceLock::new();
    PAGES.get_or_init(|| {
        let units = fixture_text("year/content/units.yaml").replace(
            "groups:\n",
            "  - id: yd\n    name: 中国移动沙坪坝分公司\n  - id: jxw\n    name: 区经济信息委（大数据局）\n  - id: zfb\n    name: 区政府办公室\ngroups:\n",
        );
        let tasks = fixture_text("year/content/tasks/2024.yaml")
            + "      - id: t4\n        text: 推进区级部门之间数据共享互认，打通系统联通瓶颈，推动各项政务服务由网上可办转向一网通办。\n        lead: [区政府办公室, 区经济信息委（大数据局）, 区交通局]\n        support: [中国移动沙坪坝分公司]\n";
        let p = crate::common::fixture_with(
            "year",
            &[
                ("units.yaml", &units),
                ("tasks/2024.yaml", &tasks),
                ("submissions/2024/xcb.md", &fixture_text("parts/xcb.md")),
            ],
        );
        let o = gongwen(p.path(), &["build", "--no-site"]);
        assert!(o.status.success(), "{}", stderr(&o));
        pdf::pages(&p.path().join("out/pdf/2024-年度工作总结汇编.pdf"))
    })
}

/// The lines of the compilation's body (after the cover and contents).
fn report_body() -> Vec<pdf::Line> {
    report_pages()[2..].iter().flat_map(|p| p.lines()).collect()
}

/// The "— n —" at the foot of a page, if any.
fn page_number(page: &pdf::Page) -> Option<String> {
    page.lines()
        .into_iter()
        .filter(|l| l.y0 > page.height - 35.0 * MM)
        .map(|l| l.text)
        .find(|t| t.starts_with('—') && t.ends_with('—'))
}

#[test]
fn a_compilation_numbers_its_body_not_its_cover_and_contents() {
    let pages = report_pages();
    assert!(pages[1].text().contains("目录"), "page 2 is the contents");
    assert_eq!(page_number(&pages[0]), None, "the cover has no number");
    assert_eq!(page_number(&pages[1]), None, "the contents have no number");
    assert!(pages[2].text().starts_with("一、总体情况"));
    assert_eq!(page_number(&pages[2]).as_deref(), Some("—1—"));
    assert_eq!(page_number(&pages[3]).as_deref(), Some("—2—"));
    // The contents give the body's numbers.
    let contents = pages[1].lines();
    let first = contents
        .iter()
        .find(|l| l.text.starts_with("一、总体情况"))
        .unwrap();
    assert!(first.text.ends_with('1'), "{first:?}");
}

#[test]
fn the_chart_has_a_caption_under_it() {
    let pages = report_pages();
    let legend = pages[2]
        .line_with("已完成推进中未启动")
        .expect("the legend");
    let caption = pages[2]
        .line_with("图1")
        .expect("a caption on the chart's page");
    assert_eq!(caption.text, "图1各类别任务进展情况（单位：项）");
    assert!(caption.y0 > legend.y1, "the caption stands under the chart");
    // Centred on the 版心 (the closing mark that ends the line is set half wide, which poppler's
    // box does not show: up to a quarter of a 4号 character off).
    let centre = 28.0 * MM + 78.0 * MM;
    assert!(
        ((caption.x0 + caption.x1) / 2.0 - centre).abs() < 4.0,
        "{caption:?}"
    );
}

#[test]
fn the_xuhao_header_stays_on_one_line() {
    let header = report_body()
        .into_iter()
        .find(|l| l.text.contains("工作任务") && l.text.contains("完成情况"))
        .expect("the task table's header");
    assert_eq!(header.text, "序号工作任务牵头单位完成情况", "{header:?}");
}

#[test]
fn report_tables_break_unit_lists_only_between_units() {
    let body = report_body();
    let on_a_line = |s: &str| body.iter().any(|l| l.text.contains(s));
    for name in ["中国移动沙坪坝分公司", "区政府办公室、"] {
        assert!(on_a_line(name), "{name} broken across lines: {body:#?}");
    }
    // A name wider than the task table's unit column (30 % of the line, so the task texts keep
    // their room) breaks only before its bracketed part.
    assert!(
        on_a_line("区经济信息委（大数据局）、")
            || (on_a_line("区经济信息委") && on_a_line("（大数据局）、")),
        "区经济信息委（大数据局） broken inside a word: {body:#?}"
    );
    // The task texts keep lines of nine characters or more.
    let first = report_pages()[2..]
        .iter()
        .flat_map(|p| p.words.iter())
        .find(|w| w.text.starts_with("推进区级部门"))
        .expect("task 4's text");
    assert!(first.text.chars().count() >= 9, "{first:?}");
}

#[test]
fn dates_in_the_reporting_table_stay_on_one_line() {
    // The section 三、报送情况, up to the summaries (whose signatures carry the dates too).
    let body = report_body();
    let from = body.iter().position(|l| l.text == "三、报送情况").unwrap();
    let to = body
        .iter()
        .position(|l| l.text == "四、各单位工作总结")
        .unwrap();
    let table = &body[from..to];
    for date in ["2024年12月20日", "2025年1月6日"] {
        assert!(
            table.iter().any(|l| l.text.contains(date)),
            "{date} broken across lines: {table:#?}"
        );
    }
}

#[test]
fn the_gongzuo_renwu_header_is_centred_like_the_others() {
    // Centred over its column, not set flush left as the task texts are.
    let page = report_pages()[2..]
        .iter()
        .find(|p| p.text().contains("二、任务完成情况"))
        .unwrap();
    let head = page
        .words
        .iter()
        .find(|w| w.text == "工作任务")
        .expect("工作任务 as a word of its own");
    let text = page
        .words
        .iter()
        .find(|w| w.text.starts_with("在车站"))
        .expect("task 1's text");
    assert!(
        head.x0 > text.x0 + 10.0,
        "工作任务 at {} is flush left with the texts ({})",
        head.x0,
        text.x0
    );
}

/// The lines of a page set in the 2号 title size (22 pt boxes).
fn title_lines(page: &pdf::Page) -> Vec<String> {
    page.lines()
        .into_iter()
        .filter(|l| ((l.y1 - l.y0) - 22.0).abs() < 0.5)
        .map(|l| l.text)
        .collect()
}

#[test]
fn a_title_keeps_its_bracketed_phrase_whole_and_no_line_ends_with_an_opening_mark() {
    for (title, phrase) in [
        (
            "关于印发某某区优化营商环境若干措施（征求意见稿）的通知",
            "（征求意见稿）",
        ),
        (
            "某某区交通局2024年度优化营商环境工作总结（示例）",
            "（示例）",
        ),
    ] {
        let pages = notice_pages(|n| {
            n.replace(
                "title: 某某区人民政府办公室关于做好年度工作总结的通知",
                &format!("title: {title}"),
            )
        });
        let lines = title_lines(&pages[0]);
        assert_eq!(lines.concat(), title, "{lines:?}");
        assert!(lines.len() > 1, "{lines:?}");
        assert!(
            lines.iter().all(|l| !l.ends_with(['（', '《', '“'])
                && !l.starts_with(['）', '》', '”', '，', '、'])),
            "{lines:?}"
        );
        assert!(lines.iter().any(|l| l.contains(phrase)), "{lines:?}");
    }
}
