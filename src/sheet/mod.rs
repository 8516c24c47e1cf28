//! Task lists to and from spreadsheets, because offices keep their lists in Excel/WPS.
//!
//! Layout (sheet 任务清单, and the same rows in CSV): the title on row 1, the header
//! 序号 | 工作任务 | 牵头单位 | 配合单位 | 编号, then per category a row "一、政策出台" merged across
//! the columns followed by its tasks. Units in a cell are joined with 、. 编号 is the task's stable
//! id (hidden in the .xlsx): a row inserted by a colleague has none and gets a new one on import.
//! The list's settings (year, due date, table layout) travel too: on a sheet 设置 in an .xlsx,
//! and as `key,value` rows between the title and the header in a CSV, which has only one sheet.

mod export;
mod import;

pub(crate) use export::export;
pub(crate) use import::{Options, import};

use crate::model::TaskList;
use crate::rules::numbering::heading_number;
use crate::rules::wording;

pub(crate) const SHEET: &str = "任务清单";
pub(crate) const SETTINGS: &str = "设置";
pub(crate) const HEADERS: [&str; 4] = wording::TASK_HEADERS;
/// The fifth column: the task's id.
pub(crate) const ID_HEADER: &str = "编号";
/// The settings keys, as the 设置 sheet and the CSV's settings rows name them.
pub(crate) const YEAR: &str = "年度";
pub(crate) const DUE: &str = "报送截止";
/// The pages a table is set on, as `table.pages` spells them.
pub(crate) const PAGES: &str = "页面";
pub(crate) const SETTING_KEYS: [&str; 7] =
    [YEAR, DUE, "字号", "列宽（字）", "行距", "内边距", PAGES];

/// A CSV cell starting with one of these is read as a formula by Excel and WPS (CSV injection):
/// export puts a `'` before it, as OWASP recommends, and import takes it off again.
pub(crate) const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A cell's text as CSV may hold it.
fn csv_cell(text: &str) -> String {
    if text.starts_with(FORMULA_STARTS) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// One spreadsheet row below the header.
enum Row {
    Category(String),
    Task {
        id: String,
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
            "{}{}",
            heading_number(1, i + 1),
            c.name
        )));
        for t in &c.tasks {
            out.push(Row::Task {
                id: t.id.clone(),
                number: t.number,
                text: t.text.clone(),
                lead: wording::join(t.lead.iter().map(|u| &u.text)),
                support: wording::join(t.support.iter().map(|u| &u.text)),
            });
        }
    }
    out
}
