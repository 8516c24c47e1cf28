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
    /// The layout: 文件格式 or one of the special formats of §10.
    pub(crate) format: Format,
    /// The issuing organs, the host organ first; several for joint issuing (联合行文).
    pub(crate) organs: Vec<String>,
    /// 发文机关标志: one line, or the names of joint issuers stacked.
    pub(crate) mark: Vec<String>,
    /// "文件", set beside the stacked names (or after the single line).
    pub(crate) mark_suffix: Option<String>,
    /// 主送机关, as written (the colon is the views' business).
    pub(crate) to: Option<String>,
    pub(crate) attachments: Vec<Attachment>,
    /// 署名: one per issuing organ, the host first.
    pub(crate) signers: Vec<String>,
    /// The signer's office (职务) beside a 签名章 (命令, §7.3.5.3).
    pub(crate) signer_title: Option<String>,
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
    /// 纪要: who attended, who was on leave, who sat in (§10.3).
    pub(crate) attendance: Attendance,
    pub(crate) body: Vec<Block>,
    /// Everything of the notice's own file that is printed, for the checks.
    pub(crate) printed: Vec<SourceText>,
    /// Where each front-matter key given is written (`title`, `to`, `signer` …), for the checks
    /// that compare one field with another.
    pub(crate) places: BTreeMap<&'static str, Location>,
}

/// The formats of GB/T 9704: the 文件格式 of §7 and the special formats of §10.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Format {
    /// 文件格式 (§7): the default.
    #[default]
    File,
    /// 信函格式 (§10.1), used for 函.
    Letter,
    /// 命令（令）格式 (§10.2).
    Order,
    /// 纪要格式 (§10.3).
    Minutes,
}

impl Format {
    /// What `format:` accepts: the standard's names, short and long, and English ones.
    pub(crate) const NAMES: [(&'static str, Format); 14] = [
        ("文件", Format::File),
        ("文件格式", Format::File),
        ("信函", Format::Letter),
        ("信函格式", Format::Letter),
        ("函", Format::Letter),
        ("命令", Format::Order),
        ("令", Format::Order),
        ("命令格式", Format::Order),
        ("纪要", Format::Minutes),
        ("纪要格式", Format::Minutes),
        ("file", Format::File),
        ("letter", Format::Letter),
        ("order", Format::Order),
        ("minutes", Format::Minutes),
    ];

    /// The format a name stands for ("minutes" too).
    pub(crate) fn from_name(name: &str) -> Option<Format> {
        Format::NAMES
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, f)| *f)
    }

    /// The key the templates test.
    pub(crate) fn key(self) -> &'static str {
        match self {
            Format::File => "file",
            Format::Letter => "letter",
            Format::Order => "order",
            Format::Minutes => "minutes",
        }
    }
}

/// The attendance lists of 纪要, each as written (names joined with 、).
#[derive(Debug, Clone, Default)]
pub(crate) struct Attendance {
    /// 出席.
    pub(crate) present: Option<String>,
    /// 请假.
    pub(crate) on_leave: Option<String>,
    /// 列席.
    pub(crate) observers: Option<String>,
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

    /// Its PDF, relative to out/pdf: named by its 发文字号; a 命令's 令号 or a 纪要's number
    /// (第5号, 第3期) says little alone, so the mark comes before it (某某区人民政府令第5号).
    pub(crate) fn pdf(&self) -> std::path::PathBuf {
        let named = match (self.format, &self.number) {
            (Format::Order | Format::Minutes, Some(n)) => {
                Some(format!("{}{n}", self.mark.concat()))
            }
            _ => self.number.clone(),
        };
        crate::paths::notice_pdf(named.as_deref(), &self.slug)
    }

    /// The task lists it attaches.
    pub(crate) fn task_lists(&self) -> impl Iterator<Item = &Arc<TaskList>> {
        self.attachments.iter().filter_map(|a| match &a.kind {
            AttachmentKind::Tasks(t) => Some(t),
            AttachmentKind::Document(_) => None,
        })
    }
}
