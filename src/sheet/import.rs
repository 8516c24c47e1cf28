//! A task table from .xlsx or .csv (the export layout) → tasks YAML.

use crate::i18n::t;
use std::collections::BTreeSet;
use std::path::Path;

use calamine::{Data, Reader, Xlsx};
use serde::Serialize;

use crate::diag::{Diagnostic, Diagnostics};
use crate::load::tasks::valid_id;
use crate::model::{Registry, TableLayout, TablePages};
use crate::sheet::{DUE, HEADERS, ID_HEADER, SETTING_KEYS, SETTINGS, SHEET, YEAR};
use crate::{limits, zipcheck};

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
    id: String,
    /// Where it was read, for messages.
    #[serde(skip)]
    row: usize,
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

/// Column letters as Excel shows them: A … Z, AA, AB ….
fn column_letter(c: usize) -> String {
    let mut n = c + 1;
    let mut out = Vec::new();
    while n > 0 {
        out.push(b'A' + ((n - 1) % 26) as u8);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// Splits a cell of units at 、, keeping together pieces the registry knows as one name
/// (各行业协会、商会主管部门 is one group, not two).
pub(crate) fn split_units(cell: &str, registry: &Registry) -> Vec<String> {
    let pieces: Vec<&str> = cell
        .split(['、', ',', '，'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    // No name spans more pieces than the registry's longest: a long cell stays linear.
    let longest = registry.most_parts();
    let mut out = Vec::new();
    let mut i = 0;
    while i < pieces.len() {
        // The longest run of pieces that is a known name; a single piece otherwise.
        let mut take = 1;
        for j in (i + 2..=pieces.len().min(i + longest)).rev() {
            if registry.lookup(&pieces[i..j].join("、")).is_some() {
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

/// A sheet as rows of trimmed cell texts, with what messages call it and its settings.
struct Grid {
    /// "CSV" or "sheet `任务清单`".
    name: String,
    rows: Vec<Vec<String>>,
    /// The 设置 sheet's key/value rows (an .xlsx only).
    settings: Vec<(String, String)>,
    /// Whether the header has the 编号 column (column E).
    ids: bool,
}

impl Grid {
    fn cell(&self, row: usize, c: usize) -> &str {
        self.rows[row].get(c).map_or("", String::as_str)
    }

    fn is_header(&self, row: usize) -> bool {
        (0..4).all(|c| self.cell(row, c) == HEADERS[c])
    }

    /// An error in one cell, named as the spreadsheet shows it.
    fn error(&self, shown: &Path, row: usize, col: usize, msg: &str) -> Diagnostic {
        let name = &self.name;
        let (row, col) = (row + 1, column_letter(col));
        Diagnostic::file_error(
            shown,
            t!(
                "sheet-cell",
                sheet = name.as_str(),
                row = row,
                column = col.as_str(),
                problem = msg
            ),
        )
    }

    /// A row above the header that holds a setting (how a CSV carries them).
    fn is_setting(&self, row: usize) -> bool {
        SETTING_KEYS.contains(&self.cell(row, 0)) && (2..5).all(|c| self.cell(row, c).is_empty())
    }

    /// A setting: from the 设置 sheet, or from the rows above the header (a CSV).
    fn setting(&self, k: &str, header_row: usize) -> Option<String> {
        let above = (0..header_row)
            .filter(|r| self.is_setting(*r) && self.cell(*r, 0) == k)
            .map(|r| self.cell(r, 1).to_string());
        self.settings
            .iter()
            .filter(|(key, _)| key == k)
            .map(|(_, v)| v.clone())
            .chain(above)
            .find(|v| !v.is_empty())
    }
}

/// What the command line adds to what the spreadsheet says.
#[derive(Default)]
pub(crate) struct Options {
    /// The year and due date, when the spreadsheet does not say them (or to change them).
    pub(crate) year: Option<i32>,
    pub(crate) due: Option<chrono::NaiveDate>,
    /// The text of the task list being replaced (`--force`): a task keeps its id, and no id of
    /// it is ever given to another task.
    pub(crate) replacing: Option<String>,
}

/// The YAML, and notes on what import decided for the user to know (ids given to new rows).
pub(crate) struct Imported {
    pub(crate) yaml: String,
    pub(crate) notes: Vec<String>,
}

/// Reads a task table from .xlsx or .csv into tasks YAML.
pub(crate) fn import(
    path: &Path,
    shown: &Path,
    registry: &Registry,
    options: &Options,
) -> Result<Imported, Diagnostics> {
    let mut grid = read(path, shown)?;
    let sheet = grid.name.clone();
    let Some(header_row) = (0..grid.rows.len()).find(|r| grid.is_header(*r)) else {
        return Err(
            Diagnostic::file_error(shown, t!("sheet-no-header", sheet = sheet.as_str()))
                .with_help(t!("sheet-no-header-help"))
                .into(),
        );
    };
    let title = (0..header_row)
        .filter(|r| !grid.is_setting(*r))
        .flat_map(|r| grid.rows[r].iter())
        .find(|s| !s.is_empty())
        .cloned();
    let Some(title) = title else {
        return Err(
            Diagnostic::file_error(shown, t!("sheet-no-title", sheet = sheet.as_str()))
                .with_help(t!("sheet-no-title-help"))
                .into(),
        );
    };
    grid.ids = grid.cell(header_row, 4) == ID_HEADER;
    // Both reported at once: the rows' errors and a missing year.
    let (mut categories, (year, due)) = match (
        categories(&grid, header_row, shown, registry),
        year_and_due(&grid, header_row, shown, options),
    ) {
        (Ok(c), Ok(y)) => (c, y),
        (c, y) => {
            let mut errors = c.err().unwrap_or_default();
            if let Err(d) = y {
                errors.push(d);
            }
            return Err(errors);
        }
    };
    let existing = match &options.replacing {
        Some(text) => existing_tasks(text).map_err(|e| {
            Diagnostic::file_error(
                shown,
                t!("sheet-replaced-unreadable", reason = e.to_string()),
            )
            .with_help(t!("sheet-replaced-unreadable-help"))
        })?,
        None => Vec::new(),
    };
    let notes = give_ids(&grid, &mut categories, &existing, shown)?;
    let file = TasksFile {
        title,
        year: Some(year),
        due,
        table: table_layout(&grid, header_row),
        categories,
    };
    let yaml = serde_saphyr::to_string(&file)
        .map_err(|e| Diagnostic::file_error(shown, t!("cannot-write", reason = e.to_string())))?;
    Ok(Imported { yaml, notes })
}

/// The sheet, by the file's kind.
fn read(path: &Path, shown: &Path) -> Result<Grid, Diagnostic> {
    if path.is_dir() {
        return Err(Diagnostic::file_error(shown, t!("sheet-is-folder"))
            .with_help(t!("sheet-is-folder-help")));
    }
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_lowercase();
    match ext.as_str() {
        "csv" => read_csv(path, shown),
        "xlsx" | "xlsm" => read_workbook(path, shown),
        "xls" | "et" | "ods" => Err(Diagnostic::file_error(
            shown,
            t!("sheet-kind", ext = ext.as_str()),
        )
        .with_help(t!("sheet-old-kind-help"))),
        _ => Err(
            Diagnostic::file_error(shown, t!("sheet-kind", ext = ext.as_str()))
                .with_help(t!("sheet-kind-help")),
        ),
    }
}

/// The list's year (required: submissions are matched to lists by it) and due date, from the
/// options or else the spreadsheet.
fn year_and_due(
    grid: &Grid,
    header_row: usize,
    shown: &Path,
    options: &Options,
) -> Result<(i32, Option<String>), Diagnostic> {
    let year = match (options.year, grid.setting(YEAR, header_row)) {
        (Some(y), _) => y,
        (None, Some(y)) => y.parse().map_err(|_| {
            Diagnostic::file_error(
                shown,
                t!(
                    "sheet-year-bad",
                    sheet = grid.name.as_str(),
                    label = YEAR,
                    value = y.as_str()
                ),
            )
            .with_help(t!("sheet-year-bad-help"))
        })?,
        (None, None) => {
            return Err(Diagnostic::file_error(
                shown,
                t!("sheet-no-year", sheet = grid.name.as_str()),
            )
            .with_help(t!("sheet-no-year-help", label = YEAR)));
        }
    };
    let due = match options.due {
        Some(d) => Some(d.format("%Y-%m-%d").to_string()),
        None => grid.setting(DUE, header_row),
    };
    Ok((year, due))
}

/// A cell beyond the rows and columns a task table can have.
fn out_of_bounds(shown: &Path, row: u32, col: u32) -> Diagnostic {
    Diagnostic::file_error(
        shown,
        t!(
            "sheet-too-big",
            row = row + 1,
            column = col + 1,
            rows = limits::SHEET_ROWS,
            columns = limits::SHEET_COLUMNS
        ),
    )
    .with_help(t!("sheet-too-big-help"))
}

fn read_csv(path: &Path, shown: &Path) -> Result<Grid, Diagnostic> {
    let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    if size > limits::SHEET_UNPACKED_BYTES {
        return Err(out_of_bounds(shown, limits::SHEET_ROWS, 0));
    }
    let bytes = std::fs::read(path)
        .map_err(|e| Diagnostic::file_error(shown, t!("cannot-read", reason = e.to_string())))?;
    let text = decode_csv(&bytes);
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for (i, rec) in rdr.records().enumerate() {
        let rec = rec.map_err(|e| {
            Diagnostic::file_error(
                shown,
                t!("csv-bad-row", row = i + 1, reason = e.to_string()),
            )
        })?;
        if i >= limits::SHEET_ROWS as usize || rec.len() > limits::SHEET_COLUMNS as usize {
            return Err(out_of_bounds(shown, i as u32, rec.len() as u32));
        }
        rows.push(
            rec.iter()
                .map(|s| unescape_formula(s.trim()).to_string())
                .collect(),
        );
    }
    Ok(Grid {
        name: "CSV".to_string(),
        rows,
        settings: Vec::new(),
        ids: false,
    })
}

/// What `gongwen export` put before a cell starting like a formula (see sheet::export).
fn unescape_formula(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(crate::sheet::FORMULA_STARTS) => rest,
        _ => cell,
    }
}

fn read_workbook(path: &Path, shown: &Path) -> Result<Grid, Diagnostic> {
    zipcheck::check(
        path,
        shown,
        &t!("what-spreadsheet"),
        &zipcheck::Limits {
            entries: 10_000,
            unpacked_bytes: limits::SHEET_UNPACKED_BYTES,
        },
    )?;
    let unreadable = |e: calamine::XlsxError| {
        Diagnostic::file_error(shown, t!("sheet-unreadable", reason = e.to_string()))
    };
    let mut wb: Xlsx<_> = calamine::open_workbook(path).map_err(unreadable)?;
    let names = wb.sheet_names();
    let name = names
        .iter()
        .find(|n| *n == SHEET)
        .or(names.first())
        .cloned()
        .ok_or_else(|| Diagnostic::file_error(shown, t!("sheet-no-sheets")))?;
    let rows = sheet_rows(&mut wb, &name, shown)?;
    let settings = if names.iter().any(|n| n == SETTINGS) {
        sheet_rows(&mut wb, SETTINGS, shown)?
            .into_iter()
            .map(|row| {
                let mut cells = row.into_iter();
                (
                    cells.next().unwrap_or_default(),
                    cells.next().unwrap_or_default(),
                )
            })
            .collect()
    } else {
        Vec::new()
    };
    Ok(Grid {
        name: t!("sheet-name", name = name.as_str()),
        rows,
        settings,
        ids: false,
    })
}

/// A sheet's cells as rows of texts, keeping absolute row and column numbers (so messages match
/// what Excel shows) and never reading past the limits: cells are read one at a time, not as a
/// grid sized by the furthest cell.
fn sheet_rows<R: std::io::Read + std::io::Seek>(
    wb: &mut Xlsx<R>,
    name: &str,
    shown: &Path,
) -> Result<Vec<Vec<String>>, Diagnostic> {
    let unreadable = |e: calamine::XlsxError| {
        Diagnostic::file_error(
            shown,
            t!(
                "sheet-named-unreadable",
                name = name,
                reason = e.to_string()
            ),
        )
    };
    let mut reader = wb.worksheet_cells_reader(name).map_err(unreadable)?;
    let mut rows: Vec<Vec<String>> = Vec::new();
    while let Some(cell) = reader.next_cell().map_err(unreadable)? {
        let (r, c) = cell.get_position();
        let text = cell_text(&Data::from(cell.get_value().clone()));
        if text.is_empty() {
            continue;
        }
        if r >= limits::SHEET_ROWS || c >= u32::from(limits::SHEET_COLUMNS) {
            return Err(out_of_bounds(shown, r, c));
        }
        let (r, c) = (r as usize, c as usize);
        if rows.len() <= r {
            rows.resize(r + 1, Vec::new());
        }
        if rows[r].len() <= c {
            rows[r].resize(c + 1, String::new());
        }
        rows[r][c] = text;
    }
    Ok(rows)
}

/// The categories and tasks below the header row; every row that cannot be read is reported by
/// row and column.
fn categories(
    grid: &Grid,
    header_row: usize,
    shown: &Path,
    registry: &Registry,
) -> Result<Vec<CategoryOut>, Diagnostics> {
    let at = |row: usize, col: usize, msg: String| grid.error(shown, row, col, &msg);
    let mut errors = Diagnostics::default();
    let mut categories: Vec<CategoryOut> = Vec::new();
    for r in header_row + 1..grid.rows.len() {
        let a = grid.cell(r, 0);
        let rest_empty = (1..4).all(|c| grid.cell(r, c).is_empty());
        // Blank rows, and the header repeated as printed on every page.
        if (a.is_empty() && rest_empty) || grid.is_header(r) {
            continue;
        }
        if rest_empty {
            categories.push(CategoryOut {
                name: category_name(a),
                tasks: Vec::new(),
            });
            continue;
        }
        // The number is the row's place, given again on import: a row inserted without one,
        // or a list not renumbered after an insertion, is read as it stands.
        if !a.is_empty() && a.parse::<usize>().is_err() {
            errors.push(
                at(r, 0, t!("sheet-not-a-number", value = a))
                    .with_help(t!("sheet-not-a-number-help")),
            );
            continue;
        }
        let task = task(grid, r, registry, &at, &mut errors);
        match categories.last_mut() {
            Some(c) => c.tasks.push(task),
            None => errors.push(
                at(r, 0, t!("sheet-task-before-category"))
                    .with_help(t!("sheet-task-before-category-help")),
            ),
        }
    }
    if categories.is_empty() && !errors.has_errors() {
        errors.push(Diagnostic::file_error(
            shown,
            t!("sheet-no-tasks", sheet = grid.name.as_str()),
        ));
    }
    if errors.has_errors() {
        return Err(errors);
    }
    Ok(categories)
}

/// A task of the list being replaced: its id and text.
#[derive(serde::Deserialize)]
struct OldList {
    #[serde(default)]
    categories: Vec<OldCategory>,
}
#[derive(serde::Deserialize)]
struct OldCategory {
    #[serde(default)]
    tasks: Vec<OldTask>,
}
#[derive(serde::Deserialize)]
struct OldTask {
    id: Option<String>,
    #[serde(default)]
    text: String,
}

fn existing_tasks(yaml: &str) -> Result<Vec<(String, String)>, String> {
    let old: OldList = serde_saphyr::from_str(yaml).map_err(|e| e.to_string())?;
    Ok(old
        .categories
        .into_iter()
        .flat_map(|c| c.tasks)
        .filter_map(|t| Some((t.id?.trim().to_string(), t.text.trim().to_string())))
        .collect())
}

/// Gives every task its id: the one in its 编号 cell; for a row without one (inserted by a
/// colleague), the id of the replaced list's task with the same text, else a new one that
/// neither list has used. A copied row carries its original's id: the copy gets a new one.
fn give_ids(
    grid: &Grid,
    categories: &mut [CategoryOut],
    existing: &[(String, String)],
    shown: &Path,
) -> Result<Vec<String>, Diagnostics> {
    let mut errors = Diagnostics::default();
    let mut notes = Vec::new();
    let mut tasks: Vec<&mut TaskOut> = categories.iter_mut().flat_map(|c| &mut c.tasks).collect();
    for t in tasks
        .iter()
        .filter(|t| !t.id.is_empty() && !valid_id(&t.id))
    {
        errors.push(
            grid.error(shown, t.row, 4, &t!("task-id-bad", id = t.id.as_str()))
                .with_help(t!("sheet-id-bad-help")),
        );
    }
    if errors.has_errors() {
        return Err(errors);
    }
    let mut used: BTreeSet<String> = existing.iter().map(|(id, _)| id.clone()).collect();
    used.extend(tasks.iter().map(|t| t.id.clone()).filter(|i| !i.is_empty()));
    let mut taken = BTreeSet::new();
    // The original of a copied row is the one whose text the old list has under that id.
    let keeps = |t: &TaskOut| {
        existing
            .iter()
            .any(|(id, text)| *id == t.id && *text == t.text)
    };
    // Rows that are their id's original first, then the other rows with ids, then the rest.
    let mut order: Vec<usize> = (0..tasks.len()).collect();
    order.sort_by_key(|i| match &*tasks[*i] {
        t if keeps(t) => 0,
        t if !t.id.is_empty() => 1,
        _ => 2,
    });
    for i in order {
        let t = &mut *tasks[i];
        if !t.id.is_empty() && taken.insert(t.id.clone()) {
            continue;
        }
        let copied = !t.id.is_empty();
        let same_text = existing
            .iter()
            .find(|(id, text)| *text == t.text && !taken.contains(id) && !copied);
        let id = match same_text {
            Some((id, _)) => id.clone(),
            None => next_id(&used),
        };
        let note = if copied {
            t!(
                "sheet-id-copied",
                sheet = grid.name.as_str(),
                row = t.row + 1,
                text = t.text.as_str(),
                id = id.as_str(),
                old = t.id.as_str()
            )
        } else {
            t!(
                "sheet-id-given",
                sheet = grid.name.as_str(),
                row = t.row + 1,
                text = t.text.as_str(),
                id = id.as_str()
            )
        };
        notes.push(note);
        used.insert(id.clone());
        taken.insert(id.clone());
        t.id = id;
    }
    Ok(notes)
}

/// `t` and one more than the highest number among the ids of the form `tN`.
fn next_id(used: &BTreeSet<String>) -> String {
    let highest = used
        .iter()
        .filter_map(|i| i.strip_prefix('t').and_then(|n| n.parse::<usize>().ok()))
        .max()
        .unwrap_or(0);
    format!("t{}", highest + 1)
}

/// "一、政策出台" → 政策出台.
fn category_name(a: &str) -> String {
    a.split_once('、')
        .filter(|(n, _)| n.chars().all(|c| "一二三四五六七八九十百零".contains(c)))
        .map_or(a, |(_, rest)| rest)
        .trim()
        .to_string()
}

/// The task on row `r`: its text and units, each unit checked against the registry.
fn task(
    grid: &Grid,
    r: usize,
    registry: &Registry,
    at: &impl Fn(usize, usize, String) -> Diagnostic,
    errors: &mut Diagnostics,
) -> TaskOut {
    let text = grid.cell(r, 1).to_string();
    if text.is_empty() {
        errors.push(at(r, 1, t!("sheet-task-no-text")));
    }
    let mut units = |c: usize| {
        let list = split_units(grid.cell(r, c), registry);
        for u in &list {
            if let Err(help) = registry.resolve(u) {
                errors.push(at(r, c, t!("unit-unknown", name = u.as_str())).with_help(help));
            }
        }
        list
    };
    let lead = units(2);
    let support = units(3);
    if lead.is_empty() {
        errors.push(at(r, 2, t!("sheet-task-no-lead")));
    }
    TaskOut {
        id: if grid.ids {
            grid.cell(r, 4).to_string()
        } else {
            String::new()
        },
        row: r,
        text,
        lead,
        support,
    }
}

/// The table layout from the 设置 sheet, when it has one.
fn table_layout(grid: &Grid, header_row: usize) -> Option<TableLayout> {
    let num = |k: &str| {
        grid.setting(k, header_row)
            .and_then(|v| v.parse::<f64>().ok())
    };
    let size = num("字号")?;
    let d = TableLayout::default();
    let cols: Vec<f64> = grid
        .setting("列宽（字）", header_row)
        .map(|v| v.split(',').filter_map(|x| x.trim().parse().ok()).collect())
        .unwrap_or_default();
    Some(TableLayout {
        size,
        columns: match cols.as_slice() {
            [a, b, c] => [*a, *b, *c],
            _ => d.columns,
        },
        leading: num("行距").unwrap_or(d.leading),
        padding: num("内边距").unwrap_or(d.padding),
        pages: grid
            .setting(super::PAGES, header_row)
            .and_then(|v| TablePages::from_name(v.trim()))
            .unwrap_or_default(),
    })
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
        let reg = crate::load::units::parse(
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

    fn grid(rows: &[&[&str]], settings: &[(&str, &str)]) -> Grid {
        Grid {
            name: "CSV".into(),
            rows: rows
                .iter()
                .map(|r| r.iter().map(|c| c.to_string()).collect())
                .collect(),
            settings: settings
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            ids: rows.iter().any(|r| r.len() > 4),
        }
    }

    #[test]
    fn rows_become_categories_and_tasks_skipping_blank_rows_and_repeated_headers() {
        let reg = crate::load::units::parse(
            "units:\n  - id: a\n    name: 甲局\n  - id: b\n    name: 乙局\n",
            Path::new("u.yaml"),
        )
        .unwrap();
        let g = grid(
            &[
                &["清单"],
                &HEADERS,
                &["一、宣传"],
                &["1", "刊播广告", "甲局、乙局", ""],
                &["", "", "", ""],
                &HEADERS,
                &["二、督查"],
                &["2", "明察暗访", "乙局", "甲局"],
            ],
            &[("字号", "14"), ("列宽（字）", "30,9,7")],
        );
        let cats = categories(&g, 1, Path::new("t.csv"), &reg).unwrap();
        let got: Vec<_> = cats
            .iter()
            .map(|c| {
                let tasks: Vec<_> = c
                    .tasks
                    .iter()
                    .map(|t| (t.text.as_str(), t.lead.join("/"), t.support.join("/")))
                    .collect();
                (c.name.as_str(), tasks)
            })
            .collect();
        assert_eq!(
            got,
            [
                (
                    "宣传",
                    vec![("刊播广告", "甲局/乙局".to_string(), String::new())]
                ),
                (
                    "督查",
                    vec![("明察暗访", "乙局".to_string(), "甲局".to_string())]
                ),
            ]
        );
        let t = table_layout(&g, 1).unwrap();
        assert_eq!(
            (t.size, t.columns, t.leading),
            (
                14.0,
                [30.0, 9.0, 7.0],
                crate::model::TableLayout::default().leading
            )
        );
        assert!(table_layout(&grid(&[], &[]), 0).is_none());
    }

    fn one_unit() -> Registry {
        crate::load::units::parse("units:\n  - id: a\n    name: 甲局\n", Path::new("u.yaml"))
            .unwrap()
    }

    /// The ids `give_ids` settles on for rows (text, 编号) against a replaced list.
    fn ids_for(rows: &[(&str, &str)], old: &[(&str, &str)]) -> (Vec<String>, usize) {
        let mut cells: Vec<Vec<&str>> = vec![
            vec!["清单"],
            HEADERS.iter().chain([&ID_HEADER]).copied().collect(),
            vec!["一、宣传"],
        ];
        cells.extend(
            rows.iter()
                .map(|(text, id)| vec!["", *text, "甲局", "", *id]),
        );
        let cells: Vec<&[&str]> = cells.iter().map(Vec::as_slice).collect();
        let g = grid(&cells, &[]);
        let mut cats = categories(&g, 1, Path::new("t.csv"), &one_unit()).unwrap();
        let old: Vec<(String, String)> = old
            .iter()
            .map(|(i, t)| (i.to_string(), t.to_string()))
            .collect();
        let notes = give_ids(&g, &mut cats, &old, Path::new("t.csv")).unwrap();
        (
            cats[0].tasks.iter().map(|t| t.id.clone()).collect(),
            notes.len(),
        )
    }

    #[test]
    fn rows_keep_their_ids_and_an_inserted_row_never_takes_a_removed_tasks_id() {
        // t2 was removed from the sheet; the inserted row must not become t2 (a summary of the
        // removed task would attach to it), nor t3.
        let (ids, notes) = ids_for(
            &[("甲", "t1"), ("新", ""), ("丙", "t3")],
            &[("t1", "甲"), ("t2", "乙"), ("t3", "丙")],
        );
        assert_eq!(
            (ids, notes),
            (vec!["t1".into(), "t4".into(), "t3".into()], 1)
        );
    }

    #[test]
    fn a_copied_row_gets_a_new_id_and_the_original_keeps_its_own() {
        // The copy is above the original and has edited text; the original's text is unchanged.
        let (ids, _) = ids_for(&[("复制后改写", "t1"), ("甲", "t1")], &[("t1", "甲")]);
        assert_eq!(ids, ["t2", "t1"]);
        // No old list: the first row keeps the id.
        let (ids, _) = ids_for(&[("甲", "t5"), ("乙", "t5")], &[]);
        assert_eq!(ids, ["t5", "t6"]);
    }

    #[test]
    fn a_row_without_its_id_is_matched_to_the_old_task_by_text() {
        let (ids, notes) = ids_for(&[("乙", ""), ("甲", "")], &[("t1", "甲"), ("t2", "乙")]);
        assert_eq!((ids, notes), (vec!["t2".into(), "t1".into()], 2));
        let (ids, _) = ids_for(&[("甲", ""), ("乙", "")], &[]);
        assert_eq!(ids, ["t1", "t2"]);
    }

    #[test]
    fn a_csv_carries_its_settings_between_the_title_and_the_header() {
        let g = grid(
            &[
                &["清单"],
                &[YEAR, "2025"],
                &[DUE, "2025-12-31"],
                &["字号", "11"],
                &HEADERS,
            ],
            &[],
        );
        assert!(g.is_setting(1) && !g.is_setting(0));
        assert_eq!(g.setting(YEAR, 4).as_deref(), Some("2025"));
        assert_eq!(g.setting(DUE, 4).as_deref(), Some("2025-12-31"));
        assert_eq!(table_layout(&g, 4).map(|t| t.size), Some(11.0));
        let (year, due) = year_and_due(&g, 4, Path::new("t.csv"), &Options::default()).unwrap();
        assert_eq!((year, due.as_deref()), (2025, Some("2025-12-31")));
        let given = Options {
            year: Some(2026),
            ..Options::default()
        };
        assert_eq!(
            year_and_due(&g, 4, Path::new("t.csv"), &given).unwrap().0,
            2026
        );
        let bare = grid(&[&["清单"], &HEADERS], &[]);
        let e = year_and_due(&bare, 1, Path::new("t.csv"), &Options::default()).unwrap_err();
        assert!(e.to_string().contains("没有写明任务清单的年度"), "{e}");
    }

    #[test]
    fn the_pages_setting_is_read_back_and_defaults_to_portrait() {
        let pages = |v: &str| {
            table_layout(&grid(&[], &[("字号", "12"), ("页面", v)]), 0)
                .unwrap()
                .pages
        };
        assert_eq!(pages("landscape"), TablePages::Landscape);
        assert_eq!(pages(" portrait "), TablePages::Portrait);
        assert_eq!(pages("横向"), TablePages::Portrait);
    }
}
