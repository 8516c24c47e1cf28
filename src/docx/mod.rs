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
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::diag::{Diagnostic, Diagnostics};
use crate::fingerprint::Fingerprints;
use crate::model::Project;
use crate::output::{self, Written};
use crate::paths;
use crate::report::YearReport;
use crate::view::{NoticeView, ReportView, SubmissionView};

pub(crate) use style::Faces;

/// One document to write: where it goes, what it is made from, and how to make it.
struct Job<'a> {
    path: PathBuf,
    /// The file the document comes from, for messages.
    source: PathBuf,
    /// Everything the bytes depend on (see fingerprint.rs): an unchanged one keeps the file.
    /// Worked out in the queue, in parallel: it formats the whole view.
    fingerprint: Box<dyn Fn() -> String + Send + Sync + 'a>,
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
    // A .docx is made from its view (which holds every printed text and each picture's content
    // hash) and date, with what every .docx shares: binary, faces, layout.
    let shared = Arc::new(format!(
        "{}\ndocx\n{faces:?}\n{layout:?}",
        crate::fingerprint::binary()
    ));
    let mut jobs: Vec<Job<'a>> = Vec::new();
    for n in &project.notices {
        let (faces, view, date) = (
            faces.clone(),
            Arc::new(NoticeView::new(n)),
            n.date.to_string(),
        );
        jobs.push(Job {
            // The PDF's name (a 命令 or 纪要 is named by its mark and number too).
            path: dir.join(n.pdf().with_extension("docx")),
            source: n.file.clone(),
            fingerprint: fingerprint(shared.clone(), &date, view.clone()),
            make: Box::new(move || notice::docx(&view, &faces, layout, &date, root)),
        });
    }
    for (year, subs) in &project.submissions {
        for s in subs {
            let (faces, view, date) = (
                faces.clone(),
                Arc::new(SubmissionView::new(s, None)),
                s.date.to_string(),
            );
            jobs.push(Job {
                path: dir.join(paths::summary_file(*year, &s.unit_name, "docx")),
                source: paths::submission_file(*year, &s.unit),
                fingerprint: fingerprint(shared.clone(), &date, view.clone()),
                make: Box::new(move || report::submission(&view, &faces, &date, root)),
            });
        }
    }
    let organ = project.config.organ.as_str();
    for r in reports {
        let (faces, view, date) = (
            faces.clone(),
            Arc::new(ReportView::new(r, organ)),
            r.date().to_string(),
        );
        jobs.push(Job {
            path: dir.join(paths::report_file(r.year, r.several.as_deref(), "docx")),
            source: r.list.file.clone(),
            fingerprint: fingerprint(shared.clone(), &date, view.clone()),
            make: Box::new(move || report::report(&view, &faces, &date, root)),
        });
    }
    jobs
}

/// How a job works out its fingerprint (in the queue).
fn fingerprint<'a, V: Serialize + Send + Sync + 'a>(
    shared: Arc<String>,
    date: &str,
    view: Arc<V>,
) -> Box<dyn Fn() -> String + Send + Sync + 'a> {
    let date = date.to_string();
    Box::new(move || {
        crate::fingerprint::of_value(&[shared.as_bytes(), date.as_bytes()], view.as_ref())
    })
}

/// Makes and writes one document, unless `done` records it as already made from the same inputs.
fn write(job: Job<'_>, done: &Fingerprints) -> Result<Written, Diagnostic> {
    let fingerprint = (job.fingerprint)();
    if done.unchanged(&job.path, &fingerprint).is_some() {
        return Ok(Written::kept(job.path, 0));
    }
    let bytes = (job.make)().map_err(|e| {
        Diagnostic::file_error(&job.source, t!("docx-cannot-write", reason = e.to_string()))
            .with_help(t!("docx-cannot-write-help"))
    })?;
    // The bytes are reproducible: a file that already holds them keeps its time.
    let wrote = output::write_if_changed(&job.path, &bytes)?;
    done.record(&job.path, &fingerprint, 0, bytes.len() as u64);
    Ok(if wrote {
        Written::new(job.path, 0)
    } else {
        Written::kept(job.path, 0)
    })
}

/// Writes every document as .docx into `dir`, in parallel; one that fails is reported and the
/// others are still written. A .docx `done` records as made from the same inputs is kept as it
/// is.
pub(crate) fn build(
    project: &Project,
    reports: &[YearReport],
    dir: &Path,
    done: &Fingerprints,
) -> Outcome {
    let results: Vec<Result<Written, Diagnostic>> =
        crate::queue::run(jobs(project, reports, dir), |_| 0, |job| write(job, done));
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
