//! check and build: load → check → render → typeset → write.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::diag::{Diagnostic, Diagnostics};
use crate::fontcheck;
use crate::fonts::Fonts;
use crate::model::{AttachmentKind, Notice, Project};
use crate::output;
use crate::project;
use crate::render::Templates;
use crate::typeset;

#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Extra folders searched for the families named in gongwen.yaml.
    pub font_paths: Vec<PathBuf>,
    /// Look for installed system fonts (off: embedded and --font-path fonts only).
    pub system_fonts: bool,
    /// Also write the generated Typst source next to each PDF.
    pub emit_typst: bool,
    /// Where outputs go (default: <project>/out).
    pub out_dir: Option<PathBuf>,
    /// Also write the static site to <out>/site.
    pub site: bool,
}

/// What a build made and what it has to say.
#[derive(Debug, Default)]
pub struct Report {
    pub written: Vec<Written>,
    pub diagnostics: Diagnostics,
    /// Pages of the site written to out/site, when it was (re)built.
    pub site_pages: Option<usize>,
}

#[derive(Debug)]
pub struct Written {
    pub path: PathBuf,
    pub pages: usize,
}

/// Loads and checks everything, fonts included. Nothing is written.
pub fn check(
    root: &Path,
    opts: &Options,
) -> Result<(Project, Arc<Fonts>, Diagnostics), Diagnostics> {
    let loaded = project::load(root)?;
    let mut diagnostics = loaded.diagnostics;
    let fonts = Arc::new(Fonts::load(
        &loaded.project.config.fonts,
        &opts.font_paths,
        opts.system_fonts,
    ));
    let mut project = loaded.project;
    diagnostics.extend(fontcheck::check(&project.config.texts(), &fonts));
    // Each task list once, whether a notice attaches it or only the year report uses it. A list
    // with an undrawable character is left out, with every document that would print it.
    let mut broken = std::collections::BTreeSet::new();
    for list in &project.task_lists {
        let d = fontcheck::check(&list.texts, &fonts);
        if d.has_errors() {
            broken.insert(list.slug.clone());
        }
        diagnostics.extend(d);
    }
    project.task_lists.retain(|l| !broken.contains(&l.slug));
    let uses_broken = |n: &Notice| {
        n.attachments
            .iter()
            .any(|a| matches!(&a.kind, AttachmentKind::Tasks(t) if broken.contains(&t.slug)))
    };
    project.notices.retain(|n| !uses_broken(n));
    for subs in project.submissions.values_mut() {
        subs.retain(|s| !broken.contains(&s.list.slug));
    }
    let mut keep = Vec::new();
    for n in std::mem::take(&mut project.notices) {
        let d = fontcheck::check(&all_texts(&n), &fonts);
        let failed = d.has_errors();
        diagnostics.extend(d);
        if !failed {
            keep.push(n);
        }
    }
    project.notices = keep;
    for subs in project.submissions.values_mut() {
        subs.retain(|s| {
            let d = fontcheck::check(&s.texts, &fonts);
            let ok = !d.has_errors();
            diagnostics.extend(d);
            ok
        });
    }
    check_output_names(&project, &mut diagnostics);
    Ok((project, fonts, diagnostics))
}

/// A notice's own texts and those of the attachment documents it carries.
fn all_texts(n: &Notice) -> Vec<crate::model::SourceText> {
    let mut texts = n.texts.clone();
    for a in &n.attachments {
        if let AttachmentKind::Document(d) = &a.kind {
            texts.extend(d.texts.iter().cloned());
        }
    }
    texts
}

/// The PDF of a notice is named after its 发文字号, or its file name when it has none.
pub fn pdf_name(n: &Notice) -> String {
    output::file_name(n.number.as_deref().unwrap_or(&n.slug), "pdf")
}

fn check_output_names(project: &Project, diagnostics: &mut Diagnostics) {
    let mut seen: BTreeMap<String, &Notice> = BTreeMap::new();
    for n in &project.notices {
        if let Some(first) = seen.insert(pdf_name(n), n) {
            diagnostics.push(
                Diagnostic::file_error(
                    &n.file,
                    format!(
                        "has the same 发文字号 as {}",
                        crate::diag::display_path(&first.file)
                    ),
                )
                .with_help("each notice needs its own 发文字号"),
            );
        }
    }
}

/// One PDF to typeset: its Typst source, where it goes, the date Typst sees, and the template.
struct Job {
    source: Result<String, Diagnostic>,
    path: PathBuf,
    date: chrono::NaiveDate,
    template: &'static str,
}

/// The compiled report of a year's summaries is named after the year.
pub fn report_name(year: i32) -> String {
    output::file_name(&format!("{year}-年度工作总结汇编"), "pdf")
}

/// The year reports: one per task list that has a year.
pub fn year_reports(project: &Project) -> Vec<crate::summary::YearReport> {
    project
        .task_lists
        .iter()
        .filter_map(|l| {
            let year = l.year?;
            let subs: Vec<_> = project
                .submissions
                .get(&year)
                .map(|v| {
                    v.iter()
                        .filter(|s| Arc::ptr_eq(&s.list, l))
                        .cloned()
                        .collect()
                })
                .unwrap_or_default();
            Some(crate::summary::compile(l, year, &project.registry, &subs))
        })
        .collect()
}

/// Builds every document that loads; a broken one is reported and the rest are still written.
pub fn build(root: &Path, opts: &Options) -> Result<Report, Diagnostics> {
    let (project, fonts, mut diagnostics) = check(root, opts)?;
    let templates = Templates::load(root)?;
    let out_dir = opts.out_dir.clone().unwrap_or_else(|| root.join("out"));
    let pdf_dir = out_dir.join("pdf");
    let layout = &project.config.layout;

    let mut jobs = Vec::new();
    for n in &project.notices {
        jobs.push(Job {
            source: templates.notice(n, &fonts, layout),
            path: pdf_dir.join(pdf_name(n)),
            date: n.date,
            template: "notice.typ",
        });
    }
    for (year, subs) in &project.submissions {
        for s in subs {
            let path = pdf_dir
                .join("summaries")
                .join(year.to_string())
                .join(output::file_name(&s.unit_name, "pdf"));
            jobs.push(Job {
                source: templates.submission(s, &fonts, layout),
                path,
                date: s.date,
                template: "submission.typ",
            });
        }
    }
    let reports = year_reports(&project);
    for r in &reports {
        // The report's date is the last day it covers, never the day it happens to be built.
        let date = r
            .submissions
            .iter()
            .map(|s| s.date)
            .chain(r.due)
            .max()
            .unwrap_or_default();
        let source = templates.report(r, project.config.organ(), &fonts, layout);
        jobs.push(Job {
            source,
            path: pdf_dir.join(report_name(r.year)),
            date,
            template: "report.typ",
        });
    }

    let results: Vec<Result<Vec<Written>, Diagnostic>> = jobs
        .into_par_iter()
        .map(|job| typeset_job(job, &project, &fonts, &templates, opts.emit_typst))
        .collect();
    let mut report = Report::default();
    for r in results {
        match r {
            Ok(w) => report.written.extend(w),
            Err(d) => diagnostics.push(d),
        }
    }
    // The site is published only from an error-free build: the last good site stays otherwise.
    if !diagnostics.has_errors() && opts.site {
        match crate::site::build(&project, &reports, &pdf_dir, &out_dir.join("site")) {
            Ok(pages) => report.site_pages = Some(pages),
            Err(d) => diagnostics.extend(d),
        }
    }
    report.diagnostics = diagnostics;
    Ok(report)
}

fn typeset_job(
    job: Job,
    project: &Project,
    fonts: &Arc<Fonts>,
    templates: &Templates,
    emit_typst: bool,
) -> Result<Vec<Written>, Diagnostic> {
    let source = job.source?;
    let mut written = Vec::new();
    let io_err =
        |p: &Path, e: std::io::Error| Diagnostic::file_error(p, format!("cannot write: {e}"));
    if emit_typst {
        let typ = job.path.with_extension("typ");
        output::write_atomic(&typ, source.as_bytes()).map_err(|e| io_err(&typ, e))?;
        written.push(Written {
            path: typ,
            pages: 0,
        });
    }
    let template = Path::new("templates/typst").join(job.template);
    let out = typeset::pdf(
        fonts.clone(),
        source,
        &templates.layout,
        &project.root,
        job.date,
        &template,
    )?;
    output::write_atomic(&job.path, &out.pdf).map_err(|e| io_err(&job.path, e))?;
    written.push(Written {
        path: job.path,
        pages: out.pages,
    });
    Ok(written)
}
