//! Typesetting the jobs: the notices and summaries first, keeping the pages of the summaries a
//! year report takes, then the reports; each round from a queue served by one thread per core.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use crate::diag::{Diagnostic, Diagnostics};
use crate::fingerprint::Fingerprints;
use crate::fonts::Fonts;
use crate::i18n::t;
use crate::model::Project;
use crate::output::{self, Written};
use crate::pdf::borrow::{self, Pages};
use crate::pdf::{Job, Source, Step, Templates, Users, compile, evict, world};

/// Age (in evictions) after which Typst's cached results are dropped: what every document uses
/// (fonts, the layout library) stays, finished documents' layouts go at the second eviction.
const CACHE_AGE: usize = 2;

/// Typeset source (bytes) between two evictions: about 35 summaries. Measured at 200 units ×
/// 1,000 tasks: 18.4 s and 2.4 GiB evicting after every document, 11.8 s and 2.8 GiB at 1 MiB
/// (when the report typeset every summary again); since the report takes the summaries' pages,
/// 512 KiB gives a peak of 0.81–0.93 GiB against 0.92–0.96 GiB at 1 MiB, in about the same time
/// (medians of six runs 10.8 and 10.1 s, within this machine's noise).
const CACHE_WORK: usize = 1 << 19;

/// The summaries' pages kept for their year reports, by the summary's PDF, with the number of
/// reports yet to take them: the last one takes them without a copy.
#[derive(Default)]
pub(super) struct Kept(Mutex<HashMap<PathBuf, (Pages, usize)>>);

impl Kept {
    fn take(&self, pdf: &Path) -> Option<Pages> {
        let mut all = self.0.lock().ok()?;
        let (pages, users) = all.get_mut(pdf)?;
        *users = users.saturating_sub(1);
        if *users == 0 {
            all.remove(pdf).map(|(pages, _)| pages)
        } else {
            Some(pages.clone())
        }
    }
}

pub(super) struct Typesetter<'a> {
    project: &'a Project,
    fonts: &'a Arc<Fonts>,
    templates: &'a Templates,
    done: &'a Fingerprints,
    emit_typst: bool,
    evictor: evict::Evictor,
}

impl<'a> Typesetter<'a> {
    pub(super) fn new(
        project: &'a Project,
        fonts: &'a Arc<Fonts>,
        templates: &'a Templates,
        done: &'a Fingerprints,
        emit_typst: bool,
    ) -> Self {
        Typesetter {
            project,
            fonts,
            templates,
            done,
            emit_typst,
            evictor: evict::Evictor::new(CACHE_AGE, CACHE_WORK),
        }
    }

    /// Typesets the notices, summaries and reports without chapters, keeping the summaries'
    /// pages reports take for the number of reports `users` gives.
    pub(super) fn documents(
        &self,
        jobs: Vec<(usize, Job)>,
        users: &Users,
    ) -> (Vec<(usize, Step)>, Kept) {
        let kept = Kept::default();
        let none = Kept::default();
        let steps = self.run(jobs, |job| {
            if let Source::Report { .. } = job.source {
                return self.report(job, &none);
            }
            let path = job.path.clone();
            let users = users.get(&path).copied();
            let (step, pages) = self.one(job, users.is_some());
            if let (Some(pages), Some(n), Ok(mut all)) = (pages, users, kept.0.lock()) {
                all.insert(path, (pages, n));
            }
            step
        });
        (steps, kept)
    }

    /// Typesets the year reports with the kept summaries' pages.
    pub(super) fn reports(&self, jobs: Vec<(usize, Job)>, kept: &Kept) -> Vec<(usize, Step)> {
        self.run(jobs, |job| self.report(job, kept))
    }

    /// Runs `work` on every job from the queue, the costliest first, evicting Typst's cache as
    /// the work is done.
    fn run(
        &self,
        jobs: Vec<(usize, Job)>,
        work: impl Fn(Job) -> Step + Sync,
    ) -> Vec<(usize, Step)> {
        crate::queue::run(
            jobs,
            |(_, job)| cost(job),
            |(i, job)| {
                let doc = self.evictor.start();
                let size = cost(&job);
                let step = work(job);
                self.evictor.finish(doc, size);
                (i, step)
            },
        )
    }

    fn world(&self, source: String, job: &Job) -> world::DocWorld {
        world::DocWorld::new(
            self.fonts.clone(),
            source,
            &self.templates.library,
            self.project.root.clone(),
            job.date,
        )
    }

    /// Typesets a document from its source, writes it if it is to be, and gives its pages if a
    /// report wants them.
    fn one(&self, mut job: Job, keep: bool) -> (Step, Option<Pages>) {
        let source = match std::mem::replace(&mut job.source, Source::Typst(Ok(String::new()))) {
            Source::Typst(Ok(source)) => source,
            Source::Typst(Err(d)) => return (Err(d.into()), None),
            Source::Report { .. } => return (Ok((Vec::new(), Diagnostics::default())), None),
        };
        let done = match compile::layout(self.world(source, &job), job.template) {
            Ok(done) => done,
            Err(d) => return (Err(d), None),
        };
        let pages: Option<Pages> = keep.then(|| done.doc.pages().to_vec());
        if !job.write {
            // Typeset only for its report: the PDF is kept, its warnings were given when made.
            return (Ok((Vec::new(), Diagnostics::default())), pages);
        }
        let warnings = compile::warnings(&done, job.template);
        let step = compile::export(&done.doc, &done.world, job.template)
            .and_then(|pdf| self.write(&job, &pdf, done.doc.pages().len()))
            .map(|w| (vec![w], warnings));
        (step, pages)
    }

    /// Writes a PDF (kept as it is when typeset again into the same bytes, so its time stays)
    /// and records what it was made from.
    fn write(&self, job: &Job, pdf: &[u8], pages: usize) -> Result<Written, Diagnostics> {
        let wrote = output::write_if_changed(&job.path, pdf)?;
        self.done
            .record(&job.path, &job.fingerprint, pages, pdf.len() as u64);
        Ok(if wrote {
            Written::new(job.path.clone(), pages)
        } else {
            Written::kept(job.path.clone(), pages)
        })
    }

    /// A year report: its source leaves each chapter as many pages as its summary's PDF has;
    /// the summaries' pages are set on them. A chapter whose pages do not fit there (a heading
    /// too long for the blank lines above the summary's title) is typeset in the report, which
    /// is typeset once more.
    fn report(&self, job: Job, kept: &Kept) -> Step {
        let Source::Report { view, chapters } = &job.source else {
            return Ok((Vec::new(), Diagnostics::default()));
        };
        let (fonts, layout) = (self.fonts.as_ref(), &self.project.config.layout);
        let mut own: Vec<Option<Pages>> = chapters.iter().map(|p| kept.take(p)).collect();
        loop {
            let borrow: Vec<usize> = own
                .iter()
                .map(|p| p.as_ref().map_or(0, |p| p.len()))
                .collect();
            let source = self.templates.report(view, &borrow, fonts, layout)?;
            if !job.write {
                // Kept, typeset only for `--emit-typst`.
                return Ok((
                    vec![super::emit(&job.path, &source)?],
                    Diagnostics::default(),
                ));
            }
            let emitted = match self.emit_typst {
                true => Some(super::emit(&job.path, &source)?),
                false => None,
            };
            let done = compile::layout(self.world(source, &job), job.template)?;
            if let Some(chapter) = borrow::stray(&done.doc, &own) {
                return Err(Diagnostic::file_error(
                    Path::new(crate::paths::TEMPLATES_TYPST).join(job.template),
                    t!("report-stray-pages", chapter = chapter),
                )
                .with_help(t!("report-stray-pages-help"))
                .into());
            }
            match borrow::compose(&done.doc, own) {
                Ok(doc) => {
                    let warnings = compile::warnings(&done, job.template);
                    let pdf = compile::export(&doc, &done.world, job.template)?;
                    let mut written: Vec<Written> = emitted.into_iter().collect();
                    written.push(self.write(&job, &pdf, doc.pages().len())?);
                    return Ok((written, warnings));
                }
                // Each round typesets at least one more chapter in the report.
                Err((misfits, back)) => {
                    own = back;
                    misfits.into_iter().for_each(|m| own[m] = None);
                }
            }
        }
    }
}

/// A job's generated source is a fair measure of its work (for the cache's eviction); a report's,
/// its summaries' total.
fn cost(job: &Job) -> usize {
    match &job.source {
        Source::Typst(source) => source.as_ref().map_or(0, String::len),
        Source::Report { view, .. } => view.subs.iter().map(|s| s.content.len()).sum(),
    }
}
