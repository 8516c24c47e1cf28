//! The year's compilation: who owes a summary, who sent one and when, and how far each task got.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use chrono::NaiveDate;
use serde::Serialize;

use crate::date;
use crate::markdown::{Block, Inline, chinese_number};
use crate::submission::{Status, Submission};
use crate::tasks::TaskList;
use crate::units::Registry;

#[derive(Debug, Clone, Default, Serialize)]
pub struct Counts {
    pub name: String,
    pub total: usize,
    pub done: usize,
    pub in_progress: usize,
    pub not_started: usize,
    pub no_report: usize,
}

impl Counts {
    fn add(&mut self, s: Option<Status>) {
        self.total += 1;
        match s {
            Some(Status::Done) => self.done += 1,
            Some(Status::InProgress) => self.in_progress += 1,
            Some(Status::NotStarted) => self.not_started += 1,
            None => self.no_report += 1,
        }
    }
}

/// What one lead unit reported on a task.
#[derive(Debug, Clone, Serialize)]
pub struct LeadReport {
    pub unit: String,
    pub status: String,
    pub summary: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct TaskRow {
    pub number: usize,
    pub text: String,
    pub lead: String,
    /// The least advanced status its reporting lead units give; 未报告 when none reported.
    pub status: String,
    pub reports: Vec<LeadReport>,
}

/// Whether a unit that owes a summary sent it, and when.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reporting {
    OnTime,
    Late,
    Missing,
}

impl Reporting {
    pub fn label(self) -> &'static str {
        match self {
            Reporting::OnTime => "按时",
            Reporting::Late => "逾期",
            Reporting::Missing => "未报送",
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Owing {
    pub unit_id: String,
    pub unit: String,
    pub tasks: String,
    pub received: String,
    /// The label of `reporting`, for templates.
    pub state: &'static str,
    #[serde(skip)]
    pub reporting: Reporting,
}

#[derive(Debug, Clone)]
pub struct YearReport {
    pub year: i32,
    pub list: Arc<TaskList>,
    pub due: Option<NaiveDate>,
    pub categories: Vec<Counts>,
    pub overall: Counts,
    pub tasks: Vec<TaskRow>,
    pub owing: Vec<Owing>,
    pub submissions: Vec<Arc<Submission>>,
}

impl YearReport {
    /// The names of the owing units in one reporting state, in registry order.
    pub fn units(&self, state: Reporting) -> Vec<&str> {
        self.owing
            .iter()
            .filter(|o| o.reporting == state)
            .map(|o| o.unit.as_str())
            .collect()
    }

    /// The per-category counts followed by the totals row.
    pub fn counts_with_total(&self) -> Vec<&Counts> {
        self.categories
            .iter()
            .chain(std::iter::once(&self.overall))
            .collect()
    }
}

fn status_label(s: Option<Status>) -> String {
    s.map_or("未报告", Status::label).to_string()
}

pub fn compile(
    list: &Arc<TaskList>,
    year: i32,
    registry: &Registry,
    submissions: &[Arc<Submission>],
) -> YearReport {
    let by_unit: BTreeMap<&str, &Arc<Submission>> =
        submissions.iter().map(|s| (s.unit.as_str(), s)).collect();
    let mut owed: BTreeMap<String, BTreeSet<usize>> = BTreeMap::new();
    let mut categories = Vec::new();
    let mut overall = Counts {
        name: "合计".into(),
        ..Counts::default()
    };
    let mut tasks = Vec::new();
    for c in &list.categories {
        let mut counts = Counts {
            name: c.name.clone(),
            ..Counts::default()
        };
        for t in &c.tasks {
            let mut lead_units = BTreeSet::new();
            for r in t.lead.iter().chain(t.support.iter()) {
                for u in r
                    .target
                    .as_ref()
                    .map(|x| registry.expand(x))
                    .unwrap_or_default()
                {
                    owed.entry(u).or_default().insert(t.number);
                }
            }
            for r in &t.lead {
                lead_units.extend(
                    r.target
                        .as_ref()
                        .map(|x| registry.expand(x))
                        .unwrap_or_default(),
                );
            }
            let mut reports = Vec::new();
            let mut worst: Option<Status> = None;
            for u in &lead_units {
                let name = registry.unit(u).map_or(u.clone(), |x| x.name.clone());
                let entry = by_unit
                    .get(u.as_str())
                    .and_then(|s| s.entries.iter().find(|e| e.task == t.number));
                if let Some(e) = entry {
                    // The least advanced report decides: a task is done when every lead says so.
                    worst = Some(worst.map_or(e.status, |w| w.max(e.status)));
                }
                reports.push(LeadReport {
                    unit: name,
                    status: status_label(entry.map(|e| e.status)),
                    summary: entry.map(|e| e.summary.clone()).unwrap_or_default(),
                });
            }
            counts.add(worst);
            overall.add(worst);
            tasks.push(TaskRow {
                number: t.number,
                text: t.text.clone(),
                lead: t
                    .lead
                    .iter()
                    .map(|r| r.text.as_str())
                    .collect::<Vec<_>>()
                    .join("、"),
                status: status_label(worst),
                reports,
            });
        }
        categories.push(counts);
    }
    let mut owing = Vec::new();
    // Registry order, so the table reads like the office's own list of units.
    for u in registry.units.iter().filter(|u| owed.contains_key(&u.id)) {
        let numbers = &owed[&u.id];
        let sub = by_unit.get(u.id.as_str());
        let reporting = match sub {
            None => Reporting::Missing,
            Some(s) if s.late => Reporting::Late,
            Some(_) => Reporting::OnTime,
        };
        owing.push(Owing {
            unit_id: u.id.clone(),
            unit: u.name.clone(),
            tasks: numbers
                .iter()
                .map(|n| n.to_string())
                .collect::<Vec<_>>()
                .join("、"),
            received: sub
                .map(|s| date::chinese(s.date))
                .unwrap_or_else(|| "—".into()),
            state: reporting.label(),
            reporting,
        });
    }
    let mut subs: Vec<Arc<Submission>> = submissions.to_vec();
    let order: BTreeMap<&str, usize> = registry
        .units
        .iter()
        .enumerate()
        .map(|(i, u)| (u.id.as_str(), i))
        .collect();
    subs.sort_by_key(|s| order.get(s.unit.as_str()).copied().unwrap_or(usize::MAX));
    YearReport {
        year,
        list: list.clone(),
        due: list.due,
        categories,
        overall,
        tasks,
        owing,
        submissions: subs,
    }
}

/// A submission's content as blocks: its narrative, then one section per reported task.
pub fn submission_blocks(s: &Submission) -> Vec<Block> {
    let mut blocks = s.body.clone();
    let firsts = blocks
        .iter()
        .filter(|b| matches!(b, Block::Heading { level: 1, .. }))
        .count();
    let text = |t: String| vec![Inline::Text(t)];
    blocks.push(Block::Heading {
        level: 1,
        number: format!("{}、", chinese_number(firsts + 1)),
        content: text("重点任务完成情况".into()),
    });
    for (i, e) in s.entries.iter().enumerate() {
        let task = s
            .list
            .tasks()
            .find(|t| t.number == e.task)
            .map(|t| t.text.clone())
            .unwrap_or_default();
        blocks.push(Block::Heading {
            level: 2,
            number: format!("（{}）", chinese_number(i + 1)),
            content: text(format!("任务{}：{}", e.task, task)),
        });
        blocks.push(Block::Para(text(format!(
            "完成情况：{}。",
            e.status.label()
        ))));
        if !e.summary.is_empty() {
            blocks.push(Block::Para(text(e.summary.clone())));
        }
        if !e.figures.is_empty() {
            let figs: Vec<String> = e.figures.iter().map(|(k, v)| format!("{k}{v}")).collect();
            blocks.push(Block::Para(text(format!(
                "主要数据：{}。",
                figs.join("；")
            ))));
        }
    }
    blocks
}
