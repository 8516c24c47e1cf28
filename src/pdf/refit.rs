//! Measure, then typeset again where the first result breaks a rule only a finished layout shows.
//!
//! The first typesetting is usually the last. Its frames are read back (`frames.rs`) and three
//! things checked; each fix is a small change to the next typesetting (`Fit`), and a result is
//! kept only if it keeps every line as it was (or, for a tighter leading, really moves the closing
//! up a page):
//! - a closing mark set to hang (`mh`) at the end of a line where it would have fitted in the last
//!   cell: Word keeps it there, so it becomes `mc` (same width mid-line, so no line changes);
//! - a closing (署名, 成文日期 …) carried onto a page of its own with a few body lines, when a
//!   slightly tighter leading of its section (23 or 24 lines a page instead of 22, §7.3.5: adjust
//!   the line spacing) lets it stay on the page before;
//! - the 版记 on an odd page: it moves to the next even page (§7.4), and a blank page put before
//!   it and the 版记 page carry no page numbers (§7.5).

use std::collections::{BTreeMap, BTreeSet};

use typst::diag::{SourceDiagnostic, Warned};
use typst::ecow::EcoVec;
use typst::syntax::{Source, SyntaxKind};
use typst_layout::PagedDocument;

use crate::pdf::frames::{self, Glyph, Page};
use crate::pdf::marks;
use crate::pdf::world::DocWorld;

/// A tighter leading for a section's last page: `lines` a page, from its top-level block `from`
/// on (the first one that starts on that page, so the pages before keep the grid).
#[derive(Clone, Copy, PartialEq, Debug)]
struct Tight {
    lines: u32,
    from: usize,
}

/// What the next typesetting changes.
#[derive(Clone, Default, PartialEq, Debug)]
pub(crate) struct Fit {
    /// Sections (by closing id) whose last page is set at a tighter leading.
    sections: BTreeMap<String, Tight>,
    /// Whether the 版记 goes to the next even page.
    colophon_break: bool,
    /// Pages without a page number.
    unnumbered: Vec<usize>,
    /// Byte ranges in the main source of hanging mark calls' names to set inline.
    inline: BTreeSet<(usize, usize)>,
}

/// A closing call as the templates write it, at the start of a line (where no escaped user text
/// can be), with its section's tighter leading; `tight(id, 0, 0)` is the placeholder of a first
/// typesetting. Replacing only its numbers keeps the source's syntax tree the same shape, so every
/// other span — and with them Typst's cached layouts of the untouched sections — stays valid: a
/// year report typeset again with a few sections tightened costs 1.1 s instead of 3.5 s at 200
/// units × 1,000 tasks.
fn tight_call(id: &str, lines: u32, from: usize) -> String {
    format!("\n#(gw.closing)({id}, tight: (lines: {lines}, from: {from}),")
}

impl Fit {
    /// The main source and the `/fit.typ` module gongwen.typ imports for this typesetting:
    /// the chosen marks set inline, and each tightened section written into its closing call's
    /// placeholder — or, for a template without one, into the module.
    pub(crate) fn render(&self, main: &str) -> (String, String) {
        let mut out = main.to_string();
        for &(start, end) in &self.inline {
            if let Some(name) = marks::inline_name(&main[start..end]) {
                out.replace_range(start..end, name);
            }
        }
        let mut in_module = BTreeMap::new();
        for (id, t) in &self.sections {
            let call = tight_call(id, 0, 0);
            match out.find(&call) {
                Some(at) => {
                    out.replace_range(at..at + call.len(), &tight_call(id, t.lines, t.from))
                }
                None => {
                    in_module.insert(id.clone(), *t);
                }
            }
        }
        (out, self.module(&in_module))
    }

    /// The module of a first typesetting.
    pub(crate) fn first_module() -> String {
        Fit::default().module(&BTreeMap::new())
    }

    fn module(&self, sections: &BTreeMap<String, Tight>) -> String {
        let sections: Vec<String> = sections
            .iter()
            .map(|(id, t)| format!("\"{id}\": (lines: {}, from: {})", t.lines, t.from))
            .collect();
        let unnumbered: Vec<String> = self.unnumbered.iter().map(usize::to_string).collect();
        format!(
            "#let fit = (sections: ({}), colophon-break: {}, unnumbered: ({}))\n",
            if sections.is_empty() {
                ":".to_string()
            } else {
                sections.join(", ") + ","
            },
            self.colophon_break,
            if unnumbered.is_empty() {
                String::new()
            } else {
                unnumbered.join(", ") + ","
            },
        )
    }
}

/// One typesetting and what it looks like.
struct Attempt {
    fit: Fit,
    doc: PagedDocument,
    pages: Vec<Page>,
    warnings: EcoVec<SourceDiagnostic>,
}

/// A finished document, the world it was typeset in (for messages) and Typst's warnings.
pub(crate) struct Typeset {
    pub(crate) doc: PagedDocument,
    pub(crate) world: DocWorld,
    pub(crate) warnings: EcoVec<SourceDiagnostic>,
}

/// A document Typst could not typeset: its errors and warnings, and the world (for messages).
pub(crate) struct Failed {
    pub(crate) errors: EcoVec<SourceDiagnostic>,
    pub(crate) warnings: EcoVec<SourceDiagnostic>,
    pub(crate) world: Box<DocWorld>,
}

/// Typesets `world`'s document, and again with fixes where the first result needs them.
pub(crate) fn typeset(world: DocWorld) -> Result<Typeset, Failed> {
    let Warned { output, warnings } = typst::compile::<PagedDocument>(&world);
    let doc = match output {
        Ok(doc) => doc,
        Err(errors) => {
            return Err(Failed {
                errors,
                warnings,
                world: Box::new(world),
            });
        }
    };
    let pages = frames::read(&doc);
    let first = Attempt {
        fit: Fit::default(),
        doc,
        pages,
        warnings,
    };
    let mut best = (first, world);
    let lines = frames::lines(&best.0.pages);

    // Marks, and the 版记 unless a tighter leading may still move the pages.
    let tight = carried_closings(&best.0.pages);
    let mut fit = best.0.fit.clone();
    fit.inline = fitting_marks(&best.0.pages, best.1.main());
    if tight.is_empty() {
        colophon(&best.0.pages, &mut fit);
    }
    improve(&mut best, fit, &lines);
    if !tight.is_empty() {
        tighten(&mut best, &tight, &lines);
        let mut fit = best.0.fit.clone();
        colophon(&best.0.pages, &mut fit);
        improve(&mut best, fit, &lines);
    }
    let (a, world) = best;
    Ok(Typeset {
        doc: a.doc,
        world,
        warnings: a.warnings,
    })
}

/// Typesets with `fit` and keeps the result if it has the same lines and its 版记 where it
/// belongs; failing that, tries once more without the inline marks (the one change that could
/// alter a line, were a measurement wrong).
fn improve(best: &mut (Attempt, DocWorld), fit: Fit, lines: &[String]) {
    let good =
        |next: &(Attempt, DocWorld)| frames::lines(&next.0.pages) == lines && colophon_ok(&next.0);
    if let Some(next) = retry(&best.1, &fit) {
        if good(&next) {
            *best = next;
            return;
        }
        if fit.inline != best.0.fit.inline {
            let fit = Fit {
                inline: best.0.fit.inline.clone(),
                ..fit
            };
            if let Some(next) = retry(&best.1, &fit)
                && good(&next)
            {
                *best = next;
            }
        }
    }
}

/// Typesets again with `fit`, unless that is what `world` already has.
fn retry(world: &DocWorld, fit: &Fit) -> Option<(Attempt, DocWorld)> {
    let (main, module) = fit.render(world.first_main());
    if main == world.main().text() && module == world.fit() {
        return None;
    }
    let next = world.with(main, module);
    let Warned { output, warnings } = typst::compile::<PagedDocument>(&next);
    let doc = output.ok()?;
    let pages = frames::read(&doc);
    let attempt = Attempt {
        fit: fit.clone(),
        doc,
        pages,
        warnings,
    };
    Some((attempt, next))
}

/// Hanging marks at line ends where the line, as set, was stretched by at least the mark's width:
/// the mark would have fitted inside. Returned as the byte ranges of their calls' names.
fn fitting_marks(pages: &[Page], main: &Source) -> BTreeSet<(usize, usize)> {
    let mut out = BTreeSet::new();
    for page in pages {
        for m in page.marks.iter().filter(|m| m.width.abs() < 0.01) {
            let Some((range, w)) = hanging_call(main, &m.glyph) else {
                continue;
            };
            let Some(stretch) = stretch_before(page, m.x, m.glyph.y) else {
                continue;
            };
            // The mark's width is `w` 字 less a few trackings: erring on the wide side keeps a
            // mark hanging rather than risk a line that no longer fits.
            if stretch + 0.5 >= w * m.glyph.font_advance {
                out.insert(range);
            }
        }
    }
    out
}

/// How much the justification stretched the line segment that ends at `x` on baseline `y`: the
/// extra space each justifiable glyph got, times their number. The extra is read off the last
/// glyph before a box (it ends its text run, so it carries no tracking): its advance as set less
/// the font's.
fn stretch_before(page: &Page, x: f64, y: f64) -> Option<f64> {
    // The items of this line left of `x`, nearest first, while they touch.
    let mut items: Vec<(f64, f64, Option<&Glyph>)> = page
        .glyphs
        .iter()
        .filter(|g| (g.y - y).abs() < 0.1 && g.x < x - 0.01)
        .map(|g| (g.x, g.x + g.advance, Some(g)))
        .chain(
            page.marks
                .iter()
                .filter(|m| (m.glyph.y - y).abs() < 0.1 && m.x < x - 0.01)
                .map(|m| (m.x, m.x + m.width.max(m.glyph.advance), None)),
        )
        .collect();
    items.sort_by(|a, b| b.0.total_cmp(&a.0));
    let mut edge = x;
    let mut extra = None;
    let mut justifiable = 0usize;
    for (start, end, glyph) in items {
        if (end - edge).abs() > 0.6 {
            break;
        }
        edge = start;
        if let Some(g) = glyph {
            if is_justifiable(g) {
                justifiable += 1;
            }
            if extra.is_none() && g.last_in_item && is_cj(g.c) {
                extra = Some(g.advance - g.font_advance - g.offset.max(0.0));
            }
        }
    }
    Some(extra?.max(0.0) * justifiable as f64)
}

fn is_cj(c: char) -> bool {
    crate::text::is_ideograph(c) || matches!(c as u32, 0x3040..=0x30FF)
}

/// Glyphs Typst widens when it justifies a CJK line (typst-layout's `is_justifiable`).
fn is_justifiable(g: &Glyph) -> bool {
    is_cj(g.c) || "，。．、：；？！《（『「【〖〔〈［｛・· 　".contains(g.c)
}

/// The hanging mark call that set this glyph (`#mh(0.5, 2)[#"，"]`, `#th[#"、"]`): the byte
/// range of its name, and the mark's width in 字.
fn hanging_call(main: &Source, glyph: &Glyph) -> Option<((usize, usize), f64)> {
    if glyph.span.id() != Some(main.id()) {
        return None;
    }
    let mut node = main.find(glyph.span)?;
    while node.kind() != SyntaxKind::FuncCall {
        node = node.parent()?.clone();
    }
    let callee = node.children().next()?;
    let range = callee.range();
    marks::inline_name(&main.text()[range.clone()])?;
    // The first argument of `mh` is the width; `th` has none (full width).
    let args = node.children().nth(1)?;
    let w = args
        .children()
        .find(|n| matches!(n.kind(), SyntaxKind::Int | SyntaxKind::Float))
        .and_then(|n| n.get().leaf_text().parse::<f64>().ok())
        .unwrap_or(1.0);
    Some(((range.start, range.end), w))
}

/// Sections whose closing was carried to a page after the one its section starts on, with only a
/// few body lines above it: a tighter leading may keep it on the page before. Each with the first
/// of its top-level blocks that starts on that page before.
fn carried_closings(pages: &[Page]) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    for (i, page) in pages.iter().enumerate() {
        for (name, y) in &page.markers {
            let Some(id) = name.strip_prefix("gw-closing ") else {
                continue;
            };
            let start = pages.iter().position(|p| {
                p.markers
                    .iter()
                    .any(|(n, _)| *n == format!("gw-section {id}"))
            });
            let body_lines = baselines(page, *y).len();
            if start.is_some_and(|s| s < i) && body_lines <= 4 {
                out.push((id.to_string(), first_block_on(pages, id, i - 1)));
            }
        }
    }
    out
}

/// The first top-level block of section `id` that starts on page `page` or later (or the number of
/// its blocks: then only the last paragraph, which holds the closing, is tightened).
fn first_block_on(pages: &[Page], id: &str, page: usize) -> usize {
    let prefix = format!("gw-block {id} ");
    let blocks = pages.iter().enumerate().flat_map(|(p, pg)| {
        pg.markers
            .iter()
            .filter_map(|(n, _)| n.strip_prefix(&prefix)?.parse::<usize>().ok())
            .map(move |i| (p, i))
    });
    let mut count = 0;
    let mut first = None;
    for (p, i) in blocks {
        count = count.max(i + 1);
        if p >= page {
            first = Some(first.map_or(i, |f: usize| f.min(i)));
        }
    }
    first.unwrap_or(count)
}

/// The distinct text baselines of a page above `y`.
fn baselines(page: &Page, y: f64) -> BTreeSet<i64> {
    page.glyphs
        .iter()
        .chain(page.marks.iter().map(|m| &m.glyph))
        .filter(|g| g.y < y)
        .map(|g| (g.y * 10.0).round() as i64)
        .collect()
}

/// The page (0-based) holding a marker, and its y.
fn marker(pages: &[Page], name: &str) -> Option<(usize, f64)> {
    pages.iter().enumerate().find_map(|(i, p)| {
        p.markers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, y)| (i, *y))
    })
}

/// Whether `n` lines a page (instead of the grid's 22) could bring section `id`'s closing up a
/// page, its blocks from `from` on tightened: the lines they set on the page before, the body
/// lines above the closing and the closing itself must then fit in the room below the blocks
/// kept on the grid. The count errs on the side of trying: half a line more is allowed, anything it
/// cannot measure (pictures, a tightened part that does not start on the page before) says yes,
/// and taller lines (headings) count as one.
fn could_rise(pages: &[Page], id: &str, from: usize, n: u32) -> bool {
    let (Some((page, closing)), Some((end_page, end))) = (
        marker(pages, &format!("gw-closing {id}")),
        marker(pages, &format!("gw-closing-end {id}")),
    ) else {
        return true;
    };
    let block = format!("gw-block {id} {from}");
    let Some(start) = page
        .checked_sub(1)
        .and_then(|p| pages[p].markers.iter().find(|(m, _)| *m == block))
        .map(|(_, y)| *y)
    else {
        return true;
    };
    let before = &pages[page - 1];
    let Some(pitch) = pitch(before) else {
        return true;
    };
    if end_page != page {
        return true;
    }
    let kept = baselines(before, start - 0.1).len() as f64;
    let moved = (baselines(before, f64::MAX).len() as f64) - kept;
    let above = baselines(&pages[page], closing).len() as f64;
    let closing_lines = ((end - closing) / pitch - 0.01).ceil().max(0.0);
    let need = moved + above + closing_lines;
    let room = (f64::from(LINES) - kept) * f64::from(n) / f64::from(LINES);
    // Measured at 200 summaries: closings that rose needed at most 0.18 line more than this
    // room; those that did not, a line more or beyond.
    need <= room + 0.5
}

/// Lines a page of the grid (gongwen.typ `lines-per-page`, §5.2.3).
const LINES: u32 = 22;

/// The page's line pitch: the commonest distance between neighbouring baselines.
fn pitch(page: &Page) -> Option<f64> {
    let lines: Vec<i64> = baselines(page, f64::MAX).into_iter().collect();
    let mut gaps = BTreeMap::<i64, usize>::new();
    for w in lines.windows(2) {
        *gaps.entry(w[1] - w[0]).or_default() += 1;
    }
    let (gap, _) = gaps
        .into_iter()
        .max_by_key(|(g, count)| (*count, std::cmp::Reverse(*g)))?;
    Some(gap as f64 / 10.0)
}

/// Tightens the leading of the carried sections' last pages, 23 then 24 lines a page, keeping
/// each only where its closing moves up a page.
fn tighten(best: &mut (Attempt, DocWorld), ids: &[(String, usize)], lines: &[String]) {
    let page_of = |pages: &[Page], id: &str| -> Option<usize> {
        let (closing, _) = marker(pages, &format!("gw-closing {id}"))?;
        let (start, _) = marker(pages, &format!("gw-section {id}"))?;
        Some(closing - start)
    };
    let mut open: Vec<(String, usize)> = ids.to_vec();
    for per_page in [23, 24] {
        // Only the sections a count of lines says could rise are typeset again: most carried
        // closings cannot (at 200 summaries, 99 of 139 retries were spent on them).
        let (trying, waiting): (Vec<_>, Vec<_>) = open
            .into_iter()
            .partition(|(id, from)| could_rise(&best.0.pages, id, *from, per_page));
        open = waiting;
        if trying.is_empty() {
            continue;
        }
        let tightened = |fit: &Fit, sections: &[(String, usize)]| {
            let mut fit = fit.clone();
            for (id, from) in sections {
                let t = Tight {
                    lines: per_page,
                    from: *from,
                };
                fit.sections.insert(id.clone(), t);
            }
            fit
        };
        let Some(next) = retry(&best.1, &tightened(&best.0.fit, &trying)) else {
            break;
        };
        if frames::lines(&next.0.pages) != lines {
            break;
        }
        let (won, lost): (Vec<_>, Vec<_>) = trying.into_iter().partition(|(id, _)| {
            match (page_of(&best.0.pages, id), page_of(&next.0.pages, id)) {
                (Some(before), Some(after)) => after < before,
                _ => false,
            }
        });
        if lost.is_empty() {
            *best = next;
        } else if !won.is_empty()
            && let Some(kept) = retry(&best.1, &tightened(&best.0.fit, &won))
            && frames::lines(&kept.0.pages) == lines
        {
            *best = kept;
        }
        open.extend(lost);
    }
}

/// Where the 版记 goes: on an even page. Found on an odd one, it moves to the next even page:
/// after an odd page holding the end of the text, the next; after an even one (the 版记 did not
/// fit below the text) or an empty one, past a blank page, and then neither page is numbered.
fn colophon(pages: &[Page], fit: &mut Fit) {
    let (Some((anchor, anchor_y)), Some((page, _))) = (
        marker(pages, "gw-colophon-anchor"),
        marker(pages, "gw-colophon"),
    ) else {
        return;
    };
    if page % 2 == 1 && page + 1 == pages.len() {
        return; // 0-based: an even page number, and the last page.
    }
    let text_above = !baselines(&pages[anchor], anchor_y).is_empty();
    fit.colophon_break = true;
    fit.unnumbered = if anchor % 2 == 0 && text_above {
        Vec::new()
    } else if anchor % 2 == 0 {
        vec![anchor + 1, anchor + 2]
    } else {
        vec![anchor + 2, anchor + 3]
    };
}

/// The 版记, if there is one, is on the last page, an even one.
fn colophon_ok(a: &Attempt) -> bool {
    match marker(&a.pages, "gw-colophon") {
        Some((page, _)) => page % 2 == 1 && page + 1 == a.pages.len(),
        None => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PITCH: f64 = 28.99;

    /// A page with one glyph on each of `lines` grid lines from line `first` on, and markers.
    fn page(first: usize, lines: usize, markers: &[(&str, f64)]) -> Page {
        let glyphs = (first..first + lines)
            .map(|l| Glyph {
                x: 0.0,
                y: 100.0 + l as f64 * PITCH,
                advance: 16.0,
                font_advance: 16.0,
                offset: 0.0,
                c: '字',
                last_in_item: false,
                span: typst::syntax::Span::detached(),
            })
            .collect();
        Page {
            glyphs,
            marks: Vec::new(),
            markers: markers.iter().map(|(n, y)| (n.to_string(), *y)).collect(),
        }
    }

    #[test]
    fn a_closing_is_typeset_again_only_where_a_count_of_lines_says_it_could_rise() {
        let y = |line: f64| 100.0 + line * PITCH;
        // The page before: 21 lines set from block 3 on, one left free. The closing's page: one
        // body line, then the closing, two lines high: 24 lines, which 24 a page can hold.
        let pages = |above: usize| {
            vec![
                page(0, 21, &[("gw-block 0 3", y(-0.9))]),
                page(
                    0,
                    above + 2,
                    &[
                        ("gw-closing 0", y(above as f64 - 0.9)),
                        ("gw-closing-end 0", y(above as f64 + 1.1)),
                    ],
                ),
            ]
        };
        assert!(!could_rise(&pages(1), "0", 3, 23));
        assert!(could_rise(&pages(1), "0", 3, 24));
        // Two body lines more than 24 a page can take: not tried.
        assert!(!could_rise(&pages(3), "0", 3, 24));
        // A tightened part that does not start on the page before cannot be counted: tried.
        assert!(could_rise(&pages(3), "0", 2, 24));
    }

    #[test]
    fn the_default_fit_changes_nothing() {
        let main = "#import \"/gongwen.typ\": setup\n#(gw.closing)(0, tight: (lines: 0, from: 0), [\n#\"正文\"\n], [])\n";
        assert_eq!(
            Fit::default().render(main),
            (
                main.to_string(),
                "#let fit = (sections: (:), colophon-break: false, unnumbered: ())\n".to_string()
            )
        );
    }

    #[test]
    fn a_tightened_section_goes_into_its_closing_call_or_else_into_the_module() {
        let main = "#(gw.page)()\n#(gw.closing)(0, tight: (lines: 0, from: 0), [\n#\"(gw.closing)(1, tight: (lines: 0, from: 0),\"\n], [])\n#(gw.closing)(1, [])\n";
        let fit = Fit {
            sections: [
                ("0".to_string(), Tight { lines: 23, from: 4 }),
                ("1".to_string(), Tight { lines: 24, from: 2 }),
            ]
            .into(),
            colophon_break: true,
            unnumbered: vec![3, 4],
            inline: BTreeSet::new(),
        };
        let (out, module) = fit.render(main);
        // Section 0's placeholder takes its numbers; the user's text that looks like one (a
        // string literal, never at a line's start) is left alone.
        assert_eq!(
            out,
            main.replace(
                "\n#(gw.closing)(0, tight: (lines: 0, from: 0),",
                "\n#(gw.closing)(0, tight: (lines: 23, from: 4),"
            )
        );
        // Section 1's call has no placeholder (a project's own template): the module says it.
        assert_eq!(
            module,
            "#let fit = (sections: (\"1\": (lines: 24, from: 2),), colophon-break: true, unnumbered: (3, 4,))\n"
        );
        // Same shape: Typst numbers every node of the edited source as it did the first, so
        // the spans in its cached layouts still match.
        fn spans(n: &typst::syntax::SyntaxNode, out: &mut Vec<(SyntaxKind, typst::syntax::Span)>) {
            out.push((n.kind(), n.span()));
            n.children().for_each(|c| spans(c, out));
        }
        let numbered = |text: &str| {
            let id = crate::pdf::world::file_id("/main.typ");
            let mut out = Vec::new();
            spans(Source::new(id, text.to_string()).root(), &mut out);
            out
        };
        assert_eq!(numbered(&out), numbered(main));
    }
}
