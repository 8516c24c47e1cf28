//! What a typeset document looks like, read back from Typst's frames: every glyph with its
//! position, the boxes gongwen.typ sets marks in, and the `metadata("gw-…")` markers the layout
//! library leaves. The refit pass (`refit.rs`) measures these.

use typst::foundations::Value;
use typst::introspection::{MetadataElem, Tag};
use typst::layout::{Frame, FrameItem, Point, Transform};
use typst::syntax::Span;
use typst::text::TextItem;
use typst_layout::PagedDocument;

use crate::pdf::marks;

/// One glyph: where its pen position and baseline are (pt, page coordinates), how far it
/// advances as set and as the font has it, and the first character of its cluster.
#[derive(Clone, Debug)]
pub(crate) struct Glyph {
    pub(crate) x: f64,
    pub(crate) y: f64,
    pub(crate) advance: f64,
    pub(crate) font_advance: f64,
    /// Horizontal offset as set (CJK–Latin spacing before a glyph shows here).
    pub(crate) offset: f64,
    pub(crate) c: char,
    /// Whether it ends its text item (the glyph before a box does: it loses its tracking).
    pub(crate) last_in_item: bool,
    pub(crate) span: Span,
}

/// A box holding one mark (gongwen.typ `ma`/`mc`/`mh`…): its left edge, width, and the glyph.
#[derive(Clone, Debug)]
pub(crate) struct MarkBox {
    pub(crate) x: f64,
    pub(crate) width: f64,
    pub(crate) glyph: Glyph,
}

/// One page: loose glyphs (not in a mark box), mark boxes and markers (name, y).
#[derive(Default, Debug)]
pub(crate) struct Page {
    pub(crate) glyphs: Vec<Glyph>,
    pub(crate) marks: Vec<MarkBox>,
    pub(crate) markers: Vec<(String, f64)>,
}

/// Word joiners keep marks to their neighbours; they are not text.
const WORD_JOINER: char = '\u{2060}';

/// Reads every page of a document.
pub(crate) fn read(doc: &PagedDocument) -> Vec<Page> {
    doc.pages()
        .iter()
        .map(|p| {
            let mut page = Page::default();
            walk(&p.frame, Transform::identity(), &mut page);
            page
        })
        .collect()
}

fn walk(frame: &Frame, ts: Transform, page: &mut Page) {
    for (pos, item) in frame.items() {
        let at = ts.pre_concat(Transform::translate(pos.x, pos.y));
        match item {
            FrameItem::Group(group) => {
                let inner = at.pre_concat(group.transform);
                if let Some(glyph) = mark_glyph(&group.frame, inner) {
                    let origin = Point::zero().transform(inner);
                    page.marks.push(MarkBox {
                        x: origin.x.to_pt(),
                        width: group.frame.width().to_pt(),
                        glyph,
                    });
                } else {
                    walk(&group.frame, inner, page);
                }
            }
            FrameItem::Text(text) => glyphs(text, at, &mut page.glyphs),
            FrameItem::Tag(Tag::Start(elem, _)) => {
                if let Some(meta) = elem.to_packed::<MetadataElem>()
                    && let Value::Str(s) = &meta.value
                    && s.as_str().starts_with("gw-")
                {
                    let y = Point::zero().transform(at).y.to_pt();
                    page.markers.push((s.to_string(), y));
                }
            }
            _ => {}
        }
    }
}

/// The glyph of a box holding a single mark (and word joiners), if the frame is one.
fn mark_glyph(frame: &Frame, ts: Transform) -> Option<Glyph> {
    let mut found = Vec::new();
    if !collect(frame, ts, &mut found) {
        return None;
    }
    found.retain(|g| g.c != WORD_JOINER);
    match found.as_slice() {
        [g] if marks::is_mark(g.c) => found.pop(),
        _ => None,
    }
}

/// Every glyph below `frame`; false if it holds anything but text.
fn collect(frame: &Frame, ts: Transform, out: &mut Vec<Glyph>) -> bool {
    for (pos, item) in frame.items() {
        let at = ts.pre_concat(Transform::translate(pos.x, pos.y));
        match item {
            FrameItem::Text(text) => glyphs(text, at, out),
            FrameItem::Group(g) => {
                if !collect(&g.frame, at.pre_concat(g.transform), out) {
                    return false;
                }
            }
            FrameItem::Tag(_) => {}
            _ => return false,
        }
    }
    true
}

fn glyphs(text: &TextItem, at: Transform, out: &mut Vec<Glyph>) {
    let size = text.size.to_pt();
    let mut pen = 0.0;
    let n = text.glyphs.len();
    for (i, g) in text.glyphs.iter().enumerate() {
        let advance = g.x_advance.at(text.size).to_pt();
        let c = text.text[g.range()]
            .chars()
            .find(|&c| c != WORD_JOINER)
            .unwrap_or(WORD_JOINER);
        let origin =
            Point::new(typst::layout::Abs::pt(pen), typst::layout::Abs::zero()).transform(at);
        out.push(Glyph {
            x: origin.x.to_pt(),
            y: origin.y.to_pt(),
            advance,
            font_advance: text
                .font
                .x_advance(g.id)
                .map_or(advance, |em| em.get() * size),
            offset: g.x_offset.at(text.size).to_pt(),
            c,
            last_in_item: i + 1 == n,
            span: g.span.0,
        });
        pen += advance;
    }
}

/// The text of every visual line, page after page, in reading order (glyphs sharing a baseline,
/// left to right). Two typesettings with the same line breaks give the same lines.
pub(crate) fn lines(pages: &[Page]) -> Vec<String> {
    let mut out = Vec::new();
    for page in pages {
        let mut items: Vec<(f64, f64, char)> = page
            .glyphs
            .iter()
            .chain(page.marks.iter().map(|m| &m.glyph))
            .map(|g| ((g.y * 10.0).round(), g.x, g.c))
            .collect();
        items.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
        let mut line = String::new();
        let mut y = f64::NAN;
        for (gy, _, c) in items {
            if gy != y && !line.is_empty() {
                out.push(std::mem::take(&mut line));
            }
            y = gy;
            line.push(c);
        }
        if !line.is_empty() {
            out.push(line);
        }
    }
    // Page numbers ("— 3 —") follow the pages, not the lines.
    out.retain(|l| {
        !l.chars()
            .all(|c| c == '—' || c.is_ascii_digit() || c == ' ')
    });
    out
}
