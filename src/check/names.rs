//! Every output has a file of its own. Names are derived from what users write (发文字号, file
//! names, unit ids and names), so two documents can land on one path — also through characters
//! a file name cannot hold, or letters that differ only in case on Windows and macOS. A clash is
//! an error naming both sources, and neither is written; a name too long for a file system is
//! an error at its source.

use crate::i18n::t;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::diag::{Diagnostic, Diagnostics, Location, display_path};
use crate::limits;
use crate::model::Project;
use crate::paths::{self, url};

/// What writes an output.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Source {
    Notice(usize),
    Submission(i32, String),
    Report(i32),
    Unit(String),
}

struct Output {
    /// The path as written, and the place that decides it.
    path: String,
    at: Location,
    source: Source,
}

/// Every output of the project: PDFs under out/pdf and pages of the site.
fn outputs(project: &Project) -> Vec<Output> {
    let mut out = Vec::new();
    let pdf = |p: PathBuf| format!("{}/{}", paths::OUT_PDF, display_path(&p));
    for (i, n) in project.notices.iter().enumerate() {
        let at = Location::new(&n.file, 1, 1);
        out.push(Output {
            path: pdf(n.pdf()),
            at: at.clone(),
            source: Source::Notice(i),
        });
        out.push(Output {
            path: format!("site/{}", url::notice(&n.slug)),
            at,
            source: Source::Notice(i),
        });
    }
    for (year, subs) in &project.submissions {
        for s in subs {
            let at = Location::new(&s.file, 1, 1);
            let source = Source::Submission(*year, s.unit.clone());
            out.push(Output {
                path: pdf(paths::summary_pdf(*year, &s.unit_name)),
                at: at.clone(),
                source: source.clone(),
            });
            out.push(Output {
                path: format!("site/{}", url::submission(*year, &s.unit)),
                at,
                source,
            });
        }
    }
    for l in &project.task_lists {
        let Some(year) = l.year else { continue };
        let several = (project.lists_for_year(year).len() > 1).then_some(l.slug.as_str());
        let at = Location::new(&l.file, 1, 1);
        out.push(Output {
            path: pdf(paths::report_pdf(year, several)),
            at,
            source: Source::Report(year),
        });
    }
    for u in &project.registry.units {
        out.push(Output {
            path: format!("site/{}", url::unit(&u.id)),
            at: u.id_at.clone(),
            source: Source::Unit(u.id.clone()),
        });
    }
    out
}

/// Reports clashing and overlong output names, and leaves out the documents concerned.
pub(crate) fn check(project: &mut Project) -> Diagnostics {
    let mut found = Diagnostics::default();
    let mut drop = BTreeSet::new();
    let mut seen: BTreeMap<String, Output> = BTreeMap::new();
    for o in outputs(project) {
        if let Some(long) = Path::new(&o.path)
            .iter()
            .find(|c| c.len() > limits::NAME_BYTES)
        {
            found.push(
                Diagnostic::error(
                    o.at.clone(),
                    t!(
                        "name-too-long",
                        bytes = long.len(),
                        limit = limits::NAME_BYTES
                    ),
                )
                .with_help(t!("name-too-long-help")),
            );
            drop.insert(o.source.clone());
            continue;
        }
        // Windows and macOS do not tell 甲A.pdf from 甲a.pdf.
        let key = o.path.to_lowercase();
        match seen.get(&key) {
            Some(first) if first.source != o.source => {
                found.push(clash(project, first, &o));
                drop.insert(first.source.clone());
                drop.insert(o.source.clone());
            }
            Some(_) => {}
            None => {
                seen.insert(key, o);
            }
        }
    }
    leave_out(project, &drop);
    found
}

/// The message for two documents with one output.
fn clash(project: &Project, first: &Output, o: &Output) -> Diagnostic {
    if let (Source::Notice(a), Source::Notice(b)) = (&first.source, &o.source)
        && project.notices[*a].number.is_some()
        && project.notices[*a].number == project.notices[*b].number
    {
        return Diagnostic::file_error(
            &o.at.file,
            t!("same-docno", file = display_path(&first.at.file)),
        )
        .with_help(t!("same-docno-help"));
    }
    let d = Diagnostic::error(
        o.at.clone(),
        t!(
            "same-output",
            path = o.path.as_str(),
            file = display_path(&first.at.file)
        ),
    );
    d.with_help(t!("same-output-help"))
}

/// Leaves out the documents whose outputs cannot be written.
fn leave_out(project: &mut Project, drop: &BTreeSet<Source>) {
    let mut i = 0;
    project.notices.retain(|_| {
        i += 1;
        !drop.contains(&Source::Notice(i - 1))
    });
    project.retain_submissions(|year, s| !drop.contains(&Source::Submission(year, s.unit.clone())));
    for s in drop {
        match s {
            Source::Report(year) => {
                project.incomplete_years.insert(*year);
            }
            Source::Unit(_) => project.reports_blocked = true,
            _ => {}
        }
    }
}
