//! content/submissions/<year>/<unit>.md: a unit's year-end summary. Front matter names the unit,
//! the date and, per task, its status and a one-paragraph summary; the Markdown body is the
//! narrative.

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::Arc;

use chrono::NaiveDate;
use serde::Deserialize;
use serde_saphyr::Spanned;

use crate::diag::{Diagnostic, Diagnostics, Location};
use crate::markdown::{self, Block};
use crate::model::{Role, SourceText};
use crate::tasks::TaskList;
use crate::units::Registry;
use crate::{date, frontmatter, yaml};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub enum Status {
    Done,
    InProgress,
    NotStarted,
}

impl Status {
    pub const ALL: [Status; 3] = [Status::Done, Status::InProgress, Status::NotStarted];

    pub fn parse(s: &str) -> Option<Status> {
        match s.trim() {
            "已完成" => Some(Status::Done),
            "推进中" => Some(Status::InProgress),
            "未启动" => Some(Status::NotStarted),
            _ => None,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Status::Done => "已完成",
            Status::InProgress => "推进中",
            Status::NotStarted => "未启动",
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Front {
    unit: Option<Spanned<String>>,
    date: Option<Spanned<String>>,
    title: Option<Spanned<String>>,
    /// The task list reported on, when a year has more than one.
    list: Option<Spanned<String>>,
    #[serde(default)]
    tasks: Vec<Spanned<RawEntry>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    task: Spanned<i64>,
    status: Spanned<String>,
    summary: Option<Spanned<String>>,
    #[serde(default)]
    figures: Vec<RawFigure>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFigure {
    name: Spanned<String>,
    value: Spanned<String>,
}

#[derive(Debug, Clone)]
pub struct Entry {
    pub task: usize,
    pub status: Status,
    pub summary: String,
    pub figures: Vec<(String, String)>,
}

#[derive(Debug, Clone)]
pub struct Submission {
    pub file: std::path::PathBuf,
    pub unit: String,
    pub unit_name: String,
    pub date: NaiveDate,
    pub title: String,
    pub list: Arc<TaskList>,
    pub entries: Vec<Entry>,
    pub body: Vec<Block>,
    pub late: bool,
    pub texts: Vec<SourceText>,
    /// What looks unfinished but does not stop the build (an empty summary, a late date).
    pub warnings: Vec<Diagnostic>,
}

/// The task lists a year's submissions can report on.
pub fn lists_for_year(lists: &[Arc<TaskList>], year: i32) -> Vec<Arc<TaskList>> {
    lists
        .iter()
        .filter(|l| l.year == Some(year))
        .cloned()
        .collect()
}

/// Reads and checks one submission of `year`. Lateness is a fact, not an error.
pub fn load(
    path: &Path,
    shown: &Path,
    year: i32,
    lists: &[Arc<TaskList>],
    registry: &Registry,
) -> Result<Submission, Diagnostics> {
    let text = crate::diag::read_source(path, shown, "the submission")?;
    let split = frontmatter::split(&text, shown)?;
    let front: Front = yaml::parse(split.yaml, shown, split.yaml_line)?;
    let loc = |s: &serde_saphyr::Location| yaml::location(shown, split.yaml_line, s);
    let top = Location::new(shown, 1, 1);
    let mut errors = Diagnostics::default();
    let mut warnings = Vec::new();
    let mut texts = Vec::new();

    let Some(unit_v) = &front.unit else {
        return Err(Diagnostic::error(top, "the submission has no `unit`")
            .with_help("add `unit: …` naming the reporting unit as content/units.yaml does")
            .into());
    };
    let unit = registry
        .resolve_unit(&unit_v.value)
        .map_err(|(msg, help)| {
            Diagnostics::from(Diagnostic::error(loc(&unit_v.referenced), msg).with_help(help))
        })?;
    let unit_name = registry
        .unit(&unit)
        .map_or(unit.clone(), |u| u.name.clone());

    let candidates = lists_for_year(lists, year);
    let list = match (&front.list, candidates.len()) {
        (Some(l), _) => {
            let want = l
                .value
                .trim()
                .trim_start_matches("tasks/")
                .trim_end_matches(".yaml");
            match candidates.iter().find(|c| c.slug == want) {
                Some(c) => c.clone(),
                None => {
                    return Err(Diagnostic::error(
                        loc(&l.referenced),
                        format!("no task list `{}` for {year}", l.value.trim()),
                    )
                    .with_help(format!(
                        "the lists of {year} are: {}",
                        candidates
                            .iter()
                            .map(|c| format!("tasks/{}.yaml", c.slug))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ))
                    .into());
                }
            }
        }
        (None, 1) => candidates[0].clone(),
        (None, 0) => {
            return Err(Diagnostic::file_error(shown, format!("no task list has `year: {year}`"))
                .with_help("submissions in content/submissions/<year>/ report on the task list of that year")
                .into());
        }
        (None, _) => {
            return Err(Diagnostic::error(
                top,
                format!("{year} has several task lists; say which one this reports on"),
            )
            .with_help("add `list: tasks/<name>.yaml`")
            .into());
        }
    };

    let date = match &front.date {
        Some(d) => date::field(&d.value, "date", loc(&d.referenced))
            .map_err(|e| errors.push(e))
            .ok(),
        None => {
            errors.push(
                Diagnostic::error(top.clone(), "the submission has no `date`")
                    .with_help("add `date: YYYY-MM-DD`, the day it was sent"),
            );
            None
        }
    };

    let (lead, support) = list.tasks_of(registry, &unit);
    let own: BTreeSet<usize> = lead
        .iter()
        .chain(support.iter())
        .map(|t| t.number)
        .collect();
    let mut seen: BTreeSet<usize> = BTreeSet::new();
    let mut entries = Vec::new();
    for e in &front.tasks {
        let e = &e.value;
        let n = e.task.value;
        let here = loc(&e.task.referenced);
        let Some(number) = usize::try_from(n)
            .ok()
            .filter(|n| list.tasks().any(|t| t.number == *n))
        else {
            errors.push(
                Diagnostic::error(here, format!("there is no task {n} in {}", list.title))
                    .with_help(format!("tasks are numbered 1 to {}", list.tasks().count())),
            );
            continue;
        };
        if !own.contains(&number) {
            errors.push(
                Diagnostic::error(here, format!("task {number} is not a task of {unit_name}"))
                    .with_help(match own.is_empty() {
                        true => format!("{unit_name} leads or supports no task of this list"),
                        false => format!(
                            "{unit_name} leads or supports tasks {}",
                            own.iter()
                                .map(|n| n.to_string())
                                .collect::<Vec<_>>()
                                .join(", ")
                        ),
                    }),
            );
            continue;
        }
        if !seen.insert(number) {
            errors.push(
                Diagnostic::error(here, format!("task {number} is reported twice"))
                    .with_help("report each task once; merge the two entries"),
            );
            continue;
        }
        let Some(status) = Status::parse(&e.status.value) else {
            errors.push(
                Diagnostic::error(
                    loc(&e.status.referenced),
                    format!("unknown status `{}`", e.status.value.trim()),
                )
                .with_help("use one of 已完成, 推进中, 未启动"),
            );
            continue;
        };
        if e.summary.as_ref().is_none_or(|s| s.value.trim().is_empty()) {
            warnings.push(
                Diagnostic::warning(here.clone(), format!("task {number} has no summary"))
                    .with_help("write a one-paragraph `summary:` of the year's work on it"),
            );
        }
        let summary = e.summary.as_ref().map(|s| {
            texts.push(SourceText {
                location: loc(&s.referenced),
                text: s.value.clone(),
                role: Role::Body,
            });
            s.value.trim().to_string()
        });
        let figures = e
            .figures
            .iter()
            .map(|f| {
                texts.push(SourceText {
                    location: loc(&f.name.referenced),
                    text: f.name.value.clone(),
                    role: Role::Body,
                });
                texts.push(SourceText {
                    location: loc(&f.value.referenced),
                    text: f.value.value.clone(),
                    role: Role::Body,
                });
                (
                    f.name.value.trim().to_string(),
                    f.value.value.trim().to_string(),
                )
            })
            .collect();
        entries.push(Entry {
            task: number,
            status,
            summary: summary.unwrap_or_default(),
            figures,
        });
    }
    entries.sort_by_key(|e| e.task);

    let title = match &front.title {
        Some(t) => {
            texts.push(SourceText {
                location: loc(&t.referenced),
                text: t.value.clone(),
                role: Role::Title,
            });
            t.value.trim().to_string()
        }
        None => format!("{unit_name}{year}年度工作总结"),
    };
    for (i, line) in split.body.lines().enumerate() {
        texts.push(SourceText {
            location: Location::new(shown, split.body_line + i, 1),
            text: line.to_string(),
            role: Role::Body,
        });
    }
    let body = match markdown::parse(split.body, shown, split.body_line) {
        Ok(b) => b,
        Err(d) => {
            errors.push(d);
            Vec::new()
        }
    };
    if errors.has_errors() {
        return Err(errors);
    }
    let date = date.expect("date present when there are no errors");
    let late = list.due.is_some_and(|due| date > due);
    if let (true, Some(due), Some(d)) = (late, list.due, &front.date) {
        warnings.push(
            Diagnostic::warning(
                loc(&d.referenced),
                format!(
                    "sent after the due date {}: marked late",
                    date::chinese(due)
                ),
            )
            .with_help("the compiled report lists it as 逾期; this is not an error"),
        );
    }
    Ok(Submission {
        file: shown.to_path_buf(),
        unit,
        unit_name,
        date,
        title,
        list,
        entries,
        body,
        late,
        texts,
        warnings,
    })
}
