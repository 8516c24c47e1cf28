//! content/tasks/<slug>.yaml: a task list, rendered as the attachment table of a notice.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Deserialize;
use serde_saphyr::Spanned;

use crate::diag::{Diagnostic, Diagnostics, Location};
use crate::model::{Role, SourceText};
use crate::units::{Ref, Registry};
use crate::{date, yaml};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawList {
    title: Spanned<String>,
    year: Option<i32>,
    due: Option<Spanned<String>>,
    #[serde(default)]
    table: TableLayout,
    categories: Vec<RawCategory>,
}

/// How the list is set as a table: type size, column widths in characters of that size (工作任务,
/// 牵头单位, 配合单位; 序号 takes the rest), line spacing and cell padding.
#[derive(Debug, Clone, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct TableLayout {
    #[serde(default = "default_size")]
    pub size: f64,
    #[serde(default = "default_columns")]
    pub columns: [f64; 3],
    #[serde(default = "default_leading")]
    pub leading: f64,
    #[serde(default = "default_padding")]
    pub padding: f64,
}

fn default_size() -> f64 {
    12.0
}
fn default_columns() -> [f64; 3] {
    [31.0, 8.0, 7.0]
}
fn default_leading() -> f64 {
    0.65
}
fn default_padding() -> f64 {
    4.0
}

impl Default for TableLayout {
    fn default() -> Self {
        TableLayout {
            size: default_size(),
            columns: default_columns(),
            leading: default_leading(),
            padding: default_padding(),
        }
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

#[derive(Debug, Clone)]
pub struct TaskList {
    pub slug: String,
    pub file: PathBuf,
    pub title: String,
    pub year: Option<i32>,
    pub due: Option<NaiveDate>,
    pub table: TableLayout,
    pub categories: Vec<Category>,
    pub texts: Vec<SourceText>,
}

#[derive(Debug, Clone)]
pub struct Category {
    pub name: String,
    pub tasks: Vec<Task>,
}

/// A task; `number` runs 1, 2, 3 … across categories, as in the issued table.
#[derive(Debug, Clone)]
pub struct Task {
    pub number: usize,
    pub text: String,
    pub lead: Vec<UnitRef>,
    pub support: Vec<UnitRef>,
    pub location: Location,
}

/// A unit as the table cell names it, and (once checked) what it stands for.
#[derive(Debug, Clone)]
pub struct UnitRef {
    pub text: String,
    pub location: Location,
    pub target: Option<Ref>,
}

impl TaskList {
    pub fn load(path: &Path, shown: &Path, slug: &str) -> Result<TaskList, Diagnostics> {
        let text = crate::diag::read_source(path, shown, "the task list")?;
        let raw: RawList = yaml::parse(&text, shown, 1)?;
        let loc = |s: &serde_saphyr::Location| yaml::location(shown, 1, s);
        let mut errors = Diagnostics::default();
        let mut texts = vec![SourceText {
            location: loc(&raw.title.referenced),
            text: raw.title.value.clone(),
            role: Role::Title,
        }];
        let due = raw.due.as_ref().and_then(|d| {
            date::field(&d.value, "due", loc(&d.referenced))
                .map_err(|e| errors.push(e))
                .ok()
        });
        let mut number = 0;
        let mut categories = Vec::new();
        for c in raw.categories {
            texts.push(SourceText {
                location: loc(&c.name.referenced),
                text: c.name.value.clone(),
                role: Role::Hei,
            });
            let mut tasks = Vec::new();
            for t in c.tasks {
                number += 1;
                let location = loc(&t.referenced);
                let t = t.value;
                if t.text.value.trim().is_empty() {
                    errors.push(
                        Diagnostic::error(
                            loc(&t.text.referenced),
                            format!("task {number} has no text"),
                        )
                        .with_help("write what is to be done in `text:`"),
                    );
                }
                if t.lead.is_empty() {
                    errors.push(
                        Diagnostic::error(
                            location.clone(),
                            format!("task {number} has no lead unit (牵头单位)"),
                        )
                        .with_help("add `lead: [unit]` naming who leads it"),
                    );
                }
                texts.push(SourceText {
                    location: loc(&t.text.referenced),
                    text: t.text.value.clone(),
                    role: Role::Body,
                });
                let refs = |v: Vec<Spanned<String>>, texts: &mut Vec<SourceText>| {
                    v.into_iter()
                        .map(|s| {
                            let location = loc(&s.referenced);
                            texts.push(SourceText {
                                location: location.clone(),
                                text: s.value.clone(),
                                role: Role::Body,
                            });
                            UnitRef {
                                text: s.value.trim().to_string(),
                                location,
                                target: None,
                            }
                        })
                        .collect::<Vec<_>>()
                };
                let lead = refs(t.lead, &mut texts);
                let support = refs(t.support, &mut texts);
                tasks.push(Task {
                    number,
                    text: t.text.value.trim().to_string(),
                    lead,
                    support,
                    location,
                });
            }
            if tasks.is_empty() {
                errors.push(
                    Diagnostic::error(
                        loc(&c.name.referenced),
                        format!("category `{}` has no tasks", c.name.value),
                    )
                    .with_help("add tasks under it or remove it"),
                );
            }
            categories.push(Category {
                name: c.name.value.trim().to_string(),
                tasks,
            });
        }
        if categories.is_empty() {
            errors.push(
                Diagnostic::error(loc(&raw.title.referenced), "the task list has no categories")
                    .with_help("list the tasks under `categories:`, each category with a `name:` and its `tasks:`"),
            );
        }
        if errors.has_errors() {
            return Err(errors);
        }
        Ok(TaskList {
            slug: slug.to_string(),
            file: shown.to_path_buf(),
            title: raw.title.value.trim().to_string(),
            year: raw.year,
            due,
            table: raw.table,
            categories,
            texts,
        })
    }

    pub fn tasks(&self) -> impl Iterator<Item = &Task> {
        self.categories.iter().flat_map(|c| c.tasks.iter())
    }

    /// Resolves every unit a task names against the registry.
    pub fn resolve(&mut self, registry: &Registry) -> Diagnostics {
        let mut errors = Diagnostics::default();
        for task in self.categories.iter_mut().flat_map(|c| c.tasks.iter_mut()) {
            let mut seen = Vec::new();
            for (role, r) in task
                .lead
                .iter_mut()
                .map(|r| ("lead", r))
                .chain(task.support.iter_mut().map(|r| ("support", r)))
            {
                match registry.resolve(&r.text) {
                    Ok(target) => {
                        if seen.contains(&target) {
                            errors.push(
                                Diagnostic::error(
                                    r.location.clone(),
                                    format!("task {} names `{}` twice", task.number, r.text),
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
                                "unknown unit `{}` in the {role} units of task {}",
                                r.text, task.number
                            ),
                        )
                        .with_help(help),
                    ),
                }
            }
        }
        errors
    }

    /// The tasks `unit` leads and supports, directly or through a group it belongs to.
    pub fn tasks_of<'a>(
        &'a self,
        registry: &Registry,
        unit: &str,
    ) -> (Vec<&'a Task>, Vec<&'a Task>) {
        let involves = |refs: &[UnitRef]| {
            refs.iter()
                .filter_map(|r| r.target.as_ref())
                .any(|t| registry.expand(t).contains(unit))
        };
        let lead = self.tasks().filter(|t| involves(&t.lead)).collect();
        let support = self.tasks().filter(|t| involves(&t.support)).collect();
        (lead, support)
    }
}
