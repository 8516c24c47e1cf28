//! A year-end summary as every output shows it: title lines, the unit and date, and its content —
//! the narrative followed by one section per reported task.

use chrono::Datelike;
use serde::Serialize;

use crate::markdown::{Block, Inline};
use crate::model::Submission;
use crate::rules::numbering::{chinese_number, heading_number};
use crate::rules::{date, title};

#[derive(Debug, Clone, Serialize)]
pub(crate) struct SubmissionView<B> {
    pub(crate) title: String,
    pub(crate) title_lines: Vec<String>,
    pub(crate) unit: String,
    pub(crate) unit_id: String,
    pub(crate) date: String,
    pub(crate) year: i32,
    pub(crate) month: u32,
    pub(crate) day: u32,
    pub(crate) late: bool,
    /// Its heading in a compilation ("（一）区交通局（逾期报送）"); empty on its own.
    pub(crate) heading: String,
    pub(crate) content: B,
}

impl SubmissionView<Vec<Block>> {
    /// The summary on its own, or as the `index`th chapter of a compilation.
    pub(crate) fn new(s: &Submission, index: Option<usize>) -> Self {
        let late = if s.late { "（逾期报送）" } else { "" };
        SubmissionView {
            title: s.title.clone(),
            title_lines: title::break_lines(&s.title, &s.unit_name, title::TITLE_MAX_EM),
            unit: s.unit_name.clone(),
            unit_id: s.unit.clone(),
            date: date::chinese(s.date),
            year: s.date.year(),
            month: s.date.month(),
            day: s.date.day(),
            late: s.late,
            heading: index.map_or_else(String::new, |i| {
                format!("（{}）{}{late}", chinese_number(i + 1), s.unit_name)
            }),
            content: content(s),
        }
    }
}

impl<B> SubmissionView<B> {
    /// The same summary with its content converted by `f`.
    pub(crate) fn map<T>(self, f: &impl Fn(B) -> T) -> SubmissionView<T> {
        SubmissionView {
            title: self.title,
            title_lines: self.title_lines,
            unit: self.unit,
            unit_id: self.unit_id,
            date: self.date,
            year: self.year,
            month: self.month,
            day: self.day,
            late: self.late,
            heading: self.heading,
            content: f(self.content),
        }
    }
}

/// The narrative, then 重点任务完成情况 with a （一） section per reported task.
fn content(s: &Submission) -> Vec<Block> {
    let mut blocks = s.body.clone();
    let firsts = blocks
        .iter()
        .filter(|b| matches!(b, Block::Heading { level: 1, .. }))
        .count();
    let text = |t: String| vec![Inline::Text(t)];
    blocks.push(Block::Heading {
        level: 1,
        number: heading_number(1, firsts + 1),
        content: text("重点任务完成情况".into()),
    });
    for (i, e) in s.entries.iter().enumerate() {
        let task = s
            .list
            .task(e.task)
            .map(|t| t.text.clone())
            .unwrap_or_default();
        blocks.push(Block::Heading {
            level: 2,
            number: heading_number(2, i + 1),
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
