//! Task lists to and from spreadsheets, because units keep their lists in Excel/WPS.
//!
//! Layout (sheet 任务清单, and the same rows in CSV): the title on row 1, the header
//! 序号 | 工作任务 | 牵头单位 | 配合单位 on row 2, then per category a row "一、政策出台" merged across
//! the four columns followed by its tasks. Units in a cell are joined with 、. An .xlsx also
//! carries a sheet 设置 with the year, the due date and the table layout, so a round trip keeps them.

use std::path::{Path, PathBuf};

use calamine::{Data, Reader};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook};
use serde::Serialize;

use crate::diag::{Diagnostic, Diagnostics};
use crate::markdown::chinese_number;
use crate::output;
use crate::tasks::{TableLayout, TaskList, UnitRef};
use crate::units::Registry;

pub const SHEET: &str = "任务清单";
pub const SETTINGS: &str = "设置";
pub const HEADERS: [&str; 4] = ["序号", "工作任务", "牵头单位", "配合单位"];

fn join(units: &[UnitRef]) -> String {
    units
        .iter()
        .map(|u| u.text.as_str())
        .collect::<Vec<_>>()
        .join("、")
}

/// One spreadsheet row below the header.
enum Row {
    Category(String),
    Task {
        number: usize,
        text: String,
        lead: String,
        support: String,
    },
}

fn rows(list: &TaskList) -> Vec<Row> {
    let mut out = Vec::new();
    for (i, c) in list.categories.iter().enumerate() {
        out.push(Row::Category(format!(
            "{}、{}",
            chinese_number(i + 1),
            c.name
        )));
        for t in &c.tasks {
            out.push(Row::Task {
                number: t.number,
                text: t.text.clone(),
                lead: join(&t.lead),
                support: join(&t.support),
            });
        }
    }
    out
}

fn xlsx_error(file: &Path) -> impl Fn(rust_xlsxwriter::XlsxError) -> Diagnostic + '_ {
    move |e| Diagnostic::file_error(file, format!("cannot write the spreadsheet: {e}"))
}

/// Writes `<dir>/<slug>.xlsx` and `<dir>/<slug>.csv`.
pub fn export(list: &TaskList, dir: &Path) -> Result<Vec<PathBuf>, Diagnostic> {
    let xlsx_path = dir.join(output::file_name(&list.slug, "xlsx"));
    let csv_path = dir.join(output::file_name(&list.slug, "csv"));
    let err = xlsx_error(&xlsx_path);

    let mut wb = Workbook::new();
    // A fixed creation date keeps the file identical from run to run.
    let fixed = ExcelDateTime::from_ymd(2000, 1, 1).map_err(&err)?;
    wb.set_properties(&DocProperties::new().set_creation_datetime(&fixed));
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
    let ws = wb.add_worksheet();
    ws.set_name(SHEET).map_err(&err)?;
    ws.merge_range(0, 0, 0, 3, &list.title, &title)
        .map_err(&err)?;
    for (c, h) in HEADERS.iter().enumerate() {
        ws.write_string_with_format(1, c as u16, *h, &head)
            .map_err(&err)?;
    }
    for (c, w) in [6.0, 70.0, 20.0, 20.0].into_iter().enumerate() {
        ws.set_column_width(c as u16, w).map_err(&err)?;
    }
    ws.set_repeat_rows(1, 1).map_err(&err)?;
    for (i, row) in rows(list).iter().enumerate() {
        let r = i as u32 + 2;
        match row {
            Row::Category(name) => {
                ws.merge_range(r, 0, r, 3, name, &category).map_err(&err)?;
            }
            Row::Task {
                number,
                text,
                lead,
                support,
            } => {
                ws.write_number_with_format(r, 0, *number as f64, &centre)
                    .map_err(&err)?;
                ws.write_string_with_format(r, 1, text, &border)
                    .map_err(&err)?;
                ws.write_string_with_format(r, 2, lead, &centre)
                    .map_err(&err)?;
                ws.write_string_with_format(r, 3, support, &centre)
                    .map_err(&err)?;
            }
        }
    }
    let settings = wb.add_worksheet();
    settings.set_name(SETTINGS).map_err(&err)?;
    let t = &list.table;
    let pairs: [(&str, String); 6] = [
        ("年度", list.year.map(|y| y.to_string()).unwrap_or_default()),
        (
            "报送截止",
            list.due
                .map(|d| d.format("%Y-%m-%d").to_string())
                .unwrap_or_default(),
        ),
        ("字号", t.size.to_string()),
        (
            "列宽（字）",
            t.columns
                .iter()
                .map(|c| c.to_string())
                .collect::<Vec<_>>()
                .join(","),
        ),
        ("行距", t.leading.to_string()),
        ("内边距", t.padding.to_string()),
    ];
    for (r, (k, v)) in pairs.iter().enumerate() {
        settings.write_string(r as u32, 0, *k).map_err(&err)?;
        settings.write_string(r as u32, 1, v).map_err(&err)?;
    }
    let bytes = wb.save_to_buffer().map_err(&err)?;
    output::write_atomic(&xlsx_path, &bytes)
        .map_err(|e| Diagnostic::file_error(&xlsx_path, format!("cannot write: {e}")))?;

    // CSV: UTF-8 with a byte-order mark, which Excel needs to read Chinese text correctly.
    let mut w = csv::Writer::from_writer(Vec::from("\u{feff}".as_bytes()));
    let csv_err = |e: csv::Error| Diagnostic::file_error(&csv_path, format!("cannot write: {e}"));
    w.write_record([list.title.as_str(), "", "", ""])
        .map_err(csv_err)?;
    w.write_record(HEADERS).map_err(csv_err)?;
    for row in rows(list) {
        match row {
            Row::Category(name) => w.write_record([name.as_str(), "", "", ""]),
            Row::Task {
                number,
                text,
                lead,
                support,
            } => w.write_record([number.to_string(), text, lead, support]),
        }
        .map_err(csv_err)?;
    }
    let bytes = w
        .into_inner()
        .map_err(|e| Diagnostic::file_error(&csv_path, format!("cannot write: {e}")))?;
    output::write_atomic(&csv_path, &bytes)
        .map_err(|e| Diagnostic::file_error(&csv_path, format!("cannot write: {e}")))?;
    drop(err);
    Ok(vec![xlsx_path, csv_path])
}

/// The tasks YAML file, as import writes it.
#[derive(Serialize)]
struct TasksFile {
    title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    year: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    due: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    table: Option<TableLayout>,
    categories: Vec<CategoryOut>,
}

#[derive(Serialize)]
struct CategoryOut {
    name: String,
    tasks: Vec<TaskOut>,
}

#[derive(Serialize)]
struct TaskOut {
    text: String,
    lead: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    support: Vec<String>,
}

fn cell_text(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::String(s) => s.trim().to_string(),
        Data::Float(f) if f.fract() == 0.0 => format!("{}", *f as i64),
        other => other.to_string().trim().to_string(),
    }
}

fn column_letter(c: usize) -> char {
    (b'A' + c as u8) as char
}

/// Splits a cell of units at 、, keeping together pieces the registry knows as one name
/// (各行业协会、商会主管部门 is one group, not two).
pub fn split_units(cell: &str, registry: &Registry) -> Vec<String> {
    let pieces: Vec<&str> = cell
        .split(['、', ',', '，'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < pieces.len() {
        // The longest run of pieces that is a known name; a single piece otherwise.
        let mut take = 1;
        for j in (i + 2..=pieces.len()).rev() {
            if registry.resolve(&pieces[i..j].join("、")).is_ok() {
                take = j - i;
                break;
            }
        }
        out.push(pieces[i..i + take].join("、"));
        i += take;
    }
    out
}

/// CSV text: UTF-8 (with or without BOM) as exported, or GB18030/GBK, which Excel and WPS on a
/// Chinese Windows write when a sheet is saved as CSV.
fn decode_csv(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => encoding_rs::GB18030.decode(bytes).0.into_owned(),
    }
}

/// Reads a task table from .xlsx or .csv into tasks YAML.
pub fn import(path: &Path, shown: &Path, registry: &Registry) -> Result<String, Diagnostics> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_lowercase();
    let (sheet, grid, settings) = match ext.as_str() {
        "csv" => {
            let bytes = std::fs::read(path)
                .map_err(|e| Diagnostic::file_error(shown, format!("cannot read: {e}")))?;
            let text = decode_csv(&bytes);
            let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
            let mut rdr = csv::ReaderBuilder::new()
                .has_headers(false)
                .flexible(true)
                .from_reader(text.as_bytes());
            let mut grid = Vec::new();
            for (i, rec) in rdr.records().enumerate() {
                let rec = rec.map_err(|e| {
                    Diagnostic::file_error(shown, format!("row {}: not valid CSV: {e}", i + 1))
                })?;
                grid.push(rec.iter().map(|s| s.trim().to_string()).collect::<Vec<_>>());
            }
            ("CSV".to_string(), grid, Vec::new())
        }
        "xlsx" | "xlsm" | "xls" | "ods" => {
            let mut wb = calamine::open_workbook_auto(path).map_err(|e| {
                Diagnostic::file_error(shown, format!("cannot read the spreadsheet: {e}"))
            })?;
            let names = wb.sheet_names();
            let name = names
                .iter()
                .find(|n| *n == SHEET)
                .or(names.first())
                .cloned()
                .ok_or_else(|| Diagnostic::file_error(shown, "the workbook has no sheets"))?;
            let range = wb.worksheet_range(&name).map_err(|e| {
                Diagnostic::file_error(shown, format!("cannot read sheet `{name}`: {e}"))
            })?;
            // Keep absolute row numbers so messages match what Excel shows.
            let (r0, c0) = range.start().unwrap_or((0, 0));
            let mut grid = vec![Vec::new(); r0 as usize];
            for row in range.rows() {
                let mut cells = vec![String::new(); c0 as usize];
                cells.extend(row.iter().map(cell_text));
                grid.push(cells);
            }
            let settings = match wb.worksheet_range(SETTINGS) {
                Ok(r) => r
                    .rows()
                    .map(|row| {
                        (
                            row.first().map(cell_text).unwrap_or_default(),
                            row.get(1).map(cell_text).unwrap_or_default(),
                        )
                    })
                    .collect(),
                Err(_) => Vec::new(),
            };
            (format!("sheet `{name}`"), grid, settings)
        }
        _ => {
            return Err(
                Diagnostic::file_error(shown, format!("cannot import `.{ext}` files"))
                    .with_help("save the table as .xlsx or .csv (UTF-8)")
                    .into(),
            );
        }
    };
    let at = |row: usize, col: usize, msg: String| {
        Diagnostic::file_error(
            shown,
            format!(
                "{sheet}, row {}, column {}: {msg}",
                row + 1,
                column_letter(col)
            ),
        )
    };
    let cell = |row: &Vec<String>, c: usize| row.get(c).cloned().unwrap_or_default();

    let Some(header_row) = grid
        .iter()
        .position(|r| (0..4).all(|c| cell(r, c) == HEADERS[c]))
    else {
        return Err(Diagnostic::file_error(shown, format!("{sheet}: no header row 序号 | 工作任务 | 牵头单位 | 配合单位"))
            .with_help("the table needs that header in columns A to D (export a list with `gongwen export` to see the layout)")
            .into());
    };
    let title = grid[..header_row]
        .iter()
        .flat_map(|r| r.iter())
        .find(|s| !s.is_empty())
        .cloned();
    let Some(title) = title else {
        return Err(Diagnostic::file_error(
            shown,
            format!("{sheet}: no title above the header row"),
        )
        .with_help("put the list's title in cell A1")
        .into());
    };

    let mut errors = Diagnostics::default();
    let mut categories: Vec<CategoryOut> = Vec::new();
    let mut expected = 1;
    for (r, row) in grid.iter().enumerate().skip(header_row + 1) {
        let a = cell(row, 0);
        let rest_empty = (1..4).all(|c| cell(row, c).is_empty());
        if a.is_empty() && rest_empty {
            continue;
        }
        if (0..4).all(|c| cell(row, c) == HEADERS[c]) {
            continue; // a repeated header, as printed on every page
        }
        if rest_empty {
            let name = a
                .split_once('、')
                .filter(|(n, _)| n.chars().all(|c| "一二三四五六七八九十百零".contains(c)))
                .map_or(a.as_str(), |(_, rest)| rest);
            categories.push(CategoryOut {
                name: name.trim().to_string(),
                tasks: Vec::new(),
            });
            continue;
        }
        match a.parse::<usize>() {
            Ok(n) if n == expected => {}
            Ok(n) => errors.push(
                at(r, 0, format!("task number {n}, expected {expected}"))
                    .with_help("tasks are numbered 1, 2, 3 … down the table"),
            ),
            Err(_) => {
                errors.push(at(r, 0, format!("`{a}` is not a task number")).with_help(
                    "column A holds the task number, or a category name alone on its row",
                ));
                continue;
            }
        }
        expected += 1;
        let text = cell(row, 1);
        if text.is_empty() {
            errors.push(at(r, 1, "the task has no text".to_string()));
        }
        let mut units = |c: usize| {
            let list = split_units(&cell(row, c), registry);
            for u in &list {
                if let Err(help) = registry.resolve(u) {
                    errors.push(at(r, c, format!("unknown unit `{u}`")).with_help(help));
                }
            }
            list
        };
        let lead = units(2);
        let support = units(3);
        if lead.is_empty() {
            errors.push(at(r, 2, "the task has no lead unit (牵头单位)".to_string()));
        }
        match categories.last_mut() {
            Some(c) => c.tasks.push(TaskOut {
                text,
                lead,
                support,
            }),
            None => errors.push(
                at(r, 0, "a task before the first category row".to_string())
                    .with_help("put a row like `一、政策出台` above the first task"),
            ),
        }
    }
    if categories.is_empty() && !errors.has_errors() {
        errors.push(Diagnostic::file_error(
            shown,
            format!("{sheet}: no tasks below the header"),
        ));
    }
    if errors.has_errors() {
        return Err(errors);
    }
    let get = |k: &str| {
        settings
            .iter()
            .find(|(key, _)| key == k)
            .map(|(_, v)| v.clone())
            .filter(|v| !v.is_empty())
    };
    let num = |k: &str| get(k).and_then(|v| v.parse::<f64>().ok());
    let table = num("字号").map(|size| {
        let d = TableLayout::default();
        let cols: Vec<f64> = get("列宽（字）")
            .map(|v| v.split(',').filter_map(|x| x.trim().parse().ok()).collect())
            .unwrap_or_default();
        TableLayout {
            size,
            columns: if cols.len() == 3 {
                [cols[0], cols[1], cols[2]]
            } else {
                d.columns
            },
            leading: num("行距").unwrap_or(d.leading),
            padding: num("内边距").unwrap_or(d.padding),
        }
    });
    let file = TasksFile {
        title,
        year: get("年度").and_then(|y| y.parse().ok()),
        due: get("报送截止"),
        table,
        categories,
    };
    serde_saphyr::to_string(&file)
        .map_err(|e| Diagnostic::file_error(shown, format!("cannot write YAML: {e}")).into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gbk_csv_from_excel_is_read() {
        let (gbk, _, _) = encoding_rs::GB18030.encode("序号,工作任务\n1,刊播公益广告\n");
        assert_eq!(decode_csv(&gbk), "序号,工作任务\n1,刊播公益广告\n");
        assert_eq!(decode_csv("\u{feff}序号".as_bytes()), "\u{feff}序号");
    }

    #[test]
    fn units_split_but_known_names_with_dunhao_stay_whole() {
        let reg = Registry::parse(
            "units:\n  - id: a\n    name: 区属媒体\ngroups:\n  - id: g\n    name: 各行业协会、商会主管部门\n",
            Path::new("u.yaml"),
        )
        .unwrap();
        assert_eq!(
            split_units("区属媒体、各行业协会、商会主管部门", &reg),
            ["区属媒体", "各行业协会、商会主管部门"]
        );
        assert_eq!(split_units("", &reg), Vec::<String>::new());
    }
}
