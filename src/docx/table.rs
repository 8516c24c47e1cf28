//! The task table of a notice's attachment as a real Word table: the header row repeated on
//! every page, a row per category merged across the four columns, the column widths of the PDF
//! (given in characters of the table's type size), and rows that may break across pages.

use docx_rs::{
    LineSpacing, LineSpacingType, Paragraph, Run, Table, TableCell, TableCellMargins, TableRow,
    VAlignType, WidthType,
};

use crate::docx::blocks::{self, text_run};
use crate::docx::style::{self, mm};
use crate::model::TableLayout;
use crate::rules::numbering::heading_number;
use crate::rules::wording;
use crate::view::notice::CategoryView;

/// The column widths in twips: 工作任务, 牵头单位 and 配合单位 hold the characters the layout
/// gives them (plus the cell's side padding, as the PDF sets them); 序号 takes the rest of the
/// 225 mm landscape type area.
pub(crate) fn widths(layout: &TableLayout) -> Vec<usize> {
    let full = mm(style::TYPE_H_MM) as f64;
    let col = |n: f64| (n * layout.size * 20.0 + 2.0 * 60.0 + 10.0).round();
    let rest: f64 = layout.columns.iter().map(|n| col(*n)).sum();
    let first = (full - rest).max(600.0);
    std::iter::once(first)
        .chain(layout.columns.iter().map(|n| col(*n)))
        .map(|w| w as usize)
        .collect()
}

fn spacing(layout: &TableLayout) -> LineSpacing {
    LineSpacing::new()
        .line((layout.size * (1.0 + layout.leading) * 20.0).round() as i32)
        .line_rule(LineSpacingType::Exact)
        .before(0)
        .after(0)
}

/// A cell of the table; the type size is set directly when the list's size is not the one its
/// style carries (a document's task lists may differ).
fn cell(
    layout: &TableLayout,
    st: &str,
    text: &str,
    align: docx_rs::AlignmentType,
    size: usize,
) -> TableCell {
    let p = Paragraph::new()
        .style(st)
        .align(align)
        .line_spacing(spacing(layout));
    let run = if size == style::half_points(layout.size) {
        Run::new()
    } else {
        Run::new().size(style::half_points(layout.size))
    };
    let p = if text.is_empty() {
        p
    } else {
        p.add_run(text_run(run, text))
    };
    TableCell::new()
        .add_paragraph(p)
        .vertical_align(VAlignType::Center)
}

/// The table of one task list.
pub(crate) fn tasks(layout: &TableLayout, categories: &[CategoryView]) -> Table {
    use docx_rs::AlignmentType::{Both, Center, Left};
    let size = style::half_points(layout.size);
    // The header in 黑体, like the category rows.
    let mut rows = vec![TableRow::new(
        wording::TASK_HEADERS
            .iter()
            .map(|h| cell(layout, style::CATEGORY, h, Center, size))
            .collect(),
    )];
    for (i, c) in categories.iter().enumerate() {
        let name = format!("{}{}", heading_number(1, i + 1), c.name);
        rows.push(TableRow::new(vec![
            cell(layout, style::CATEGORY, &name, Left, size).grid_span(4),
        ]));
        for t in &c.tasks {
            rows.push(TableRow::new(vec![
                cell(
                    layout,
                    style::TASK_CELL,
                    &t.number.to_string(),
                    Center,
                    size,
                ),
                cell(layout, style::TASK_CELL, &t.text, Both, size),
                cell(layout, style::TASK_CELL, &t.lead, Center, size),
                cell(layout, style::TASK_CELL, &t.support, Center, size),
            ]));
        }
    }
    let pad = (layout.padding * 20.0).round() as usize;
    blocks::grid_table(rows, widths(layout)).margins(
        TableCellMargins::new()
            .margin_top(pad, WidthType::Dxa)
            .margin_bottom(pad, WidthType::Dxa)
            .margin_left(60, WidthType::Dxa)
            .margin_right(60, WidthType::Dxa),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_fill_the_landscape_type_area() {
        let w = widths(&TableLayout::default());
        assert_eq!(w.len(), 4);
        let total: usize = w.iter().sum();
        assert!((total as i32 - mm(style::TYPE_H_MM)).abs() <= 2, "{w:?}");
        // 31¼ characters of 12 pt and the padding: 工作任务 is 7,630 twips wide.
        assert_eq!(w[1], 7500 + 130);
    }
}
