//! content/notices/<slug>.md and content/attachments/<slug>.md: front matter + Markdown body.

use std::path::Path;

use serde::Deserialize;
use serde_saphyr::Spanned;

use crate::config::Config;
use crate::diag::{Diagnostic, Diagnostics, Location};
use crate::model::{Document, Notice, Role, SourceText};
use crate::{date, docno, frontmatter, markdown, title, yaml};

/// Title lines are at most this wide, in ems of the 2号 title (156 mm / 22 pt ≈ 20.1).
pub const TITLE_MAX_EM: f64 = 20.0;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Front {
    number: Option<Spanned<String>>,
    title: Option<Spanned<String>>,
    title_lines: Option<Vec<Spanned<String>>>,
    mark: Option<Spanned<String>>,
    to: Option<Spanned<String>>,
    #[serde(default)]
    attachments: Vec<Spanned<AttachmentRef>>,
    signer: Option<Spanned<String>>,
    seal_note: Option<Spanned<String>>,
    sealed: Option<bool>,
    date: Option<Spanned<String>>,
    copy_no: Option<Spanned<String>>,
    secrecy: Option<Spanned<String>>,
    urgency: Option<Spanned<String>>,
    #[serde(default)]
    issuer: Vec<Spanned<String>>,
    note: Option<Spanned<String>>,
    cc: Option<Spanned<String>>,
    printed_by: Option<Spanned<String>>,
    printed_date: Option<Spanned<String>>,
}

/// `attachments:` entries: a path, or a path with the name the 附件说明 uses.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum AttachmentRef {
    Path(String),
    Named { file: String, name: String },
}

impl AttachmentRef {
    pub fn file(&self) -> &str {
        match self {
            AttachmentRef::Path(p) => p,
            AttachmentRef::Named { file, .. } => file,
        }
    }
    pub fn name(&self) -> Option<&str> {
        match self {
            AttachmentRef::Path(_) => None,
            AttachmentRef::Named { name, .. } => Some(name),
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct AttachmentFront {
    title: Option<Spanned<String>>,
    title_lines: Option<Vec<Spanned<String>>>,
}

/// Reads a notice; attachments are resolved by the caller (they may be shared).
pub struct LoadedNotice {
    pub notice: Notice,
    pub attachment_refs: Vec<(Location, AttachmentRef)>,
}

struct Ctx<'a> {
    file: &'a Path,
    first_line: usize,
    texts: Vec<SourceText>,
    errors: Diagnostics,
}

impl Ctx<'_> {
    fn loc(&self, s: &serde_saphyr::Location) -> Location {
        yaml::location(self.file, self.first_line, s)
    }

    /// A text value: trimmed, remembered for the font check.
    fn text(&mut self, v: &Spanned<String>, role: Role) -> String {
        self.texts.push(SourceText {
            location: self.loc(&v.referenced),
            text: v.value.clone(),
            role,
        });
        v.value.trim().to_string()
    }

    fn opt(&mut self, v: &Option<Spanned<String>>, role: Role) -> Option<String> {
        v.as_ref()
            .map(|v| self.text(v, role))
            .filter(|s| !s.is_empty())
    }

    fn date(&mut self, v: &Spanned<String>, key: &str) -> Option<chrono::NaiveDate> {
        date::field(&v.value, key, self.loc(&v.referenced))
            .map_err(|d| self.errors.push(d))
            .ok()
    }

    fn title_lines(
        &mut self,
        title: &str,
        lines: &Option<Vec<Spanned<String>>>,
        organ: &str,
        at: Location,
    ) -> Vec<String> {
        match lines {
            Some(lines) => {
                let joined: String = lines.iter().map(|l| l.value.trim()).collect();
                if joined != title {
                    self.errors.push(
                        Diagnostic::error(at, "`title_lines` do not spell out `title`")
                            .with_help("the lines joined together must be exactly the title; fix one or remove `title_lines` to let gongwen break the title"),
                    );
                }
                lines.iter().map(|l| l.value.trim().to_string()).collect()
            }
            None => title::break_lines(title, organ, TITLE_MAX_EM),
        }
    }

    /// Body lines are font-checked line by line: headings in 黑体/楷体, the rest in 仿宋.
    fn body(&mut self, body: &str, body_line: usize) -> Vec<markdown::Block> {
        for (i, line) in body.lines().enumerate() {
            let t = line.trim_start();
            let role = if t.starts_with("### ") && !t.starts_with("#### ") {
                Role::Kai
            } else if t.starts_with("## ") {
                Role::Hei
            } else {
                Role::Body
            };
            self.texts.push(SourceText {
                location: Location::new(self.file, body_line + i, 1),
                text: line.to_string(),
                role,
            });
        }
        match markdown::parse(body, self.file, body_line) {
            Ok(b) => b,
            Err(d) => {
                self.errors.push(d);
                Vec::new()
            }
        }
    }
}

fn read(path: &Path, shown: &Path) -> Result<String, Diagnostics> {
    crate::diag::read_source(path, shown, "the file").map_err(Into::into)
}

pub fn load_notice(
    path: &Path,
    shown: &Path,
    slug: &str,
    config: &Config,
) -> Result<LoadedNotice, Diagnostics> {
    let text = read(path, shown)?;
    let split = frontmatter::split(&text, shown)?;
    let front: Front = yaml::parse(split.yaml, shown, split.yaml_line)?;
    let mut c = Ctx {
        file: shown,
        first_line: split.yaml_line,
        texts: Vec::new(),
        errors: Diagnostics::default(),
    };
    let top = Location::new(shown, 1, 1);

    let Some(title_v) = &front.title else {
        return Err(Diagnostic::error(top, "the notice has no `title`")
            .with_help("add `title: …` to the front matter")
            .into());
    };
    let title = c.text(title_v, Role::Title);
    if title.is_empty() {
        c.errors.push(
            Diagnostic::error(c.loc(&title_v.referenced), "`title` is empty")
                .with_help("write the document's title"),
        );
    }
    let number = c.opt(&front.number, Role::Body);
    if let (Some(n), Some(v)) = (&number, &front.number)
        && let Err((msg, help)) = docno::check(n)
    {
        c.errors
            .push(Diagnostic::error(c.loc(&v.referenced), msg).with_help(help));
    }
    let date = match &front.date {
        Some(d) => c.date(d, "date"),
        None => {
            c.errors.push(
                Diagnostic::error(top.clone(), "the notice has no `date` (成文日期)")
                    .with_help("add `date: YYYY-MM-DD`"),
            );
            None
        }
    };
    let printed_date = front
        .printed_date
        .as_ref()
        .and_then(|d| c.date(d, "printed_date"));
    let mark = front
        .mark
        .as_ref()
        .map_or_else(|| config.organ().to_string(), |m| c.text(m, Role::Title));
    let title_at = c.loc(&title_v.referenced);
    let title_lines = c.title_lines(&title, &front.title_lines, config.organ(), title_at);
    for l in front.title_lines.iter().flatten() {
        c.text(l, Role::Title);
    }
    let signer = front
        .signer
        .as_ref()
        .map_or_else(|| config.organ().to_string(), |s| c.text(s, Role::Body));
    if let Some(code) = &front.copy_no
        && !(code.value.len() == 6 && code.value.chars().all(|ch| ch.is_ascii_digit()))
    {
        c.errors.push(
            Diagnostic::error(
                c.loc(&code.referenced),
                format!("`copy_no` `{}` is not six digits", code.value),
            )
            .with_help(
                "GB/T 9704 prints 份号 as six Arabic digits, e.g. 000001 (quote it: \"000001\")",
            ),
        );
    }
    let notice = Notice {
        slug: slug.to_string(),
        file: shown.to_path_buf(),
        number,
        title_lines,
        title,
        mark,
        to: c.opt(&front.to, Role::Body),
        attachments: Vec::new(),
        signer,
        seal_note: c.opt(&front.seal_note, Role::Body),
        sealed: front.sealed.unwrap_or(true),
        date: date.unwrap_or_default(),
        copy_no: c.opt(&front.copy_no, Role::Body),
        secrecy: c.opt(&front.secrecy, Role::Hei),
        urgency: c.opt(&front.urgency, Role::Hei),
        issuers: front.issuer.iter().map(|i| c.text(i, Role::Kai)).collect(),
        note: c.opt(&front.note, Role::Body),
        cc: c.opt(&front.cc, Role::Body),
        printed_by: c.opt(&front.printed_by, Role::Body),
        printed_date,
        body: c.body(split.body, split.body_line),
        texts: Vec::new(),
    };
    let attachment_refs = front
        .attachments
        .iter()
        .map(|a| (c.loc(&a.referenced), a.value.clone()))
        .collect();
    if c.errors.has_errors() {
        return Err(c.errors);
    }
    Ok(LoadedNotice {
        notice: Notice {
            texts: c.texts,
            ..notice
        },
        attachment_refs,
    })
}

pub fn load_document(path: &Path, shown: &Path) -> Result<Document, Diagnostics> {
    let text = read(path, shown)?;
    let split = frontmatter::split(&text, shown)?;
    let front: AttachmentFront = yaml::parse(split.yaml, shown, split.yaml_line)?;
    let mut c = Ctx {
        file: shown,
        first_line: split.yaml_line,
        texts: Vec::new(),
        errors: Diagnostics::default(),
    };
    let Some(title_v) = &front.title else {
        return Err(
            Diagnostic::error(Location::new(shown, 1, 1), "the attachment has no `title`")
                .with_help("add `title: …` to the front matter")
                .into(),
        );
    };
    let title = c.text(title_v, Role::Title);
    let at = c.loc(&title_v.referenced);
    let title_lines = c.title_lines(&title, &front.title_lines, "", at);
    let body = c.body(split.body, split.body_line);
    if c.errors.has_errors() {
        return Err(c.errors);
    }
    Ok(Document {
        file: shown.to_path_buf(),
        title,
        title_lines,
        body,
        texts: c.texts,
    })
}
