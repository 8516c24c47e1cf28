//! A unit's year-end summary and the office's year report as .docx, from the same views as the
//! PDF: the summary as a formal report of its unit; the report with its cover, contents, the
//! figures as tables (and the progress chart), and each summary as a chapter.

use docx_rs::{
    AlignmentType, FieldCharType, Hyperlink, HyperlinkType, InstrPAGEREF, InstrText, Paragraph,
    Run, Tab, TabLeaderType, TabValueType, TableCell, TableRow,
};

use crate::docx::blocks::{self, Item, text_cell};
use crate::docx::chart;
use crate::docx::notice::{signature, title};
use crate::docx::page::Page;
use crate::docx::style::{self, Faces, LINE, mm};
use crate::markdown::Block;
use crate::text::Role;
use crate::view::report::ReportView;
use crate::view::submission::{SubmissionView, text_paragraphs};

/// A summary on its own: two blank lines, the title, its content, the unit and date.
pub(crate) fn submission(
    v: &SubmissionView<Vec<Block>>,
    faces: &Faces,
    date: &str,
    root: &std::path::Path,
) -> Result<Vec<u8>, String> {
    let mut page = Page::new(faces, style::SIZE_2, 24, date);
    page.pictures_from(root);
    page.para(title(&v.title_lines, 2 * LINE));
    page.items(blocks::blocks(&v.content, None));
    for p in signature(&v.unit, None, &v.date, false) {
        page.para(p);
    }
    page.finish()
}

/// Columns as fractions of the type area's width, after `fixed` twips for the first.
fn columns(fixed: usize, fractions: &[f64]) -> Vec<usize> {
    let full = mm(style::TYPE_W_MM) as usize;
    let sum: f64 = fractions.iter().sum();
    let rest = (full - fixed) as f64;
    let mut w: Vec<usize> = Vec::new();
    if fixed > 0 {
        w.push(fixed);
    }
    w.extend(fractions.iter().map(|f| (rest * f / sum).floor() as usize));
    w
}

fn header_row(headers: &[&str]) -> TableRow {
    TableRow::new(headers.iter().map(|h| text_cell(style::HEAD, h)).collect())
}

/// A cell of several paragraphs (a lead unit's report each).
fn paragraphs_cell(paras: Vec<Paragraph>) -> TableCell {
    paras
        .into_iter()
        .fold(TableCell::new(), TableCell::add_paragraph)
}

fn left(text: &str) -> Paragraph {
    blocks::para(Some(style::CELL), text).align(AlignmentType::Both)
}

/// The cover: the title low on the page, the list's title below, the organ and year at the foot.
fn cover(page: &mut Page, v: &ReportView<Vec<Block>>, faces: &Faces) {
    let mut run = Run::new();
    for (i, l) in v.title_lines.iter().enumerate() {
        if i > 0 {
            run = run.add_break(docx_rs::BreakType::TextWrapping);
        }
        run = run.add_text(l.as_str());
    }
    let title_lines = v.title_lines.len().max(1) as i32;
    page.para(
        Paragraph::new()
            .style(style::COVER_TITLE)
            .line_spacing(
                docx_rs::LineSpacing::new()
                    .line(LINE * 3 / 2)
                    .line_rule(docx_rs::LineSpacingType::Exact)
                    .before(5 * LINE as u32),
            )
            .add_run(run),
    );
    page.para(
        Paragraph::new()
            .style(style::COVER)
            .line_spacing(spacing_before(2 * LINE))
            .add_run(
                Run::new()
                    .fonts(faces.fonts(Role::Kai))
                    .add_text(v.list_title.as_str()),
            ),
    );
    let used = 5 * LINE + title_lines * LINE * 3 / 2 + 3 * LINE;
    page.para(
        blocks::para(Some(style::COVER), &v.organ)
            .line_spacing(spacing_before((18 * LINE - used).max(LINE))),
    );
    page.para(blocks::para(Some(style::COVER), &v.year_text));
}

fn spacing_before(before: i32) -> docx_rs::LineSpacing {
    docx_rs::LineSpacing::new()
        .line(LINE)
        .line_rule(docx_rs::LineSpacingType::Exact)
        .before(before.max(0) as u32)
}

/// The bookmark of the `i`th heading in the contents (hidden, as Word names its own).
fn bookmark(i: usize) -> String {
    format!("_Toc{}", i + 1)
}

/// A chapter heading, bookmarked for its entry in the contents.
fn heading(level: usize, text: &str, entry: usize) -> Paragraph {
    let id = entry + 1;
    Paragraph::new()
        .style(style::HEADINGS[level])
        .add_bookmark_start(id, bookmark(entry))
        .add_run(Run::new().add_text(text))
        .add_bookmark_end(id)
}

/// The headings in the contents, in order: the four chapters, each summary under the last.
fn entries(v: &ReportView<Vec<Block>>) -> Vec<(usize, String)> {
    let mut entries: Vec<(usize, String)> = [
        v.labels.overview,
        v.labels.tasks,
        v.labels.reporting,
        v.labels.summaries,
    ]
    .iter()
    .map(|l| (0, l.to_string()))
    .collect();
    entries.extend(v.subs.iter().map(|s| (1, s.heading.clone())));
    entries
}

/// The contents: an entry per chapter and summary, each a link to its heading and its page as
/// a PAGEREF field to the heading's bookmark, after a dotted right tab. LibreOffice computes
/// the pages as it lays the document out and Word updates the fields (marked for updating) when
/// it opens it — a TOC field would show its stored text in LibreOffice, and no page is known
/// before a word processor has laid the document out.
fn contents(page: &mut Page, v: &ReportView<Vec<Block>>, faces: &Faces) {
    page.page_break();
    page.para(
        Paragraph::new().style(style::COVER).add_run(
            Run::new()
                .fonts(faces.fonts(Role::Hei))
                .add_text(v.labels.contents),
        ),
    );
    let right = mm(style::TYPE_W_MM) as usize;
    for (i, (level, text)) in entries(v).into_iter().enumerate() {
        let r = Run::new;
        let link = Hyperlink::new(bookmark(i), HyperlinkType::Anchor)
            .add_run(r().add_text(text))
            .add_run(r().add_tab())
            .add_run(r().add_field_char(FieldCharType::Begin, true))
            .add_run(r().add_instr_text(InstrText::PAGEREF(
                InstrPAGEREF::new(bookmark(i)).hyperlink(),
            )))
            .add_run(r().add_field_char(FieldCharType::Separate, false))
            .add_run(r().add_field_char(FieldCharType::End, false));
        page.para(
            Paragraph::new()
                .style(style::TOC[level])
                .add_tab(
                    Tab::new()
                        .val(TabValueType::Right)
                        .leader(TabLeaderType::Dot)
                        .pos(right),
                )
                .add_hyperlink(link),
        );
    }
}

/// Chapter 一: the overview, the chart and the counts per category.
fn overview(page: &mut Page, v: &ReportView<Vec<Block>>) -> Result<(), String> {
    // The body's pages are numbered from 1; the cover and contents carry no number (as the PDF).
    page.number_from_here();
    page.para(heading(0, v.labels.overview, 0));
    page.para(blocks::para(None, &v.overview));
    let chart = chart::chart(page, &v.categories)?;
    page.item(Item::Table(chart));
    page.para(chart::legend(&v.labels.statuses));
    // Under the chart and its legend, as in the PDF.
    page.para(blocks::para(Some(style::CELL), &v.chart_caption));
    let mut rows = vec![header_row(&v.labels.count_headers)];
    for c in &v.counts {
        let n = |x: usize| text_cell(style::CELL, &x.to_string());
        rows.push(TableRow::new(vec![
            text_cell(style::CELL, &c.name),
            n(c.total),
            n(c.done),
            n(c.in_progress),
            n(c.not_started),
            n(c.partial),
            n(c.no_report),
        ]));
    }
    // As the PDF: 部分单位未报告 is the longest header.
    let widths = columns(0, &[2.0, 1.0, 1.0, 1.0, 1.0, 1.6, 1.0]);
    page.item(Item::Table(blocks::grid_table(rows, widths)));
    Ok(())
}

/// Chapter 二: every task with its lead units' reports.
fn tasks(page: &mut Page, v: &ReportView<Vec<Block>>) {
    page.page_break();
    page.para(heading(0, v.labels.tasks, 1));
    let mut rows = vec![header_row(&v.labels.task_headers)];
    for t in &v.tasks {
        let reports: Vec<Paragraph> = if t.reports.is_empty() {
            vec![left(t.status)]
        } else {
            t.reports
                .iter()
                .flat_map(|r| {
                    let mut paras = text_paragraphs(&r.summary);
                    let first = format!("{}：{}。", r.unit, r.status);
                    match paras.first_mut() {
                        Some(p) => p.insert(0, crate::markdown::Inline::Text(first)),
                        None => paras.push(vec![crate::markdown::Inline::Text(first)]),
                    }
                    paras.into_iter().map(|p| {
                        blocks::runs(Paragraph::new().style(style::CELL), &p)
                            .align(AlignmentType::Both)
                    })
                })
                .collect()
        };
        rows.push(TableRow::new(vec![
            text_cell(style::CELL, &t.number.to_string()),
            TableCell::new().add_paragraph(left(&t.text)),
            text_cell(style::CELL, &t.lead),
            paragraphs_cell(reports),
        ]));
    }
    let widths = columns(728, &[3.0, 1.4, 3.0]);
    page.item(Item::Table(blocks::grid_table(rows, widths)));
}

/// Chapter 三: who owed a summary, and when it came.
fn reporting(page: &mut Page, v: &ReportView<Vec<Block>>) {
    page.page_break();
    page.para(heading(0, v.labels.reporting, 2));
    page.para(blocks::para(None, &v.reporting));
    let mut rows = vec![header_row(&v.labels.owing_headers)];
    for o in &v.owing {
        rows.push(TableRow::new(vec![
            text_cell(style::CELL, &o.unit),
            text_cell(style::CELL, &o.tasks),
            text_cell(style::CELL, &o.received),
            text_cell(style::CELL, o.state),
        ]));
    }
    let widths = columns(0, &[2.0, 2.0, 1.4, 1.0]);
    page.item(Item::Table(blocks::grid_table(rows, widths)));
}

/// Chapter 四: each summary, a new page for each but the first.
fn summaries(page: &mut Page, v: &ReportView<Vec<Block>>) {
    page.page_break();
    page.para(heading(0, v.labels.summaries, 3));
    for (i, s) in v.subs.iter().enumerate() {
        if i > 0 {
            page.page_break();
        }
        page.para(heading(1, &s.heading, 4 + i));
        page.para(title(&s.title_lines, LINE));
        page.items(blocks::blocks(&s.content, None));
        for p in signature(&s.unit, None, &s.date, false) {
            page.para(p);
        }
    }
}

/// The year report as a .docx.
pub(crate) fn report(
    v: &ReportView<Vec<Block>>,
    faces: &Faces,
    date: &str,
    root: &std::path::Path,
) -> Result<Vec<u8>, String> {
    let mut page = Page::new(faces, style::SIZE_2, 24, date);
    page.pictures_from(root);
    page.unnumbered();
    cover(&mut page, v, faces);
    contents(&mut page, v, faces);
    overview(&mut page, v)?;
    tasks(&mut page, v);
    reporting(&mut page, v);
    summaries(&mut page, v);
    page.finish()
}
