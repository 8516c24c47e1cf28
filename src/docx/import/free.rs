//! A free-form .docx (a unit that wrote its summary without the form): its headings and
//! paragraphs, lists and tables become the Markdown body; a title line at the top becomes the
//! title and the closing 署名 and date the signature. No task is attributed from free text:
//! the unit's tasks are reported as not reported, for the office to fill in.

use crate::i18n::t;
use std::path::Path;

use chrono::NaiveDate;

use crate::diag::{Diagnostic, Diagnostics};
use crate::docx::import::read::{Block, Doc, Para};
use crate::model::Project;
use crate::rules::date;

/// What a free-form document gives.
pub(crate) struct Free {
    pub(crate) unit: String,
    pub(crate) year: i32,
    pub(crate) title: Option<String>,
    pub(crate) date: NaiveDate,
    pub(crate) body: Vec<Block>,
}

fn text(b: &Block) -> Option<&str> {
    match b {
        Block::Para(p) => Some(p.text.trim()),
        Block::Table(_) => None,
    }
}

/// Whether the first line is a title: a title style, or a short line naming a 总结 or 报告.
fn is_title(p: &Para) -> bool {
    let style = p.style.to_lowercase();
    let t = p.text.trim();
    style == "title"
        || style == "标题"
        || style.contains("公文标题")
        || (t.chars().count() <= 40
            && (t.ends_with("总结") || t.ends_with("报告") || t.contains("工作总结"))
            && !t.ends_with(['。', '；']))
}

pub(crate) fn read(
    project: &Project,
    file: &Path,
    doc: Doc,
    unit: Option<&str>,
    year: Option<i32>,
    given_date: Option<NaiveDate>,
) -> Result<Free, Diagnostics> {
    let err =
        |m: String, h: String| Diagnostics::from(Diagnostic::file_error(file, m).with_help(h));
    let Some(unit) = unit else {
        return Err(err(t!("docx-free-no-unit"), t!("docx-free-no-unit-help")));
    };
    let id = project
        .registry
        .resolve_unit(unit)
        .map_err(|(m, h)| err(m, h))?;
    let Some(year) = year.or(project.config.year) else {
        return Err(err(t!("no-year"), t!("no-year-help")));
    };
    let mut body: Vec<Block> = doc
        .blocks
        .into_iter()
        .filter(|b| text(b) != Some(""))
        .collect();
    let title = match body.first() {
        Some(Block::Para(p)) if is_title(p) => Some(p.text.trim().to_string()),
        _ => None,
    };
    if title.is_some() {
        body.remove(0);
    }
    let found = body
        .last()
        .and_then(text)
        .and_then(|t| date::parse_written(t).ok());
    if found.is_some() {
        body.pop();
        // The 署名 above the date: the unit's name (or another of its names) on its own.
        let names = project.registry.names_of(&id);
        if body
            .last()
            .and_then(text)
            .is_some_and(|t| names.contains(&t))
        {
            body.pop();
        }
    }
    let Some(date) = given_date.or(found) else {
        return Err(err(t!("docx-free-no-date"), t!("docx-free-no-date-help")));
    };
    Ok(Free {
        unit: id,
        year,
        title,
        date,
        body,
    })
}
