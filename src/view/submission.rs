//! A year-end summary as every output shows it: title lines, the unit and date, and its content —
//! the narrative followed by one section per reported task.

use chrono::Datelike;
use serde::Serialize;

use crate::markdown::{Block, Inline, plain};
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

/// Plain text as paragraphs: a blank line separates paragraphs, a line feed within one is a
/// line break (a summary written in several paragraphs in Word or in YAML keeps them).
pub(crate) fn text_paragraphs(text: &str) -> Vec<Vec<Inline>> {
    let mut paras: Vec<Vec<&str>> = vec![Vec::new()];
    for line in text.lines().map(str::trim) {
        match (line.is_empty(), paras.last_mut()) {
            (true, Some(p)) if !p.is_empty() => paras.push(Vec::new()),
            (false, Some(p)) => p.push(line),
            _ => {}
        }
    }
    paras
        .into_iter()
        .filter(|p| !p.is_empty())
        .map(|lines| {
            let mut inlines = Vec::new();
            for (i, l) in lines.into_iter().enumerate() {
                if i > 0 {
                    inlines.push(Inline::LineBreak);
                }
                inlines.push(Inline::Text(l.to_string()));
            }
            inlines
        })
        .collect()
}

/// The heading of the generated section; a unit that writes it in its body (`## 重点任务完成情况`)
/// chooses where the section goes.
pub(crate) const TASKS_HEADING: &str = "重点任务完成情况";

/// The narrative with 重点任务完成情况 — a （一） section per reported task — where the unit put
/// that heading, or after the narrative.
fn content(s: &Submission) -> Vec<Block> {
    let mut blocks = s.body.clone();
    let marker = blocks.iter().position(|b| {
        matches!(b, Block::Heading { level: 1, content, .. } if plain(content).trim() == TASKS_HEADING)
    });
    let at = match marker {
        Some(i) => i + 1,
        None => {
            let firsts = blocks
                .iter()
                .filter(|b| matches!(b, Block::Heading { level: 1, .. }))
                .count();
            blocks.push(Block::Heading {
                level: 1,
                number: heading_number(1, firsts + 1),
                content: vec![Inline::Text(TASKS_HEADING.into())],
            });
            blocks.len()
        }
    };
    blocks.splice(at..at, task_sections(s));
    blocks
}

/// One （一） section per reported task: its status, summary and figures.
fn task_sections(s: &Submission) -> Vec<Block> {
    let text = |t: String| vec![Inline::Text(t)];
    let mut blocks = Vec::new();
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
        blocks.extend(text_paragraphs(&e.summary).into_iter().map(Block::Para));
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::submission::tests::{setup, sub};

    /// The level-1 headings of a summary whose body is `body`, as printed.
    fn headings(body: &str) -> Vec<String> {
        let (reg, list) = setup();
        let text = format!(
            "---\nunit: a\ndate: 2024-12-01\ntasks:\n  - task: 1\n    status: 已完成\n    summary: 做了。\n---\n{body}"
        );
        let s = sub(&text, &reg, &list).unwrap().submission;
        content(&s)
            .iter()
            .filter_map(|b| match b {
                Block::Heading {
                    level,
                    number,
                    content,
                } => Some(format!("{level}{number}{}", plain(content))),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn the_task_section_goes_where_the_unit_wrote_its_heading_or_last() {
        assert_eq!(
            headings("## 工作成效\n\n甲。\n\n## 下一步打算\n\n乙。\n"),
            [
                "1一、工作成效",
                "1二、下一步打算",
                "1三、重点任务完成情况",
                "2（一）任务1：任务一"
            ]
        );
        assert_eq!(
            headings("## 工作成效\n\n甲。\n\n## 重点任务完成情况\n\n## 下一步打算\n\n乙。\n"),
            [
                "1一、工作成效",
                "1二、重点任务完成情况",
                "2（一）任务1：任务一",
                "1三、下一步打算"
            ]
        );
    }

    #[test]
    fn blank_lines_separate_paragraphs_and_line_feeds_break_lines() {
        let t = |s: &str| Inline::Text(s.to_string());
        assert_eq!(
            text_paragraphs("第一段\n续行\n\n\n 第二段 \n"),
            vec![
                vec![t("第一段"), Inline::LineBreak, t("续行")],
                vec![t("第二段")]
            ]
        );
        assert!(text_paragraphs(" \n").is_empty());
    }
}
