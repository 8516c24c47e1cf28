//! A year report's chapters are the units' summaries, typeset once. The report leaves as many
//! pages for a summary as its own PDF has, with the chapter's heading in the blank lines above
//! its title (`gw.borrowed` in gongwen.typ marks them), and the summary's typeset pages are set
//! onto them: the same lines as the summary's own PDF, under the report's headings and page
//! numbers. Typesetting every summary a second time inside the report was a third of a large
//! project's build and most of its memory.

use typst::ecow::EcoVec;
use typst::foundations::Value;
use typst::introspection::{Location, MetadataElem, Tag};
use typst::layout::{Frame, FrameItem, GroupItem, Point, Transform};
use typst::model::{Destination, Document};
use typst::pdf::{ArtifactElem, ArtifactKind};
use typst_layout::{Page, PagedDocument};

/// A typeset summary's pages, kept for its year report.
pub(crate) type Pages = Vec<Page>;

/// The marker `gw.borrowed` sets on each page it leaves: `gw-borrow-<chapter>-<page>`.
const MARK: &str = "gw-borrow-";

/// The report with each chapter's pages set on the pages left for them; or the chapters (by
/// index) that do not fit there and must be typeset in the report instead — a summary with
/// another number of pages, a page of another size, or a heading reaching into the summary's
/// text — given back with the pages. Pages left for a chapter without pages stay as they are.
/// The pages are taken, not copied: a report of a thousand borrowed pages would otherwise hold
/// them twice.
pub(crate) fn compose(
    doc: &PagedDocument,
    chapters: Vec<Option<Pages>>,
) -> Result<PagedDocument, (Vec<usize>, Vec<Option<Pages>>)> {
    let misfits = misfits(doc, &chapters);
    if !misfits.is_empty() {
        return Err((misfits, chapters));
    }
    let mut own: Vec<_> = chapters
        .into_iter()
        .map(|c| c.map(Vec::into_iter))
        .collect();
    let mut pages: EcoVec<Page> = EcoVec::with_capacity(doc.pages().len());
    for page in doc.pages() {
        let summary = marker(&page.frame)
            .and_then(|(chapter, _)| Some((chapter, own.get_mut(chapter)?.as_mut()?.next()?)));
        pages.push(match summary {
            Some((chapter, summary)) => with_borrowed(page, summary, chapter),
            None => page.clone(),
        });
    }
    Ok(PagedDocument::new(pages, doc.info().clone()))
}

/// The first chapter pages were left for (`gw.borrowed`) that has no pages to set there: only a
/// project's own report template can leave them, and they would stay blank.
pub(crate) fn stray(doc: &PagedDocument, chapters: &[Option<Pages>]) -> Option<usize> {
    doc.pages()
        .iter()
        .filter_map(|page| marker(&page.frame))
        .map(|(chapter, _)| chapter)
        .find(|&chapter| chapters.get(chapter).is_none_or(Option::is_none))
}

/// The chapters whose pages do not fit the pages left for them (which come in order, one for
/// each of the summary's pages).
fn misfits(doc: &PagedDocument, chapters: &[Option<Pages>]) -> Vec<usize> {
    let mut misfits = Vec::new();
    let mut seen = vec![0usize; chapters.len()];
    for page in doc.pages() {
        let Some((chapter, n)) = marker(&page.frame) else {
            continue;
        };
        let Some(own) = chapters.get(chapter).and_then(Option::as_ref) else {
            continue;
        };
        let fit = n == seen[chapter] && own.get(n).is_some_and(|s| fits(&page.frame, &s.frame));
        seen[chapter] += 1;
        if !fit {
            misfits.push(chapter);
        }
    }
    for (chapter, own) in chapters.iter().enumerate() {
        if let Some(own) = own
            && seen[chapter] > 0
            && seen[chapter] != own.len()
        {
            misfits.push(chapter);
        }
    }
    misfits.sort_unstable();
    misfits.dedup();
    misfits
}

/// The chapter and page a placeholder page is marked with.
fn marker(frame: &Frame) -> Option<(usize, usize)> {
    for (_, item) in frame.items() {
        match item {
            FrameItem::Tag(Tag::Start(elem, _)) => {
                if let Some(meta) = elem.to_packed::<MetadataElem>()
                    && let Value::Str(s) = &meta.value
                    && let Some(rest) = s.as_str().strip_prefix(MARK)
                    && let Some((c, p)) = rest.split_once('-')
                {
                    return Some((c.parse().ok()?, p.parse().ok()?));
                }
            }
            FrameItem::Group(g) => {
                if let Some(m) = marker(&g.frame) {
                    return Some(m);
                }
            }
            _ => {}
        }
    }
    None
}

/// Whether a summary's page can be set on a placeholder page: the same size, and the text the
/// placeholder prints besides its page number (the chapter's heading) ends above the summary's.
fn fits(placeholder: &Frame, summary: &Frame) -> bool {
    if placeholder.size() != summary.size() {
        return false;
    }
    let above = body_extent(placeholder).map(|(_, bottom)| bottom);
    let below = body_extent(summary).map(|(top, _)| top);
    match (above, below) {
        (Some(bottom), Some(top)) => bottom <= top,
        _ => true,
    }
}

/// The extent of a page's text but its header and footer.
fn body_extent(page: &Frame) -> Option<(f64, f64)> {
    let kinds = marginals(page);
    let items = page
        .items()
        .zip(&kinds)
        .filter(|(_, m)| m.is_none())
        .map(|(item, _)| item);
    extent(items, Transform::identity())
}

/// The top of the highest and the bottom of the lowest line of text among a frame's items (pt).
fn extent<'a>(
    items: impl Iterator<Item = &'a (Point, FrameItem)>,
    ts: Transform,
) -> Option<(f64, f64)> {
    let mut out: Option<(f64, f64)> = None;
    let mut add = |top: f64, bottom: f64| {
        out = Some(out.map_or((top, bottom), |(t, b)| (t.min(top), b.max(bottom))));
    };
    for (pos, item) in items {
        let at = ts.pre_concat(Transform::translate(pos.x, pos.y));
        match item {
            FrameItem::Text(text) if !text.glyphs.is_empty() => {
                let y = Point::zero().transform(at).y;
                let metrics = text.font.metrics();
                add(
                    (y - metrics.ascender.at(text.size)).to_pt(),
                    (y - metrics.descender.at(text.size)).to_pt(),
                );
            }
            FrameItem::Group(g) => {
                if let Some((t, b)) = extent(g.frame.items(), at.pre_concat(g.transform)) {
                    add(t, b);
                }
            }
            _ => {}
        }
    }
    out
}

/// For each top-level item of a page, the header or footer it belongs to, if any. Typst marks
/// them as artifacts: a group starting with the artifact's tag, or — a small marginal inlined
/// into the page — the tags and what lies between them.
fn marginals(page: &Frame) -> Vec<Option<ArtifactKind>> {
    let mut inside: Option<(Location, ArtifactKind)> = None;
    page.items()
        .map(|(_, item)| {
            if let Some((loc, kind)) = inside {
                if matches!(item, FrameItem::Tag(Tag::End(l, ..)) if *l == loc) {
                    inside = None;
                }
                return Some(kind);
            }
            match item {
                FrameItem::Tag(Tag::Start(elem, _)) => {
                    let kind = marginal(elem)?;
                    inside = elem.location().map(|loc| (loc, kind));
                    Some(kind)
                }
                FrameItem::Group(g) => g.frame.items().find_map(|(_, it)| match it {
                    FrameItem::Tag(Tag::Start(elem, _)) => marginal(elem),
                    _ => None,
                }),
                _ => None,
            }
        })
        .collect()
}

/// The kind of a header or footer artifact.
fn marginal(elem: &typst::foundations::Content) -> Option<ArtifactKind> {
    let kind = elem
        .to_packed::<ArtifactElem>()?
        .kind
        .get(Default::default());
    matches!(kind, ArtifactKind::Header | ArtifactKind::Footer).then_some(kind)
}

/// The placeholder page with the summary's page (without its header and footer) set on it,
/// before the placeholder's own footer so that the text reads in order.
fn with_borrowed(placeholder: &Page, summary: Page, chapter: usize) -> Page {
    let mut frame = summary.frame;
    let own = marginals(&frame);
    let mut n = 0;
    frame.retain(|_| {
        n += 1;
        own[n - 1].is_none()
    });
    relocate(&mut frame, chapter);
    let footer_at = marginals(&placeholder.frame)
        .iter()
        .position(|m| *m == Some(ArtifactKind::Footer))
        .unwrap_or(placeholder.frame.items().len());
    let mut page = placeholder.clone();
    page.frame.insert(
        footer_at,
        Point::zero(),
        FrameItem::Group(GroupItem::new(frame)),
    );
    page
}

/// Moves every location in the frame to one unique to the chapter, in place (a frame no one
/// else holds is not copied): each summary was typeset on its own, so two summaries (or a
/// summary and the report) may share locations, and the report's PDF tags and links are found
/// by location.
fn relocate(frame: &mut Frame, chapter: usize) {
    // A bijection for each chapter; different chapters land on unrelated values.
    let salt = (chapter as u128 + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15_f39c_c060_5ced_c835);
    let moved = |loc: Location| {
        Location::new(
            (loc.hash() ^ salt).wrapping_mul(0xd605_bbb5_8c8a_bbb4_ca67_5e08_0cc3_a7c5 | 1),
        )
    };
    frame.retain(|item| {
        match item {
            FrameItem::Group(g) => {
                relocate(&mut g.frame, chapter);
                if let Some(p) = &mut g.parent {
                    p.location = moved(p.location);
                }
            }
            FrameItem::Tag(Tag::Start(elem, _)) => {
                if let Some(loc) = elem.location() {
                    elem.set_location(moved(loc));
                }
            }
            FrameItem::Tag(Tag::End(loc, ..)) => *loc = moved(*loc),
            FrameItem::Link(Destination::Location(loc), _) => *loc = moved(*loc),
            _ => {}
        }
        true
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use typst::foundations::{Content, NativeElement};
    use typst::introspection::TagFlags;
    use typst::layout::{Abs, Size};

    fn start(elem: Content, loc: u128) -> FrameItem {
        let flags = TagFlags {
            introspectable: true,
            tagged: true,
        };
        FrameItem::Tag(Tag::Start(elem.located(Location::new(loc)), flags))
    }

    fn end(loc: u128) -> FrameItem {
        let flags = TagFlags {
            introspectable: true,
            tagged: true,
        };
        FrameItem::Tag(Tag::End(Location::new(loc), 0, flags))
    }

    fn meta(s: &str) -> Content {
        MetadataElem::new(Value::Str(s.into())).pack()
    }

    fn footer() -> Content {
        ArtifactElem::new(Content::empty())
            .with_kind(ArtifactKind::Footer)
            .pack()
    }

    fn page() -> Frame {
        Frame::hard(Size::new(Abs::pt(595.0), Abs::pt(842.0)))
    }

    fn group(items: Vec<FrameItem>) -> FrameItem {
        let mut f = Frame::soft(Size::new(Abs::pt(400.0), Abs::pt(600.0)));
        for i in items {
            f.push(Point::zero(), i);
        }
        FrameItem::Group(GroupItem::new(f))
    }

    fn locations(frame: &Frame, out: &mut Vec<u128>) {
        for (_, item) in frame.items() {
            match item {
                FrameItem::Tag(t) => out.push(t.location().hash()),
                FrameItem::Group(g) => {
                    out.extend(g.parent.map(|p| p.location.hash()));
                    locations(&g.frame, out);
                }
                _ => {}
            }
        }
    }

    #[test]
    fn a_placeholder_page_is_found_by_its_marker_anywhere_in_the_page() {
        let mut f = page();
        f.push(Point::zero(), start(meta("gw-closing 0"), 1));
        assert_eq!(marker(&f), None);
        f.push(Point::zero(), group(vec![start(meta("gw-borrow-12-3"), 2)]));
        assert_eq!(marker(&f), Some((12, 3)));
    }

    #[test]
    fn the_footer_is_found_whether_typst_inlined_it_or_grouped_it() {
        let text = group(vec![start(meta("gw-block 0 0"), 1), end(1)]);
        let foot = Some(ArtifactKind::Footer);
        // Inlined: its tags and what they enclose sit among the page's own items.
        let mut inlined = page();
        inlined.push(Point::zero(), text.clone());
        inlined.push(Point::zero(), start(footer(), 7));
        inlined.push(Point::zero(), start(meta("— 3 —"), 8));
        inlined.push(Point::zero(), end(8));
        inlined.push(Point::zero(), end(7));
        inlined.push(Point::zero(), start(meta("after"), 9));
        assert_eq!(marginals(&inlined), [None, foot, foot, foot, foot, None]);
        // Grouped.
        let mut grouped = page();
        grouped.push(Point::zero(), text.clone());
        grouped.push(Point::zero(), group(vec![start(footer(), 7), end(7)]));
        assert_eq!(marginals(&grouped), [None, foot]);
        // Set on a placeholder, a page keeps its text and loses its footer.
        let mut placeholder = page();
        placeholder.push(Point::zero(), start(meta("gw-borrow-0-0"), 20));
        placeholder.push(Point::zero(), group(vec![start(footer(), 21), end(21)]));
        let placeholder = Page {
            frame: placeholder,
            bleed: Default::default(),
            fill: typst::foundations::Smart::Auto,
            numbering: None,
            supplement: Content::empty(),
            number: 1,
        };
        let set = with_borrowed(
            &placeholder,
            Page {
                frame: inlined,
                ..placeholder.clone()
            },
            0,
        );
        // The marker, the borrowed page (before the footer), the placeholder's footer.
        let items: Vec<_> = set.frame.items().map(|(_, i)| i).collect();
        assert_eq!(items.len(), 3);
        let FrameItem::Group(borrowed) = items[1] else {
            panic!("the borrowed page is a group: {items:?}")
        };
        assert_eq!(marginals(&borrowed.frame), [None, None]);
        assert_eq!(marginals(&set.frame)[2], foot);
    }

    #[test]
    fn moved_locations_stay_paired_within_a_chapter_and_differ_between_chapters() {
        let mut f = page();
        f.push(Point::zero(), start(meta("a"), 1));
        let mut inner = Frame::soft(Size::new(Abs::pt(10.0), Abs::pt(10.0)));
        inner.push(Point::zero(), start(meta("b"), 2));
        inner.push(Point::zero(), end(2));
        let mut g = GroupItem::new(inner);
        g.parent = Some(typst::layout::FrameParent::new(
            Location::new(1),
            typst::layout::Inherit::No,
        ));
        f.push(Point::zero(), FrameItem::Group(g));
        f.push(Point::zero(), end(1));
        let moved = |chapter| {
            let mut out = Vec::new();
            let mut f = f.clone();
            relocate(&mut f, chapter);
            locations(&f, &mut out);
            out
        };
        let (a, b) = (moved(0), moved(1));
        // Start, parent, inner start, inner end, end: the same location moves the same way.
        assert_eq!(a.len(), 5);
        assert!(a[0] == a[1] && a[1] == a[4] && a[2] == a[3] && a[0] != a[2]);
        assert!(a.iter().all(|l| *l != 1 && *l != 2));
        assert!(a.iter().all(|l| !b.contains(l)));
        assert_eq!(moved(0), a, "the same every time");
    }
}
