//! A notice as every output shows it: the GB/T 9704 wording applied once (the colon after 主送,
//! the parentheses of 附注 and seal notes, the full stop after 抄送, the 印发 line, dates in
//! Chinese, attachment labels). Bodies stay blocks until a backend renders them.

use chrono::Datelike;
use serde::Serialize;

use crate::markdown::Block;
use crate::model::{AttachmentKind, Notice, TableLayout, TaskList};
use crate::rules::{date, wording};

/// A notice, ready to print; `B` is how its bodies are held (blocks, or a backend's code).
#[derive(Debug, Clone, Serialize)]
pub(crate) struct NoticeView<B> {
    pub(crate) number: Option<String>,
    pub(crate) title: String,
    pub(crate) title_lines: Vec<String>,
    pub(crate) mark: String,
    /// 主送, with its colon.
    pub(crate) to: Option<String>,
    pub(crate) signer: String,
    /// The seal note in （）.
    pub(crate) seal_note: Option<String>,
    pub(crate) sealed: bool,
    /// 成文日期 as printed, and its parts (for the document's metadata).
    pub(crate) date: String,
    pub(crate) year: i32,
    pub(crate) month: u32,
    pub(crate) day: u32,
    pub(crate) copy_no: Option<String>,
    pub(crate) secrecy: Option<String>,
    pub(crate) urgency: Option<String>,
    pub(crate) issuers: Vec<String>,
    /// 附注 in （）.
    pub(crate) note: Option<String>,
    /// 抄送 ending in 。.
    pub(crate) cc: Option<String>,
    pub(crate) printed_by: Option<String>,
    /// "2020年4月29日印发".
    pub(crate) printed_date: Option<String>,
    pub(crate) body: B,
    pub(crate) attachments: Vec<AttachmentView<B>>,
}

/// An attachment: its name in the 附件说明, its label on its own first page, and its content.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct AttachmentView<B> {
    pub(crate) name: String,
    /// 附件 or 附件N.
    pub(crate) label: String,
    pub(crate) title: String,
    pub(crate) title_lines: Vec<String>,
    /// "document" or "tasks".
    pub(crate) kind: &'static str,
    /// A document's body.
    pub(crate) body: Option<B>,
    /// A task list's slug, table layout and rows.
    pub(crate) list: Option<String>,
    pub(crate) table: Option<TableLayout>,
    pub(crate) categories: Vec<CategoryView>,
}

/// A category of a task table, with its rows.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct CategoryView {
    pub(crate) name: String,
    pub(crate) tasks: Vec<TaskRowView>,
}

/// A task as a table prints it: the units as the list names them, joined with 、.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct TaskRowView {
    pub(crate) number: usize,
    pub(crate) text: String,
    pub(crate) lead: String,
    pub(crate) support: String,
}

/// The rows of a task list's table.
pub(crate) fn task_table(list: &TaskList) -> Vec<CategoryView> {
    list.categories
        .iter()
        .map(|c| CategoryView {
            name: c.name.clone(),
            tasks: c
                .tasks
                .iter()
                .map(|t| TaskRowView {
                    number: t.number,
                    text: t.text.clone(),
                    lead: wording::join(t.lead.iter().map(|u| &u.text)),
                    support: wording::join(t.support.iter().map(|u| &u.text)),
                })
                .collect(),
        })
        .collect()
}

fn attachments(n: &Notice) -> Vec<AttachmentView<Vec<Block>>> {
    let count = n.attachments.len();
    n.attachments
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let label = wording::attachment_label(i, count);
            match &a.kind {
                AttachmentKind::Document(d) => AttachmentView {
                    name: a.name.clone(),
                    label,
                    title: d.title.clone(),
                    title_lines: d.title_lines.clone(),
                    kind: "document",
                    body: Some(d.body.clone()),
                    list: None,
                    table: None,
                    categories: Vec::new(),
                },
                AttachmentKind::Tasks(t) => AttachmentView {
                    name: a.name.clone(),
                    label,
                    title: t.title.clone(),
                    title_lines: vec![t.title.clone()],
                    kind: "tasks",
                    body: None,
                    list: Some(t.slug.clone()),
                    table: Some(t.table.clone()),
                    categories: task_table(t),
                },
            }
        })
        .collect()
}

impl NoticeView<Vec<Block>> {
    pub(crate) fn new(n: &Notice) -> Self {
        NoticeView {
            number: n.number.clone(),
            title: n.title.clone(),
            title_lines: n.title_lines.clone(),
            mark: n.mark.clone(),
            to: n.to.as_deref().map(wording::recipients),
            signer: n.signer.clone(),
            seal_note: n.seal_note.as_deref().map(wording::in_parens),
            sealed: n.sealed,
            date: date::chinese(n.date),
            year: n.date.year(),
            month: n.date.month(),
            day: n.date.day(),
            copy_no: n.copy_no.clone(),
            secrecy: n.secrecy.clone(),
            urgency: n.urgency.clone(),
            issuers: n.issuers.clone(),
            note: n.note.as_deref().map(wording::in_parens),
            cc: n.cc.as_deref().map(wording::cc),
            printed_by: n.printed_by.clone(),
            printed_date: n.printed_date.map(wording::printed_date),
            body: n.body.clone(),
            attachments: attachments(n),
        }
    }
}

impl<B> NoticeView<B> {
    /// The same notice with its bodies (the notice's and its attachments') converted by `f`.
    pub(crate) fn map<T>(self, f: &impl Fn(B) -> T) -> NoticeView<T> {
        NoticeView {
            number: self.number,
            title: self.title,
            title_lines: self.title_lines,
            mark: self.mark,
            to: self.to,
            signer: self.signer,
            seal_note: self.seal_note,
            sealed: self.sealed,
            date: self.date,
            year: self.year,
            month: self.month,
            day: self.day,
            copy_no: self.copy_no,
            secrecy: self.secrecy,
            urgency: self.urgency,
            issuers: self.issuers,
            note: self.note,
            cc: self.cc,
            printed_by: self.printed_by,
            printed_date: self.printed_date,
            body: f(self.body),
            attachments: self
                .attachments
                .into_iter()
                .map(|a| AttachmentView {
                    name: a.name,
                    label: a.label,
                    title: a.title,
                    title_lines: a.title_lines,
                    kind: a.kind,
                    body: a.body.map(f),
                    list: a.list,
                    table: a.table,
                    categories: a.categories,
                })
                .collect(),
        }
    }
}
