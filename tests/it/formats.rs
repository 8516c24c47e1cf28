//! Joint issuing and the special formats of GB/T 9704 §10 (tests/fixtures/formats): each
//! notice's elements where a reader looks for them.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use crate::common::{fixture, gongwen, stderr};
use crate::pdf::{self, Line, MM, is_black, is_red};

/// The formats fixture, checked and built once for every test here.
fn built() -> &'static Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| {
        let p = fixture("formats");
        let c = gongwen(p.path(), &["check"]);
        assert!(c.status.success(), "{}", stderr(&c));
        assert_eq!(stderr(&c), "", "check passes without warnings");
        let o = gongwen(p.path(), &["build"]);
        assert!(o.status.success(), "{}", stderr(&o));
        p
    })
    .path()
}

fn pdf(name: &str) -> PathBuf {
    built().join("out/pdf").join(name)
}

/// The 版心's edges, in points from the paper's left and top edges.
const LEFT: f64 = 28.0 * MM;
const RIGHT: f64 = (28.0 + 156.0) * MM;
const TOP: f64 = 37.0 * MM;
/// One 字 and one 行 of the grid.
const CELL: f64 = 156.0 * MM / 28.0;
const PITCH: f64 = 225.0 * MM / 22.0;

fn centre(l: &Line) -> f64 {
    (l.x0 + l.x1) / 2.0
}

fn near(a: f64, b: f64, tolerance: f64) -> bool {
    (a - b).abs() <= tolerance
}

/// The words of a page containing `s`, left to right.
fn word(page: &pdf::Page, s: &str) -> pdf::Word {
    page.words
        .iter()
        .find(|w| w.text.contains(s))
        .unwrap_or_else(|| panic!("no word {s:?} on the page: {:#?}", page.lines()))
        .clone()
}

/// Groups rule rows (mm from the top, length) into rules: (top, bottom, length) each.
fn group(rows: &[(f64, f64)]) -> Vec<(f64, f64, f64)> {
    let mut out: Vec<(f64, f64, f64)> = Vec::new();
    for &(y, len) in rows {
        match out.last_mut() {
            Some(r) if y - r.1 < 0.3 => {
                r.1 = y;
                r.2 = r.2.max(len);
            }
            _ => out.push((y, y, len)),
        }
    }
    out
}

#[test]
fn a_joint_mark_stacks_the_names_host_first_with_wenjian_centred_beside_them() {
    let pages = pdf::pages(&pdf("某府发〔2024〕5号.pdf"));
    let host = word(&pages[0], "某某区人民政府");
    let other = word(&pages[0], "某某区人民武装部");
    let wenjian = word(&pages[0], "文件");
    assert!(
        host.y1 < other.y0,
        "the host organ first, the other below it"
    );
    // Both names spread to one width, 文件 to their right, centred on the two lines.
    assert!(
        near(host.x0, other.x0, 1.0) && near(host.x1, other.x1, 2.0),
        "{host:?} {other:?}"
    );
    assert!(wenjian.x0 > host.x1, "文件 beside the names");
    let middle = (host.y0 + other.y1) / 2.0;
    assert!(
        near((wenjian.y0 + wenjian.y1) / 2.0, middle, 1.5),
        "{wenjian:?} not centred on {middle}"
    );
    // The mark as a whole centred on the 版心, its top edge 35 mm below the 版心's top.
    assert!(near(
        (host.x0 + wenjian.x1) / 2.0,
        (LEFT + RIGHT) / 2.0,
        1.0
    ));
    assert!(
        near(host.y0, TOP + 35.0 * MM, 1.5),
        "mark top at {} mm",
        host.y0 / MM
    );
    // The title sets the issuers' names apart, on a line of their own above the rest.
    let titles: Vec<String> = pages[0]
        .lines()
        .into_iter()
        .filter(|l| near(l.y1 - l.y0, 22.0, 0.5))
        .map(|l| l.text)
        .collect();
    assert_eq!(
        titles,
        [
            "某某区人民政府某某区人民武装部",
            "关于做好2024年度征兵工作的通知"
        ]
    );
    // In red 小标宋 (the embedded title face is FandolSong).
    let runs = pdf::runs(&pdf("某府发〔2024〕5号.pdf"));
    let mark = runs.iter().find(|r| r.text == "文件").unwrap();
    assert!(
        mark.family.contains("FandolSong") && mark.color == "#f04237",
        "{mark:?}"
    );
}

#[test]
fn joint_sealed_signatures_stand_side_by_side_with_the_date_under_the_last() {
    let pages = pdf::pages(&pdf("某府发〔2024〕5号.pdf"));
    let last = pages.last().unwrap();
    let lines = last.lines();
    let names = lines
        .iter()
        .find(|l| l.text.contains("某某区人民政府") && l.text.contains("某某区人民武装部"))
        .unwrap_or_else(|| panic!("the two 署名 on one line: {lines:#?}"));
    assert!(
        names.text.starts_with("某某区人民政府"),
        "host first: {names:?}"
    );
    let date = last.line_with("2024年3月1日").unwrap();
    assert!(
        near(date.y0 - names.y0, PITCH, 1.0),
        "the date on the next line"
    );
    // The date 右空四字; the last name centred over it, so its seal presses both.
    assert!(near(date.x1, RIGHT - 4.0 * CELL, 1.0), "{date:?}");
    let other = word(last, "某某区人民武装部");
    assert!(
        near((other.x0 + other.x1) / 2.0, centre(&date), 1.0),
        "{other:?} {date:?}"
    );
    // Room for two seals (42 mm) that do not touch, inside the 版心.
    let host = word(last, "某某区人民政府");
    let (a, b) = ((host.x0 + host.x1) / 2.0, (other.x0 + other.x1) / 2.0);
    assert!(b - a >= 42.0 * MM && a >= LEFT + 21.0 * MM - 1.0, "{a} {b}");
}

#[test]
fn four_sealed_organs_sign_three_in_a_row_and_the_fourth_over_the_date() {
    let pages = pdf::pages(&pdf("某发改发〔2024〕8号.pdf"));
    let last = pages.last().unwrap();
    let row = last
        .line_with("区发展改革委")
        .expect("the first row of names");
    assert_eq!(row.text, "区发展改革委区财政局区商务委");
    let fourth = last.line_with("区市场监管局").unwrap();
    let date = last.line_with("2024年4月10日").unwrap();
    assert!(
        fourth.y0 - row.y0 >= 4.5 * PITCH,
        "rows far enough apart for the seals"
    );
    assert!(near(date.y0 - fourth.y0, PITCH, 1.0));
    assert!(near(centre(&fourth), centre(&date), 1.0));
    let third = word(last, "区商务委");
    assert!(
        near((third.x0 + third.x1) / 2.0, centre(&fourth), 1.0),
        "columns line up"
    );
    assert!(row.x0 >= LEFT - 0.5, "inside the 版心");
}

#[test]
fn joint_unsealed_signatures_are_stacked_host_first() {
    let pages = pdf::pages(&pdf("某府办发〔2024〕9号.pdf"));
    let last = pages.last().unwrap();
    // The last lines naming them: the mark names them too.
    let lines = last.lines();
    let named = |s: &str| lines.iter().rev().find(|l| l.text == s).unwrap().clone();
    let (host, other) = (named("某某区人民政府办公室"), named("某某区应急管理局"));
    let date = last.line_with("2024年5月20日").unwrap();
    assert!(
        near(other.y0 - host.y0, PITCH, 1.0) && near(date.y0 - other.y0, PITCH, 1.0),
        "{host:?} {other:?} {date:?}"
    );
    assert!(near(host.x0, other.x0, 0.5), "the names aligned");
    // The longest name 右空二字, the date two 字 right of the names.
    assert!(near(host.x1, RIGHT - 2.0 * CELL, 1.0), "{host:?}");
    assert!(near(date.x0, host.x0 + 2.0 * CELL, 1.0), "{date:?}");
}

#[test]
fn a_letter_has_its_mark_30mm_down_double_rules_and_no_number_on_page_1() {
    let file = pdf("某府办函〔2024〕12号.pdf");
    let pages = pdf::pages(&file);
    assert!(pages.len() >= 2, "the fixture letter runs to a second page");
    let mark = word(&pages[0], "某某区人民政府办公室");
    assert!(
        near(mark.y0, 30.0 * MM, 1.5),
        "mark top at {} mm",
        mark.y0 / MM
    );
    // The red double rules: thick over thin 4 mm below the mark, thin over thick 20 mm above the
    // paper's bottom edge, both 170 mm long.
    let red = group(&pdf::rules(&file, 1, 300, is_red));
    assert_eq!(red.len(), 4, "two double rules: {red:?}");
    for r in &red {
        assert!(near(r.2, 170.0, 1.0), "{red:?}");
    }
    let (top_thick, top_thin) = (red[0].1 - red[0].0, red[1].1 - red[1].0);
    assert!(top_thick > top_thin, "thick over thin: {red:?}");
    assert!(
        near(red[0].0, mark.y1 / MM + 4.0, 1.0),
        "{red:?} mark bottom {}",
        mark.y1 / MM
    );
    let (foot_thin, foot_thick) = (red[2].1 - red[2].0, red[3].1 - red[3].0);
    assert!(foot_thin < foot_thick, "thin over thick: {red:?}");
    assert!(near(red[3].1, 297.0 - 20.0, 0.6), "{red:?}");
    // The 发文字号 顶格 at the 版心's right edge, just under the rule; the title two lines below.
    let number = pages[0].line_with("某府办函").unwrap();
    assert!(near(number.x1, RIGHT, 1.0), "{number:?}");
    assert!(
        number.y0 > red[1].1 * MM && number.y0 < red[1].1 * MM + 16.0,
        "{number:?}"
    );
    let title = pages[0].line_with("关于商请支持").unwrap();
    assert!(title.y0 > number.y1 + 1.5 * PITCH, "{title:?}");
    // No number on page 1; page 2 numbered as usual (even: left).
    let foot = |p: &pdf::Page| {
        p.lines()
            .into_iter()
            .find(|l| l.y0 > (37.0 + 225.0) * MM && l.text.starts_with('—'))
    };
    assert!(foot(&pages[0]).is_none(), "page 1 carries no number");
    let two = foot(&pages[1]).expect("page 2 is numbered");
    assert_eq!(two.text, "—2—");
    assert!(near(two.x0, LEFT + CELL, 1.0), "{two:?}");
    // The 版记: 抄送 without rules or 印发 line.
    let last = pages.len();
    assert!(
        pages[last - 1]
            .text()
            .contains("抄送：区发展改革委，区财政局。")
    );
    assert!(!pages[last - 1].text().contains("印发"));
    assert!(
        group(&pdf::rules(&file, last, 300, is_black)).is_empty(),
        "no 版记 rules on a letter"
    );
}

#[test]
fn an_order_has_its_mark_20mm_down_the_order_number_and_a_signature_stamp() {
    let pages = pdf::pages(&pdf("某某区人民政府令第5号.pdf"));
    let mark = word(&pages[0], "某某区人民政府令");
    assert!(
        near(mark.y0, TOP + 20.0 * MM, 1.5),
        "mark top at {} mm",
        mark.y0 / MM
    );
    let number = pages[0].line_with("第5号").unwrap();
    assert!(near(centre(&number), (LEFT + RIGHT) / 2.0, 1.0));
    assert!(
        number.y0 > mark.y1 + 2.0 * PITCH - 14.0,
        "two blank lines below the mark"
    );
    // No title; the body two blank lines below the 令号.
    assert!(
        pages[0]
            .lines()
            .iter()
            .all(|l| !near(l.y1 - l.y0, 22.0, 0.5)),
        "no title printed (no line in the 2号 title size)"
    );
    let body = pages[0].line_with("《某某区城市绿化管理办法》").unwrap();
    assert!(
        near(body.y0 - number.y0, 3.0 * PITCH, 1.0),
        "{body:?} {number:?}"
    );
    // 区长 two 字 left of the name, the name 右空四字; the date one blank line below, 右空四字.
    let sign = pages[0].line_with("张三").unwrap();
    assert_eq!(sign.text, "区长张三");
    let name = word(&pages[0], "张三");
    assert!(near(name.x1, RIGHT - 4.0 * CELL, 1.0), "{name:?}");
    let title = word(&pages[0], "区长");
    assert!(
        near(name.x0 - title.x1, 2.0 * CELL, 1.0),
        "{title:?} {name:?}"
    );
    let date = pages[0].line_with("2024年7月1日").unwrap();
    assert!(near(date.y0 - sign.y0, 2.0 * PITCH, 1.0) && near(date.x1, RIGHT - 4.0 * CELL, 1.0));
    assert!(
        sign.y0 > body.y1 + 2.5 * PITCH,
        "two blank lines above the stamp"
    );
}

#[test]
fn minutes_have_the_jiyao_mark_attendance_in_hei_and_no_signature() {
    let file = pdf("某某区人民政府常务会议纪要第3期.pdf");
    let pages = pdf::pages(&file);
    let mark = word(&pages[0], "某某区人民政府常务会议纪要");
    assert!(
        near(mark.y0, TOP + 35.0 * MM, 1.5),
        "mark top at {} mm",
        mark.y0 / MM
    );
    let text: String = pages.iter().map(|p| p.text()).collect();
    assert!(text.contains("第3期"));
    // The organ and the date under the number, above the red rule.
    let head = pages[0].line_with("某某区人民政府办公室").unwrap();
    assert!(head.text.ends_with("2024年3月15日"), "{head:?}");
    assert!(near(head.x0, LEFT + CELL, 1.0), "{head:?}");
    let lines: Vec<Line> = pages.iter().flat_map(|p| p.lines()).collect();
    let present = lines
        .iter()
        .position(|l| l.text.starts_with("出席：张三"))
        .expect("出席");
    // 左空二字; wrapped names aligned after the colon; 请假 and 列席 on lines of their own.
    assert!(
        near(lines[present].x0, LEFT + 2.0 * CELL, 1.0),
        "{:?}",
        lines[present]
    );
    assert!(
        near(lines[present + 1].x0, LEFT + 5.0 * CELL, 1.0),
        "{:?}",
        lines[present + 1]
    );
    // A line breaks between two names, never inside one.
    assert!(lines[present].text.ends_with('、'), "{:?}", lines[present]);
    let names = [
        "陈十一",
        "褚十二",
        "卫十三",
        "蒋十四",
        "沈十五",
        "韩十六",
        "郑十",
        "吴九",
    ];
    assert!(
        names.iter().any(|n| lines[present + 1].text.starts_with(n)),
        "{:?}",
        lines[present + 1]
    );
    assert!(lines.iter().any(|l| l.text == "请假：杨十七"));
    assert!(
        lines
            .iter()
            .any(|l| l.text == "列席：区发展改革委主任朱十八、区财政局局长秦十九")
    );
    // No signature: the date is printed once, in the head; nothing follows the attendance.
    assert_eq!(text.matches("2024年3月15日").count(), 1, "{text}");
    assert!(
        lines.last().unwrap().text.starts_with('—') || lines.last().unwrap().text.contains("列席")
    );
    for label in ["出席：", "请假：", "列席："] {
        let run = pdf::runs(&file)
            .into_iter()
            .find(|r| r.text.starts_with(label))
            .unwrap_or_else(|| panic!("{label}"));
        assert!(run.family.contains("FandolHei"), "{label} in 黑体: {run:?}");
    }
}

#[test]
fn the_site_shows_each_format_s_elements() {
    let page = |slug: &str| {
        std::fs::read_to_string(
            built()
                .join("out/site/notices")
                .join(format!("{slug}.html")),
        )
        .unwrap()
    };
    let joint = page("joint");
    for want in [
        "doc-mark-joint",
        "<span>某某区人民政府</span><span>某某区人民武装部</span></span><span class=\"doc-mark-suffix\">文件</span>",
        "<div class=\"doc-signers\"><p>某某区人民政府</p><p>某某区人民武装部</p></div>",
    ] {
        assert!(joint.contains(want), "{want} in\n{joint}");
    }
    let letter = page("letter");
    assert!(letter.contains("doc-rule doc-rule-double") && letter.contains("doc doc-letter"));
    let order = page("order");
    assert!(!order.contains("doc-title"), "a 命令 prints no title");
    assert!(
        order.contains("<span class=\"doc-signer-title\">区长</span>张三"),
        "{order}"
    );
    let minutes = page("minutes");
    assert!(minutes.contains("<span class=\"doc-attendance-label\">出席：</span>张三、李四"));
    assert!(minutes.contains("<span class=\"doc-attendance-label\">列席：</span>"));
    assert!(!minutes.contains("doc-sign"), "a 纪要 has no signature");
}

/// `n` organs' names of `len` characters each, told apart by their last character.
fn organs(n: usize, len: usize) -> Vec<String> {
    let filler: Vec<char> = "交通建设发展改革委员会财政商务市场监管应急管理"
        .chars()
        .collect();
    (0..n)
        .map(|i| {
            let mut s: String = filler.iter().take(len - 1).collect();
            s.push("甲乙丙丁戊己".chars().nth(i).unwrap());
            s
        })
        .collect()
}

#[test]
fn joint_signatures_of_any_number_and_length_stay_apart_and_inside_the_type_area() {
    // A sweep: two to five organs with short to very long names, sealed and not.
    let mut files = Vec::new();
    let mut cases = Vec::new();
    for n in 2..=5 {
        for len in [3, 6, 10, 17] {
            for sealed in [true, false] {
                let k = files.len() + 10;
                let names = organs(n, len);
                files.push((
                    format!("notices/j{k}.md"),
                    format!(
                        "---\nnumber: 某府发〔2024〕{k}号\norgan: [{}]\nsealed: {sealed}\ntitle: 关于做好有关工作的通知\ndate: 2024-12-31\n---\n请认真贯彻执行。\n",
                        names.join(", ")
                    ),
                ));
                cases.push((k, names, sealed));
            }
        }
    }
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let p = crate::common::fixture_with("minimal", &refs);
    let o = gongwen(p.path(), &["build", "--no-site"]);
    assert!(o.status.success(), "{}", stderr(&o));
    for (k, names, sealed) in cases {
        let file = p.path().join(format!("out/pdf/某府发〔2024〕{k}号.pdf"));
        let pages = pdf::pages(&file);
        let last = pages.last().unwrap();
        // The 署名: words in the body size (the mark's names are larger).
        let signed: Vec<pdf::Word> = names
            .iter()
            .map(|n| {
                last.words
                    .iter()
                    .find(|w| &w.text == n && w.y1 - w.y0 < 20.0)
                    .unwrap_or_else(|| panic!("{k}: {n} not signed: {:#?}", last.lines()))
                    .clone()
            })
            .collect();
        for w in &signed {
            assert!(
                w.x0 >= LEFT - 0.5 && w.x1 <= RIGHT + 0.5,
                "{k}: {w:?} outside the 版心"
            );
        }
        let date = last.line_with("2024年12月31日").unwrap();
        assert!(
            signed.iter().all(|w| w.y1 < date.y1),
            "{k}: the date under the names"
        );
        // Names sharing a row neither touch nor overlap; sealed, their seals (42 mm) do not meet.
        for a in &signed {
            for b in signed
                .iter()
                .filter(|b| near(a.y0, b.y0, 1.0) && b.x0 > a.x0)
            {
                assert!(b.x0 >= a.x1 + 0.9 * CELL, "{k}: {a:?} and {b:?} touch");
                if sealed {
                    let gap = (b.x0 + b.x1) / 2.0 - (a.x0 + a.x1) / 2.0;
                    assert!(gap >= 42.0 * MM - 1.0, "{k}: seals of {a:?} and {b:?} meet");
                }
            }
        }
        if !sealed {
            // Stacked host first, one a line.
            for pair in signed.windows(2) {
                assert!(near(pair[1].y0 - pair[0].y0, PITCH, 1.0), "{k}: {pair:?}");
            }
        }
    }
}
