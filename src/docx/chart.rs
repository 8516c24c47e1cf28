//! The year report's progress chart: per category a bar of 已完成, 推进中, 未启动, 部分单位未报告
//! and 未报告,
//! as in the PDF. Each bar is a small PNG (the png crate is already part of the build, through
//! Typst) in a table row between the category's name and its total; the legend is text.

use docx_rs::{
    AlignmentType, Paragraph, Run, Table, TableCell, TableLayoutType, TableRow, WidthType,
};

use crate::docx::page::Page;
use crate::docx::style::{self, mm};
use crate::report::Counts;

/// The colours of the five states, as the PDF draws them (gongwen.typ, status-chart).
pub(crate) const COLOURS: [[u8; 3]; 5] = [
    [0x2e, 0x7d, 0x32],
    [0xf9, 0xa8, 0x25],
    [0xc6, 0x28, 0x28],
    [0x6d, 0x8f, 0xb3],
    [0x9e, 0x9e, 0x9e],
];

const BAR_PX: u32 = 600;
const BAR_H_PX: u32 = 20;

/// A bar `BAR_PX` wide: the counts' segments side by side, scaled so `most` fills it, the rest
/// white.
pub(crate) fn bar_png(counts: [usize; 5], most: usize) -> Result<Vec<u8>, String> {
    let most = most.max(1);
    let mut row = Vec::with_capacity(BAR_PX as usize * 3);
    let mut edge = 0usize;
    let mut bounds = Vec::new();
    for (i, c) in counts.iter().enumerate() {
        edge += c;
        bounds.push((edge * BAR_PX as usize / most, i));
    }
    for x in 0..BAR_PX as usize {
        let colour = bounds
            .iter()
            .find(|(end, _)| x < *end)
            .map_or([0xff, 0xff, 0xff], |(_, i)| COLOURS[*i]);
        row.extend_from_slice(&colour);
    }
    let mut out = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut out, BAR_PX, BAR_H_PX);
        enc.set_color(png::ColorType::Rgb);
        enc.set_depth(png::BitDepth::Eight);
        let mut w = enc.write_header().map_err(|e| e.to_string())?;
        let data: Vec<u8> = (0..BAR_H_PX).flat_map(|_| row.iter().copied()).collect();
        w.write_image_data(&data).map_err(|e| e.to_string())?;
        w.finish().map_err(|e| e.to_string())?;
    }
    Ok(out)
}

fn counts(c: &Counts) -> [usize; 5] {
    [c.done, c.in_progress, c.not_started, c.partial, c.no_report]
}

fn cell(text: &str, align: AlignmentType) -> TableCell {
    TableCell::new()
        .add_paragraph(
            Paragraph::new()
                .style(style::CELL)
                .align(align)
                .add_run(Run::new().add_text(text)),
        )
        .vertical_align(docx_rs::VAlignType::Center)
}

/// The chart: a borderless table of name, bar and total per category.
pub(crate) fn chart(page: &mut Page, categories: &[Counts]) -> Result<Table, String> {
    let most = categories.iter().map(|c| c.total).max().unwrap_or(1);
    let full = mm(style::TYPE_W_MM);
    // As the PDF: 6 characters of 四号 for the name, 2.5 for the total, the bar in between.
    let widths = [6 * 280, full - 6 * 280 - 700, 700];
    // The picture's size in EMU (914,400 a inch, 635 a twip).
    let emu = ((widths[1] - 200) as u32 * 635, 12 * 12_700);
    let mut rows = Vec::new();
    for c in categories {
        let png = bar_png(counts(c), most)?;
        let pic = page.picture(png, (BAR_PX, BAR_H_PX), emu);
        let bar = TableCell::new()
            .add_paragraph(
                Paragraph::new()
                    .style(style::CELL)
                    .align(AlignmentType::Left)
                    .add_run(Run::new().add_image(pic)),
            )
            .vertical_align(docx_rs::VAlignType::Center);
        rows.push(TableRow::new(vec![
            cell(&c.name, AlignmentType::Left),
            bar,
            cell(&c.total.to_string(), AlignmentType::Right),
        ]));
    }
    Ok(Table::without_borders(rows)
        .set_grid(widths.iter().map(|w| *w as usize).collect())
        .width(full as usize, WidthType::Dxa)
        .layout(TableLayoutType::Fixed))
}

/// The legend under the chart: a coloured square and the state's name for each.
pub(crate) fn legend(labels: &[&str; 5]) -> Paragraph {
    // Room above and below, as in the PDF: the table that follows does not touch it.
    let mut p = Paragraph::new()
        .style(style::CELL)
        .align(AlignmentType::Center)
        .line_spacing(docx_rs::LineSpacing::new().before(120).after(120));
    for (i, l) in labels.iter().enumerate() {
        let [r, g, b] = COLOURS[i];
        let gap = if i > 0 { "　　" } else { "" };
        p = p
            .add_run(Run::new().add_text(gap))
            .add_run(
                Run::new()
                    .color(format!("{r:02X}{g:02X}{b:02X}"))
                    .add_text("■"),
            )
            .add_run(Run::new().add_text(format!(" {l}")));
    }
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_are_deterministic_pngs() {
        let a = bar_png([1, 2, 0, 0, 1], 8).unwrap();
        assert_eq!(a, bar_png([1, 2, 0, 0, 1], 8).unwrap());
        assert!(a.starts_with(b"\x89PNG"));
        assert_ne!(a, bar_png([2, 1, 0, 0, 1], 8).unwrap());
    }
}
