//! Where things stand on a built PDF's pages: the words and their boxes as poppler reads them
//! (`pdftotext -bbox`), grouped into the lines a reader sees. Positions are in PDF points from
//! the top-left corner of the page, as poppler gives them.

use std::path::Path;

use html5ever::tendril::TendrilSink;
use markup5ever_rcdom::{Handle, NodeData, RcDom};

use crate::bbox::{attr, text_of};

/// A word (for Chinese text: a run without spaces) and its box.
#[derive(Debug, Clone)]
pub(crate) struct Word {
    pub(crate) text: String,
    pub(crate) x0: f64,
    pub(crate) y0: f64,
    pub(crate) x1: f64,
    pub(crate) y1: f64,
}

/// A page: its size and its words in the order poppler reads them.
#[derive(Debug, Clone)]
pub(crate) struct Page {
    pub(crate) width: f64,
    pub(crate) height: f64,
    pub(crate) words: Vec<Word>,
}

/// A line: words sharing a baseline, left to right, joined without spaces; its box.
#[derive(Debug, Clone)]
pub(crate) struct Line {
    pub(crate) text: String,
    pub(crate) x0: f64,
    pub(crate) y0: f64,
    pub(crate) x1: f64,
    pub(crate) y1: f64,
}

/// One millimetre in PDF points.
pub(crate) const MM: f64 = 72.0 / 25.4;

/// The pages of a PDF with their words, in poppler's reading order.
pub(crate) fn pages(pdf: &Path) -> Vec<Page> {
    read_pages(pdf, false)
}

/// The pages of a PDF with their words in the order the PDF draws them (`-raw`): a table's
/// cells one after the other, each cell's lines in turn, also where the table is turned.
pub(crate) fn drawn_pages(pdf: &Path) -> Vec<Page> {
    read_pages(pdf, true)
}

fn read_pages(pdf: &Path, raw: bool) -> Vec<Page> {
    let dom = crate::bbox::bbox_dom(pdf, if raw { &["-raw", "-bbox"] } else { &["-bbox"] });
    let mut pages = Vec::new();
    collect(&dom.document, &mut pages);
    pages
}

fn collect(h: &Handle, pages: &mut Vec<Page>) {
    if let NodeData::Element { name, .. } = &h.data {
        match &*name.local {
            "page" => pages.push(Page {
                width: attr(h, "width"),
                height: attr(h, "height"),
                words: Vec::new(),
            }),
            "word" => {
                let mut text = String::new();
                text_of(h, &mut text);
                pages
                    .last_mut()
                    .expect("word inside a page")
                    .words
                    .push(Word {
                        text,
                        x0: attr(h, "xmin"),
                        y0: attr(h, "ymin"),
                        x1: attr(h, "xmax"),
                        y1: attr(h, "ymax"),
                    });
                return;
            }
            _ => {}
        }
    }
    for c in h.children.borrow().iter() {
        collect(c, pages);
    }
}

impl Page {
    /// The horizontal lines of the page, top to bottom: words whose baselines lie within a point
    /// of each other, left to right.
    pub(crate) fn lines(&self) -> Vec<Line> {
        let mut words: Vec<&Word> = self.words.iter().collect();
        words.sort_by(|a, b| a.y1.total_cmp(&b.y1).then(a.x0.total_cmp(&b.x0)));
        let mut lines: Vec<Vec<&Word>> = Vec::new();
        for w in words {
            match lines.last_mut() {
                Some(l) if (l[0].y1 - w.y1).abs() < 1.0 => l.push(w),
                _ => lines.push(vec![w]),
            }
        }
        lines
            .into_iter()
            .map(|mut l| {
                l.sort_by(|a, b| a.x0.total_cmp(&b.x0));
                Line {
                    text: l.iter().map(|w| w.text.as_str()).collect(),
                    x0: l.iter().map(|w| w.x0).fold(f64::INFINITY, f64::min),
                    y0: l.iter().map(|w| w.y0).fold(f64::INFINITY, f64::min),
                    x1: l.iter().map(|w| w.x1).fold(f64::NEG_INFINITY, f64::max),
                    y1: l.iter().map(|w| w.y1).fold(f64::NEG_INFINITY, f64::max),
                }
            })
            .collect()
    }

    /// Whether the page's text is turned a quarter (a table set across a portrait page, GB/T
    /// 9704 §8): most of its words of several characters are taller than wide.
    pub(crate) fn turned(&self) -> bool {
        let long: Vec<&Word> = self
            .words
            .iter()
            .filter(|w| w.text.chars().count() > 1)
            .collect();
        let upright = long.iter().filter(|w| w.y1 - w.y0 > w.x1 - w.x0).count();
        upright * 2 > long.len()
    }

    /// The page's lines in the order its words come: consecutive words on one baseline joined
    /// (on a turned page the baselines run up the page, so a line is where x stays).
    pub(crate) fn drawn_lines(&self) -> Vec<String> {
        let turned = self.turned();
        let baseline = |w: &Word| if turned { w.x1 } else { w.y1 };
        let mut out: Vec<(f64, String)> = Vec::new();
        for w in &self.words {
            let b = baseline(w);
            match out.last_mut() {
                Some((at, line)) if (*at - b).abs() < 1.0 => line.push_str(&w.text),
                _ => out.push((b, w.text.clone())),
            }
        }
        out.into_iter().map(|(_, l)| l).collect()
    }

    /// The text of the page without white space.
    pub(crate) fn text(&self) -> String {
        self.lines().iter().map(|l| l.text.as_str()).collect()
    }

    /// The first line whose text contains `s`.
    pub(crate) fn line_with(&self, s: &str) -> Option<Line> {
        self.lines().into_iter().find(|l| l.text.contains(s))
    }
}

/// A run of text as `pdftohtml -xml` reports it: its text, the font family (without the
/// subset prefix) and colour.
#[derive(Debug, Clone)]
pub(crate) struct Run {
    pub(crate) text: String,
    pub(crate) family: String,
    pub(crate) color: String,
}

/// Every run of text of a PDF with its typeface and colour.
pub(crate) fn runs(pdf: &Path) -> Vec<Run> {
    let out = std::process::Command::new("pdftohtml")
        .args(["-xml", "-i", "-stdout"])
        .arg(pdf)
        .output()
        .expect("pdftohtml (poppler-utils) must be installed");
    assert!(
        out.status.success(),
        "pdftohtml failed on {}",
        pdf.display()
    );
    let dom = html5ever::parse_document(RcDom::default(), Default::default())
        .from_utf8()
        .read_from(&mut &out.stdout[..])
        .unwrap();
    let mut fonts = std::collections::HashMap::new();
    let mut runs = Vec::new();
    walk_runs(&dom.document, &mut fonts, &mut runs);
    runs
}

fn attr_text(h: &Handle, name: &str) -> String {
    match &h.data {
        NodeData::Element { attrs, .. } => attrs
            .borrow()
            .iter()
            .find(|a| &*a.name.local == name)
            .map(|a| a.value.to_string())
            .unwrap_or_default(),
        _ => String::new(),
    }
}

fn walk_runs(
    h: &Handle,
    fonts: &mut std::collections::HashMap<String, (String, String)>,
    runs: &mut Vec<Run>,
) {
    if let NodeData::Element { name, .. } = &h.data {
        match &*name.local {
            "fontspec" => {
                let family = attr_text(h, "family");
                let family = family
                    .split_once('+')
                    .map_or(family.clone(), |(_, f)| f.to_string());
                fonts.insert(attr_text(h, "id"), (family, attr_text(h, "color")));
            }
            "text" => {
                let mut text = String::new();
                text_of(h, &mut text);
                let (family, color) = fonts
                    .get(&attr_text(h, "font"))
                    .cloned()
                    .unwrap_or_default();
                runs.push(Run {
                    text: text.split_whitespace().collect(),
                    family,
                    color,
                });
                return;
            }
            _ => {}
        }
    }
    for c in h.children.borrow().iter() {
        walk_runs(c, fonts, runs);
    }
}

/// The rows of a page (at `dpi`) where a colour covers a long horizontal stretch: rules. Each is
/// (top in mm from the paper's top edge, length in mm of the longest stretch on that row).
pub(crate) fn rules(
    pdf: &Path,
    page: usize,
    dpi: u32,
    is_colour: impl Fn([u8; 3]) -> bool,
) -> Vec<(f64, f64)> {
    let dir = tempfile::tempdir().unwrap();
    let stem = dir.path().join("p");
    let out = std::process::Command::new("pdftoppm")
        .args([
            "-png",
            "-r",
            &dpi.to_string(),
            "-f",
            &page.to_string(),
            "-l",
            &page.to_string(),
            "-singlefile",
        ])
        .arg(pdf)
        .arg(&stem)
        .output()
        .expect("pdftoppm (poppler-utils) must be installed");
    assert!(out.status.success());
    let file = std::fs::File::open(stem.with_extension("png")).unwrap();
    let mut reader = png::Decoder::new(std::io::BufReader::new(file))
        .read_info()
        .unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let channels = info.color_type.samples();
    let px_mm = 25.4 / f64::from(dpi);
    let mut rows = Vec::new();
    for y in 0..info.height as usize {
        let row = &buf[y * info.line_size..(y + 1) * info.line_size];
        let (mut run, mut best) = (0usize, 0usize);
        for x in 0..info.width as usize {
            let p = &row[x * channels..x * channels + 3];
            if is_colour([p[0], p[1], p[2]]) {
                run += 1;
                best = best.max(run);
            } else {
                run = 0;
            }
        }
        let length = best as f64 * px_mm;
        if length > 100.0 {
            rows.push((y as f64 * px_mm, length));
        }
    }
    rows
}

/// Red as GB/T 9704 prints it (the 标志 and rules).
pub(crate) fn is_red(p: [u8; 3]) -> bool {
    p[0] > 180 && p[1] < 140 && p[2] < 140
}

/// Black (or nearly: anti-aliased rules).
pub(crate) fn is_black(p: [u8; 3]) -> bool {
    p[0] < 110 && p[1] < 110 && p[2] < 110
}
