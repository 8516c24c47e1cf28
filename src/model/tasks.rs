//! Task lists (content/tasks/*.yaml): who leads and supports what, set as a notice's attachment
//! table and reported on in the year-end summaries.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use chrono::NaiveDate;
use serde::Serialize;

use crate::diag::Location;
use crate::model::units::{Ref, Registry};
use crate::text::SourceText;

/// A task list, its units resolved against the registry.
#[derive(Debug, Clone)]
pub(crate) struct TaskList {
    pub(crate) slug: String,
    /// Whether the tasks' ids are written in the list (or derived from their numbers).
    pub(crate) explicit_ids: bool,
    pub(crate) file: PathBuf,
    pub(crate) title: String,
    pub(crate) title_at: Location,
    pub(crate) year: Option<i32>,
    /// When the year-end summaries are due.
    pub(crate) due: Option<NaiveDate>,
    pub(crate) table: TableLayout,
    pub(crate) categories: Vec<Category>,
    pub(crate) printed: Vec<SourceText>,
}

/// How the list is set as a table: type size, column widths in characters of that size (工作任务,
/// 牵头单位, 配合单位; 序号 takes the rest), line spacing, cell padding, and the pages it is set on.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct TableLayout {
    pub(crate) size: f64,
    pub(crate) columns: [f64; 3],
    pub(crate) leading: f64,
    pub(crate) padding: f64,
    pub(crate) pages: TablePages,
}

/// The pages a table attachment is set on (GB/T 9704 §8).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum TablePages {
    /// Portrait pages with the table turned, its head on the left edge; page numbers where they
    /// are on every other page.
    #[default]
    Portrait,
    /// Landscape pages.
    Landscape,
}

impl TablePages {
    /// Every value, as `table.pages` and the 设置 sheet spell it.
    pub(crate) const NAMES: [(&'static str, TablePages); 2] = [
        ("portrait", TablePages::Portrait),
        ("landscape", TablePages::Landscape),
    ];

    pub(crate) fn name(self) -> &'static str {
        match self {
            TablePages::Portrait => "portrait",
            TablePages::Landscape => "landscape",
        }
    }

    pub(crate) fn from_name(name: &str) -> Option<TablePages> {
        Self::NAMES
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, p)| *p)
    }
}

/// The defaults are the issued task table's (沙营商办发〔2020〕3号, the seed), measured from its
/// lines rather than fitted: a cell's lines break as Word breaks them (gongwen.typ `break-cell`),
/// so each column is as wide as the middle of what its issued lines allow (工作任务 holds 31
/// characters but not 31 and a half, 牵头单位 8 but not 8½, 配合单位 7½ but not 8). Its full pages
/// hold 19 lines of cells but not 20 on the 156 mm frame (a pitch over 22.1 pt), and its first
/// page, below the three grid lines of 附件 and title, 16 but not 17 (a pitch of at most 22.2 pt):
/// so a line takes 1.85 em (22.2 pt), the leading between lines with half of it above and below
/// each cell's text (Word's cells add no margin there).
impl Default for TableLayout {
    fn default() -> Self {
        TableLayout {
            size: 12.0,
            columns: [31.25, 8.25, 7.75],
            leading: 0.85,
            padding: 5.1,
            pages: TablePages::default(),
        }
    }
}

#[derive(Debug, Clone)]
pub(crate) struct Category {
    pub(crate) name: String,
    pub(crate) tasks: Vec<Task>,
}

/// A task: `id` identifies it for good; `number` runs 1, 2, 3 … across categories, as in the
/// issued table, and changes when a task is inserted.
#[derive(Debug, Clone)]
pub(crate) struct Task {
    pub(crate) id: String,
    pub(crate) number: usize,
    pub(crate) text: String,
    pub(crate) lead: Vec<UnitRef>,
    pub(crate) support: Vec<UnitRef>,
    pub(crate) location: Location,
}

/// A unit as the table cell names it, and what it stands for.
#[derive(Debug, Clone)]
pub(crate) struct UnitRef {
    /// As the task list writes it: the notice's table prints this, as the office wrote it.
    pub(crate) text: String,
    /// The registry's name (once resolved): every other output prints this.
    pub(crate) name: String,
    pub(crate) location: Location,
    pub(crate) target: Option<Ref>,
}

impl TaskList {
    pub(crate) fn tasks(&self) -> impl Iterator<Item = &Task> {
        self.categories.iter().flat_map(|c| c.tasks.iter())
    }

    pub(crate) fn task(&self, number: usize) -> Option<&Task> {
        // Tasks are numbered 1, 2, … in the list's order: counted through the categories it is
        // found at once (every summary's every entry asks), with a search as the fallback.
        let mut i = number.checked_sub(1)?;
        for c in &self.categories {
            if i < c.tasks.len() {
                if c.tasks[i].number == number {
                    return Some(&c.tasks[i]);
                }
                break;
            }
            i -= c.tasks.len();
        }
        self.tasks().find(|t| t.number == number)
    }

    pub(crate) fn task_by_id(&self, id: &str) -> Option<&Task> {
        self.tasks().find(|t| t.id == id)
    }

    /// The tasks `unit` leads and supports, directly or through a group it belongs to.
    pub(crate) fn tasks_of<'a>(
        &'a self,
        registry: &Registry,
        unit: &str,
    ) -> (Vec<&'a Task>, Vec<&'a Task>) {
        let involves = |refs: &[UnitRef]| {
            refs.iter()
                .filter_map(|r| r.target.as_ref())
                .any(|t| registry.covers(t, unit))
        };
        let lead = self.tasks().filter(|t| involves(&t.lead)).collect();
        let support = self.tasks().filter(|t| involves(&t.support)).collect();
        (lead, support)
    }

    /// `tasks_of` for every unit at once, in one pass over the tasks (the site lists each unit's
    /// tasks: asking `tasks_of` for each unit grows as units × tasks). Units with no task are
    /// absent.
    pub(crate) fn by_unit(&self, registry: &Registry) -> UnitTasks<'_> {
        let mut out: UnitTasks<'_> = BTreeMap::new();
        for t in self.tasks() {
            for (refs, lead) in [(&t.lead, true), (&t.support, false)] {
                let units: BTreeSet<String> = refs
                    .iter()
                    .filter_map(|r| r.target.as_ref())
                    .flat_map(|r| registry.expand(r))
                    .collect();
                for u in units {
                    let (l, s) = out.entry(u).or_default();
                    if lead { l.push(t) } else { s.push(t) }
                }
            }
        }
        out
    }
}

/// Each unit's tasks (by id): those it leads and those it supports, in the list's order.
pub(crate) type UnitTasks<'a> = BTreeMap<String, (Vec<&'a Task>, Vec<&'a Task>)>;

impl Task {
    /// The units the task names (lead, then support), groups expanded to their members.
    pub(crate) fn unit_ids(&self, registry: &Registry) -> Vec<String> {
        let mut ids: Vec<String> = self
            .lead
            .iter()
            .chain(self.support.iter())
            .filter_map(|r| r.target.as_ref())
            .flat_map(|r| registry.expand(r))
            .collect();
        ids.sort();
        ids.dedup();
        ids
    }
}
