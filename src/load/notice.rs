//! content/notices/*.md and content/attachments/*.md: front matter + Markdown body.

use crate::i18n::t;
use std::collections::BTreeMap;
use std::path::Path;

use chrono::NaiveDate;
use serde::Deserialize;
use serde_saphyr::Spanned;

use crate::diag::{Diagnostic, Diagnostics, Location};
use crate::limits;
use crate::load::fields::{Fields, Names, OneOrMany};
use crate::load::issuing::{self, Issuing, Keys};
use crate::load::{frontmatter, source, yaml};
use crate::model::{Config, Document, Format, Notice};
use crate::root::Root;
use crate::rules::{docno, title};
use crate::text::roles;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Front {
    number: Option<Spanned<String>>,
    title: Option<Spanned<String>>,
    title_lines: Option<Vec<Spanned<String>>>,
    format: Option<Spanned<String>>,
    organ: Option<Spanned<Names>>,
    mark: Option<Spanned<Names>>,
    mark_suffix: Option<Spanned<String>>,
    to: Option<Spanned<String>>,
    #[serde(default)]
    attachments: Vec<Spanned<AttachmentRef>>,
    signer: Option<Spanned<Names>>,
    signer_title: Option<Spanned<String>>,
    seal_note: Option<Spanned<String>>,
    sealed: Option<bool>,
    date: Option<Spanned<String>>,
    copy_no: Option<Spanned<String>>,
    secrecy: Option<Spanned<String>>,
    urgency: Option<Spanned<String>>,
    #[serde(default)]
    issuer: Vec<Spanned<String>>,
    note: Option<Spanned<String>>,
    /// One line (`区委办公室，区人大常委会办公室`) or a list, joined with ，as printed.
    cc: Option<Spanned<OneOrMany>>,
    printed_by: Option<Spanned<String>>,
    printed_date: Option<Spanned<String>>,
    present: Option<Spanned<Names>>,
    on_leave: Option<Spanned<Names>>,
    observers: Option<Spanned<Names>>,
}

impl Front {
    /// The keys of who issues the notice and in which format.
    fn issuing_keys(&self) -> Keys<'_> {
        Keys {
            format: &self.format,
            organ: &self.organ,
            mark: &self.mark,
            mark_suffix: &self.mark_suffix,
            signer: &self.signer,
            signer_title: &self.signer_title,
            seal_note: &self.seal_note,
            printed_by: &self.printed_by,
            printed_date: &self.printed_date,
            present: &self.present,
            on_leave: &self.on_leave,
            observers: &self.observers,
        }
    }
}

/// `attachments:` entries: a path, or a path with the name the 附件说明 uses.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub(crate) enum AttachmentRef {
    Path(String),
    Named { file: String, name: String },
}

impl AttachmentRef {
    pub(crate) fn file(&self) -> &str {
        match self {
            AttachmentRef::Path(p) => p,
            AttachmentRef::Named { file, .. } => file,
        }
    }

    pub(crate) fn name(&self) -> Option<&str> {
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

/// A notice as read; its attachments are resolved by the caller (several notices may share one).
pub(crate) struct LoadedNotice<'a> {
    pub(crate) notice: Notice,
    pub(crate) attachments: Vec<(Location, AttachmentRef)>,
    /// Where the notice's printed texts go on being recorded (the 附件说明 names).
    pub(crate) fields: Fields<'a>,
}

/// The title's lines: as written in `title_lines` (which must spell the title), or broken.
fn title_lines(
    f: &mut Fields,
    title: &str,
    lines: &Option<Vec<Spanned<String>>>,
    organ: &str,
    at: Location,
) -> Vec<String> {
    let Some(lines) = lines else {
        return title::break_lines(title, organ, title::TITLE_MAX_EM);
    };
    let lines: Vec<String> = lines.iter().map(|l| f.copy(l, roles::TITLE)).collect();
    if lines.concat() != title {
        f.error(
            Diagnostic::error(at, t!("title-lines-differ"))
                .with_help(t!("title-lines-differ-help")),
        );
    }
    lines
}

/// The organs' names a title starts with, set on a line of their own: all the joint issuers'
/// (written one after the other, or with 、), else the host's.
fn organ_prefix<'t>(title: &'t str, organs: &[String]) -> &'t str {
    let joined = [organs.concat(), organs.join("、")];
    let host = organs.first().map(String::as_str).unwrap_or_default();
    joined
        .iter()
        .map(String::as_str)
        .chain([host])
        .find(|p| !p.is_empty() && title.starts_with(p))
        .map_or("", |p| &title[..p.len()])
}

/// The 份号: six Arabic digits.
fn copy_no(f: &mut Fields, code: &Option<Spanned<String>>) -> Option<String> {
    let value = f.code(code, roles::BODY)?;
    if !(value.len() == 6 && value.chars().all(|ch| ch.is_ascii_digit())) {
        let at = f.at(code.as_ref()?);
        f.error(
            Diagnostic::error(at, t!("copy-no-bad", value = value.as_str()))
                .with_help(t!("copy-no-bad-help")),
        );
    }
    Some(value)
}

/// The 发文字号, checked; a 命令's 令号 (第N号) and a 纪要's number (第N期, numbered as each
/// office does) are printed as written.
fn number(f: &mut Fields, v: &Option<Spanned<String>>, format: Format) -> Option<String> {
    let n = f.code(v, roles::BODY)?;
    if matches!(format, Format::Order | Format::Minutes) {
        return Some(n);
    }
    if let Err((msg, help)) = docno::check(&n) {
        let at = f.at(v.as_ref()?);
        f.error(Diagnostic::error(at, msg).with_help(help));
    }
    Some(n)
}

/// The 成文日期 (required) and the 印发日期.
fn dates(f: &mut Fields, front: &Front, top: Location) -> (NaiveDate, Option<NaiveDate>) {
    let date = match &front.date {
        Some(d) => f.date(d, "date"),
        None => {
            f.error(
                Diagnostic::error(top, t!("notice-no-date")).with_help(t!("notice-no-date-help")),
            );
            None
        }
    };
    let printed_date = front
        .printed_date
        .as_ref()
        .and_then(|d| f.date(d, "printed_date"));
    (date.unwrap_or_default(), printed_date)
}

/// Where each printed front-matter key is written.
fn places(f: &Fields, front: &Front) -> BTreeMap<&'static str, Location> {
    [
        ("number", &front.number),
        ("title", &front.title),
        ("to", &front.to),
        ("printed_by", &front.printed_by),
        ("note", &front.note),
    ]
    .into_iter()
    .filter_map(|(key, v)| v.as_ref().map(|v| (key, f.at(v))))
    .chain(front.mark.as_ref().map(|v| ("mark", f.at(v))))
    .chain(front.signer.as_ref().map(|v| ("signer", f.at(v))))
    .chain(front.cc.as_ref().map(|v| ("cc", f.at(v))))
    .chain(front.attachments.first().map(|a| ("attachments", f.at(a))))
    .collect()
}

pub(crate) fn load<'a>(
    root: &Root,
    shown: &'a Path,
    slug: &str,
    config: &Config,
) -> Result<LoadedNotice<'a>, Diagnostics> {
    let text = source::read(root, shown, &t!("what-file"), limits::MARKDOWN_BYTES)?;
    let split = frontmatter::split(&text, shown)?;
    let front: Front = yaml::parse(split.yaml, shown, split.yaml_line)?;
    let mut f = Fields::new(shown, split.yaml_line);
    let top = Location::new(shown, 1, 1);
    let Some(title_v) = &front.title else {
        return Err(Diagnostic::error(top, t!("notice-no-title"))
            .with_help(t!("no-title-help"))
            .into());
    };
    let title = f.text(title_v, roles::TITLE);
    if title.is_empty() {
        f.error(
            Diagnostic::error(f.at(title_v), t!("title-empty")).with_help(t!("title-empty-help")),
        );
    }
    let who: Issuing = issuing::read(&mut f, &front.issuing_keys(), config);
    let number = number(&mut f, &front.number, who.format);
    let (date, printed_date) = dates(&mut f, &front, top);
    let title_at = f.at(title_v);
    let prefix = organ_prefix(&title, &who.organs);
    let title_lines = title_lines(&mut f, &title, &front.title_lines, prefix, title_at);
    let copy_no = copy_no(&mut f, &front.copy_no);
    let notice = Notice {
        slug: slug.to_string(),
        file: shown.to_path_buf(),
        number,
        title_lines,
        title,
        format: who.format,
        organs: who.organs,
        mark: who.mark,
        mark_suffix: who.mark_suffix,
        to: f.opt(&front.to, roles::BODY),
        attachments: Vec::new(),
        signers: who.signers,
        signer_title: who.signer_title,
        seal_note: f.opt(&front.seal_note, roles::BODY),
        sealed: front.sealed.unwrap_or(true),
        date,
        copy_no,
        secrecy: f.opt(&front.secrecy, roles::HEI),
        urgency: f.opt(&front.urgency, roles::HEI),
        issuers: front.issuer.iter().map(|i| f.text(i, roles::KAI)).collect(),
        note: f.opt(&front.note, roles::BODY),
        cc: front.cc.as_ref().and_then(|cc| f.joined(cc, roles::BODY)),
        printed_by: f.opt(&front.printed_by, roles::BODY),
        printed_date,
        attendance: who.attendance,
        body: f.body_in(root, split.body, split.body_line),
        printed: Vec::new(),
        places: places(&f, &front),
    };
    let attachments = front
        .attachments
        .iter()
        .map(|a| (f.at(a), a.value.clone()))
        .collect();
    if f.has_errors() {
        return Err(f.into_errors());
    }
    Ok(LoadedNotice {
        notice,
        attachments,
        fields: f,
    })
}

/// An attachment that is a document of its own.
pub(crate) fn load_document(root: &Root, shown: &Path) -> Result<Document, Diagnostics> {
    let text = source::read(root, shown, &t!("what-file"), limits::MARKDOWN_BYTES)?;
    let split = frontmatter::split(&text, shown)?;
    let front: AttachmentFront = yaml::parse(split.yaml, shown, split.yaml_line)?;
    let mut f = Fields::new(shown, split.yaml_line);
    let Some(title_v) = &front.title else {
        return Err(
            Diagnostic::error(Location::new(shown, 1, 1), t!("attachment-no-title"))
                .with_help(t!("no-title-help"))
                .into(),
        );
    };
    let title = f.text(title_v, roles::TITLE);
    let title_at = f.at(title_v);
    let title_lines = title_lines(&mut f, &title, &front.title_lines, "", title_at.clone());
    let body = f.body_in(root, split.body, split.body_line);
    Ok(Document {
        title,
        title_at,
        title_lines,
        body,
        printed: f.finish()?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_joint_title_sets_all_the_issuers_names_apart() {
        let organs = ["某某区人民政府".to_string(), "某某区人民武装部".to_string()];
        let t = "某某区人民政府某某区人民武装部关于做好2024年度征兵工作的通知";
        assert_eq!(organ_prefix(t, &organs), "某某区人民政府某某区人民武装部");
        let t = "某某区人民政府、某某区人民武装部关于做好征兵工作的通知";
        assert_eq!(organ_prefix(t, &organs), "某某区人民政府、某某区人民武装部");
        assert_eq!(
            organ_prefix("某某区人民政府关于…的通知", &organs),
            "某某区人民政府"
        );
        assert_eq!(organ_prefix("关于…的通知", &organs), "");
        let lines = title::break_lines(
            "某某区人民政府某某区人民武装部关于做好2024年度征兵工作的通知",
            "某某区人民政府某某区人民武装部",
            title::TITLE_MAX_EM,
        );
        assert_eq!(
            lines,
            [
                "某某区人民政府某某区人民武装部",
                "关于做好2024年度征兵工作的通知"
            ]
        );
    }
}
