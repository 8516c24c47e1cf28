//! content/submissions/<year>/<unit>.md → a unit's year-end summary, checked against the task
//! list of its year. Lateness is a fact (a warning), not an error.

use crate::i18n::t;
use std::collections::BTreeSet;
use std::path::Path;
use std::sync::Arc;

use chrono::Datelike;
use serde::Deserialize;
use serde_saphyr::Spanned;

use crate::diag::{Diagnostic, Diagnostics, Location};
use crate::limits;
use crate::load::fields::Fields;
use crate::load::{frontmatter, images, source, yaml};
use crate::model::{Entry, Registry, Status, Submission, Task, TaskList, lists_for_year};
use crate::root::Root;
use crate::rules::date;
use crate::text::roles;

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
    task: Spanned<TaskRef>,
    /// The task's text as the unit saw it (the scaffold writes it): a later change is noticed.
    text: Option<Spanned<String>>,
    status: Spanned<String>,
    summary: Option<Spanned<String>>,
    #[serde(default)]
    figures: Vec<RawFigure>,
}

/// A task as a submission names it: by its id (t8), or by its printed number (8).
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum TaskRef {
    Number(i64),
    Id(String),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFigure {
    name: Spanned<String>,
    value: Spanned<String>,
}

/// A submission that loaded, and what looks unfinished about it (an empty summary, a late date).
pub(crate) struct Loaded {
    pub(crate) submission: Submission,
    pub(crate) warnings: Diagnostics,
}

/// Reads and checks one submission of `year`.
pub(crate) fn load(
    root: &Root,
    shown: &Path,
    year: i32,
    lists: &[Arc<TaskList>],
    registry: &Registry,
) -> Result<Loaded, Diagnostics> {
    let text = source::read(root, shown, &t!("what-submission"), limits::MARKDOWN_BYTES)?;
    let mut loaded = parse(&text, shown, year, lists, registry)?;
    let mut errors = Diagnostics::default();
    images::resolve(root, shown, &mut loaded.submission.body, &mut errors);
    if errors.has_errors() {
        return Err(errors);
    }
    Ok(loaded)
}

/// A submission from its text; `shown` names the file in messages.
pub(crate) fn parse(
    text: &str,
    shown: &Path,
    year: i32,
    lists: &[Arc<TaskList>],
    registry: &Registry,
) -> Result<Loaded, Diagnostics> {
    let split = frontmatter::split(text, shown)?;
    let front: Front = yaml::parse(split.yaml, shown, split.yaml_line)?;
    let mut f = Fields::new(shown, split.yaml_line);
    let top = Location::new(shown, 1, 1);
    let Some(unit_v) = &front.unit else {
        return Err(Diagnostic::error(top, t!("submission-no-unit"))
            .with_help(t!("submission-no-unit-help"))
            .into());
    };
    let unit = registry
        .resolve_unit(&unit_v.value)
        .map_err(|(msg, help)| Diagnostic::error(f.at(unit_v), msg).with_help(help))?;
    let unit_name = registry.unit_name(&unit).to_string();
    let list = choose_list(&f, &front.list, year, lists, &top)?;
    let date = match &front.date {
        Some(d) => f.date(d, "date"),
        None => {
            f.error(
                Diagnostic::error(top, t!("submission-no-date"))
                    .with_help(t!("submission-no-date-help")),
            );
            None
        }
    };
    let mut warnings = Diagnostics::default();
    let entries = entries(&mut f, &front.tasks, &list, registry, &unit, &mut warnings);
    let title = match &front.title {
        Some(t) => f.text(t, roles::TITLE),
        None => format!("{unit_name}{year}年度工作总结"),
    };
    let body = f.body(split.body, split.body_line);
    let (Some(date), false) = (date, f.has_errors()) else {
        return Err(f.into_errors());
    };
    // A summary of 2020 is sent in 2020 or early 2021; 1999 is a typing slip.
    if !(year..=year + 1).contains(&date.year())
        && let Some(d) = &front.date
    {
        return Err(Diagnostic::error(
            f.at(d),
            t!(
                "submission-date-far",
                year = year.to_string(),
                date = date::chinese(date)
            ),
        )
        .with_help(t!(
            "submission-date-far-help",
            year = year.to_string(),
            next = (year + 1).to_string()
        ))
        .into());
    }
    let late = list.due.is_some_and(|due| date > due);
    if let (true, Some(due), Some(d)) = (late, list.due, &front.date) {
        warnings.push(
            Diagnostic::warning(f.at(d), t!("submission-late", due = date::chinese(due)))
                .with_help(t!("submission-late-help")),
        );
    }
    let submission = Submission {
        file: shown.to_path_buf(),
        unit,
        unit_name,
        date,
        title,
        list,
        entries,
        body,
        late,
        printed: f.finish()?,
    };
    Ok(Loaded {
        submission,
        warnings,
    })
}

/// The task list the submission reports on: the year's only one, or the one it names.
fn choose_list(
    f: &Fields,
    named: &Option<Spanned<String>>,
    year: i32,
    lists: &[Arc<TaskList>],
    top: &Location,
) -> Result<Arc<TaskList>, Diagnostic> {
    let candidates = lists_for_year(lists, year);
    match (named, candidates.as_slice()) {
        (Some(l), _) => {
            let want = l
                .value
                .trim()
                .trim_start_matches("tasks/")
                .trim_end_matches(".yaml");
            candidates
                .iter()
                .find(|c| c.slug == want)
                .cloned()
                .ok_or_else(|| {
                    let names: Vec<String> = candidates
                        .iter()
                        .map(|c| format!("tasks/{}.yaml", c.slug))
                        .collect();
                    Diagnostic::error(
                        f.at(l),
                        t!(
                            "submission-list-unknown",
                            list = l.value.trim(),
                            year = year.to_string()
                        ),
                    )
                    .with_help(t!(
                        "submission-list-unknown-help",
                        year = year.to_string(),
                        lists = names.join(", ")
                    ))
                })
        }
        (None, [only]) => Ok(only.clone()),
        (None, []) => Err(
            Diagnostic::file_error(f.file(), t!("no-list-for-year", year = year))
                .with_help(t!("submission-no-list-help")),
        ),
        (None, _) => Err(Diagnostic::error(
            top.clone(),
            t!("submission-several-lists", year = year.to_string()),
        )
        .with_help(t!("submission-several-lists-help"))),
    }
}

/// The reported tasks: each a task of this unit, once, with a known status.
/// The task an entry names, by id or by number; a warning when it is named by a number in a
/// list with ids, or when its text changed since the summary was written.
fn task_of<'l>(
    f: &mut Fields,
    e: &RawEntry,
    list: &'l TaskList,
    warnings: &mut Diagnostics,
) -> Option<&'l Task> {
    let here = f.at(&e.task);
    let task = match &e.task.value {
        TaskRef::Id(id) => list.task_by_id(id.trim()).or_else(|| {
            f.error(
                Diagnostic::error(
                    here.clone(),
                    t!("no-task-id", id = id.trim(), list = list.title.as_str()),
                )
                .with_help(t!("no-task-id-help", range = id_range(list))),
            );
            None
        })?,
        TaskRef::Number(n) => {
            let task = usize::try_from(*n)
                .ok()
                .and_then(|n| list.task(n))
                .or_else(|| {
                    f.error(
                        Diagnostic::error(
                            here.clone(),
                            t!(
                                "no-task-number",
                                number = n.to_string(),
                                list = list.title.as_str()
                            ),
                        )
                        .with_help(t!("no-task-number-help", last = list.tasks().count())),
                    );
                    None
                })?;
            if list.explicit_ids {
                warnings.push(
                    Diagnostic::warning(here.clone(), t!("task-by-number", number = n.to_string()))
                        .with_help(t!("task-by-number-help", id = task.id.as_str())),
                );
            }
            task
        }
    };
    if let Some(seen) = &e.text
        && seen.value.trim() != task.text
    {
        warnings.push(
            Diagnostic::warning(f.at(seen), t!("task-text-changed", id = task.id.as_str()))
                .with_help(t!("task-text-changed-help", text = task.text.as_str())),
        );
    }
    Some(task)
}

/// "t1 to t18", for messages.
fn id_range(list: &TaskList) -> String {
    let ids: Vec<&str> = list.tasks().map(|t| t.id.as_str()).collect();
    match ids.as_slice() {
        [] => t!("id-range-none"),
        [one] => (*one).to_string(),
        [first, .., last] => t!("id-range", first = *first, last = *last),
    }
}

/// The reported tasks: each a task of this unit, once, with a known status.
fn entries(
    f: &mut Fields,
    raw: &[Spanned<RawEntry>],
    list: &TaskList,
    registry: &Registry,
    unit: &str,
    warnings: &mut Diagnostics,
) -> Vec<Entry> {
    let unit_name = registry.unit_name(unit);
    let (lead, support) = list.tasks_of(registry, unit);
    let own: BTreeSet<usize> = lead
        .iter()
        .chain(support.iter())
        .map(|t| t.number)
        .collect();
    let mut seen = BTreeSet::new();
    let mut entries = Vec::new();
    for e in raw.iter().map(|e| &e.value) {
        let here = f.at(&e.task);
        let Some(task) = task_of(f, e, list, warnings) else {
            continue;
        };
        let number = task.number;
        // Ids where the list has them; numbers in a list written before ids.
        let id = if list.explicit_ids {
            task.id.clone()
        } else {
            number.to_string()
        };
        let problem = if !own.contains(&number) {
            Some(
                Diagnostic::error(
                    here.clone(),
                    t!("task-not-of-unit", id = id.as_str(), unit = unit_name),
                )
                .with_help(own_tasks(unit_name, list, &own)),
            )
        } else if !seen.insert(number) {
            Some(
                Diagnostic::error(here.clone(), t!("task-reported-twice", id = id.as_str()))
                    .with_help(t!("task-reported-twice-help")),
            )
        } else {
            None
        };
        if let Some(d) = problem {
            f.error(d);
            continue;
        }
        let Some(status) = Status::parse(&e.status.value) else {
            f.error(
                Diagnostic::error(
                    f.at(&e.status),
                    t!("status-unknown", status = e.status.value.trim()),
                )
                .with_help(t!("status-unknown-help")),
            );
            continue;
        };
        if e.summary.as_ref().is_none_or(|s| s.value.trim().is_empty()) {
            warnings.push(
                Diagnostic::warning(here, t!("task-no-summary", id = id.as_str()))
                    .with_help(t!("task-no-summary-help")),
            );
        }
        let summary = f.opt(&e.summary, roles::BODY).unwrap_or_default();
        let figures = e
            .figures
            .iter()
            .map(|x| (f.text(&x.name, roles::BODY), f.text(&x.value, roles::BODY)))
            .collect();
        entries.push(Entry {
            task: number,
            status,
            summary,
            figures,
        });
    }
    entries.sort_by_key(|e| e.task);
    entries
}

fn own_tasks(unit_name: &str, list: &TaskList, own: &BTreeSet<usize>) -> String {
    if own.is_empty() {
        t!("unit-owes-nothing-here", unit = unit_name)
    } else {
        let ids: Vec<String> = own
            .iter()
            .filter_map(|n| list.task(*n))
            .map(|t| {
                if list.explicit_ids {
                    t.id.clone()
                } else {
                    t.number.to_string()
                }
            })
            .collect();
        t!("unit-tasks-are", unit = unit_name, tasks = ids.join(", "))
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::load::{tasks, units};

    // TaskList::by_unit and ::task (model/tasks.rs) are tested here, beside the list they use.
    #[test]
    fn by_unit_gives_every_unit_what_tasks_of_gives_it() {
        let (reg, list) = setup();
        let all = list.by_unit(&reg);
        for u in ["a", "b", "c", "nobody"] {
            let numbers =
                |v: &[&crate::model::Task]| v.iter().map(|t| t.number).collect::<Vec<_>>();
            let (lead, support) = list.tasks_of(&reg, u);
            let (l, s) = all.get(u).cloned().unwrap_or_default();
            assert_eq!(
                (numbers(&l), numbers(&s)),
                (numbers(&lead), numbers(&support)),
                "{u}"
            );
        }
        for n in 1..=3 {
            assert_eq!(list.task(n).map(|t| t.number), Some(n));
        }
        assert!(list.task(0).is_none() && list.task(4).is_none());
        // Through the group g: b and c lead task 2; a supports it.
        assert_eq!(all["b"].0.len(), 2);
        assert_eq!(all["a"].1.len(), 1);
    }

    /// Units a, b, c (b and c in group g); tasks 1 (lead a, b), 2 (lead g, support a), 3 (lead c).
    pub(crate) fn setup() -> (Registry, Arc<TaskList>) {
        let reg = units::parse(
            "units:\n  - id: a\n    name: 甲局\n  - id: b\n    name: 乙局\n  - id: c\n    name: 丙局\ngroups:\n  - id: g\n    name: 各局\n    members: [b, c]\n",
            Path::new("u.yaml"),
        )
        .unwrap();
        let mut list = tasks::parse(
            "title: 清单\nyear: 2024\ndue: 2024-12-31\ncategories:\n  - name: 甲类\n    tasks:\n      - text: 任务一\n        lead: [a, b]\n      - text: 任务二\n        lead: [g]\n        support: [a]\n  - name: 乙类\n    tasks:\n      - text: 任务三\n        lead: [c]\n",
            Path::new("t.yaml"),
            "t",
        )
        .unwrap();
        assert!(tasks::resolve(&mut list, &reg).is_empty());
        (reg, Arc::new(list))
    }

    pub(crate) fn sub(
        text: &str,
        reg: &Registry,
        list: &Arc<TaskList>,
    ) -> Result<Loaded, Diagnostics> {
        parse(
            text,
            Path::new("s.md"),
            2024,
            std::slice::from_ref(list),
            reg,
        )
    }

    #[test]
    fn a_submission_reads_its_unit_tasks_and_lateness() {
        let (reg, list) = setup();
        let l = sub(
            "---\nunit: 甲局\ndate: 2025-01-02\ntasks:\n  - task: 2\n    status: 推进中\n  - task: 1\n    status: 已完成\n    summary: 做完了。\n    figures:\n      - name: 次数\n        value: 3次\n---\n正文\n",
            &reg,
            &list,
        )
        .unwrap();
        let s = l.submission;
        assert_eq!(
            (s.unit.as_str(), s.unit_name.as_str(), s.late),
            ("a", "甲局", true)
        );
        assert_eq!(s.title, "甲局2024年度工作总结");
        let tasks: Vec<_> = s.entries.iter().map(|e| (e.task, e.status)).collect();
        assert_eq!(tasks, [(1, Status::Done), (2, Status::InProgress)]);
        assert_eq!(
            s.entries[0].figures,
            [("次数".to_string(), "3次".to_string())]
        );
        let warnings: Vec<String> = l.warnings.iter().map(|d| d.message.clone()).collect();
        assert_eq!(
            warnings,
            [
                "任务 2 没有填写总结",
                "在截止日期2024年12月31日之后报送，记为逾期"
            ]
        );
    }

    #[test]
    fn a_group_member_may_report_the_group_task_but_not_another() {
        let (reg, list) = setup();
        assert!(
            sub(
                "---\nunit: c\ndate: 2024-12-01\ntasks:\n  - task: 2\n    status: 未启动\n---\n",
                &reg,
                &list
            )
            .is_ok()
        );
        let e = sub(
            "---\nunit: c\ndate: 2024-12-01\ntasks:\n  - task: 1\n    status: 未启动\n---\n",
            &reg,
            &list,
        )
        .err()
        .unwrap();
        assert_eq!(
            e.to_string(),
            "s.md:5:11: 错误: 任务 1 不是丙局的任务\n  提示: 丙局牵头或配合的任务为 2, 3"
        );
    }
}
