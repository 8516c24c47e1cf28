//! Year-end summaries (content/submissions/<year>/<unit>.md), checked against their task list.

use std::sync::Arc;

use chrono::NaiveDate;
use serde::Serialize;

use crate::markdown::Block;
use crate::model::TaskList;
use crate::text::SourceText;

/// How far a task got, as a unit reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub(crate) enum Status {
    Done,
    InProgress,
    NotStarted,
}

impl Status {
    pub(crate) const ALL: [Status; 3] = [Status::Done, Status::InProgress, Status::NotStarted];

    pub(crate) fn parse(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|x| x.label() == s.trim())
    }

    pub(crate) fn label(self) -> &'static str {
        match self {
            Status::Done => "已完成",
            Status::InProgress => "推进中",
            Status::NotStarted => "未启动",
        }
    }
}

/// What a unit reports on one task.
#[derive(Debug, Clone)]
pub(crate) struct Entry {
    pub(crate) task: usize,
    pub(crate) status: Status,
    pub(crate) summary: String,
    pub(crate) figures: Vec<(String, String)>,
}

/// A unit's year-end summary.
#[derive(Debug, Clone)]
pub(crate) struct Submission {
    pub(crate) file: std::path::PathBuf,
    /// The unit's id and printed name.
    pub(crate) unit: String,
    pub(crate) unit_name: String,
    pub(crate) date: NaiveDate,
    pub(crate) title: String,
    pub(crate) list: Arc<TaskList>,
    pub(crate) entries: Vec<Entry>,
    pub(crate) body: Vec<Block>,
    /// Sent after the list's due date.
    pub(crate) late: bool,
    pub(crate) printed: Vec<SourceText>,
}

impl Submission {
    /// What this unit reported on task `number`, if anything.
    pub(crate) fn entry(&self, number: usize) -> Option<&Entry> {
        self.entries.iter().find(|e| e.task == number)
    }
}
