//! `check` and `build`: load → check → year report → PDF, Word → site, as a short list of steps.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::diag::Diagnostics;
use crate::fingerprint::Fingerprints;
use crate::fonts::Fonts;
use crate::model::Project;
use crate::output::Written;
use crate::{docx, load, outdir, paths, pdf, report, site};

/// How to check and build.
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
    /// Leave out the proofreading (its warnings, and the time it takes).
    pub no_proofread: bool,
    /// Also write every document as .docx to <out>/docx.
    pub docx: bool,
}

impl Options {
    /// The output folder.
    pub fn out_dir(&self, root: &Path) -> PathBuf {
        self.out_dir
            .clone()
            .unwrap_or_else(|| root.join(paths::OUT))
    }
}

/// What a build made and what it has to say.
#[derive(Debug, Default)]
pub struct Report {
    /// Every file written, in order.
    pub written: Vec<Written>,
    /// Errors and warnings, in the order they were found.
    pub diagnostics: Diagnostics,
    /// The site in out/site, when it was (re)built.
    pub site: Option<site::Published>,
    /// Outputs of an earlier build that the content no longer produces, removed.
    pub removed: Vec<PathBuf>,
}

/// A project that loaded and passed the checks, with the fonts it was checked against.
pub struct Checked {
    /// The project, without the documents that failed.
    pub project: Project,
    pub(crate) fonts: Arc<Fonts>,
    /// What the loading and the checks found.
    pub diagnostics: Diagnostics,
}

/// Loads and checks everything, fonts included, and proofreads it unless told not to. Nothing is
/// written. Only unreadable settings fail outright; any other problem is in the diagnostics.
pub fn check(root: &Path, opts: &Options) -> Result<Checked, Diagnostics> {
    check_for(root, opts, false)
}

/// `check`; `building` makes what must never be published (a scaffold's placeholder) an error.
fn check_for(root: &Path, opts: &Options, building: bool) -> Result<Checked, Diagnostics> {
    let loaded = load::load(root)?;
    let mut diagnostics = loaded.diagnostics;
    let mut project = loaded.project;
    let (fonts, problems) =
        Fonts::load_checked(&project.config.fonts, &opts.font_paths, opts.system_fonts);
    diagnostics.extend(problems);
    let fonts = Arc::new(fonts);
    diagnostics.extend(crate::check::check(
        &mut project,
        &fonts,
        building,
        !opts.no_proofread,
    ));
    diagnostics.extend(report::not_rebuilt(&project));
    Ok(Checked {
        project,
        fonts,
        diagnostics,
    })
}

/// Builds every document that passed the checks; a broken one is reported and the rest are
/// still written. The site is published only from a build without errors.
pub fn build(root: &Path, opts: &Options) -> Result<Report, Diagnostics> {
    build_previewing(root, opts, None)
}

/// `build`; with `early` (for `serve`), the site is also published before the documents are
/// typeset, linking the PDFs earlier builds left, so an edited page shows at once instead of
/// after its PDFs (seconds for a long notice or year report); `early` is told when it is.
pub(crate) fn build_previewing(
    root: &Path,
    opts: &Options,
    early: Option<&dyn Fn()>,
) -> Result<Report, Diagnostics> {
    let Checked {
        project,
        fonts,
        mut diagnostics,
    } = check_for(root, opts, true)?;
    let out_dir = opts.out_dir(root);
    outdir::prepare(&out_dir)?;
    let pdf_dir = out_dir.join(paths::OUT_PDF);
    let reports = report::year_reports(&project);
    // What earlier builds made: a PDF or .docx whose inputs did not change is kept.
    let done = Fingerprints::load(&out_dir);
    // Only over a site already shown: a first build has no PDFs to link yet.
    if let Some(early) = early
        && opts.site
        && !diagnostics.has_errors()
        && out_dir.join(paths::OUT_SITE).is_dir()
    {
        publish_early(&project, &reports, &out_dir, &done, early);
    }
    // A site is published only from a build without errors: none may be made ahead after one.
    let site_ahead = opts.site && !diagnostics.has_errors();
    let (typeset, side) = documents(
        &project, &reports, &fonts, &out_dir, opts, &done, site_ahead,
    );
    let typeset = typeset?;
    diagnostics.extend(typeset.diagnostics);
    let mut report = Report {
        written: typeset.written,
        ..Report::default()
    };
    if let Some(words) = side.words {
        report.written.extend(words.written);
        diagnostics.extend(words.diagnostics);
    }
    let site_dir = out_dir.join(paths::OUT_SITE);
    if opts.site && !diagnostics.has_errors() {
        let pdfs: Vec<PathBuf> = report
            .written
            .iter()
            .filter(|w| w.path.extension().is_some_and(|e| e == "pdf"))
            .filter_map(|w| w.path.strip_prefix(&pdf_dir).ok().map(Path::to_path_buf))
            .collect();
        let published = match side.site {
            Some(rendered) => {
                rendered.and_then(|r| site::finish(&project, r, &pdf_dir, &pdfs, &site_dir, &done))
            }
            None => site::build(&project, &reports, &pdf_dir, &pdfs, &site_dir, &done),
        };
        match published {
            Ok(published) => report.site = Some(published),
            Err(d) => diagnostics.extend(d),
        }
    } else {
        // A site rendered ahead is deleted unpublished; the one there is left as it was: a later
        // build may still find it unchanged.
        drop(side.site);
        done.carry(&site_dir);
    }
    // Only the outputs written or kept in this build are recorded.
    done.save().map_err(Diagnostics::from)?;
    // Only a build without errors knows every output the content produces.
    if !diagnostics.has_errors() {
        let written: Vec<PathBuf> = report.written.iter().map(|w| w.path.clone()).collect();
        match outdir::prune(&out_dir, &written) {
            Ok(removed) => report.removed = removed,
            Err(d) => diagnostics.push(d),
        }
    }
    report.diagnostics = diagnostics;
    Ok(report)
}

/// What is made beside the PDFs: the .docx files, and the site rendered ahead (not published).
struct Side {
    words: Option<docx::Outcome>,
    site: Option<Result<site::Rendered, Diagnostics>>,
}

/// Typesets every document; meanwhile, once the year reports' round starts (a report typeset
/// alone would leave a core idle), writes the .docx files (they need nothing from the PDFs)
/// and, when a report is being typeset and `site_ahead`, renders the site's pages.
fn documents(
    project: &Project,
    reports: &[report::YearReport],
    fonts: &Arc<Fonts>,
    out_dir: &Path,
    opts: &Options,
    done: &Fingerprints,
    site_ahead: bool,
) -> (Result<pdf::Outcome, Diagnostics>, Side) {
    let docx_dir = out_dir.join(paths::OUT_DOCX);
    let site_dir = out_dir.join(paths::OUT_SITE);
    std::thread::scope(|s| {
        let (start, wait) = std::sync::mpsc::channel::<bool>();
        let side = (opts.docx || site_ahead).then(|| {
            let (docx_dir, site_dir) = (&docx_dir, &site_dir);
            s.spawn(move || {
                // Told when the reports' round starts, or by the PDFs' end.
                let report_typeset = wait.recv().unwrap_or(false);
                Side {
                    words: opts
                        .docx
                        .then(|| docx::build(project, reports, docx_dir, done)),
                    // Without a report to typeset it waits: the PDFs may show it unchanged.
                    site: (site_ahead && report_typeset)
                        .then(|| site::prepare(project, reports, site_dir)),
                }
            })
        });
        let run = pdf::Run {
            emit_typst: opts.emit_typst,
            done,
            // (If the side thread has already gone, there is no one to tell.)
            reports_start: &|typesetting| {
                let _ = start.send(typesetting);
            },
        };
        let typeset = pdf::build(project, reports, fonts, &out_dir.join(paths::OUT_PDF), run);
        drop(start);
        let side = side.map_or(
            Side {
                words: None,
                site: None,
            },
            |h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)),
        );
        (typeset, side)
    })
}

/// The site from the content as it is now and the PDFs out/pdf holds (those of the last build).
fn publish_early(
    project: &Project,
    reports: &[report::YearReport],
    out_dir: &Path,
    done: &Fingerprints,
    early: &dyn Fn(),
) {
    let pdf_dir = out_dir.join(paths::OUT_PDF);
    let pdfs: Vec<PathBuf> = walkdir::WalkDir::new(&pdf_dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "pdf"))
        .filter_map(|e| e.path().strip_prefix(&pdf_dir).ok().map(Path::to_path_buf))
        .collect();
    let site_dir = out_dir.join(paths::OUT_SITE);
    if site::build(project, reports, &pdf_dir, &pdfs, &site_dir, done).is_ok() {
        early();
    }
}
