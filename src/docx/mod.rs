//! The Word backend: every document the PDF backend typesets, also as .docx (notices with their
//! attachments, each year-end summary, the year report), made from the same views — and the way
//! back in: the fill-in form a unit gets for its year-end summary (`form`), and reading a
//! returned form or a free-form .docx into a submission (`import`).
//!
//! docx-rs writes the WordprocessingML; `package` fixes what docx-rs cannot say and makes the
//! bytes reproducible.

mod blocks;
mod chart;
pub(crate) mod form;
pub(crate) mod import;
mod notice;
mod package;
mod page;
mod report;
mod schema;
mod style;
mod table;
mod xml;

use crate::i18n::t;
use std::path::{Path, PathBuf};

use crate::diag::{Diagnostic, Diagnostics};
use crate::model::Project;
use crate::output::{self, Written};
use crate::paths;
use crate::report::YearReport;
use crate::view::{NoticeView, ReportView, SubmissionView};

pub(crate) use style::Faces;

/// One document to write: where it goes, and how to make it.
struct Job<'a> {
    path: PathBuf,
    /// The file the document comes from, for messages.
    source: PathBuf,
    make: Box<dyn Fn() -> Result<Vec<u8>, String> + Send + Sync + 'a>,
}

/// What writing the documents gave.
pub(crate) struct Outcome {
    pub(crate) written: Vec<Written>,
    pub(crate) diagnostics: Diagnostics,
}

fn jobs<'a>(project: &'a Project, reports: &'a [YearReport], dir: &Path) -> Vec<Job<'a>> {
    let faces = Faces::new(&project.config.fonts);
    let layout = &project.config.layout;
    let root = project.root.path();
    let mut jobs: Vec<Job<'a>> = Vec::new();
    for n in &project.notices {
        let faces = faces.clone();
        jobs.push(Job {
            // The PDF's name (a 命令 or 纪要 is named by its mark and number too).
            path: dir.join(n.pdf().with_extension("docx")),
            source: n.file.clone(),
            make: Box::new(move || {
                notice::docx(
                    &NoticeView::new(n),
                    &faces,
                    layout,
                    &n.date.to_string(),
                    root,
                )
            }),
        });
    }
    for (year, subs) in &project.submissions {
        for s in subs {
            let faces = faces.clone();
            jobs.push(Job {
                path: dir.join(paths::summary_file(*year, &s.unit_name, "docx")),
                source: paths::submission_file(*year, &s.unit),
                make: Box::new(move || {
                    report::submission(
                        &SubmissionView::new(s, None),
                        &faces,
                        &s.date.to_string(),
                        root,
                    )
                }),
            });
        }
    }
    for r in reports {
        let faces = faces.clone();
        let organ = project.config.organ.as_str();
        jobs.push(Job {
            path: dir.join(paths::report_file(r.year, r.several.as_deref(), "docx")),
            source: r.list.file.clone(),
            make: Box::new(move || {
                report::report(
                    &ReportView::new(r, organ),
                    &faces,
                    &r.date().to_string(),
                    root,
                )
            }),
        });
    }
    jobs
}

/// Writes every document as .docx into `dir`, in parallel; one that fails is reported and the
/// others are still written.
pub(crate) fn build(project: &Project, reports: &[YearReport], dir: &Path) -> Outcome {
    let results: Vec<Result<Written, Diagnostic>> =
        crate::queue::run(jobs(project, reports, dir), |job| {
            let bytes = (job.make)().map_err(|e| {
                Diagnostic::file_error(&job.source, t!("docx-cannot-write", reason = e.to_string()))
                    .with_help(t!("docx-cannot-write-help"))
            })?;
            // The bytes are reproducible: an unchanged document's file keeps its time.
            if output::write_if_changed(&job.path, &bytes)? {
                Ok(Written::new(job.path, 0))
            } else {
                Ok(Written::kept(job.path, 0))
            }
        });
    let mut outcome = Outcome {
        written: Vec::new(),
        diagnostics: Diagnostics::default(),
    };
    for r in results {
        match r {
            Ok(w) => outcome.written.push(w),
            Err(d) => outcome.diagnostics.push(d),
        }
    }
    outcome
}
