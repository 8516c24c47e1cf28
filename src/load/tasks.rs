//! content/tasks/*.yaml → task lists, their units resolved against the registry.

use std::path::Path;

use serde::Deserialize;
use serde_saphyr::Spanned;

use crate::diag::{Diagnostic, Diagnostics};
use crate::limits;
use crate::load::fields::Fields;
use crate::load::{source, yaml};
use crate::model::{Category, Registry, TableLayout, Task, TaskList, UnitRef};
use crate::root::Root;
use crate::text::roles;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawList {
    title: Spanned<String>,
    year: Option<Spanned<i64>>,
    due: Option<Spanned<String>>,
    #[serde(default)]
    table: RawTable,
    categories: Vec<RawCategory>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTable {
    size: Option<Spanned<f64>>,
    columns: Option<Spanned<Vec<Spanned<f64>>>>,
    leading: Option<Spanned<f64>>,
    padding: Option<Spanned<f64>>,
}

/// The widest a table may be, in points: the 225 mm the rotated or landscape page holds, less a
/// little for the 序号 column and the rules.
const TABLE_WIDTH_PT: f64 = 600.0;

/// The table settings, each within the range README "Limits" documents, and the columns
/// together no wider than the page.
fn table(f: &mut Fields, raw: &RawTable) -> TableLayout {
    let d = TableLayout::default();
    let size = f.number(&raw.size, "table.size", 8.0..=22.0, "pt", d.size);
    let columns = match &raw.columns {
        None => d.columns,
        Some(c) if c.value.len() != 3 => {
            f.error(
                Diagnostic::error(f.at(c), format!("`table.columns` has {} widths", c.value.len()))
                    .with_help("give three widths in characters: 工作任务, 牵头单位, 配合单位, e.g. [31, 8, 7]"),
            );
            d.columns
        }
        Some(c) => {
            let mut w = [0.0; 3];
            for (i, v) in c.value.iter().enumerate() {
                w[i] = f.number(
                    &Some(v.clone()),
                    "a column width",
                    2.0..=60.0,
                    " characters",
                    d.columns[i],
                );
            }
            let total = w.iter().sum::<f64>() * size;
            if total > TABLE_WIDTH_PT {
                f.error(
                    Diagnostic::error(
                        f.at(c),
                        format!(
                            "the columns are {:.0} mm wide together; the page holds {:.0} mm",
                            total / 72.0 * 25.4,
                            TABLE_WIDTH_PT / 72.0 * 25.4
                        ),
                    )
                    .with_help("make the columns narrower or `table.size` smaller"),
                );
            }
            w
        }
    };
    TableLayout {
        size,
        columns,
        leading: f.number(&raw.leading, "table.leading", 0.0..=2.0, "em", d.leading),
        padding: f.number(&raw.padding, "table.padding", 0.0..=20.0, "pt", d.padding),
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCategory {
    name: Spanned<String>,
    #[serde(default)]
    tasks: Vec<Spanned<RawTask>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTask {
    text: Spanned<String>,
    #[serde(default)]
    lead: Vec<Spanned<String>>,
    #[serde(default)]
    support: Vec<Spanned<String>>,
}

/// Reads a task list; its units are resolved afterwards with `resolve`.
pub(crate) fn load(root: &Root, shown: &Path, slug: &str) -> Result<TaskList, Diagnostics> {
    let text = source::read(root, shown, "the task list", limits::YAML_BYTES)?;
    parse(&text, shown, slug)
}

/// A task list from its text; `shown` names the file in messages.
pub(crate) fn parse(text: &str, shown: &Path, slug: &str) -> Result<TaskList, Diagnostics> {
    let raw: RawList = yaml::parse(text, shown, 1)?;
    let mut f = Fields::new(shown, 1);
    let title = f.text(&raw.title, roles::LIST_TITLE);
    let due = raw.due.as_ref().and_then(|d| f.date(d, "due"));
    let mut number = 0;
    let categories: Vec<Category> = raw
        .categories
        .iter()
        .map(|c| category(&mut f, c, &mut number))
        .collect();
    if categories.is_empty() {
        f.error(
            Diagnostic::error(f.at(&raw.title), "the task list has no categories").with_help(
                "list the tasks under `categories:`, each category with a `name:` and its `tasks:`",
            ),
        );
    }
    let title_at = f.at(&raw.title);
    Ok(TaskList {
        slug: slug.to_string(),
        file: shown.to_path_buf(),
        title,
        title_at,
        year: f.year(&raw.year),
        due,
        table: table(&mut f, &raw.table),
        categories,
        printed: f.finish()?,
    })
}

fn category(f: &mut Fields, c: &RawCategory, number: &mut usize) -> Category {
    let name = f.text(&c.name, roles::CATEGORY);
    let tasks: Vec<Task> = c
        .tasks
        .iter()
        .map(|t| {
            *number += 1;
            task(f, t, *number)
        })
        .collect();
    if tasks.is_empty() {
        f.error(
            Diagnostic::error(f.at(&c.name), format!("category `{name}` has no tasks"))
                .with_help("add tasks under it or remove it"),
        );
    }
    Category { name, tasks }
}

fn task(f: &mut Fields, t: &Spanned<RawTask>, number: usize) -> Task {
    let location = f.at(t);
    let raw = &t.value;
    let text = f.text(&raw.text, roles::TASK);
    if text.is_empty() {
        f.error(
            Diagnostic::error(f.at(&raw.text), format!("task {number} has no text"))
                .with_help("write what is to be done in `text:`"),
        );
    }
    if raw.lead.is_empty() {
        f.error(
            Diagnostic::error(
                location.clone(),
                format!("task {number} has no lead unit (牵头单位)"),
            )
            .with_help("add `lead: [unit]` naming who leads it"),
        );
    }
    let mut refs = |v: &[Spanned<String>]| {
        v.iter()
            .map(|s| UnitRef {
                location: f.at(s),
                text: f.text(s, roles::BODY),
                target: None,
            })
            .collect::<Vec<_>>()
    };
    let lead = refs(&raw.lead);
    let support = refs(&raw.support);
    Task {
        number,
        text,
        lead,
        support,
    }
}

/// Resolves every unit a task names against the registry.
pub(crate) fn resolve(list: &mut TaskList, registry: &Registry) -> Diagnostics {
    let mut errors = Diagnostics::default();
    for task in list.categories.iter_mut().flat_map(|c| c.tasks.iter_mut()) {
        let mut seen = Vec::new();
        let number = task.number;
        let refs = task
            .lead
            .iter_mut()
            .map(|r| ("lead", r))
            .chain(task.support.iter_mut().map(|r| ("support", r)));
        for (role, r) in refs {
            match registry.resolve(&r.text) {
                Ok(target) => {
                    if seen.contains(&target) {
                        errors.push(
                            Diagnostic::error(
                                r.location.clone(),
                                format!("task {number} names `{}` twice", r.text),
                            )
                            .with_help("a unit either leads or supports a task, once"),
                        );
                    }
                    seen.push(target.clone());
                    r.target = Some(target);
                }
                Err(help) => errors.push(
                    Diagnostic::error(
                        r.location.clone(),
                        format!(
                            "unknown unit `{}` in the {role} units of task {number}",
                            r.text
                        ),
                    )
                    .with_help(help),
                ),
            }
        }
    }
    errors
}
