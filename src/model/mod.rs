//! The checked project: plain data, no I/O. Everything the outputs are made from.

mod config;
mod notice;
mod submission;
mod tasks;
mod units;

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

pub(crate) use config::{Config, FontPrefs, Layout, Proofread};
pub(crate) use notice::{Attachment, AttachmentKind, Attendance, Document, Format, Notice};
pub(crate) use submission::{Entry, Status, Submission};
pub(crate) use tasks::{Category, TableLayout, TablePages, Task, TaskList, UnitRef};
pub(crate) use units::{Group, Ref, Registry, Unit};

use crate::root::Root;
use crate::text::SourceText;

/// A gongwen project as loaded and checked: its settings, units, notices, task lists and the
/// year-end summaries. Documents that failed to load are not in it (their errors were reported).
#[derive(Debug, Clone)]
pub struct Project {
    pub(crate) root: Root,
    pub(crate) config: Config,
    /// Where the settings' printed texts (the organ) are written.
    pub(crate) config_printed: Vec<SourceText>,
    pub(crate) registry: Registry,
    pub(crate) notices: Vec<Notice>,
    pub(crate) task_lists: Vec<Arc<TaskList>>,
    /// Year-end summaries by year.
    pub(crate) submissions: BTreeMap<i32, Vec<Arc<Submission>>>,
    /// Years with a submission that could not be read: their reports would be wrong.
    pub(crate) incomplete_years: BTreeSet<i32>,
    /// No year report can be printed (the registry is broken, or a unit name no font draws).
    pub(crate) reports_blocked: bool,
}

impl Project {
    /// How many notices, task lists and submissions it holds.
    pub fn counts(&self) -> (usize, usize, usize) {
        (
            self.notices.len(),
            self.task_lists.len(),
            self.submissions.values().map(Vec::len).sum(),
        )
    }

    /// Leaves out the submissions `keep` refuses. Their years' reports are then not made again:
    /// they would count those units as silent.
    pub(crate) fn retain_submissions(&mut self, mut keep: impl FnMut(i32, &Submission) -> bool) {
        for (year, subs) in self.submissions.iter_mut() {
            let before = subs.len();
            subs.retain(|s| keep(*year, s));
            if subs.len() < before {
                self.incomplete_years.insert(*year);
            }
        }
    }

    /// The task lists a year's submissions can report on.
    pub(crate) fn lists_for_year(&self, year: i32) -> Vec<Arc<TaskList>> {
        lists_for_year(&self.task_lists, year)
    }
}

/// The task lists of `year`.
pub(crate) fn lists_for_year(lists: &[Arc<TaskList>], year: i32) -> Vec<Arc<TaskList>> {
    lists
        .iter()
        .filter(|l| l.year == Some(year))
        .cloned()
        .collect()
}
