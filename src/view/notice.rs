//! A notice as every output shows it: the GB/T 9704 wording applied once (the colon after 主送,
//! the parentheses of 附注 and seal notes, the full stop after 抄送, the 印发 line, dates in
//! Chinese, attachment labels). Bodies stay blocks until a backend renders them.

use chrono::Datelike;
use serde::Serialize;

use crate::markdown::Block;
use crate::model::{AttachmentKind, Attendance, Notice, TableLayout, TaskList};
use crate::rules::{date, wording};

/// A notice, ready to print; `B` is how its bodies are held (blocks, or a backend's code).
#[derive(Debug, Clone, Serialize)]
pub(crate) struct NoticeView<B> {
    pub(crate) number: Option<String>,
    pub(crate) title: String,
    pub(crate) title_lines: Vec<String>,
    /// "file", "letter", "order" or "minutes".
    pub(crate) format: &'static str,
    /// 发文机关标志: its line, or the stacked names of joint issuers; "文件" beside them.
    pub(crate) mark: Vec<String>,
    pub(crate) mark_suffix: Option<String>,
    /// The host organ.
    pub(crate) organ: String,
    /// 主送, with its colon.
    pub(crate) to: Option<String>,
    /// 署名: the first signer, and every one (several when issued jointly).
    pub(crate) signer: String,
    pub(crate) signers: Vec<String>,
    /// 职务 beside a 签名章.
    pub(crate) signer_title: Option<String>,
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
    /// 纪要: 出席, 请假, 列席, each with its names.
    pub(crate) attendance: Vec<AttendanceView>,
    pub(crate) body: B,
    pub(crate) attachments: Vec<AttachmentView<B>>,
}

/// A line of a 纪要's attendance: its label (printed in 黑体) and the names.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct AttendanceView {
    pub(crate) label: &'static str,
    pub(crate) names: String,
}

/// The attendance lines of a 纪要, in the order of §10.3: 出席, 请假, 列席.
fn attendance(a: &Attendance) -> Vec<AttendanceView> {
    [
        ("出席", &a.present),
        ("请假", &a.on_leave),
        ("列席", &a.observers),
    ]
    .into_iter()
    .filter_map(|(label, names)| names.clone().map(|names| AttendanceView { label, names }))
    .collect()
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
            format: n.format.key(),
            mark: n.mark.clone(),
            mark_suffix: n.mark_suffix.clone(),
            organ: n.organs.first().cloned().unwrap_or_default(),
            to: n.to.as_deref().map(wording::recipients),
            signer: n.signers.first().cloned().unwrap_or_default(),
            signers: n.signers.clone(),
            signer_title: n.signer_title.clone(),
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
            attendance: attendance(&n.attendance),
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
            format: self.format,
            mark: self.mark,
            mark_suffix: self.mark_suffix,
            organ: self.organ,
            to: self.to,
            signer: self.signer,
            signers: self.signers,
            signer_title: self.signer_title,
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
            attendance: self.attendance,
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
