//! `gongwen import submission`: a unit's returned .docx → content/submissions/<year>/<unit>.md.
//!
//! The file passes the gate first (`gate`: .doc, password, damage, zip bombs), is read with
//! docx-rs (`read`), then taken as a filled-in form (`form`) or as a free-form summary
//! (`free`), written as Markdown (`md`), and checked by the same loader `gongwen check` uses
//! before anything is written.

mod form;
mod free;
mod gate;
mod md;
mod read;

use crate::i18n::t;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Serialize;

use crate::diag::{Diagnostic, Diagnostics};
use crate::model::Project;
use crate::{load, output, paths};

/// What to import, and how.
pub(crate) struct Request<'a> {
    pub(crate) file: &'a Path,
    pub(crate) unit: Option<&'a str>,
    pub(crate) year: Option<i32>,
    pub(crate) date: Option<NaiveDate>,
    pub(crate) force: bool,
}

/// What an import wrote, and what it has to say about it.
pub(crate) struct Imported {
    pub(crate) path: PathBuf,
    pub(crate) warnings: Diagnostics,
}

#[derive(Serialize)]
struct Front {
    unit: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<String>,
    date: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    list: Option<String>,
    tasks: Vec<Entry>,
}

#[derive(Serialize)]
struct Entry {
    task: String,
    /// The task as the unit saw it on the form: `check` notices when the list changes later.
    text: String,
    status: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    summary: String,
}

/// docx-rs on a package the gate has checked. Its reader still trusts the XML, so a panic in
/// it is caught and reported as damage rather than ending the program.
fn parse_docx(bytes: &[u8]) -> Result<docx_rs::Docx, String> {
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let result = std::panic::catch_unwind(|| docx_rs::read_docx(bytes));
    std::panic::set_hook(hook);
    match result {
        Ok(Ok(d)) => Ok(d),
        Ok(Err(e)) => Err(e.to_string()),
        Err(_) => Err(t!("docx-xml-unreadable")),
    }
}

/// docx-rs 0.4 unescapes a run's text once more after the XML parser has (`replace_escaped`),
/// so a unit's literal `&amp;` or `&lt;` would be read as `&` or `<`. Every `&` in decoded text
/// comes from `&amp;` (Word and WPS write no other reference for it), so doubling those
/// makes the second pass give back what the unit typed.
fn escape_ampersands_twice(xml: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(xml);
    text.replace("&amp;", "&amp;amp;").into_bytes()
}

/// The document, read: refused files and unreadable XML as messages about the file.
fn open(file: &Path) -> Result<read::Doc, Diagnostic> {
    let refuse = |r: gate::Refused| {
        let (msg, help) = r.explain();
        Diagnostic::file_error(file, msg).with_help(help)
    };
    let size = std::fs::metadata(file)
        .map_err(|e| Diagnostic::file_error(file, t!("cannot-read", reason = e.to_string())))?
        .len();
    if size > gate::MAX_FILE {
        return Err(refuse(gate::Refused::TooLarge {
            part: t!("docx-the-file"),
            size,
        }));
    }
    let bytes = std::fs::read(file)
        .map_err(|e| Diagnostic::file_error(file, t!("cannot-read", reason = e.to_string())))?;
    let mut parts = gate::open(&bytes).map_err(refuse)?;
    for (name, data) in &mut parts {
        if name == "word/document.xml" {
            *data = escape_ampersands_twice(data);
        }
    }
    let clean = gate::repack(&parts).map_err(refuse)?;
    let docx = parse_docx(&clean).map_err(|e| refuse(gate::Refused::Corrupt(e)))?;
    Ok(read::doc(&docx))
}

/// The submission's Markdown.
fn markdown(front: &Front, body: &[read::Block]) -> Result<String, String> {
    let yaml = serde_saphyr::to_string(front).map_err(|e| e.to_string())?;
    Ok(format!("---\n{yaml}---\n{}", md::body(body)))
}

/// A warning when no task could be read (a free-form document).
fn unattributed(project: &Project, file: &Path, unit: &str, year: i32) -> Option<Diagnostic> {
    let lists = project.lists_for_year(year);
    let name = project.registry.unit_name(unit);
    let numbers: Vec<String> = lists
        .iter()
        .flat_map(|l| crate::docx::form::tasks_of(l, &project.registry, unit))
        .map(|t| t.number.to_string())
        .collect();
    (!numbers.is_empty()).then(|| {
        Diagnostic::file_warning(
            file,
            t!(
                "docx-free-no-status",
                unit = name,
                tasks = numbers.join(", ")
            ),
        )
        .with_help(t!("docx-free-no-status-help", unit = name))
    })
}

/// Reads `req.file` and writes the submission it holds.
pub(crate) fn import(project: &Project, req: &Request) -> Result<Imported, Diagnostics> {
    let doc = open(req.file)?;
    let mut warnings = Diagnostics::default();
    let (unit, year, list, front_title, date, entries, body) = if form::is_form(&doc) {
        let given = form::Given {
            unit: req.unit,
            year: req.year,
            date: req.date,
        };
        let f = form::read(project, req.file, doc, &given)?;
        (
            f.unit,
            f.year,
            Some(f.list),
            None,
            f.date,
            f.entries,
            f.body,
        )
    } else {
        let f = free::read(project, req.file, doc, req.unit, req.year, req.date)?;
        if let Some(w) = unattributed(project, req.file, &f.unit, f.year) {
            warnings.push(w);
        }
        (f.unit, f.year, None, f.title, f.date, Vec::new(), f.body)
    };
    let several = project.lists_for_year(year).len() > 1;
    let front = Front {
        unit: project.registry.unit_name(&unit).to_string(),
        title: front_title,
        date: date.format("%Y-%m-%d").to_string(),
        list: list
            .filter(|_| several)
            .map(|l| format!("tasks/{}.yaml", l.slug)),
        tasks: entries
            .into_iter()
            .map(|r| Entry {
                task: r.id,
                text: r.text,
                status: r.status.label().to_string(),
                summary: r.summary,
            })
            .collect(),
    };
    let rel = paths::submission_file(year, &unit);
    let text = markdown(&front, &body)
        .map_err(|e| Diagnostic::file_error(&rel, t!("cannot-write", reason = e.to_string())))?;
    // The same checks as `gongwen check`, before anything is written.
    let loaded =
        load::submission::parse(&text, &rel, year, &project.task_lists, &project.registry)?;
    warnings.extend(loaded.warnings);
    let path = project.root.path().join(&rel);
    if path.exists() && !req.force {
        return Err(Diagnostic::file_error(&rel, t!("exists-not-overwritten"))
            .with_help(t!("docx-import-exists-help"))
            .into());
    }
    output::write_atomic(&path, text.as_bytes())
        .map_err(|e| Diagnostic::file_error(&rel, t!("cannot-write", reason = e.to_string())))?;
    Ok(Imported {
        path: rel,
        warnings,
    })
}
