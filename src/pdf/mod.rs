//! The PDF backend: the views rendered through the Typst templates and typeset in-process, every
//! document in parallel with the fonts loaded once.

mod compile;
pub(crate) mod escape;
mod fingerprint;
mod frames;
mod marks;
mod refit;
pub(crate) mod templates;
mod world;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::NaiveDate;

use crate::diag::{Diagnostic, Diagnostics};
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
/// still written.
pub(crate) fn build(
    project: &Project,
    reports: &[YearReport],
    fonts: &Arc<Fonts>,
    pdf_dir: &Path,
    emit_typst: bool,
) -> Result<Outcome, Diagnostics> {
    let templates = Templates::load(&project.root)?;
    let jobs = jobs(project, reports, &templates, fonts, pdf_dir);
    let done = fingerprint::Fingerprints::load(pdf_dir);
    let same = Same {
        done: &done,
        binary: fingerprint::binary(),
    };
    let results = run_queue(jobs, |job| {
        typeset(job, project, fonts, &templates, emit_typst, &same)
    });
    // Only the PDFs written or kept in this build are recorded.
    done.save().map_err(Diagnostics::from)?;
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

/// Age (in documents) after which Typst's cached results are dropped: what every document uses
/// (fonts, the layout library) stays, one document's layouts do not pile up.
const CACHE_AGE: usize = 8;

/// Runs `work` on every job from a queue served by plain threads, one per core, and returns the
/// results in the jobs' order. Plain threads, not a rayon pool: Typst parallelises inside a
/// document with rayon, and a rayon worker waiting for that would start the next queued document
/// on its own stack — hundreds of documents nested on one stack overflowed it.
fn run_queue<T: Send, R: Send>(jobs: Vec<T>, work: impl Fn(T) -> R + Sync) -> Vec<R> {
    let count = jobs.len();
    let queue = std::sync::Mutex::new(jobs.into_iter().enumerate());
    let threads = std::thread::available_parallelism()
        .map_or(2, std::num::NonZeroUsize::get)
        .min(count.max(1));
    let mut results: Vec<(usize, R)> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                s.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let next = queue.lock().ok().and_then(|mut q| q.next());
                        let Some((i, job)) = next else { break };
                        done.push((i, work(job)));
                        typst::comemo::evict(CACHE_AGE);
                    }
                    done
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    });
    results.sort_by_key(|(i, _)| *i);
    debug_assert_eq!(results.len(), count);
    results.into_iter().map(|(_, r)| r).collect()
}

/// What decides whether a PDF is already as it would be made.
struct Same<'a> {
    done: &'a fingerprint::Fingerprints,
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
    let fp = fingerprint::of(&[
        same.binary.as_bytes(),
        fonts.identity().as_bytes(),
        templates.layout.as_bytes(),
        date.as_bytes(),
        source.as_bytes(),
    ]);
    let mut written = Vec::new();
    if emit_typst {
        let typ = job.path.with_extension("typ");
        output::write(&typ, source.as_bytes())?;
        written.push(Written {
            path: typ,
            pages: 0,
        });
    }
    if let Some(pages) = same.done.unchanged(&job.path, &fp) {
        written.push(Written {
            path: job.path,
            pages,
        });
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
    written.push(Written {
        path: job.path,
        pages: out.pages,
    });
    Ok((written, out.warnings))
}

#[cfg(test)]
mod tests {
    use super::run_queue;

    #[test]
    fn the_queue_keeps_the_order_and_never_nests_jobs() {
        // Each job uses rayon inside, as Typst does; a job must never start inside another.
        let depth = std::sync::atomic::AtomicUsize::new(0);
        let deepest = std::sync::atomic::AtomicUsize::new(0);
        let out = run_queue((0..300).collect(), |n: u64| {
            use std::sync::atomic::Ordering::SeqCst;
            let d = depth.fetch_add(1, SeqCst) + 1;
            deepest.fetch_max(d, SeqCst);
            let sum: u64 = rayon::iter::ParallelIterator::sum(
                rayon::iter::IntoParallelIterator::into_par_iter(0..1000u64),
            );
            depth.fetch_sub(1, SeqCst);
            n + sum
        });
        assert_eq!(out, (0..300).map(|n| n + 499_500).collect::<Vec<_>>());
        let cores = std::thread::available_parallelism().map_or(2, std::num::NonZeroUsize::get);
        assert!(
            deepest.into_inner() <= cores,
            "jobs ran nested or beyond one per thread"
        );
    }
}
