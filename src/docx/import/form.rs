//! A returned fill-in form, read back: which unit, year and task list it is for (its custom
//! properties, or its first table when Word or WPS dropped them), the date, a status and a
//! summary per task row, and the narrative under 全年工作总结. Every mistake a unit can make in
//! the table is reported with its row: an unknown status (with a "did you mean"), a task row
//! edited, deleted, copied or taken from another unit's form.

use crate::i18n::t;
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use chrono::NaiveDate;

use crate::diag::{Diagnostic, Diagnostics, did_you_mean};
use crate::docx::form::{self as f, FormTask};
use crate::docx::import::read::{Block, Cell, Doc};
use crate::model::{Project, Status, Task, TaskList};
use crate::rules::date;

/// What the form says, checked.
pub(crate) struct Filled {
    pub(crate) unit: String,
    pub(crate) year: i32,
    pub(crate) list: Arc<TaskList>,
    pub(crate) date: NaiveDate,
    /// The reported tasks, in table order.
    pub(crate) entries: Vec<Reported>,
    /// The narrative's blocks.
    pub(crate) body: Vec<Block>,
}

/// Options of the import that bear on a form.
pub(crate) struct Given<'a> {
    pub(crate) unit: Option<&'a str>,
    pub(crate) year: Option<i32>,
    pub(crate) date: Option<NaiveDate>,
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn row_texts(row: &[Cell]) -> Vec<String> {
    row.iter().map(|c| squeeze(&c.text())).collect()
}

/// The index of the form's task table, and of its info table, if the document has them.
pub(crate) fn tables(doc: &Doc) -> (Option<usize>, Option<usize>) {
    let mut tasks = None;
    let mut info = None;
    for (i, b) in doc.blocks.iter().enumerate() {
        let Block::Table(rows) = b else { continue };
        let Some(first) = rows.first() else { continue };
        let texts = row_texts(first);
        if tasks.is_none() && texts == f::HEADERS {
            tasks = Some(i);
        }
        if info.is_none() && texts.first().map(String::as_str) == Some(f::INFO_UNIT) {
            info = Some(i);
        }
    }
    (tasks, info)
}

/// Whether the document is a gongwen form (its properties say so, or it has the form's table).
pub(crate) fn is_form(doc: &Doc) -> bool {
    doc.props.contains_key(f::PROP_FORM) || tables(doc).0.is_some()
}

fn info_values(doc: &Doc, at: Option<usize>) -> BTreeMap<String, String> {
    let Some(Block::Table(rows)) = at.map(|i| &doc.blocks[i]) else {
        return BTreeMap::new();
    };
    rows.iter()
        .filter(|r| r.len() >= 2)
        .map(|r| (squeeze(&r[0].text()), r[1].text().trim().to_string()))
        .collect()
}

struct Ctx<'a> {
    project: &'a Project,
    file: &'a Path,
    errors: Diagnostics,
}

impl Ctx<'_> {
    fn error(&mut self, msg: impl Into<String>, help: impl Into<String>) {
        self.errors
            .push(Diagnostic::file_error(self.file, msg).with_help(help));
    }
}

/// The unit the form is for: its property, else its 报送单位 cell; checked against `--unit`
/// and against the cell.
fn unit(
    ctx: &mut Ctx,
    doc: &Doc,
    info: &BTreeMap<String, String>,
    given: &Given,
) -> Option<String> {
    let reg = &ctx.project.registry;
    let cell = info.get(f::INFO_UNIT).filter(|s| !s.is_empty());
    let from_props = doc.props.get(f::PROP_UNIT);
    let id = match (from_props, cell) {
        (Some(id), _) => match reg.resolve_unit(id) {
            Ok(id) => id,
            Err((msg, help)) => {
                ctx.error(t!("form-unit-bad", problem = msg), help);
                return None;
            }
        },
        (None, Some(name)) => match reg.resolve_unit(name) {
            Ok(id) => id,
            Err((msg, help)) => {
                ctx.error(
                    t!("form-cell-problem", cell = f::INFO_UNIT, problem = msg),
                    help,
                );
                return None;
            }
        },
        (None, None) => {
            ctx.error(
                t!("form-no-unit", cell = f::INFO_UNIT),
                t!("form-no-unit-help"),
            );
            return None;
        }
    };
    let name = reg.unit_name(&id).to_string();
    if let Some(cell) = cell
        && reg.resolve_unit(cell).ok().as_deref() != Some(id.as_str())
    {
        ctx.error(
            t!(
                "form-unit-differs",
                cell = f::INFO_UNIT,
                written = cell.as_str(),
                unit = name.as_str()
            ),
            t!(
                "form-unit-differs-help",
                cell = f::INFO_UNIT,
                written = cell.as_str(),
                unit = name.as_str()
            ),
        );
    }
    if let Some(u) = given.unit {
        match reg.resolve_unit(u) {
            Ok(g) if g != id => ctx.error(
                t!(
                    "form-other-unit",
                    unit = name.as_str(),
                    given = reg.unit_name(&g)
                ),
                t!("form-other-unit-help"),
            ),
            Ok(_) => {}
            Err((msg, help)) => ctx.error(msg, help),
        }
    }
    Some(id)
}

/// The year and task list the form is for, checked against the year being imported.
fn year_and_list(
    ctx: &mut Ctx,
    doc: &Doc,
    info: &BTreeMap<String, String>,
    given: &Given,
) -> Option<(i32, Arc<TaskList>)> {
    let form_year = doc
        .props
        .get(f::PROP_YEAR)
        .and_then(|y| y.trim().parse::<i32>().ok());
    let want = given.year.or(ctx.project.config.year);
    let year = match (form_year, want) {
        (Some(fy), Some(w)) if fy != w => {
            let message = if given.year.is_some() {
                t!(
                    "form-year-differs-option",
                    form = fy.to_string(),
                    wanted = w.to_string()
                )
            } else {
                t!(
                    "form-year-differs-config",
                    form = fy.to_string(),
                    wanted = w.to_string()
                )
            };
            ctx.error(
                message,
                t!(
                    "form-year-differs-help",
                    form = fy.to_string(),
                    wanted = w.to_string()
                ),
            );
            return None;
        }
        (Some(y), _) | (None, Some(y)) => y,
        (None, None) => {
            ctx.error(t!("form-no-year"), t!("no-year-help"));
            return None;
        }
    };
    let lists = ctx.project.lists_for_year(year);
    let slug = doc.props.get(f::PROP_LIST);
    let title = info.get(f::INFO_LIST);
    let found = lists.iter().find(|l| match (slug, title) {
        (Some(s), _) => &l.slug == s,
        (None, Some(t)) => squeeze(&l.title) == squeeze(t),
        (None, None) => lists.len() == 1,
    });
    match found {
        Some(l) => Some((year, l.clone())),
        None => {
            let named = slug.map_or_else(
                || title.cloned().unwrap_or_default(),
                |s| format!("tasks/{s}.yaml"),
            );
            ctx.error(
                t!("form-list-unknown", list = named, year = year.to_string()),
                t!("form-list-unknown-help"),
            );
            None
        }
    }
}

fn form_date(ctx: &mut Ctx, info: &BTreeMap<String, String>, given: &Given) -> Option<NaiveDate> {
    if let Some(d) = given.date {
        return Some(d);
    }
    match info.get(f::INFO_DATE).map(String::as_str).unwrap_or("") {
        "" => {
            ctx.error(
                t!("form-cell-empty", cell = f::INFO_DATE),
                t!("form-no-date-help"),
            );
            None
        }
        s => match date::parse_written(s) {
            Ok(d) => Some(d),
            Err(e) => {
                ctx.error(
                    t!("form-cell-problem", cell = f::INFO_DATE, problem = e),
                    t!("form-bad-date-help"),
                );
                None
            }
        },
    }
}

fn status(ctx: &mut Ctx, at: &str, text: &str) -> Option<Status> {
    let s = squeeze(text);
    if let Some(st) = Status::parse(&s) {
        return Some(st);
    }
    let labels = Status::ALL.map(Status::label);
    if s.is_empty() {
        ctx.error(t!("form-status-empty", at = at), t!("form-status-help"));
    } else {
        let help = match did_you_mean(&s, labels).or_else(|| closest_status(&s)) {
            Some(m) => t!("form-status-did-you-mean", status = m),
            None => t!("form-status-help"),
        };
        ctx.error(
            t!("form-status-unknown", at = at, status = s.as_str()),
            help,
        );
    }
    None
}

/// The status whose label shares the most characters with `s` (进行中 → 推进中, 未开始 → 未启动),
/// when one shares more than the others: what a clerk wrote in other words.
fn closest_status(s: &str) -> Option<&'static str> {
    let shared = |label: &str| label.chars().filter(|c| s.contains(*c)).count();
    let mut scored: Vec<(usize, &'static str)> = Status::ALL
        .iter()
        .map(|st| (shared(st.label()), st.label()))
        .collect();
    scored.sort_by_key(|(n, _)| std::cmp::Reverse(*n));
    match scored.as_slice() {
        [(best, label), (next, _), ..] if *best > 0 && best > next => Some(label),
        _ => None,
    }
}

fn preview(text: &str) -> String {
    let t: String = text.chars().take(24).collect();
    if text.chars().count() > 24 {
        format!("{t}…")
    } else {
        t
    }
}

/// One reported task: its id, its text as on the form, status and summary.
pub(crate) struct Reported {
    pub(crate) id: String,
    pub(crate) text: String,
    pub(crate) status: Status,
    pub(crate) summary: String,
}

/// What the rows are checked against.
struct Expect<'a> {
    list: &'a TaskList,
    own: &'a [FormTask<'a>],
    /// 序号 → task id as the form was made (empty when Word or WPS dropped the properties).
    ids: BTreeMap<usize, String>,
    unit_name: &'a str,
}

impl Expect<'_> {
    fn own_list(&self) -> String {
        let numbers: Vec<String> = self.own.iter().map(|t| t.number.to_string()).collect();
        numbers.join(", ")
    }
}

/// The task of the row with 序号 `n`: the id the form was made with for it (stable when the
/// list was renumbered since), else task `n` of the current list (a row copied from another
/// unit's form is then reported as not this unit's).
fn row_task<'l>(ctx: &mut Ctx, at: &str, n: usize, ex: &Expect<'l>) -> Option<&'l Task> {
    let list = ex.list;
    let task = match ex.ids.get(&n) {
        Some(id) => list.task_by_id(id).ok_or_else(|| {
            (
                t!(
                    "form-task-removed",
                    at = at,
                    id = id.as_str(),
                    list = list.title.as_str()
                ),
                t!("form-task-removed-help"),
            )
        }),
        None => list.task(n).ok_or_else(|| {
            (
                t!(
                    "form-no-task",
                    at = at,
                    number = n,
                    list = list.title.as_str()
                ),
                t!(
                    "form-no-task-help",
                    unit = ex.unit_name,
                    tasks = ex.own_list()
                ),
            )
        }),
    };
    task.map_err(|(msg, help)| ctx.error(msg, help)).ok()
}

/// One task row checked: its task, once, of this unit, with the text as sent and a status.
fn row(
    ctx: &mut Ctx,
    i: usize,
    row: &[Cell],
    ex: &Expect,
    seen: &mut BTreeMap<String, usize>,
) -> Option<Reported> {
    let at = t!("form-row", row = i);
    if row.len() != f::HEADERS.len() {
        ctx.error(
            t!(
                "form-row-cells",
                at = at.as_str(),
                cells = row.len(),
                expected = f::HEADERS.len()
            ),
            t!("form-row-cells-help"),
        );
        return None;
    }
    let no = squeeze(&row[0].text());
    let Ok(n) = no.parse::<usize>() else {
        ctx.error(
            t!("form-row-number-bad", at = at.as_str(), value = no.as_str()),
            t!("form-row-number-bad-help"),
        );
        return None;
    };
    let at = t!("form-row-numbered", row = i, number = n);
    let task = row_task(ctx, &at, n, ex)?;
    if !ex.own.iter().any(|t| t.id == task.id) {
        ctx.error(
            t!(
                "form-row-other-unit",
                at = at.as_str(),
                number = n,
                unit = ex.unit_name
            ),
            t!(
                "form-row-other-unit-help",
                unit = ex.unit_name,
                tasks = ex.own_list()
            ),
        );
        return None;
    }
    if let Some(first) = seen.insert(task.id.clone(), i) {
        ctx.error(
            t!(
                "form-row-twice",
                at = at.as_str(),
                number = n,
                first = first
            ),
            t!("form-row-twice-help"),
        );
        return None;
    }
    if squeeze(&row[1].text()) != squeeze(&task.text) {
        ctx.error(
            t!("form-row-text-changed", at = at.as_str()),
            t!("form-row-text-changed-help", text = task.text.as_str()),
        );
        return None;
    }
    let status = status(ctx, &at, &row[3].text())?;
    Some(Reported {
        id: task.id.clone(),
        text: task.text.clone(),
        status,
        summary: row[4].text(),
    })
}

/// The task rows, each checked against the unit's tasks; a deleted row is reported too.
fn rows(ctx: &mut Ctx, rows: &[Vec<Cell>], ex: &Expect) -> Vec<Reported> {
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let out: Vec<Reported> = rows
        .iter()
        .enumerate()
        .skip(1)
        .filter(|(_, r)| !r.iter().all(|c| c.text().trim().is_empty()))
        .filter_map(|(i, r)| row(ctx, i, r, ex, &mut seen))
        .collect();
    for t in ex.own.iter().filter(|t| !seen.contains_key(t.id)) {
        ctx.error(
            t!(
                "form-row-deleted",
                number = t.number,
                text = preview(t.text)
            ),
            t!("form-row-deleted-help"),
        );
    }
    out
}

/// Reads and checks a filled-in form.
pub(crate) fn read(
    project: &Project,
    file: &Path,
    doc: Doc,
    given: &Given,
) -> Result<Filled, Diagnostics> {
    let mut ctx = Ctx {
        project,
        file,
        errors: Diagnostics::default(),
    };
    let (tasks_at, info_at) = tables(&doc);
    let info = info_values(&doc, info_at);
    let unit = unit(&mut ctx, &doc, &info, given);
    let yl = year_and_list(&mut ctx, &doc, &info, given);
    let date = form_date(&mut ctx, &info, given);
    let (Some(unit), Some((year, list))) = (unit, yl) else {
        return Err(ctx.errors);
    };
    let Some(tasks_at) = tasks_at else {
        ctx.error(
            t!("form-no-table", header = f::HEADERS.join(" | ")),
            t!("form-no-table-help"),
        );
        return Err(ctx.errors);
    };
    let own = f::tasks_of(&list, &project.registry, &unit);
    let unit_name = project.registry.unit_name(&unit).to_string();
    let Block::Table(table) = &doc.blocks[tasks_at] else {
        unreachable!("tables() found a table here");
    };
    let expect = Expect {
        list: &list,
        own: &own,
        ids: doc
            .props
            .get(f::PROP_TASKS)
            .map(|v| f::parse_task_ids(v))
            .unwrap_or_default(),
        unit_name: &unit_name,
    };
    let entries = rows(&mut ctx, table, &expect);
    let body = narrative(&doc.blocks[tasks_at + 1..]);
    match (date, ctx.errors.has_errors()) {
        (Some(date), false) => Ok(Filled {
            unit,
            year,
            list,
            date,
            entries,
            body,
        }),
        _ => Err(ctx.errors),
    }
}

/// The blocks under the heading 全年工作总结 (all that follows the table if it was deleted).
fn narrative(after: &[Block]) -> Vec<Block> {
    let heading = after
        .iter()
        .position(|b| matches!(b, Block::Para(p) if squeeze(&p.text) == f::NARRATIVE));
    match heading {
        Some(i) => after[i + 1..].to_vec(),
        None => after.to_vec(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_status_in_other_words_suggests_the_one_meant() {
        assert_eq!(closest_status("进行中"), Some("推进中"));
        assert_eq!(closest_status("未开始"), Some("未启动"));
        assert_eq!(closest_status("好"), None);
    }

    #[test]
    fn task_ids_of_a_form_read_back() {
        let ids = f::parse_task_ids("1=t1; 3=t7;x=t9;4=");
        assert_eq!(
            ids.into_iter().collect::<Vec<_>>(),
            [(1, "t1".to_string()), (3, "t7".to_string())]
        );
    }
}
