//! The year report: for each task list with a year, who owes a summary, who sent one and when,
//! and how far each task got. Computed once per build from the checked project; every output
//! shows it through `view::report`.

use crate::i18n::t;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::NaiveDate;
use serde::Serialize;

use crate::diag::{Diagnostic, Diagnostics};
use crate::model::{Project, Registry, Status, Submission, Task, TaskList};
use crate::paths;

/// Tasks per status, for a category or the whole list.
#[derive(Debug, Clone, Default, Serialize)]
pub(crate) struct Counts {
    pub(crate) name: String,
    pub(crate) total: usize,
    pub(crate) done: usize,
    pub(crate) in_progress: usize,
    pub(crate) not_started: usize,
    /// Tasks some of whose lead units reported and some did not.
    pub(crate) partial: usize,
    pub(crate) no_report: usize,
}

impl Counts {
    fn named(name: &str) -> Self {
        Counts {
            name: name.to_string(),
            ..Counts::default()
        }
    }

    fn add(&mut self, t: &TaskRow) {
        self.total += 1;
        match t.progress() {
            Progress::Reported(Status::Done) => self.done += 1,
            Progress::Reported(Status::InProgress) => self.in_progress += 1,
            Progress::Reported(Status::NotStarted) => self.not_started += 1,
            Progress::Partial => self.partial += 1,
            Progress::NoReport => self.no_report += 1,
        }
    }
}

/// What one lead unit reported on a task (its status is None when it reported nothing).
#[derive(Debug, Clone)]
pub(crate) struct LeadReport {
    pub(crate) unit: String,
    pub(crate) status: Option<Status>,
    pub(crate) summary: String,
}

/// A task's line in the report.
#[derive(Debug, Clone)]
pub(crate) struct TaskRow {
    pub(crate) number: usize,
    pub(crate) text: String,
    /// The lead units as the task list names them.
    pub(crate) lead: Vec<String>,
    /// The least advanced status its reporting lead units give; None when none reported.
    pub(crate) status: Option<Status>,
    pub(crate) reports: Vec<LeadReport>,
}

/// How far a task got, as the report counts it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Progress {
    /// Every lead unit reported; the least advanced status.
    Reported(Status),
    /// Some lead units have not reported it: not done, whatever the others say.
    Partial,
    NoReport,
}

impl TaskRow {
    pub(crate) fn progress(&self) -> Progress {
        match self.status {
            None => Progress::NoReport,
            Some(_) if self.reports.iter().any(|r| r.status.is_none()) => Progress::Partial,
            Some(s) => Progress::Reported(s),
        }
    }

    /// The lead units that have not reported the task.
    pub(crate) fn missing(&self) -> Vec<&str> {
        self.reports
            .iter()
            .filter(|r| r.status.is_none())
            .map(|r| r.unit.as_str())
            .collect()
    }
}

/// Whether a unit that owes a summary sent it, and when.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reporting {
    OnTime,
    Late,
    Missing,
}

/// A unit that owes a summary.
#[derive(Debug, Clone)]
pub(crate) struct Owing {
    pub(crate) unit_id: String,
    pub(crate) unit: String,
    /// The numbers of the tasks it leads or supports.
    pub(crate) tasks: Vec<usize>,
    pub(crate) received: Option<NaiveDate>,
    pub(crate) reporting: Reporting,
}

/// The year report of one task list.
#[derive(Debug, Clone)]
pub(crate) struct YearReport {
    pub(crate) year: i32,
    /// The list's slug when its year has several lists (each has its own report).
    pub(crate) several: Option<String>,
    pub(crate) list: Arc<TaskList>,
    pub(crate) categories: Vec<Counts>,
    pub(crate) overall: Counts,
    pub(crate) tasks: Vec<TaskRow>,
    pub(crate) owing: Vec<Owing>,
    /// The submissions on this list, in registry order.
    pub(crate) submissions: Vec<Arc<Submission>>,
}

impl YearReport {
    /// The names of the owing units in one reporting state, in registry order.
    pub(crate) fn units(&self, state: Reporting) -> Vec<&str> {
        self.owing
            .iter()
            .filter(|o| o.reporting == state)
            .map(|o| o.unit.as_str())
            .collect()
    }

    /// The per-category counts followed by the totals row.
    pub(crate) fn counts_with_total(&self) -> Vec<&Counts> {
        self.categories
            .iter()
            .chain(std::iter::once(&self.overall))
            .collect()
    }

    /// The day the report speaks of: the last day it covers, never the day it is built.
    pub(crate) fn date(&self) -> NaiveDate {
        self.submissions
            .iter()
            .map(|s| s.date)
            .chain(self.list.due)
            .max()
            .unwrap_or_default()
    }

    /// Its PDF, relative to out/pdf.
    pub(crate) fn pdf(&self) -> PathBuf {
        paths::report_pdf(self.year, self.several.as_deref())
    }

    /// Its page in the site.
    pub(crate) fn url(&self) -> String {
        paths::url::report(self.year, self.several.as_deref())
    }

    /// The status of task `number`, if the report has the task.
    pub(crate) fn task(&self, number: usize) -> Option<&TaskRow> {
        // Tasks are numbered 1, 2, 3 … in order: found by place, not by a search.
        self.tasks
            .get(number.wrapping_sub(1))
            .filter(|t| t.number == number)
            .or_else(|| self.tasks.iter().find(|t| t.number == number))
    }
}

/// The years whose report is not built because a submission of the year could not be read
/// (the report would count that unit as silent): the last one built stays, and a warning says so.
pub(crate) fn not_rebuilt(project: &Project) -> Diagnostics {
    let years: BTreeSet<i32> = project.task_lists.iter().filter_map(|l| l.year).collect();
    let mut notes = Diagnostics::default();
    for year in years.intersection(&project.incomplete_years) {
        notes.push(
            Diagnostic::file_warning(
                Path::new(paths::SUBMISSIONS).join(year.to_string()),
                t!("report-not-rebuilt", year = year.to_string()),
            )
            .with_help(t!("report-not-rebuilt-help")),
        );
    }
    notes
}

/// The year reports: one per task list that has a year, except the years `not_rebuilt` names.
pub(crate) fn year_reports(project: &Project) -> Vec<YearReport> {
    if project.reports_blocked {
        return Vec::new();
    }
    project
        .task_lists
        .iter()
        .filter_map(|l| {
            let year = l.year?;
            if project.incomplete_years.contains(&year) {
                return None;
            }
            let subs: Vec<_> = project
                .submissions
                .get(&year)
                .map(|v| {
                    v.iter()
                        .filter(|s| Arc::ptr_eq(&s.list, l))
                        .cloned()
                        .collect()
                })
                .unwrap_or_default();
            let mut r = compile(l, year, &project.registry, &subs);
            if project.lists_for_year(year).len() > 1 {
                r.several = Some(l.slug.clone());
            }
            Some(r)
        })
        .collect()
}

/// The units a task's references stand for, groups expanded.
fn units_of<'a>(
    refs: impl Iterator<Item = &'a crate::model::UnitRef>,
    registry: &Registry,
) -> BTreeSet<String> {
    refs.filter_map(|r| r.target.as_ref())
        .flat_map(|t| registry.expand(t))
        .collect()
}

/// A task's row: each lead unit's report, and the least advanced status among them.
fn task_row(t: &Task, registry: &Registry, by_unit: &BTreeMap<&str, &Arc<Submission>>) -> TaskRow {
    let mut reports = Vec::new();
    let mut worst: Option<Status> = None;
    // In the order the task list names them (a group's members in registry order).
    let mut leads: Vec<String> = Vec::new();
    for r in t.lead.iter().filter_map(|r| r.target.as_ref()) {
        for u in registry.expand(r) {
            if !leads.contains(&u) {
                leads.push(u);
            }
        }
    }
    for u in leads {
        let entry = by_unit.get(u.as_str()).and_then(|s| s.entry(t.number));
        if let Some(e) = entry {
            // The least advanced report decides: a task is done when every lead says so.
            worst = Some(worst.map_or(e.status, |w| w.max(e.status)));
        }
        reports.push(LeadReport {
            unit: registry.unit_name(&u).to_string(),
            status: entry.map(|e| e.status),
            summary: entry.map(|e| e.summary.clone()).unwrap_or_default(),
        });
    }
    TaskRow {
        number: t.number,
        text: t.text.clone(),
        lead: t.lead.iter().map(|r| r.name.clone()).collect(),
        status: worst,
        reports,
    }
}

pub(crate) fn compile(
    list: &Arc<TaskList>,
    year: i32,
    registry: &Registry,
    submissions: &[Arc<Submission>],
) -> YearReport {
    let by_unit: BTreeMap<&str, &Arc<Submission>> =
        submissions.iter().map(|s| (s.unit.as_str(), s)).collect();
    let mut owed: BTreeMap<String, BTreeSet<usize>> = BTreeMap::new();
    let mut categories = Vec::new();
    let mut overall = Counts::named("合计");
    let mut tasks = Vec::new();
    for c in &list.categories {
        let mut counts = Counts::named(&c.name);
        for t in &c.tasks {
            for u in units_of(t.lead.iter().chain(t.support.iter()), registry) {
                owed.entry(u).or_default().insert(t.number);
            }
            let row = task_row(t, registry, &by_unit);
            counts.add(&row);
            overall.add(&row);
            tasks.push(row);
        }
        categories.push(counts);
    }
    // Registry order, so the table reads like the office's own list of units.
    let owing = registry
        .units
        .iter()
        .filter_map(|u| {
            let numbers = owed.get(&u.id)?;
            let sub = by_unit.get(u.id.as_str());
            Some(Owing {
                unit_id: u.id.clone(),
                unit: u.name.clone(),
                tasks: numbers.iter().copied().collect(),
                received: sub.map(|s| s.date),
                reporting: match sub {
                    None => Reporting::Missing,
                    Some(s) if s.late => Reporting::Late,
                    Some(_) => Reporting::OnTime,
                },
            })
        })
        .collect();
    let order = registry.order();
    let mut subs: Vec<Arc<Submission>> = submissions.to_vec();
    subs.sort_by_key(|s| order.get(s.unit.as_str()).copied().unwrap_or(usize::MAX));
    YearReport {
        year,
        several: None,
        list: list.clone(),
        categories,
        overall,
        tasks,
        owing,
        submissions: subs,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::submission::tests::{setup, sub};

    #[test]
    fn a_task_is_done_only_when_every_lead_unit_reports_it_done() {
        let (reg, list) = setup();
        // Task 1 is led by 甲局 and 乙局: 甲局 says done, 乙局 sent nothing.
        let a = sub(
            "---\nunit: a\ndate: 2024-12-01\ntasks:\n  - task: 1\n    status: 已完成\n---\n",
            &reg,
            &list,
        )
        .unwrap();
        let r = compile(&list, 2024, &reg, &[Arc::new(a.submission)]);
        assert_eq!(r.tasks[0].progress(), Progress::Partial);
        assert_eq!(r.tasks[0].missing(), ["乙局"]);
        assert_eq!(
            (r.overall.done, r.overall.partial, r.overall.no_report),
            (0, 1, 2)
        );
        // Once 乙局 reports it done too, it is done.
        let b = sub(
            "---\nunit: b\ndate: 2024-12-01\ntasks:\n  - task: 1\n    status: 已完成\n---\n",
            &reg,
            &list,
        )
        .unwrap();
        let a = sub(
            "---\nunit: a\ndate: 2024-12-01\ntasks:\n  - task: 1\n    status: 已完成\n---\n",
            &reg,
            &list,
        )
        .unwrap();
        let r = compile(
            &list,
            2024,
            &reg,
            &[Arc::new(a.submission), Arc::new(b.submission)],
        );
        assert_eq!(r.tasks[0].progress(), Progress::Reported(Status::Done));
        assert!(r.tasks[0].missing().is_empty());
        assert_eq!((r.overall.done, r.overall.partial), (1, 0));
    }

    #[test]
    fn the_least_advanced_lead_decides_and_owing_units_are_listed_in_registry_order() {
        let (reg, list) = setup();
        let a = sub("---\nunit: a\ndate: 2024-12-01\ntasks:\n  - task: 1\n    status: 已完成\n  - task: 2\n    status: 推进中\n---\n", &reg, &list).unwrap();
        let b = sub(
            "---\nunit: b\ndate: 2025-01-05\ntasks:\n  - task: 1\n    status: 推进中\n---\n",
            &reg,
            &list,
        )
        .unwrap();
        let subs = vec![Arc::new(b.submission), Arc::new(a.submission)];
        let r = compile(&list, 2024, &reg, &subs);
        // Task 1: a done, b in progress → in progress. Task 2: led by g (b, c), a only supports:
        // no lead reported. Task 3: c sent nothing.
        let status: Vec<_> = r.tasks.iter().map(|t| t.status).collect();
        assert_eq!(status, [Some(Status::InProgress), None, None]);
        let o = &r.overall;
        assert_eq!(
            (o.total, o.done, o.in_progress, o.not_started, o.no_report),
            (3, 0, 1, 0, 2)
        );
        let per: Vec<_> = r
            .categories
            .iter()
            .map(|c| (c.name.as_str(), c.total, c.no_report))
            .collect();
        assert_eq!(per, [("甲类", 2, 1), ("乙类", 1, 1)]);
        let owing: Vec<_> = r
            .owing
            .iter()
            .map(|o| (o.unit.as_str(), o.tasks.clone(), o.reporting))
            .collect();
        assert_eq!(
            owing,
            [
                ("甲局", vec![1, 2], Reporting::OnTime),
                ("乙局", vec![1, 2], Reporting::Late),
                ("丙局", vec![2, 3], Reporting::Missing),
            ]
        );
        // Summaries in registry order, whatever order they came in.
        let units: Vec<_> = r.submissions.iter().map(|s| s.unit.as_str()).collect();
        assert_eq!(units, ["a", "b"]);
        assert_eq!(
            r.date(),
            chrono::NaiveDate::from_ymd_opt(2025, 1, 5).unwrap()
        );
        let leads: Vec<_> = r.tasks[0]
            .reports
            .iter()
            .map(|l| (l.unit.as_str(), l.status))
            .collect();
        assert_eq!(
            leads,
            [
                ("甲局", Some(Status::Done)),
                ("乙局", Some(Status::InProgress))
            ]
        );
    }
}
