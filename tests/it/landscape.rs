//! Table attachments as GB/T 9704 §8 sets them: the table turned a quarter on portrait pages, its
//! head on the binding edge of an odd page and the outer edge of an even one (the left edge of
//! both), the page numbers where they stand on every other page and running on from the notice;
//! `table.pages: landscape` keeps landscape pages, numbered on.

use crate::common::{fixture_with, gongwen, stderr};
use crate::pdf::{self, MM};

/// The 版心's left and right edges on a portrait page, and one 字.
const LEFT: f64 = 28.0 * MM;
const RIGHT: f64 = (28.0 + 156.0) * MM;
const CELL: f64 = 156.0 * MM / 28.0;

/// A list long enough for three pages of table, set with `pages` (none: the default).
fn long_list(pages: Option<&str>) -> String {
    let mut yaml = String::from("title: 2024年重点工作任务清单\nyear: 2024\n");
    if let Some(p) = pages {
        yaml.push_str(&format!("table:\n  pages: {p}\n"));
    }
    yaml.push_str("categories:\n");
    for c in 0..3 {
        yaml.push_str(&format!("  - name: 类别{c}\n    tasks:\n"));
        for t in 0..12 {
            yaml.push_str(&format!(
                "      - id: c{c}t{t}\n        text: 在车站、公交车载电视和电子显示屏上持续刊播公益广告，内容适时更新（第{c}类第{t}项）。\n        lead: [区交通局]\n        support: [区发展改革委, 各行业协会、商会主管部门]\n"
            ));
        }
    }
    yaml
}

/// The built notice's pages, with its table set on `pages`.
fn built(pages: Option<&str>) -> Vec<pdf::Page> {
    let p = fixture_with("tasks", &[("tasks/2024.yaml", &long_list(pages))]);
    let o = gongwen(p.path(), &["build", "--no-site"]);
    assert!(o.status.success(), "{}", stderr(&o));
    pdf::pages(&p.path().join("out/pdf/某府办发〔2024〕7号.pdf"))
}

/// The page number at the foot of a page: its digits and its box's left and right edges. It is
/// what stands below the type area: 35 mm above the paper's foot on a portrait page, 28 mm on a
/// landscape one (its 156 mm type area centred, 1 mm lower).
fn page_number(page: &pdf::Page) -> Option<(usize, f64, f64)> {
    let below = if page.width > page.height { 28.0 } else { 35.0 } * MM;
    let mut foot: Vec<&pdf::Word> = page
        .words
        .iter()
        .filter(|w| w.y0 > page.height - below && w.x1 - w.x0 < 60.0)
        .collect();
    foot.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    let text: String = foot.iter().map(|w| w.text.as_str()).collect();
    let digits = text.trim_matches('—');
    let n = digits.parse().ok()?;
    Some((n, foot.first()?.x0, foot.last()?.x1))
}

/// The pages holding the table: those after the notice's (the first table page names 附件).
fn table_pages(pages: &[pdf::Page]) -> usize {
    pages
        .iter()
        .position(|p| p.words.iter().any(|w| w.text == "附件"))
        .expect("a page starting the attachment")
}

#[test]
fn a_table_is_turned_on_portrait_pages_head_to_the_left_numbers_unmoved() {
    let pages = built(None);
    let first = table_pages(&pages);
    assert!(
        pages.len() - first >= 3,
        "the list takes three pages of table or more"
    );
    // Where the notice's own pages carry their numbers: odd pages right, even pages left, one 字
    // in (§7.5).
    let odd = page_number(&pages[0]).expect("page 1's number");
    assert!((odd.2 - (RIGHT - CELL)).abs() < 3.0, "{odd:?}");
    for (i, page) in pages.iter().enumerate() {
        assert!(page.width < page.height, "page {} is portrait", i + 1);
        // Numbered on from the notice, each where the notice's pages have it.
        let (n, x0, x1) =
            page_number(page).unwrap_or_else(|| panic!("page {} has a number", i + 1));
        assert_eq!(n, i + 1);
        if n % 2 == 1 {
            assert!((x1 - odd.2).abs() < 0.5, "page {n}'s number ends at {x1}");
        } else {
            assert!(
                (x0 - (LEFT + CELL)).abs() < 3.0,
                "page {n}'s number at {x0}"
            );
        }
        if i < first {
            assert!(!page.turned(), "the notice's page {} is upright", i + 1);
            continue;
        }
        assert!(page.turned(), "table page {} is turned", i + 1);
        // The header row (repeated on every page) nearer the left edge than every row of the
        // body: the table's head lies on the left edge, the binding edge of an odd page and the
        // outer edge of an even one.
        let head = page
            .words
            .iter()
            .find(|w| w.text == "序号")
            .expect("the header");
        let body = page
            .words
            .iter()
            .filter(|w| w.text.contains("持续刊播"))
            .map(|w| w.x0)
            .fold(f64::INFINITY, f64::min);
        assert!(
            head.x1 < body,
            "page {}: head at {head:?}, body from {body}",
            i + 1
        );
        // The turned table fills the 版心 across: from its left edge to its right edge.
        let left = page
            .words
            .iter()
            .filter(|w| w.y0 < page.height - 35.0 * MM)
            .map(|w| w.x0)
            .fold(f64::INFINITY, f64::min);
        assert!(
            (left - LEFT).abs() < 6.0,
            "page {}: text from {left}",
            i + 1
        );
    }
}

#[test]
fn table_pages_landscape_keeps_landscape_pages_numbered_on() {
    let pages = built(Some("landscape"));
    let first = table_pages(&pages);
    assert!(pages.len() - first >= 2, "several pages of table");
    for (i, page) in pages.iter().enumerate() {
        let landscape = page.width > page.height;
        assert_eq!(
            landscape,
            i >= first,
            "page {} landscape: {landscape}",
            i + 1
        );
        assert!(!page.turned(), "page {} upright", i + 1);
        let (n, _, _) = page_number(page).unwrap_or_else(|| panic!("page {} has a number", i + 1));
        assert_eq!(n, i + 1, "numbers run on from the notice");
    }
}

#[test]
fn the_table_header_is_centred_over_every_column() {
    // 工作任务 centred over its column like the others, not flush with the start of the task
    // texts (on a turned page lines run up the page, starting at the bottom).
    let pages = built(None);
    let page = &pages[table_pages(&pages)];
    let head = page.words.iter().find(|w| w.text == "工作任务").unwrap();
    let text = page
        .words
        .iter()
        .find(|w| w.text.starts_with("在车站"))
        .unwrap();
    let (from_start, start) = if page.turned() {
        (text.y1 - head.y1, text.y1)
    } else {
        (head.x0 - text.x0, text.x0)
    };
    assert!(
        from_start > 100.0,
        "工作任务 {head:?} flush with the texts' start ({start})"
    );
}
