//! The checked project: what the renderers work from. Every text a user wrote keeps its
//! location so late checks (fonts) can still point at the source.

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::config::Config;
use crate::diag::Location;
use crate::markdown::Block;
use crate::tasks::TaskList;

/// Which of the four GB/T 9704 typefaces a text is set in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    Title,
    Body,
    Hei,
    Kai,
    Song,
}

impl Role {
    pub const ALL: [Role; 5] = [Role::Title, Role::Body, Role::Hei, Role::Kai, Role::Song];

    pub fn key(self) -> &'static str {
        match self {
            Role::Title => "title",
            Role::Body => "body",
            Role::Hei => "hei",
            Role::Kai => "kai",
            Role::Song => "song",
        }
    }

    pub fn describe(self) -> &'static str {
        match self {
            Role::Title => "小标宋 (titles, 发文机关标志)",
            Role::Body => "仿宋 (body text)",
            Role::Hei => "黑体 (一、 headings, 密级, 附件 labels)",
            Role::Kai => "楷体 (（一） headings, 签发人 names)",
            Role::Song => "宋体 (page numbers)",
        }
    }
}

/// A piece of user text, where it came from, and the typeface it will be set in.
#[derive(Debug, Clone)]
pub struct SourceText {
    pub location: Location,
    pub text: String,
    pub role: Role,
}

#[derive(Debug, Clone)]
pub struct Notice {
    pub slug: String,
    pub file: PathBuf,
    pub number: Option<String>,
    pub title: String,
    pub title_lines: Vec<String>,
    pub mark: String,
    pub to: Option<String>,
    pub attachments: Vec<Attachment>,
    pub signer: String,
    pub seal_note: Option<String>,
    pub sealed: bool,
    pub date: NaiveDate,
    pub copy_no: Option<String>,
    pub secrecy: Option<String>,
    pub urgency: Option<String>,
    pub issuers: Vec<String>,
    pub note: Option<String>,
    pub cc: Option<String>,
    pub printed_by: Option<String>,
    pub printed_date: Option<NaiveDate>,
    pub body: Vec<Block>,
    pub texts: Vec<SourceText>,
}

impl Notice {
    /// "附件" for a single attachment, "附件1", "附件2" … for several (GB/T 9704 §7.3.7).
    pub fn attachment_label(&self, index: usize) -> String {
        if self.attachments.len() > 1 {
            format!("附件{}", index + 1)
        } else {
            "附件".to_string()
        }
    }
}

#[derive(Debug, Clone)]
pub struct Attachment {
    /// The name the 附件说明 gives it.
    pub name: String,
    pub kind: AttachmentKind,
}

#[derive(Debug, Clone)]
pub enum AttachmentKind {
    Document(Document),
    Tasks(std::sync::Arc<TaskList>),
}

/// An attachment that is a document of its own (content/attachments/*.md).
#[derive(Debug, Clone)]
pub struct Document {
    pub file: PathBuf,
    pub title: String,
    pub title_lines: Vec<String>,
    pub body: Vec<Block>,
    pub texts: Vec<SourceText>,
}

#[derive(Debug, Clone)]
pub struct Project {
    pub root: PathBuf,
    pub config: Config,
    pub registry: crate::units::Registry,
    pub notices: Vec<Notice>,
    pub task_lists: Vec<std::sync::Arc<TaskList>>,
    /// Year-end summaries by year.
    pub submissions:
        std::collections::BTreeMap<i32, Vec<std::sync::Arc<crate::submission::Submission>>>,
}
