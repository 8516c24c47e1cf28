//! The acceptance reference: the bundled notice against the issued text in seeds/.
//! The seed is text extracted from the issued PDF; its line breaks are the original layout and a
//! text line starting with a space right after another text line begins a new page.

mod common;

use common::{gongwen, repo};
use html5ever::tendril::TendrilSink;
use markup5ever_rcdom::{Handle, NodeData, RcDom};

fn norm(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn is_page_number(s: &str) -> bool {
    let t = s.trim_matches(|c| matches!(c, '—' | '-' | '–'));
    !t.is_empty() && t.chars().all(|c| c.is_ascii_digit())
}

/// The seed's pages, each a list of whitespace-free lines.
fn seed_pages(text: &str) -> Vec<Vec<String>> {
    let mut pages: Vec<Vec<String>> = Vec::new();
    let mut cur: Vec<String> = Vec::new();
    let mut prev_text = false;
    for line in text.split('\n') {
        if norm(line).is_empty() {
            prev_text = false;
            continue;
        }
        if line.starts_with(' ')
            && (prev_text || (pages.is_empty() && cur.is_empty()))
            && !cur.is_empty()
        {
            pages.push(std::mem::take(&mut cur));
        }
        cur.push(norm(line));
        prev_text = true;
    }
    if !cur.is_empty() {
        pages.push(cur);
    }
    pages
}

/// The PDF's lines per page, from `pdftotext -bbox-layout`. Where two adjacent full-width marks
/// share one character's width (标点挤压), the second glyph starts inside the first one's nominal
/// box and poppler splits the visual line in two; parts on the same baseline that touch are joined
/// back, while table cells on one baseline (separated by their padding) stay apart.
fn pdf_pages(pdf: &std::path::Path) -> Vec<Vec<String>> {
    let out = std::process::Command::new("pdftotext")
        .arg("-bbox-layout")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) must be installed");
    let dom = html5ever::parse_document(RcDom::default(), Default::default())
        .from_utf8()
        .read_from(&mut &out.stdout[..])
        .unwrap();
    let mut pages = Vec::new();
    collect_pages(&dom.document, &mut pages);
    pages
        .into_iter()
        .map(|p| {
            p.into_iter()
                .map(|l| norm(&l.text))
                .filter(|l| !l.is_empty() && !is_page_number(l))
                .collect::<Vec<_>>()
        })
        .filter(|p: &Vec<String>| !p.is_empty())
        .collect()
}

struct Line {
    x0: f64,
    x1: f64,
    y1: f64,
    text: String,
}

fn attr(h: &Handle, name: &str) -> f64 {
    match &h.data {
        NodeData::Element { attrs, .. } => attrs
            .borrow()
            .iter()
            .find(|a| &*a.name.local == name)
            .and_then(|a| a.value.parse().ok())
            .unwrap_or(0.0),
        _ => 0.0,
    }
}

fn tag(h: &Handle) -> String {
    match &h.data {
        NodeData::Element { name, .. } => name.local.to_string(),
        _ => String::new(),
    }
}

fn text_of(h: &Handle, out: &mut String) {
    if let NodeData::Text { contents } = &h.data {
        out.push_str(&contents.borrow());
    }
    for c in h.children.borrow().iter() {
        text_of(c, out);
    }
}

fn collect_pages(h: &Handle, pages: &mut Vec<Vec<Line>>) {
    match tag(h).as_str() {
        "page" => pages.push(Vec::new()),
        "line" => {
            let mut text = String::new();
            text_of(h, &mut text);
            let line = Line {
                x0: attr(h, "xmin"),
                x1: attr(h, "xmax"),
                y1: attr(h, "ymax"),
                text,
            };
            let page = pages.last_mut().expect("line inside a page");
            match page.last_mut() {
                Some(prev)
                    if (prev.y1 - line.y1).abs() < 1.0
                        && line.x0 > prev.x0
                        && line.x0 < prev.x1 - 0.5 =>
                {
                    prev.text.push_str(&line.text);
                    prev.x1 = prev.x1.max(line.x1);
                }
                _ => page.push(line),
            }
            return;
        }
        _ => {}
    }
    for c in h.children.borrow().iter() {
        collect_pages(c, pages);
    }
}

/// Length of the longest common subsequence of two line lists: lines reproduced in order.
fn lcs(a: &[String], b: &[String]) -> usize {
    let mut prev = vec![0usize; b.len() + 1];
    for x in a {
        let mut cur = vec![0usize; b.len() + 1];
        for (j, y) in b.iter().enumerate() {
            cur[j + 1] = if x == y {
                prev[j] + 1
            } else {
                prev[j + 1].max(cur[j])
            };
        }
        prev = cur;
    }
    prev[b.len()]
}

/// The built notice's pages and the seed's pages.
fn build_seed() -> (Vec<Vec<String>>, Vec<Vec<String>>) {
    let out = tempfile::tempdir().unwrap();
    let o = gongwen(&repo(), &["build", "--out", out.path().to_str().unwrap()]);
    assert!(o.status.success(), "{}", common::stderr(&o));
    let pdf = out.path().join("pdf/沙营商办发〔2020〕3号.pdf");
    let built = pdf_pages(&pdf);
    let seed = seed_pages(
        &std::fs::read_to_string(repo().join("seeds/000_75d8874fccb9b7d9.txt")).unwrap(),
    );
    (built, seed)
}

#[test]
fn attachment_table_reproduces_the_issued_pages_4_to_7() {
    let (built, seed) = build_seed();
    assert_eq!(
        built.len(),
        7,
        "the table takes the same four pages as issued"
    );
    let want: Vec<String> = seed[3..7].concat();
    let got: Vec<String> = built[3..].concat();
    let m = lcs(&want, &got);
    let pct = 100.0 * m as f64 / want.len() as f64;
    println!("pages 4-7: {m}/{} lines ({pct:.1}%)", want.len());
    assert_eq!(
        built[4].first().unwrap(),
        "序号",
        "the header repeats on every page"
    );
    // The floor is what the table layout reaches today (see issue 3's note); it must not drop.
    assert!(pct >= 50.0, "fidelity fell to {pct:.1}%");
}

#[test]
fn notice_reproduces_the_issued_pages_1_to_3() {
    let (built, seed) = build_seed();

    // The notice occupies the same three pages; the attachment starts on page 4.
    assert_eq!(
        built[3].first().map(String::as_str),
        Some("附件"),
        "page 4 starts the attachment"
    );
    let mut matched = 0;
    let mut total = 0;
    for page in 0..3 {
        // The red 发文机关标志 is not in the seed's text; drop it from page 1.
        let skip =
            usize::from(page == 0 && built[0][0] == "沙坪坝区优化营商环境工作领导小组办公室");
        let got = &built[page][skip..];
        let m = lcs(&seed[page], got);
        println!(
            "page {}: {m}/{} seed lines reproduced",
            page + 1,
            seed[page].len()
        );
        matched += m;
        total += seed[page].len();
    }
    let pct = 100.0 * matched as f64 / total as f64;
    println!("pages 1-3: {matched}/{total} lines ({pct:.1}%)");
    // Page ends as issued: the grid holds 22 lines and single lines are not pushed over.
    assert_eq!(
        built[0].last().unwrap(),
        "贯彻落实全市对标国家部委以及北京、上海、广州等其他省"
    );
    assert_eq!(
        built[1].last().unwrap(),
        "环境方面出现的懒政怠政、不作为、乱作为情况，通过督查报告"
    );
    assert_eq!(built[2].last().unwrap(), "2020年4月29日");
    assert!(pct >= 90.0, "only {pct:.1}% of the issued lines reproduced");
}

#[test]
fn lcs_counts_lines_in_order() {
    let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    assert_eq!(lcs(&s(&["a", "b", "c"]), &s(&["a", "x", "c"])), 2);
    assert_eq!(lcs(&s(&["a", "b"]), &s(&["b", "a"])), 1);
}
