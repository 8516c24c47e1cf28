//! The PDF backend: the views rendered through the Typst templates and typeset in-process, every
//! document in parallel with the fonts loaded once.

mod borrow;
mod compile;
pub(crate) mod escape;
mod evict;
mod frames;
mod marks;
mod refit;
pub(crate) mod templates;
mod typeset;
mod world;

use std::collections::HashMap;
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

/// One PDF to typeset: what it is made from, where it goes, the date Typst sees, the template
/// that generated it, and the fingerprint of its inputs (recorded once it is written).
struct Job {
    source: Source,
    path: PathBuf,
    date: NaiveDate,
    template: &'static str,
    fingerprint: String,
    /// Whether the PDF is written: a summary kept as it is is typeset again only for the pages
    /// of its year report (and a kept report only for `--emit-typst`).
    write: bool,
}

impl Job {
    /// Whether it takes summaries' pages: a year report with chapters.
    fn borrows(&self) -> bool {
        matches!(&self.source, Source::Report { chapters, .. } if !chapters.is_empty())
    }
}

/// What a job typesets.
enum Source {
    Typst(Result<String, Diagnostic>),
    /// A year report: its source is generated once its chapters' summaries are typeset, as it
    /// leaves their number of pages (`borrow.rs`). `chapters` are the summaries' PDFs, in order.
    Report {
        view: Box<ReportView<String>>,
        chapters: Vec<PathBuf>,
    },
}

/// How to typeset: whether to write the Typst sources too, what earlier builds made, and what
/// to call when the year reports' round starts (to start work for the cores a report leaves
/// idle), at once when there is no report to typeset.
pub(crate) struct Run<'a> {
    pub(crate) emit_typst: bool,
    pub(crate) done: &'a Fingerprints,
    /// Told when the year reports' round starts, and whether a report is typeset in it.
    pub(crate) reports_start: &'a dyn Fn(bool),
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

/// The summaries' PDFs whose pages year reports to typeset take, with how many reports take
/// each.
type Users = HashMap<PathBuf, usize>;

/// What preparing a document wrote (its `.typ` when asked for), and its job unless its PDF is
/// kept as it is.
type Prepared = Result<(Vec<Written>, Option<Job>), Diagnostics>;

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
    /// is already as it would be made and its pages are not `wanted` by a year report. Its
    /// fingerprint is worked out from its view (which holds every printed text and each
    /// picture's content hash), the date Typst sees and `shared`: the Typst source, a function
    /// of these, is only generated when it is needed.
    fn doc(&self, doc: &Doc, wanted: &Users) -> Prepared {
        let (fonts, layout) = (self.fonts, &self.project.config.layout);
        let escaped = |b: Vec<crate::markdown::Block>| escape::blocks(&b);
        match doc {
            Doc::Notice(n) => self.one(
                NoticeView::new(n),
                |v| Source::Typst(self.templates.notice(&v.map(&escaped), fonts, layout)),
                self.pdf_dir.join(n.pdf()),
                (n.date, templates::NOTICE),
                false,
            ),
            Doc::Submission(year, s) => {
                let path = self.summary_pdf(*year, s);
                let wanted = wanted.contains_key(&path);
                self.one(
                    SubmissionView::new(s, None),
                    |v| Source::Typst(self.templates.submission(&v.map(&escaped), fonts, layout)),
                    path,
                    (s.date, templates::SUBMISSION),
                    wanted,
                )
            }
            Doc::Report(r) => self.one(
                ReportView::new(r, &self.project.config.organ),
                |v| Source::Report {
                    view: Box::new(v.map(&escaped)),
                    chapters: self.chapters(r),
                },
                self.pdf_dir.join(r.pdf()),
                (r.date(), templates::REPORT),
                self.emit_typst,
            ),
        }
    }

    /// Every document prepared, in the documents' order, and how many reports to typeset take
    /// each summary's pages. Reports first: the summaries a report to typeset takes pages from
    /// are typeset even when their PDFs are kept.
    fn all(&self, docs: &[Doc]) -> (Vec<(usize, Prepared)>, Users) {
        use rayon::prelude::*;
        let (report_docs, other_docs): (Vec<_>, Vec<_>) =
            (0..docs.len()).partition(|&i| matches!(docs[i], Doc::Report(_)));
        let none = Users::new();
        let mut prepared: Vec<_> = report_docs
            .par_iter()
            .map(|&i| (i, self.doc(&docs[i], &none)))
            .collect();
        let mut users = Users::new();
        for (_, p) in &prepared {
            if let Ok((_, Some(job))) = p
                && let Source::Report { chapters, .. } = &job.source
            {
                for c in chapters {
                    *users.entry(c.clone()).or_default() += 1;
                }
            }
        }
        prepared.par_extend(
            other_docs
                .par_iter()
                .map(|&i| (i, self.doc(&docs[i], &users))),
        );
        prepared.sort_by_key(|(i, _)| *i);
        (prepared, users)
    }

    /// The PDFs of a report's chapters, in its order.
    fn chapters(&self, r: &YearReport) -> Vec<PathBuf> {
        r.submissions
            .iter()
            .map(|s| self.summary_pdf(r.year, s))
            .collect()
    }

    fn summary_pdf(&self, year: i32, s: &Submission) -> PathBuf {
        self.pdf_dir.join(paths::summary_pdf(year, &s.unit_name))
    }

    /// `anyway`: a job even when the PDF is kept (its pages are wanted, or its source).
    fn one<V: serde::Serialize>(
        &self,
        view: V,
        render: impl FnOnce(V) -> Source,
        path: PathBuf,
        (date, template): (NaiveDate, &'static str),
        anyway: bool,
    ) -> Prepared {
        let day = date.to_string();
        let fingerprint = crate::fingerprint::of_value(
            &[self.shared.as_bytes(), template.as_bytes(), day.as_bytes()],
            &view,
        );
        let kept = self.done.unchanged(&path, &fingerprint);
        if let (Some(pages), false, false) = (kept, self.emit_typst, anyway) {
            return Ok((vec![Written::kept(path, pages)], None));
        }
        let source = render(view);
        let mut written = Vec::new();
        if self.emit_typst
            && let Source::Typst(Ok(source)) = &source
        {
            written.push(emit(&path, source)?);
        }
        if let Some(pages) = kept {
            written.push(Written::kept(path.clone(), pages));
            if !anyway {
                return Ok((written, None));
            }
        }
        let job = Job {
            source,
            path,
            date,
            template,
            fingerprint,
            write: kept.is_none(),
        };
        Ok((written, Some(job)))
    }
}

/// Writes a document's generated Typst source beside its PDF (`--emit-typst`).
fn emit(pdf: &Path, source: &str) -> Result<Written, Diagnostic> {
    let typ = pdf.with_extension("typ");
    Ok(if output::write_if_changed(&typ, source.as_bytes())? {
        Written::new(typ, 0)
    } else {
        Written::kept(typ, 0)
    })
}

/// Typesets every document into `pdf_dir`; a document that fails is reported and the others are
/// still written. A PDF `done` records as made from the same inputs is kept as it is.
///
/// Two rounds: first the notices and summaries, keeping in memory the pages of the summaries a
/// year report to typeset takes; then the reports. (Typesetting the notices beside the reports
/// instead took 5–10 % more memory at 200 units × 1,000 tasks, the notice's long task table and
/// the report's side by side, for about the same time.)
pub(crate) fn build(
    project: &Project,
    reports: &[YearReport],
    fonts: &Arc<Fonts>,
    pdf_dir: &Path,
    run: Run,
) -> Result<Outcome, Diagnostics> {
    let Run {
        emit_typst,
        done,
        reports_start,
    } = run;
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
    let docs = docs(project, reports);
    let (prepared, users) = prepare.all(&docs);
    // Each document's results in the documents' order: what preparing it wrote, then its PDF.
    let mut results: Vec<Vec<Step>> = Vec::new();
    let (mut documents, mut compilations) = (Vec::new(), Vec::new());
    for (i, p) in prepared {
        match p {
            Ok((written, job)) => {
                results.push(vec![Ok((written, Diagnostics::default()))]);
                // A report without chapters waits for nothing.
                match job {
                    Some(job) if job.borrows() => compilations.push((i, job)),
                    Some(job) => documents.push((i, job)),
                    None => {}
                }
            }
            Err(d) => results.push(vec![Err(d)]),
        }
    }
    let typesetter = typeset::Typesetter::new(project, fonts, &templates, done, emit_typst);
    if compilations.is_empty() {
        // No report to wait for: what waits for the reports' round may start now.
        reports_start(false);
    }
    let (steps, pages) = typesetter.documents(documents, &users);
    // What Typst remembers of the documents' layouts is of no use to the reports: they take the
    // summaries' pages, not their layouts.
    typst::comemo::evict(0);
    if !compilations.is_empty() {
        reports_start(true);
    }
    for (i, r) in steps
        .into_iter()
        .chain(typesetter.reports(compilations, &pages))
    {
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
