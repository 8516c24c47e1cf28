//! A built PDF's text lines with their positions (`pdftotext -bbox`), page by page: what a reader
//! sees where, for the layout tests.

use html5ever::tendril::TendrilSink;
use markup5ever_rcdom::{Handle, NodeData, RcDom};
use std::path::Path;

/// Millimetres per PDF point.
pub(crate) const MM: f64 = 25.4 / 72.0;

/// One word as pdftotext reads it, in millimetres from the page's top left corner.
#[derive(Clone, Debug)]
pub(crate) struct Word {
    pub(crate) x0: f64,
    pub(crate) x1: f64,
    pub(crate) y0: f64,
    pub(crate) y1: f64,
    pub(crate) text: String,
}

/// Words sharing a baseline, left to right.
#[derive(Clone, Debug)]
pub(crate) struct Line {
    pub(crate) words: Vec<Word>,
}

impl Line {
    pub(crate) fn text(&self) -> String {
        self.words.iter().map(|w| w.text.as_str()).collect()
    }
    pub(crate) fn x0(&self) -> f64 {
        self.words.first().map_or(0.0, |w| w.x0)
    }
    pub(crate) fn x1(&self) -> f64 {
        self.words.last().map_or(0.0, |w| w.x1)
    }
    pub(crate) fn top(&self) -> f64 {
        self.words.iter().map(|w| w.y0).fold(f64::MAX, f64::min)
    }
    pub(crate) fn bottom(&self) -> f64 {
        self.words.iter().map(|w| w.y1).fold(0.0, f64::max)
    }
}

/// "— 3 —": a GB/T 9704 page number.
pub(crate) fn is_page_number(text: &str) -> bool {
    let t = text.trim_matches(|c: char| c == '—' || c.is_whitespace());
    t.len() < text.len() && !t.is_empty() && t.chars().all(|c| c.is_ascii_digit())
}

/// Every page of a PDF (empty pages too) as its lines, top to bottom.
pub(crate) fn pages(pdf: &Path) -> Vec<Vec<Line>> {
    let dom = bbox_dom(pdf, &["-bbox"]);
    let mut pages: Vec<Vec<Word>> = Vec::new();
    collect(&dom.document, &mut pages);
    pages.into_iter().map(lines).collect()
}

fn lines(mut words: Vec<Word>) -> Vec<Line> {
    words.sort_by(|a, b| a.y1.total_cmp(&b.y1).then(a.x0.total_cmp(&b.x0)));
    let mut out: Vec<Line> = Vec::new();
    for w in words {
        match out.last_mut() {
            Some(l) if (l.words[0].y1 - w.y1).abs() < 0.8 => l.words.push(w),
            _ => out.push(Line { words: vec![w] }),
        }
    }
    for l in &mut out {
        l.words.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    }
    out
}

/// `pdftotext <options> pdf -` (options including -bbox) parsed as the HTML it prints.
pub(crate) fn bbox_dom(pdf: &Path, options: &[&str]) -> RcDom {
    let text = crate::common::pdftotext(pdf, options);
    html5ever::parse_document(RcDom::default(), Default::default())
        .from_utf8()
        .read_from(&mut text.as_bytes())
        .unwrap()
}

/// A number attribute of an element of that HTML (0 when absent).
pub(crate) fn attr(h: &Handle, name: &str) -> f64 {
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

/// The text below a node.
pub(crate) fn text_of(h: &Handle, out: &mut String) {
    if let NodeData::Text { contents } = &h.data {
        out.push_str(&contents.borrow());
    }
    for c in h.children.borrow().iter() {
        text_of(c, out);
    }
}

fn collect(h: &Handle, pages: &mut Vec<Vec<Word>>) {
    if let NodeData::Element { name, .. } = &h.data {
        match &*name.local {
            "page" => pages.push(Vec::new()),
            "word" => {
                let mut text = String::new();
                text_of(h, &mut text);
                let word = Word {
                    x0: attr(h, "xmin") * MM,
                    x1: attr(h, "xmax") * MM,
                    y0: attr(h, "ymin") * MM,
                    y1: attr(h, "ymax") * MM,
                    text,
                };
                pages.last_mut().expect("word inside a page").push(word);
                return;
            }
            _ => {}
        }
    }
    for c in h.children.borrow().iter() {
        collect(c, pages);
    }
}
