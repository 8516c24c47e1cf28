//! A task list → .xlsx (title, header, merged category rows, widths, a 设置 sheet) and .csv
//! (UTF-8 with BOM, so Excel reads the Chinese right).

use std::path::{Path, PathBuf};

use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};

use crate::diag::Diagnostic;
use crate::model::TaskList;
use crate::sheet::{HEADERS, Row, SETTINGS, SHEET, csv_cell, rows};
use crate::{output, paths};

/// Writes `<dir>/<slug>.xlsx` and `<dir>/<slug>.csv`.
pub(crate) fn export(list: &TaskList, dir: &Path) -> Result<Vec<PathBuf>, Diagnostic> {
    let xlsx_path = dir.join(paths::task_sheet(&list.slug, "xlsx"));
    let csv_path = dir.join(paths::task_sheet(&list.slug, "csv"));
    let xlsx = xlsx(list).map_err(|e| {
        Diagnostic::file_error(&xlsx_path, format!("cannot write the spreadsheet: {e}"))
    })?;
    output::write(&xlsx_path, &xlsx)?;
    let csv =
        csv(list).map_err(|e| Diagnostic::file_error(&csv_path, format!("cannot write: {e}")))?;
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
    for (r, (k, v)) in settings_rows(list).iter().enumerate() {
        settings.write_string(r as u32, 0, *k)?;
        settings.write_string(r as u32, 1, v)?;
    }
    wb.save_to_buffer()
}

fn table_sheet(ws: &mut Worksheet, list: &TaskList) -> Result<(), XlsxError> {
    let border = Format::new()
        .set_border(FormatBorder::Thin)
        .set_text_wrap()
        .set_align(FormatAlign::VerticalCenter);
    let centre = border.clone().set_align(FormatAlign::Center);
    let head = centre.clone().set_bold();
    let title = Format::new()
        .set_bold()
        .set_font_size(16)
        .set_align(FormatAlign::Center);
    let category = border.clone().set_bold();
    ws.set_name(SHEET)?;
    ws.merge_range(0, 0, 0, 3, &list.title, &title)?;
    for (c, h) in HEADERS.iter().enumerate() {
        ws.write_string_with_format(1, c as u16, *h, &head)?;
    }
    for (c, w) in [6.0, 70.0, 20.0, 20.0].into_iter().enumerate() {
        ws.set_column_width(c as u16, w)?;
    }
    ws.set_repeat_rows(1, 1)?;
    for (i, row) in rows(list).iter().enumerate() {
        let r = i as u32 + 2;
        match row {
            Row::Category(name) => {
                ws.merge_range(r, 0, r, 3, name, &category)?;
            }
            Row::Task {
                number,
                text,
                lead,
                support,
            } => {
                ws.write_number_with_format(r, 0, *number as f64, &centre)?;
                ws.write_string_with_format(r, 1, text, &border)?;
                ws.write_string_with_format(r, 2, lead, &centre)?;
                ws.write_string_with_format(r, 3, support, &centre)?;
            }
        }
    }
    Ok(())
}

/// The 设置 sheet: what a task list holds besides its rows.
fn settings_rows(list: &TaskList) -> [(&'static str, String); 6] {
    let t = &list.table;
    let columns: Vec<String> = t.columns.iter().map(f64::to_string).collect();
    [
        ("年度", list.year.map(|y| y.to_string()).unwrap_or_default()),
        (
            "报送截止",
            list.due
                .map(|d| d.format("%Y-%m-%d").to_string())
                .unwrap_or_default(),
        ),
        ("字号", t.size.to_string()),
        ("列宽（字）", columns.join(",")),
        ("行距", t.leading.to_string()),
        ("内边距", t.padding.to_string()),
    ]
}

/// CSV: UTF-8 with a byte-order mark, which Excel needs to read Chinese text correctly.
fn csv(list: &TaskList) -> Result<Vec<u8>, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::from("\u{feff}".as_bytes()));
    w.write_record([csv_cell(&list.title).as_str(), "", "", ""])?;
    w.write_record(HEADERS)?;
    for row in rows(list) {
        match row {
            Row::Category(name) => w.write_record([csv_cell(&name).as_str(), "", "", ""]),
            Row::Task {
                number,
                text,
                lead,
                support,
            } => w.write_record([
                number.to_string(),
                csv_cell(&text),
                csv_cell(&lead),
                csv_cell(&support),
            ]),
        }?;
    }
    w.into_inner().map_err(|e| e.into_error().into())
}
