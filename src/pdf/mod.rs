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
use crate::output::{self, Written};
use crate::paths;
use crate::report::YearReport;
use crate::view::{NoticeView, ReportView, SubmissionView};

pub(crate) use templates::Templates;

/// One PDF to typeset: its generated Typst source, where it goes, the date Typst sees, and the
/// template that generated it.
struct Job {
    source: Result<String, Diagnostic>,
    path: PathBuf,
    date: NaiveDate,
    template: &'static str,
}

/// What typesetting every document gave.
pub(crate) struct Outcome {
    pub(crate) written: Vec<Written>,
    pub(crate) diagnostics: Diagnostics,
}

/// The documents of the project: its notices, each submission and each year report.
fn jobs(
    project: &Project,
    reports: &[YearReport],
    templates: &Templates,
    fonts: &Fonts,
    pdf_dir: &Path,
) -> Vec<Job> {
    let layout = &project.config.layout;
    let mut jobs = Vec::new();
    for n in &project.notices {
        let view = NoticeView::new(n).map(&|b| escape::blocks(&b));
        jobs.push(Job {
            source: templates.notice(&view, fonts, layout),
            path: pdf_dir.join(n.pdf()),
            date: n.date,
            template: templates::NOTICE,
        });
    }
    for (year, subs) in &project.submissions {
        for s in subs {
            let view = SubmissionView::new(s, None).map(&|b| escape::blocks(&b));
            jobs.push(Job {
                source: templates.submission(&view, fonts, layout),
                path: pdf_dir.join(paths::summary_pdf(*year, &s.unit_name)),
                date: s.date,
                template: templates::SUBMISSION,
            });
        }
    }
    for r in reports {
        let view = ReportView::new(r, &project.config.organ).map(&|b| escape::blocks(&b));
        jobs.push(Job {
            source: templates.report(&view, fonts, layout),
            path: pdf_dir.join(r.pdf()),
            date: r.date(),
            template: templates::REPORT,
        });
    }
    jobs
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
    let templates = Templates::load(&project.root)?;
    let jobs = jobs(project, reports, &templates, fonts, pdf_dir);
    let same = Same {
        done,
        binary: crate::fingerprint::binary(),
    };
    let evictor = evict::Evictor::new(CACHE_AGE, CACHE_WORK);
    // A job's generated source is a fair measure of its work.
    let cost = |job: &Job| job.source.as_ref().map_or(0, String::len);
    let results = crate::queue::run(jobs, cost, |job| {
        let doc = evictor.start();
        let work = cost(&job);
        let r = typeset(job, project, fonts, &templates, emit_typst, &same);
        evictor.finish(doc, work);
        r
    });
    let mut outcome = Outcome {
        written: Vec::new(),
        diagnostics: Diagnostics::default(),
    };
    for r in results {
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
    Ok(outcome)
}

/// Age (in evictions) after which Typst's cached results are dropped: what every document uses
/// (fonts, the layout library) stays, finished documents' layouts go at the second eviction.
const CACHE_AGE: usize = 2;

/// Typeset source (bytes) between two evictions: about 70 summaries. Measured at 200 units ×
/// 1,000 tasks: 18.4 s and 2.4 GiB evicting after every document, 11.8 s and 2.8 GiB at 1 MiB.
const CACHE_WORK: usize = 1 << 20;

/// What decides whether a PDF is already as it would be made.
struct Same<'a> {
    done: &'a Fingerprints,
    binary: String,
}

fn typeset(
    job: Job,
    project: &Project,
    fonts: &Arc<Fonts>,
    templates: &Templates,
    emit_typst: bool,
    same: &Same,
) -> Result<(Vec<Written>, Diagnostics), Diagnostics> {
    let source = job.source?;
    let date = job.date.to_string();
    let fp = crate::fingerprint::of(&[
        same.binary.as_bytes(),
        fonts.identity().as_bytes(),
        templates.layout.as_bytes(),
        date.as_bytes(),
        source.as_bytes(),
    ]);
    let mut written = Vec::new();
    if emit_typst {
        let typ = job.path.with_extension("typ");
        let wrote = output::write_if_changed(&typ, source.as_bytes())?;
        written.push(if wrote {
            Written::new(typ, 0)
        } else {
            Written::kept(typ, 0)
        });
    }
    if let Some(pages) = same.done.unchanged(&job.path, &fp) {
        written.push(Written::kept(job.path, pages));
        return Ok((written, Diagnostics::default()));
    }
    let world = world::DocWorld::new(
        fonts.clone(),
        source,
        &templates.layout,
        project.root.clone(),
        job.date,
    );
    let out = compile::pdf(world, job.template)?;
    output::write(&job.path, &out.pdf)?;
    same.done
        .record(&job.path, &fp, out.pages, out.pdf.len() as u64);
    written.push(Written::new(job.path, out.pages));
    Ok((written, out.warnings))
}
