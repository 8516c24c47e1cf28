//! content/tasks/*.yaml → task lists, their units resolved against the registry.

use crate::i18n::t;
use std::path::Path;

use serde::Deserialize;
use serde_saphyr::Spanned;

use crate::diag::{Diagnostic, Diagnostics, did_you_mean};
use crate::limits;
use crate::load::fields::Fields;
use crate::load::{source, yaml};
use crate::model::{Category, Registry, TableLayout, TablePages, Task, TaskList, UnitRef};
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
    pages: Option<Spanned<String>>,
}

/// The widest a table may be, in points: the 225 mm the turned or landscape type area holds.
const TABLE_WIDTH_PT: f64 = 225.0 / 25.4 * 72.0;
/// What a column adds to its text, in points: the cell's padding on both sides and a rule
/// (`task-attachment` in gongwen.typ).
const COLUMN_EXTRA_PT: f64 = 6.5;
/// The 序号 column takes what the others leave; it needs two characters, so its header never
/// stands on end (序 / 号).
const NUMBER_CHARS: f64 = 2.0;

/// How wide the table is, in points: its three columns of `chars` characters of `size` and the
/// 序号 column at its narrowest.
fn table_width(chars: &[f64; 3], size: f64) -> f64 {
    (chars.iter().sum::<f64>() + NUMBER_CHARS) * size + 4.0 * COLUMN_EXTRA_PT
}

/// The table settings, each within the range README "Limits" documents, and the columns
/// together no wider than the page.
fn table(f: &mut Fields, raw: &RawTable) -> TableLayout {
    let d = TableLayout::default();
    let size = f.number(&raw.size, "table.size", 8.0..=22.0, "pt", d.size);
    let columns = match &raw.columns {
        None => d.columns,
        Some(c) if c.value.len() != 3 => {
            f.error(
                Diagnostic::error(f.at(c), t!("columns-count", n = c.value.len()))
                    .with_help(t!("columns-count-help")),
            );
            d.columns
        }
        Some(c) => {
            let mut w = [0.0; 3];
            for (i, v) in c.value.iter().enumerate() {
                w[i] = f.number(
                    &Some(v.clone()),
                    &t!("what-column-width"),
                    2.0..=60.0,
                    &t!("unit-characters"),
                    d.columns[i],
                );
            }
            let total = table_width(&w, size);
            if total > TABLE_WIDTH_PT {
                f.error(
                    Diagnostic::error(
                        f.at(c),
                        t!(
                            "columns-too-wide",
                            width = format!("{:.1}", total / 72.0 * 25.4),
                            page = format!("{:.1}", TABLE_WIDTH_PT / 72.0 * 25.4)
                        ),
                    )
                    .with_help(t!("columns-too-wide-help")),
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
        pages: pages(f, &raw.pages),
    }
}

/// `table.pages`: the table turned on portrait pages (the default, GB/T 9704 §8) or landscape
/// pages; anything else is an error with a did-you-mean.
fn pages(f: &mut Fields, v: &Option<Spanned<String>>) -> TablePages {
    let Some(v) = v else {
        return TablePages::default();
    };
    let name = v.value.trim();
    TablePages::from_name(name).unwrap_or_else(|| {
        let names = TablePages::NAMES.iter().map(|(n, _)| *n);
        let help = match did_you_mean(name, names) {
            Some(s) => t!("did-you-mean", name = s),
            None => t!("table-pages-unknown-help"),
        };
        f.error(Diagnostic::error(f.at(v), t!("table-pages-unknown", name = name)).with_help(help));
        TablePages::default()
    })
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
    /// A stable identity: submissions refer to it, so inserting a task never re-attaches them.
    id: Option<Spanned<String>>,
    text: Spanned<String>,
    #[serde(default)]
    lead: Vec<Spanned<String>>,
    #[serde(default)]
    support: Vec<Spanned<String>>,
}

/// Reads a task list; its units are resolved afterwards with `resolve`.
pub(crate) fn load(root: &Root, shown: &Path, slug: &str) -> Result<TaskList, Diagnostics> {
    let text = source::read(root, shown, &t!("what-task-list"), limits::YAML_BYTES)?;
    parse(&text, shown, slug)
}

/// A task list from its text; `shown` names the file in messages.
pub(crate) fn parse(text: &str, shown: &Path, slug: &str) -> Result<TaskList, Diagnostics> {
    let raw: RawList = yaml::parse(text, shown, 1)?;
    let mut f = Fields::new(shown, 1);
    let title = f.text(&raw.title, roles::LIST_TITLE);
    let due = raw.due.as_ref().and_then(|d| f.date(d, "due"));
    let mut number = 0;
    let mut categories: Vec<Category> = raw
        .categories
        .iter()
        .map(|c| category(&mut f, c, &mut number))
        .collect();
    let title_at = f.at(&raw.title);
    let explicit_ids = ids(&mut f, &mut categories);
    if categories.is_empty() {
        f.error(
            Diagnostic::error(f.at(&raw.title), t!("list-no-categories"))
                .with_help(t!("list-no-categories-help")),
        );
    }
    Ok(TaskList {
        explicit_ids,
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
            Diagnostic::error(f.at(&c.name), t!("category-empty", name = name.as_str()))
                .with_help(t!("category-empty-help")),
        );
    }
    Category { name, tasks }
}

fn task(f: &mut Fields, t: &Spanned<RawTask>, number: usize) -> Task {
    let location = f.at(t);
    let raw = &t.value;
    let id = match &raw.id {
        Some(id) if !valid_id(id.value.trim()) => {
            f.error(
                Diagnostic::error(f.at(id), t!("task-id-bad", id = id.value.trim()))
                    .with_help(t!("task-id-bad-help")),
            );
            String::new()
        }
        Some(id) => id.value.trim().to_string(),
        None => String::new(),
    };
    let text = f.text(&raw.text, roles::TASK);
    if text.is_empty() {
        f.error(
            Diagnostic::error(f.at(&raw.text), t!("task-no-text", number = number))
                .with_help(t!("task-no-text-help")),
        );
    }
    if raw.lead.is_empty() {
        f.error(
            Diagnostic::error(location.clone(), t!("task-no-lead", number = number))
                .with_help(t!("task-no-lead-help")),
        );
    }
    let mut refs = |v: &[Spanned<String>]| {
        v.iter()
            .map(|s| {
                let text = f.text(s, roles::BODY);
                UnitRef {
                    location: f.at(s),
                    name: text.trim().to_string(),
                    text,
                    target: None,
                }
            })
            .collect::<Vec<_>>()
    };
    let lead = refs(&raw.lead);
    let support = refs(&raw.support);
    Task {
        id,
        number,
        text,
        lead,
        support,
        location,
    }
}

pub(crate) fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 32
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// Gives every task its id: as written, or (a list written before ids) `t` and its number, with
/// a hint to write them. In a list with ids, a task without one, or an id used twice, is an error.
fn ids(f: &mut Fields, categories: &mut [Category]) -> bool {
    let tasks = || categories.iter().flat_map(|c| c.tasks.iter());
    let explicit = tasks().any(|t| !t.id.is_empty());
    if !explicit {
        for t in categories.iter_mut().flat_map(|c| c.tasks.iter_mut()) {
            t.id = format!("t{}", t.number);
        }
        return false;
    }
    let next = tasks()
        .filter_map(|t| t.id.strip_prefix('t').and_then(|n| n.parse::<usize>().ok()))
        .max()
        .unwrap_or(0)
        + 1;
    let mut seen: std::collections::BTreeMap<String, usize> = std::collections::BTreeMap::new();
    for t in tasks() {
        if t.id.is_empty() {
            f.error(
                Diagnostic::error(t.location.clone(), t!("task-no-id", number = t.number))
                    .with_help(t!("task-no-id-help", next = next)),
            );
        } else if let Some(first) = seen.insert(t.id.clone(), t.number) {
            f.error(
                Diagnostic::error(
                    t.location.clone(),
                    t!(
                        "task-id-taken",
                        number = t.number,
                        id = t.id.as_str(),
                        first = first
                    ),
                )
                .with_help(t!("task-id-taken-help", next = next)),
            );
        }
    }
    true
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
                                t!("task-unit-twice", number = number, name = r.text.as_str()),
                            )
                            .with_help(t!("task-unit-twice-help")),
                        );
                    }
                    seen.push(target.clone());
                    let (name, id) = registry.ref_name(&target);
                    // Printed by the registry's name: an alias beside a name in one table reads
                    // as two units. An id is plainly not a name and needs no note.
                    if r.text.trim() != name && r.text.trim() != id {
                        errors.push(
                            Diagnostic::warning(
                                r.location.clone(),
                                t!("unit-alias-used", alias = r.text.trim(), name = name),
                            )
                            .with_help(t!(
                                "unit-alias-used-help",
                                name = name,
                                file = crate::paths::UNITS
                            )),
                        );
                    }
                    r.name = name.to_string();
                    r.target = Some(target);
                }
                Err(help) => errors.push(
                    Diagnostic::error(
                        r.location.clone(),
                        if role == "lead" {
                            t!("task-lead-unknown", name = r.text.as_str(), number = number)
                        } else {
                            t!(
                                "task-support-unknown",
                                name = r.text.as_str(),
                                number = number
                            )
                        },
                    )
                    .with_help(help),
                ),
            }
        }
    }
    errors
}

/// The task list's text with an `id: tN` line put before each task, so its identity is written
/// down once (`gongwen tasks --write-ids`). `starts` are the tasks' (line, column), 1-based, in
/// order; everything else in the file (comments included) stays as it is.
pub(crate) fn with_ids(text: &str, starts: &[(usize, usize)]) -> String {
    let mut lines: Vec<String> = text.split('\n').map(String::from).collect();
    for (n, (line, col)) in starts.iter().enumerate().rev() {
        let Some(l) = lines.get_mut(line - 1) else {
            continue;
        };
        let at = l.char_indices().nth(col - 1).map_or(l.len(), |(i, _)| i);
        let indent = " ".repeat(col - 1);
        l.insert_str(at, &format!("id: t{}\n{indent}", n + 1));
    }
    lines.join("\n")
}

#[cfg(test)]
mod id_tests {
    use super::*;

    #[test]
    fn ids_are_written_before_each_task_keeping_the_rest() {
        let yaml = "title: 清单 # 注释\ncategories:\n  - name: 甲\n    tasks:\n      - text: 任务一\n        lead: [a]\n      - lead: [b]\n        text: 任务二\n";
        let list = parse(yaml, Path::new("t.yaml"), "t").unwrap();
        let starts: Vec<_> = list
            .tasks()
            .map(|t| (t.location.line, t.location.column))
            .collect();
        let written = with_ids(yaml, &starts);
        assert_eq!(
            written,
            "title: 清单 # 注释\ncategories:\n  - name: 甲\n    tasks:\n      - id: t1\n        text: 任务一\n        lead: [a]\n      - id: t2\n        lead: [b]\n        text: 任务二\n"
        );
        let again = parse(&written, Path::new("t.yaml"), "t").unwrap();
        assert!(again.explicit_ids);
        assert_eq!(
            again.tasks().map(|t| t.id.as_str()).collect::<Vec<_>>(),
            ["t1", "t2"]
        );
    }
}

#[cfg(test)]
mod width_tests {
    use super::*;

    #[test]
    fn the_default_table_fits_and_a_squeezed_xuhao_column_does_not() {
        let d = TableLayout::default();
        assert!(table_width(&d.columns, d.size) <= TABLE_WIDTH_PT);
        // 49 characters of 12 pt leave the 序号 column less than its two characters.
        assert!(table_width(&[34.0, 8.0, 7.0], 12.0) > TABLE_WIDTH_PT);
        assert!(table_width(&[33.0, 8.0, 7.0], 12.0) <= TABLE_WIDTH_PT);
    }
}
