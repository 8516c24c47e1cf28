//! The PDF backend: the views rendered through the Typst templates and typeset in-process, every
//! document in parallel with the fonts loaded once.

mod compile;
pub(crate) mod escape;
mod evict;
mod frames;
mod marks;
mod refit;
pub(crate) mod templates;
mod world;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::NaiveDate;

use crate::diag::{Diagnostic, Diagnostics};
use crate::fingerprint::Fingerprints;
use crate::fonts::Fonts;
use crate::model::Project;
use crate::model::{Notice, Submission};
use crate::output::{self, Written};
use crate::paths;
use crate::report::YearReport;
use crate::view::{NoticeView, ReportView, SubmissionView};

pub(crate) use templates::Templates;

/// One PDF to typeset: its generated Typst source, where it goes, the date Typst sees, the
/// template that generated it, and the fingerprint of its inputs (recorded once it is written).
struct Job {
    source: Result<String, Diagnostic>,
    path: PathBuf,
    date: NaiveDate,
    template: &'static str,
    fingerprint: String,
}

/// What typesetting every document gave.
pub(crate) struct Outcome {
    pub(crate) written: Vec<Written>,
    pub(crate) diagnostics: Diagnostics,
}

/// A document of the project.
enum Doc<'a> {
    Notice(&'a Notice),
    Submission(i32, &'a Submission),
    Report(&'a YearReport),
}

/// The documents of the project: its notices, each submission and each year report.
fn docs<'a>(project: &'a Project, reports: &'a [YearReport]) -> Vec<Doc<'a>> {
    let notices = project.notices.iter().map(Doc::Notice);
    let subs = project
        .submissions
        .iter()
        .flat_map(|(year, subs)| subs.iter().map(|s| Doc::Submission(*year, s)));
    notices
        .chain(subs)
        .chain(reports.iter().map(Doc::Report))
        .collect()
}

/// What deciding whether a document needs typesetting takes.
struct Prepare<'a> {
    project: &'a Project,
    templates: &'a Templates,
    fonts: &'a Fonts,
    pdf_dir: &'a Path,
    done: &'a Fingerprints,
    emit_typst: bool,
    /// What every PDF depends on: this binary, the fonts, every template's text and the layout
    /// settings the templates are given.
    shared: String,
}

impl Prepare<'_> {
    /// The document's .typ when asked for, and the job that typesets it — none when the PDF
    /// is already as it would be made. Its fingerprint is worked out from its view (which holds
    /// every printed text and each picture's content hash), the date Typst sees and `shared`:
    /// the Typst source, a function of these, is only generated when it is needed.
    fn doc(&self, doc: &Doc) -> Result<(Vec<Written>, Option<Job>), Diagnostics> {
        let (fonts, layout) = (self.fonts, &self.project.config.layout);
        let escaped = |b: Vec<crate::markdown::Block>| escape::blocks(&b);
        match doc {
            Doc::Notice(n) => self.one(
                NoticeView::new(n),
                |v| self.templates.notice(&v.map(&escaped), fonts, layout),
                self.pdf_dir.join(n.pdf()),
                n.date,
                templates::NOTICE,
            ),
            Doc::Submission(year, s) => self.one(
                SubmissionView::new(s, None),
                |v| self.templates.submission(&v.map(&escaped), fonts, layout),
                self.pdf_dir.join(paths::summary_pdf(*year, &s.unit_name)),
                s.date,
                templates::SUBMISSION,
            ),
            Doc::Report(r) => self.one(
                ReportView::new(r, &self.project.config.organ),
                |v| self.templates.report(&v.map(&escaped), fonts, layout),
                self.pdf_dir.join(r.pdf()),
                r.date(),
                templates::REPORT,
            ),
        }
    }

    fn one<V: serde::Serialize>(
        &self,
        view: V,
        render: impl FnOnce(V) -> Result<String, Diagnostic>,
        path: PathBuf,
        date: NaiveDate,
        template: &'static str,
    ) -> Result<(Vec<Written>, Option<Job>), Diagnostics> {
        let day = date.to_string();
        let fingerprint = crate::fingerprint::of_value(
            &[self.shared.as_bytes(), template.as_bytes(), day.as_bytes()],
            &view,
        );
        let kept = self.done.unchanged(&path, &fingerprint);
        if let (Some(pages), false) = (kept, self.emit_typst) {
            return Ok((vec![Written::kept(path, pages)], None));
        }
        let source = render(view);
        let mut written = Vec::new();
        if self.emit_typst
            && let Ok(source) = &source
        {
            let typ = path.with_extension("typ");
            let wrote = output::write_if_changed(&typ, source.as_bytes())?;
            written.push(if wrote {
                Written::new(typ, 0)
            } else {
                Written::kept(typ, 0)
            });
        }
        if let Some(pages) = kept {
            written.push(Written::kept(path, pages));
            return Ok((written, None));
        }
        let job = Job {
            source,
            path,
            date,
            template,
            fingerprint,
        };
        Ok((written, Some(job)))
    }
}

/// Typesets every document into `pdf_dir`; a document that fails is reported and the others are
/// still written. A PDF `done` records as made from the same inputs is kept as it is.
pub(crate) fn build(
    project: &Project,
    reports: &[YearReport],
    fonts: &Arc<Fonts>,
    pdf_dir: &Path,
    emit_typst: bool,
    done: &Fingerprints,
) -> Result<Outcome, Diagnostics> {
    use rayon::prelude::*;
    let templates = Templates::load(&project.root)?;
    let layout = serde_json::to_string(&project.config.layout).unwrap_or_default();
    let prepare = Prepare {
        project,
        templates: &templates,
        fonts,
        pdf_dir,
        done,
        emit_typst,
        shared: crate::fingerprint::of(&[
            crate::fingerprint::binary().as_bytes(),
            fonts.identity().as_bytes(),
            templates.identity.as_bytes(),
            layout.as_bytes(),
        ]),
    };
    let prepared: Vec<_> = docs(project, reports)
        .par_iter()
        .map(|d| prepare.doc(d))
        .collect();
    // Each document's results in the documents' order: what preparing it wrote, then its PDF.
    let mut results: Vec<Vec<Step>> = Vec::new();
    let mut jobs = Vec::new();
    for (i, p) in prepared.into_iter().enumerate() {
        match p {
            Ok((written, job)) => {
                results.push(vec![Ok((written, Diagnostics::default()))]);
                jobs.extend(job.map(|j| (i, j)));
            }
            Err(d) => results.push(vec![Err(d)]),
        }
    }
    let evictor = evict::Evictor::new(CACHE_AGE, CACHE_WORK);
    // A job's generated source is a fair measure of its work.
    let cost = |job: &Job| job.source.as_ref().map_or(0, String::len);
    let typeset = crate::queue::run(
        jobs,
        |(_, job)| cost(job),
        |(i, job)| {
            let doc = evictor.start();
            let work = cost(&job);
            let r = typeset(job, project, fonts, &templates, done);
            evictor.finish(doc, work);
            (i, r)
        },
    );
    for (i, r) in typeset {
        results[i].push(r);
    }
    Ok(gather(results.into_iter().flatten()))
}

/// What one step of making a document wrote and warned about, or its errors.
type Step = Result<(Vec<Written>, Diagnostics), Diagnostics>;

fn gather(steps: impl Iterator<Item = Step>) -> Outcome {
    let mut outcome = Outcome {
        written: Vec::new(),
        diagnostics: Diagnostics::default(),
    };
    for r in steps {
        match r {
            Ok((w, warnings)) => {
                outcome.written.extend(w);
                // A template's warning comes from every document that uses it: say it once.
                for d in warnings.0 {
                    if !outcome.diagnostics.0.contains(&d) {
                        outcome.diagnostics.push(d);
                    }
                }
            }
            Err(d) => outcome.diagnostics.extend(d),
        }
    }
    outcome
}

/// Age (in evictions) after which Typst's cached results are dropped: what every document uses
/// (fonts, the layout library) stays, finished documents' layouts go at the second eviction.
const CACHE_AGE: usize = 2;

/// Typeset source (bytes) between two evictions: about 70 summaries. Measured at 200 units ×
/// 1,000 tasks: 18.4 s and 2.4 GiB evicting after every document, 11.8 s and 2.8 GiB at 1 MiB.
const CACHE_WORK: usize = 1 << 20;

fn typeset(
    job: Job,
    project: &Project,
    fonts: &Arc<Fonts>,
    templates: &Templates,
    done: &Fingerprints,
) -> Step {
    let source = job.source?;
    let world = world::DocWorld::new(
        fonts.clone(),
        source,
        &templates.library,
        project.root.clone(),
        job.date,
    );
    let out = compile::pdf(world, job.template)?;
    // Typeset again (a template changed) into the same bytes, the file keeps its time.
    let wrote = output::write_if_changed(&job.path, &out.pdf)?;
    done.record(&job.path, &job.fingerprint, out.pages, out.pdf.len() as u64);
    let written = if wrote {
        Written::new(job.path, out.pages)
    } else {
        Written::kept(job.path, out.pages)
    };
    Ok((vec![written], out.warnings))
}
