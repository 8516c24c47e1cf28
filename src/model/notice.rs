//! Notices (通知 and other 公文) and the attachments they carry.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

use chrono::NaiveDate;

use crate::diag::Location;
use crate::markdown::Block;
use crate::model::TaskList;
use crate::text::SourceText;

/// A notice, checked: every GB/T 9704 element it prints, and its attachments.
#[derive(Debug, Clone)]
pub(crate) struct Notice {
    /// The file name without extension: names the PDF when there is no 发文字号, and the page.
    pub(crate) slug: String,
    pub(crate) file: PathBuf,
    /// 发文字号.
    pub(crate) number: Option<String>,
    pub(crate) title: String,
    pub(crate) title_lines: Vec<String>,
    /// 发文机关标志.
    pub(crate) mark: String,
    /// 主送机关, as written (the colon is the views' business).
    pub(crate) to: Option<String>,
    pub(crate) attachments: Vec<Attachment>,
    /// 署名.
    pub(crate) signer: String,
    pub(crate) seal_note: Option<String>,
    pub(crate) sealed: bool,
    /// 成文日期.
    pub(crate) date: NaiveDate,
    /// 份号, 密级和保密期限, 紧急程度, 签发人.
    pub(crate) copy_no: Option<String>,
    pub(crate) secrecy: Option<String>,
    pub(crate) urgency: Option<String>,
    pub(crate) issuers: Vec<String>,
    /// 附注, 抄送机关, 印发机关 and 印发日期.
    pub(crate) note: Option<String>,
    pub(crate) cc: Option<String>,
    pub(crate) printed_by: Option<String>,
    pub(crate) printed_date: Option<NaiveDate>,
    pub(crate) body: Vec<Block>,
    /// Everything of the notice's own file that is printed, for the checks.
    pub(crate) printed: Vec<SourceText>,
    /// Where each front-matter key given is written (`title`, `to`, `signer` …), for the checks
    /// that compare one field with another.
    pub(crate) places: BTreeMap<&'static str, Location>,
}

/// An attachment as the notice lists it.
#[derive(Debug, Clone)]
pub(crate) struct Attachment {
    /// The name the 附件说明 gives it.
    pub(crate) name: String,
    /// Where the notice lists it.
    pub(crate) at: Location,
    pub(crate) kind: AttachmentKind,
}

#[derive(Debug, Clone)]
pub(crate) enum AttachmentKind {
    Document(Document),
    Tasks(Arc<TaskList>),
}

/// An attachment that is a document of its own (content/attachments/*.md).
#[derive(Debug, Clone)]
pub(crate) struct Document {
    pub(crate) title: String,
    pub(crate) title_at: Location,
    pub(crate) title_lines: Vec<String>,
    pub(crate) body: Vec<Block>,
    pub(crate) printed: Vec<SourceText>,
}

impl Notice {
    /// Where a front-matter key is written; the file's top when it is not given.
    pub(crate) fn place(&self, key: &str) -> Location {
        self.places
            .get(key)
            .cloned()
            .unwrap_or_else(|| Location::new(&self.file, 1, 1))
    }

    /// Every printed text of the notice and of the attachment documents it carries (task lists
    /// are checked once, on their own).
    pub(crate) fn all_printed(&self) -> impl Iterator<Item = &SourceText> {
        self.printed
            .iter()
            .chain(self.attachments.iter().flat_map(|a| match &a.kind {
                AttachmentKind::Document(d) => d.printed.as_slice(),
                AttachmentKind::Tasks(_) => &[],
            }))
    }

    /// Its PDF, relative to out/pdf.
    pub(crate) fn pdf(&self) -> std::path::PathBuf {
        crate::paths::notice_pdf(self.number.as_deref(), &self.slug)
    }

    /// The task lists it attaches.
    pub(crate) fn task_lists(&self) -> impl Iterator<Item = &Arc<TaskList>> {
        self.attachments.iter().filter_map(|a| match &a.kind {
            AttachmentKind::Tasks(t) => Some(t),
            AttachmentKind::Document(_) => None,
        })
    }
}
