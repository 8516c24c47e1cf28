//! Bodies (the shared block model) as WordprocessingML paragraphs and tables, each in its named
//! style: 正文 (Normal), 一级标题 … 四级标题, 引文, 顶格正文, and the bordered 公文表格 whose header
//! row repeats on every page.

use docx_rs::{BreakType, Paragraph, Run, Table, TableCell, TableLayoutType, TableRow, WidthType};

use crate::docx::style;
use crate::markdown::{Block, Inline};

/// What a body is made of in a document: paragraphs and tables.
// Each item is built and moved into the document once; boxing the paragraph would gain nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Debug)]
pub(crate) enum Item {
    Para(Paragraph),
    Table(Table),
    /// A picture of the body: its file (relative to the project), size in pixels, caption.
    Figure {
        file: String,
        pixels: (u32, u32),
        caption: String,
    },
}

/// A run of text; a line feed in it becomes a line break, as in the PDF.
pub(crate) fn text_run(run: Run, text: &str) -> Run {
    let mut run = run;
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            run = run.add_break(BreakType::TextWrapping);
        }
        if !line.is_empty() {
            run = run.add_text(line);
        }
    }
    run
}

/// Runs for inlines: strong text bold, emphasis italic, line breaks as breaks.
pub(crate) fn runs(p: Paragraph, inlines: &[Inline]) -> Paragraph {
    fn go(mut p: Paragraph, inlines: &[Inline], bold: bool, italic: bool) -> Paragraph {
        for i in inlines {
            p = match i {
                Inline::Text(t) => {
                    let mut r = Run::new();
                    if bold {
                        r = r.bold();
                    }
                    if italic {
                        r = r.italic();
                    }
                    p.add_run(text_run(r, t))
                }
                Inline::Strong(c) => go(p, c, true, italic),
                Inline::Emph(c) => go(p, c, bold, true),
                Inline::LineBreak => p.add_run(Run::new().add_break(BreakType::TextWrapping)),
            };
        }
        p
    }
    go(p, inlines, false, false)
}

/// A paragraph of plain text in a style (Normal when `style` is None).
pub(crate) fn para(style: Option<&str>, text: &str) -> Paragraph {
    let p = Paragraph::new();
    let p = match style {
        Some(s) => p.style(s),
        None => p,
    };
    if text.is_empty() {
        p
    } else {
        p.add_run(text_run(Run::new(), text))
    }
}

fn styled(style: Option<&str>) -> Paragraph {
    match style {
        Some(s) => Paragraph::new().style(s),
        None => Paragraph::new(),
    }
}

/// The blocks of a body. `style` is the style of its plain paragraphs (None: Normal).
pub(crate) fn blocks(items: &[Block], style: Option<&str>) -> Vec<Item> {
    let mut out = Vec::new();
    for b in items {
        match b {
            Block::Heading {
                level,
                number,
                content,
            } => {
                let id = style::HEADINGS[usize::from(level.clamp(&1, &4) - 1)];
                let p = Paragraph::new()
                    .style(id)
                    .add_run(Run::new().add_text(number.as_str()));
                out.push(Item::Para(runs(p, content)));
            }
            Block::Para(content) => out.push(Item::Para(runs(styled(style), content))),
            Block::List { ordered, items } => list(&mut out, *ordered, items, style),
            Block::Table { header, rows } => out.push(Item::Table(table(header, rows))),
            Block::Quote(inner) => out.extend(blocks(inner, Some(style::QUOTE))),
            Block::Literal(text) => {
                for line in text.split('\n') {
                    out.push(Item::Para(para(Some(style::FLUSH), line)));
                }
            }
            Block::Image(image) => out.push(Item::Figure {
                file: image.file.clone(),
                pixels: image.pixels,
                caption: image.alt.clone(),
            }),
        }
    }
    out
}

/// A list as the PDF sets it: each item a paragraph starting with its marker (1. or ·).
fn list(out: &mut Vec<Item>, ordered: bool, items: &[Vec<Block>], style: Option<&str>) {
    for (i, item) in items.iter().enumerate() {
        let marker = if ordered {
            format!("{}.", i + 1)
        } else {
            "·".to_string()
        };
        let mut inner = blocks(item, style);
        match inner.first_mut() {
            Some(Item::Para(p)) => {
                let runs = std::mem::take(&mut p.children);
                *p = p.clone().add_run(Run::new().add_text(marker));
                p.children.extend(runs);
            }
            _ => inner.insert(0, Item::Para(para(style, &marker))),
        }
        out.extend(inner);
    }
}

/// A cell holding one paragraph of inlines in `style`.
pub(crate) fn cell(style: &str, inlines: &[Inline]) -> TableCell {
    TableCell::new().add_paragraph(runs(Paragraph::new().style(style), inlines))
}

/// A cell of plain text (line feeds as breaks).
pub(crate) fn text_cell(style: &str, text: &str) -> TableCell {
    TableCell::new().add_paragraph(para(Some(style), text))
}

/// A table of the body: bordered, the header in 黑体 and repeated on every page, the columns
/// sharing the type area's width.
fn table(header: &[Vec<Inline>], rows: &[Vec<Vec<Inline>>]) -> Table {
    let cols = rows
        .iter()
        .map(Vec::len)
        .chain(std::iter::once(header.len()))
        .max()
        .unwrap_or(1)
        .max(1);
    let full = style::mm(style::TYPE_W_MM) as usize;
    let widths = vec![full / cols; cols];
    let pad = |cells: Vec<TableCell>, st: &str| {
        let mut cells = cells;
        while cells.len() < cols {
            cells.push(text_cell(st, ""));
        }
        cells
    };
    let mut out = vec![TableRow::new(pad(
        header.iter().map(|h| cell(style::HEAD, h)).collect(),
        style::HEAD,
    ))];
    for r in rows {
        out.push(TableRow::new(pad(
            r.iter().map(|c| cell(style::CELL, c)).collect(),
            style::CELL,
        )));
    }
    grid_table(out, widths)
}

/// A 公文表格 with fixed column widths (twips).
pub(crate) fn grid_table(rows: Vec<TableRow>, widths: Vec<usize>) -> Table {
    let total = widths.iter().sum();
    Table::without_borders(rows)
        .set_borders(style::grid_borders())
        .style(style::TABLE)
        .set_grid(widths)
        .width(total, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
}
