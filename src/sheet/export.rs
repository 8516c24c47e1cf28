//! A task list → .xlsx (title, header, merged category rows, widths, a 设置 sheet) and .csv
//! (UTF-8 with BOM, so Excel reads the Chinese right).

use crate::i18n::t;
use std::path::{Path, PathBuf};

use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};

use crate::diag::Diagnostic;
use crate::model::TaskList;
use crate::sheet::{DUE, HEADERS, ID_HEADER, PAGES, Row, SETTINGS, SHEET, YEAR, csv_cell, rows};
use crate::text::is_wide;
use crate::{output, paths};

/// Writes `<dir>/<slug>.xlsx` and `<dir>/<slug>.csv`.
pub(crate) fn export(list: &TaskList, dir: &Path) -> Result<Vec<PathBuf>, Diagnostic> {
    let xlsx_path = dir.join(paths::task_sheet(&list.slug, "xlsx"));
    let csv_path = dir.join(paths::task_sheet(&list.slug, "csv"));
    let xlsx = xlsx(list).map_err(|e| {
        Diagnostic::file_error(&xlsx_path, t!("cannot-write", reason = e.to_string()))
    })?;
    output::write(&xlsx_path, &xlsx)?;
    let csv = csv(list).map_err(|e| {
        Diagnostic::file_error(&csv_path, t!("cannot-write", reason = e.to_string()))
    })?;
    output::write(&csv_path, &csv)?;
    Ok(vec![xlsx_path, csv_path])
}

/// The workbook: the table on 任务清单, the list's settings on 设置.
fn xlsx(list: &TaskList) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    // A fixed creation date keeps the file identical from run to run.
    let fixed = ExcelDateTime::from_ymd(2000, 1, 1)?;
    wb.set_properties(&DocProperties::new().set_creation_datetime(&fixed));
    table_sheet(wb.add_worksheet(), list)?;
    let settings = wb.add_worksheet();
    settings.set_name(SETTINGS)?;
    // Hidden: pressing 打印 prints the table alone; import still reads it.
    settings.set_hidden(true);
    for (r, (k, v)) in settings_rows(list).iter().enumerate() {
        settings.write_string(r as u32, 0, *k)?;
        settings.write_string(r as u32, 1, v)?;
    }
    wb.save_to_buffer()
}

/// Column widths in Excel's units (about one Latin digit each; a Chinese character takes two).
const WIDTHS: [f64; 5] = [6.0, 64.0, 20.0, 20.0, 8.0];
/// Body font size and the height of one of its lines, in points.
const BODY_SIZE: f64 = 11.0;
const LINE_HEIGHT: f64 = 15.0;

fn table_sheet(ws: &mut Worksheet, list: &TaskList) -> Result<(), XlsxError> {
    let border = Format::new()
        .set_font_name("仿宋")
        .set_font_size(BODY_SIZE)
        .set_border(FormatBorder::Thin)
        .set_text_wrap()
        .set_align(FormatAlign::VerticalCenter);
    let centre = border.clone().set_align(FormatAlign::Center);
    let head = centre.clone().set_font_name("黑体");
    let title = Format::new()
        .set_font_name("宋体")
        .set_bold()
        .set_font_size(16)
        .set_text_wrap()
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter);
    let category = border.clone().set_font_name("黑体");
    ws.set_name(SHEET)?;
    print_setup(ws)?;
    // The title is merged across the printed columns: its row is made tall enough by hand,
    // since no program grows a merged row for wrapped text.
    ws.merge_range(0, 0, 0, 3, &list.title, &title)?;
    let title_width: f64 = WIDTHS[..4].iter().sum();
    ws.set_row_height(
        0,
        30.0 * lines(&list.title, title_width / (16.0 / BODY_SIZE)) as f64,
    )?;
    for (c, h) in HEADERS.iter().chain([&ID_HEADER]).enumerate() {
        ws.write_string_with_format(1, c as u16, *h, &head)?;
    }
    for (c, w) in WIDTHS.into_iter().enumerate() {
        ws.set_column_width(c as u16, w)?;
    }
    // The id is for gongwen, not for the reader: hidden, and outside the print area.
    ws.set_column_hidden(4)?;
    for (i, row) in rows(list).iter().enumerate() {
        let r = i as u32 + 2;
        match row {
            Row::Category(name) => {
                ws.merge_range(r, 0, r, 3, name, &category)?;
                ws.set_row_height(r, LINE_HEIGHT + 4.0)?;
            }
            Row::Task {
                id,
                number,
                text,
                lead,
                support,
            } => {
                ws.write_number_with_format(r, 0, *number as f64, &centre)?;
                ws.write_string_with_format(r, 1, text, &border)?;
                ws.write_string_with_format(r, 2, lead, &centre)?;
                ws.write_string_with_format(r, 3, support, &centre)?;
                ws.write_string(r, 4, id)?;
                let most = [(text, WIDTHS[1]), (lead, WIDTHS[2]), (support, WIDTHS[3])]
                    .iter()
                    .map(|(t, w)| lines(t, *w))
                    .max()
                    .unwrap_or(1);
                ws.set_row_height(r, LINE_HEIGHT * most as f64 + 4.0)?;
            }
        }
    }
    Ok(())
}

/// What pressing 打印 gives: A4 landscape, one page wide, the title and header on every page.
fn print_setup(ws: &mut Worksheet) -> Result<(), XlsxError> {
    const A4: u8 = 9;
    ws.set_paper_size(A4);
    ws.set_landscape();
    ws.set_print_fit_to_pages(1, 0);
    ws.set_print_center_horizontally(true);
    ws.set_margins(0.5, 0.5, 0.6, 0.6, 0.3, 0.3);
    ws.set_repeat_rows(0, 1)?;
    ws.set_print_area(0, 0, u32::from(u16::MAX), 3)?;
    Ok(())
}

/// How many lines `text` wraps to in a column `width` units wide (a wide character is two units,
/// with a unit's slack for the cell's margins). Excel, WPS and LibreOffice do not grow rows of
/// generated files reliably, so the height is set from this.
fn lines(text: &str, width: f64) -> usize {
    let per_line = (width - 1.0).max(2.0);
    text.split('\n')
        .map(|l| {
            let units: f64 = l.chars().map(|c| if is_wide(c) { 2.0 } else { 1.0 }).sum();
            ((units / per_line).ceil() as usize).max(1)
        })
        .sum()
}

/// The 设置 sheet: what a task list holds besides its rows.
fn settings_rows(list: &TaskList) -> [(&'static str, String); 7] {
    let t = &list.table;
    let columns: Vec<String> = t.columns.iter().map(f64::to_string).collect();
    [
        (YEAR, list.year.map(|y| y.to_string()).unwrap_or_default()),
        (
            DUE,
            list.due
                .map(|d| d.format("%Y-%m-%d").to_string())
                .unwrap_or_default(),
        ),
        ("字号", t.size.to_string()),
        ("列宽（字）", columns.join(",")),
        ("行距", t.leading.to_string()),
        ("内边距", t.padding.to_string()),
        (PAGES, t.pages.name().to_string()),
    ]
}

/// CSV: UTF-8 with a byte-order mark, which Excel needs to read Chinese text correctly.
fn csv(list: &TaskList) -> Result<Vec<u8>, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::from("\u{feff}".as_bytes()));
    w.write_record([csv_cell(&list.title).as_str(), "", "", "", ""])?;
    // A CSV has one sheet: the settings go between the title and the header.
    for (k, v) in settings_rows(list) {
        w.write_record([k, v.as_str(), "", "", ""])?;
    }
    w.write_record(HEADERS.iter().chain([&ID_HEADER]))?;
    for row in rows(list) {
        match row {
            Row::Category(name) => w.write_record([csv_cell(&name).as_str(), "", "", "", ""]),
            Row::Task {
                id,
                number,
                text,
                lead,
                support,
            } => w.write_record([
                number.to_string(),
                csv_cell(&text),
                csv_cell(&lead),
                csv_cell(&support),
                id,
            ]),
        }?;
    }
    w.into_inner().map_err(|e| e.into_error().into())
}

#[cfg(test)]
mod tests {
    use super::lines;

    #[test]
    fn rows_are_as_tall_as_their_wrapped_text() {
        let forty = "优".repeat(40);
        assert_eq!(
            lines(&forty, 64.0),
            2,
            "31 wide characters a line in 64 units"
        );
        assert_eq!(lines(&"优".repeat(31), 64.0), 1);
        assert_eq!(lines("甲\n乙", 64.0), 2, "line breaks in a cell count");
        assert_eq!(lines("", 20.0), 1);
        assert_eq!(lines(&"a".repeat(40), 20.0), 3, "Latin is half as wide");
    }
}
