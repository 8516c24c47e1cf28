//! content/ → the model. Every file is read into typed values that keep their locations, through
//! one reader of printed text (`fields`). A broken document is reported and left out; the
//! others still load.

mod attachment;
mod config;
mod fields;
mod frontmatter;
mod notice;
pub(crate) mod source;
pub(crate) mod submission;
pub(crate) mod tasks;
pub(crate) mod units;
mod yaml;

pub(crate) use config::load as config;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::diag::{Diagnostic, Diagnostics, display_path};
use crate::model::{Config, Notice, Project, Registry, Submission, TaskList};
use crate::paths;

/// The project, plus what could not be loaded (errors) and what looks wrong (warnings).
pub(crate) struct Loaded {
    pub(crate) project: Project,
    pub(crate) diagnostics: Diagnostics,
}

/// Loads the project in `root`. Only unreadable settings stop it; any other error leaves out
/// the document it is in and is returned with the project.
pub(crate) fn load(root: &Path) -> Result<Loaded, Diagnostics> {
    let (config, config_printed) = config::load(root)?;
    let mut diagnostics = Diagnostics::default();
    let registry = load_registry(root, &mut diagnostics);
    let task_lists = load_task_lists(root, registry.as_ref(), &mut diagnostics);
    let notices = load_notices(root, &config, &task_lists, &mut diagnostics);
    let task_lists: Vec<Arc<TaskList>> = task_lists.into_values().collect();
    let registry = registry.unwrap_or_default();
    let submissions = load_submissions(root, &task_lists, &registry, &mut diagnostics);
    if notices.is_empty() && !diagnostics.has_errors() {
        diagnostics.push(
            Diagnostic::file_error(paths::NOTICES, "no notices found")
                .with_help("write a notice as content/notices/<name>.md (front matter + Markdown)"),
        );
    }
    let project = Project {
        root: root.to_path_buf(),
        config,
        config_printed,
        registry,
        notices,
        task_lists,
        submissions,
        reports_blocked: false,
    };
    Ok(Loaded {
        project,
        diagnostics,
    })
}

/// The registry, or None when content/units.yaml exists but is broken (its errors reported).
fn load_registry(root: &Path, diagnostics: &mut Diagnostics) -> Option<Registry> {
    let shown = Path::new(paths::UNITS);
    let path = root.join(shown);
    if !path.is_file() {
        return Some(Registry::default());
    }
    units::load(&path, shown)
        .map_err(|d| diagnostics.extend(d))
        .ok()
}

/// The task lists that load and whose units all resolve, by their shown path.
fn load_task_lists(
    root: &Path,
    registry: Option<&Registry>,
    diagnostics: &mut Diagnostics,
) -> BTreeMap<PathBuf, Arc<TaskList>> {
    let has_units = root.join(paths::UNITS).is_file();
    let mut lists = BTreeMap::new();
    for file in source::files(root, Path::new(paths::TASKS), "yaml") {
        let mut list = match tasks::load(&file.path, &file.shown, &file.slug) {
            Ok(l) => l,
            Err(d) => {
                diagnostics.extend(d);
                continue;
            }
        };
        if !has_units {
            diagnostics.push(
                Diagnostic::file_error(
                    &file.shown,
                    "the task list names units but there is no content/units.yaml",
                )
                .with_help("list the units and groups in content/units.yaml"),
            );
            continue;
        }
        // With a broken registry every name would look unknown: report the registry only.
        let Some(registry) = registry else { continue };
        let unresolved = tasks::resolve(&mut list, registry);
        if unresolved.has_errors() {
            diagnostics.extend(unresolved);
        } else {
            lists.insert(file.shown, Arc::new(list));
        }
    }
    lists
}

fn load_notices(
    root: &Path,
    config: &Config,
    task_lists: &BTreeMap<PathBuf, Arc<TaskList>>,
    diagnostics: &mut Diagnostics,
) -> Vec<Notice> {
    let mut notices = Vec::new();
    for file in source::files(root, Path::new(paths::NOTICES), "md") {
        let loaded = match notice::load(&file.path, &file.shown, &file.slug, config) {
            Ok(l) => l,
            Err(d) => {
                diagnostics.extend(d);
                continue;
            }
        };
        let (mut n, mut fields) = (loaded.notice, loaded.fields);
        let mut ok = true;
        for (at, r) in &loaded.attachments {
            match attachment::resolve(root, at, r, task_lists, &mut fields) {
                Ok((a, warning)) => {
                    diagnostics.0.extend(warning);
                    n.attachments.push(a);
                }
                Err(d) => {
                    diagnostics.extend(d);
                    ok = false;
                }
            }
        }
        match fields.finish() {
            Ok(printed) if ok => {
                n.printed = printed;
                notices.push(n);
            }
            Ok(_) => {}
            Err(d) => diagnostics.extend(d),
        }
    }
    notices
}

/// The submissions by year, from content/submissions/<year>/.
fn load_submissions(
    root: &Path,
    lists: &[Arc<TaskList>],
    registry: &Registry,
    diagnostics: &mut Diagnostics,
) -> BTreeMap<i32, Vec<Arc<Submission>>> {
    let mut by_year = BTreeMap::new();
    let dir = root.join(paths::SUBMISSIONS);
    if !dir.is_dir() {
        return by_year;
    }
    let mut years: Vec<_> = std::fs::read_dir(&dir)
        .map(|r| r.filter_map(Result::ok).collect())
        .unwrap_or_default();
    years.sort_by_key(|e| e.file_name());
    for entry in years.into_iter().filter(|e| e.path().is_dir()) {
        let name = entry.file_name().to_string_lossy().to_string();
        let shown_dir = Path::new(paths::SUBMISSIONS).join(&name);
        let Some(year) = name
            .parse::<i32>()
            .ok()
            .filter(|y| (1900..=2999).contains(y))
        else {
            diagnostics.push(
                Diagnostic::file_error(&shown_dir, format!("`{name}` is not a year")).with_help(
                    "submissions go in content/submissions/<year>/, e.g. content/submissions/2020/",
                ),
            );
            continue;
        };
        let subs = load_year(root, &shown_dir, year, lists, registry, diagnostics);
        by_year.insert(year, subs);
    }
    by_year
}

/// One year's submissions, one per unit.
fn load_year(
    root: &Path,
    dir: &Path,
    year: i32,
    lists: &[Arc<TaskList>],
    registry: &Registry,
    diagnostics: &mut Diagnostics,
) -> Vec<Arc<Submission>> {
    let mut subs = Vec::new();
    let mut seen_units: BTreeMap<String, PathBuf> = BTreeMap::new();
    for file in source::files(root, dir, "md") {
        let loaded = match submission::load(&file.path, &file.shown, year, lists, registry) {
            Ok(l) => l,
            Err(d) => {
                diagnostics.extend(d);
                continue;
            }
        };
        let s = loaded.submission;
        if let Some(first) = seen_units.get(&s.unit) {
            diagnostics.push(
                Diagnostic::file_error(
                    &file.shown,
                    format!(
                        "{} already submitted in {}",
                        s.unit_name,
                        display_path(first)
                    ),
                )
                .with_help("keep one submission per unit and year"),
            );
            continue;
        }
        seen_units.insert(s.unit.clone(), file.shown);
        diagnostics.extend(loaded.warnings);
        subs.push(Arc::new(s));
    }
    subs
}
