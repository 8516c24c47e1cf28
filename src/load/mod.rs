//! content/ → the model. Every file is read into typed values that keep their locations, through
//! one reader of printed text (`fields`). A broken document is reported and left out; the
//! others still load. An error is said once: what depends on a broken file (a submission on a
//! broken registry or task list) is not checked against it and reported again.

mod attachment;
mod config;
mod fields;
mod frontmatter;
pub(crate) mod images;
mod issuing;
mod notice;
pub(crate) mod source;
pub(crate) mod submission;
pub(crate) mod tasks;
pub(crate) mod units;
mod yaml;

pub(crate) use config::load as config;

use crate::i18n::t;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::diag::{Diagnostic, Diagnostics, display_path};
use crate::model::{Config, Notice, Project, Registry, Submission, TaskList};
use crate::paths;
use crate::root::Root;

/// The project, plus what could not be loaded (errors) and what looks wrong (warnings).
pub(crate) struct Loaded {
    pub(crate) project: Project,
    pub(crate) diagnostics: Diagnostics,
}

/// The task lists that loaded, and whether any failed (its year is then unknown).
struct Lists {
    by_file: BTreeMap<PathBuf, Arc<TaskList>>,
    any_failed: bool,
}

/// Loads the project in `root`. Only a missing folder or unreadable settings stop it; any other
/// error leaves out the document it is in and is returned with the project.
pub(crate) fn load(root: &Path) -> Result<Loaded, Diagnostics> {
    let root = Root::new(root)?;
    let (config, config_printed) = config::load(&root)?;
    let mut diagnostics = Diagnostics::default();
    let registry = load_registry(&root, &mut diagnostics);
    let lists = load_task_lists(&root, registry.as_ref(), &mut diagnostics);
    let notices = load_notices(&root, &config, &lists.by_file, &mut diagnostics);
    let task_lists: Vec<Arc<TaskList>> = lists.by_file.values().cloned().collect();
    let mut incomplete_years = BTreeSet::new();
    let submissions = match &registry {
        Some(registry) => {
            let subs = Submissions {
                root: &root,
                lists: &task_lists,
                lists_failed: lists.any_failed,
                registry,
            };
            subs.load(&mut incomplete_years, &mut diagnostics)
        }
        // Every unit would look unknown: the registry's own errors are the ones to fix.
        None => BTreeMap::new(),
    };
    if notices.is_empty() && !diagnostics.has_errors() {
        diagnostics.push(
            Diagnostic::file_error(paths::NOTICES, t!("no-notices"))
                .with_help(t!("no-notices-help")),
        );
    }
    let project = Project {
        reports_blocked: registry.is_none(),
        root,
        config,
        config_printed,
        registry: registry.unwrap_or_default(),
        notices,
        task_lists,
        submissions,
        incomplete_years,
    };
    Ok(Loaded {
        project,
        diagnostics,
    })
}

/// The registry (empty when there is no units.yaml), or None when units.yaml is broken.
fn load_registry(root: &Root, diagnostics: &mut Diagnostics) -> Option<Registry> {
    let shown = Path::new(paths::UNITS);
    match root.resolve(shown) {
        Ok(None) => Some(Registry::default()),
        Ok(Some(_)) => units::load(root, shown)
            .map_err(|d| diagnostics.extend(d))
            .ok(),
        Err(d) => {
            diagnostics.push(d);
            None
        }
    }
}

/// The task lists that load and whose units all resolve, by their shown path.
fn load_task_lists(
    root: &Root,
    registry: Option<&Registry>,
    diagnostics: &mut Diagnostics,
) -> Lists {
    let has_units = matches!(root.resolve(Path::new(paths::UNITS)), Ok(Some(_)));
    let mut lists = Lists {
        by_file: BTreeMap::new(),
        any_failed: false,
    };
    for file in source::files(root, Path::new(paths::TASKS), "yaml", diagnostics) {
        let mut list = match tasks::load(root, &file.shown, &file.slug) {
            Ok(l) => l,
            Err(d) => {
                diagnostics.extend(d);
                lists.any_failed = true;
                continue;
            }
        };
        if !has_units {
            diagnostics.push(
                Diagnostic::file_error(
                    &file.shown,
                    t!("tasks-without-registry", file = paths::UNITS),
                )
                .with_help(t!("tasks-without-registry-help", file = paths::UNITS)),
            );
            lists.any_failed = true;
            continue;
        }
        // With a broken registry every name would look unknown: report the registry only.
        let Some(registry) = registry else {
            lists.any_failed = true;
            continue;
        };
        if !list.explicit_ids {
            diagnostics.push(
                Diagnostic::warning(list.title_at.clone(), t!("tasks-no-ids"))
                    .with_help(t!("tasks-no-ids-help")),
            );
        }
        let unresolved = tasks::resolve(&mut list, registry);
        let failed = unresolved.has_errors();
        diagnostics.extend(unresolved);
        if failed {
            lists.any_failed = true;
        } else {
            lists.by_file.insert(file.shown, Arc::new(list));
        }
    }
    lists
}

fn load_notices(
    root: &Root,
    config: &Config,
    task_lists: &BTreeMap<PathBuf, Arc<TaskList>>,
    diagnostics: &mut Diagnostics,
) -> Vec<Notice> {
    let mut notices = Vec::new();
    for file in source::files(root, Path::new(paths::NOTICES), "md", diagnostics) {
        let loaded = match notice::load(root, &file.shown, &file.slug, config) {
            Ok(l) => l,
            Err(d) => {
                diagnostics.extend(d);
                continue;
            }
        };
        let (mut n, mut fields) = (loaded.notice, loaded.fields);
        let mut ok = true;
        let mut seen: Vec<String> = Vec::new();
        for (at, r) in &loaded.attachments {
            let file = r.file().trim().to_string();
            if seen.contains(&file) {
                diagnostics.push(
                    Diagnostic::error(at.clone(), t!("attachment-twice", file = file.as_str()))
                        .with_help(t!("attachment-twice-help")),
                );
                ok = false;
                continue;
            }
            seen.push(file);
            match attachment::resolve(root, at, r, task_lists, &mut fields) {
                Ok(a) => n.attachments.push(a),
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

/// What loading the submissions needs.
struct Submissions<'a> {
    root: &'a Root,
    lists: &'a [Arc<TaskList>],
    /// A task list failed to load: a year without one may be that list's.
    lists_failed: bool,
    registry: &'a Registry,
}

impl Submissions<'_> {
    /// The submissions by year, from content/submissions/<year>/. A year with any submission
    /// that cannot be read goes into `incomplete`: its report would be wrong.
    fn load(
        &self,
        incomplete: &mut BTreeSet<i32>,
        diagnostics: &mut Diagnostics,
    ) -> BTreeMap<i32, Vec<Arc<Submission>>> {
        let mut by_year = BTreeMap::new();
        let dir = Path::new(paths::SUBMISSIONS);
        let real = match self.root.resolve(dir) {
            Ok(Some(real)) => real,
            Ok(None) => return by_year,
            Err(d) => {
                diagnostics.push(d);
                return by_year;
            }
        };
        let mut entries: Vec<_> = match std::fs::read_dir(&real) {
            Ok(r) => r.filter_map(Result::ok).collect(),
            Err(e) => {
                diagnostics.push(Diagnostic::file_error(
                    dir,
                    t!("cannot-read-folder", reason = e.to_string()),
                ));
                return by_year;
            }
        };
        entries.sort_by_key(|e| e.file_name());
        for entry in entries {
            let name = entry.file_name().to_string_lossy().to_string();
            let shown = dir.join(&name);
            if source::is_clutter(&name) {
                continue;
            }
            let is_dir = match self.root.resolve(&shown) {
                Ok(p) => p.is_some_and(|p| p.is_dir()),
                Err(d) => {
                    diagnostics.push(d);
                    continue;
                }
            };
            if !is_dir {
                diagnostics.push(
                    Diagnostic::file_warning(&shown, t!("submission-outside-year"))
                        .with_help(t!("submission-outside-year-help")),
                );
                continue;
            }
            let Some(year) = year_folder(&name) else {
                let help = match name.trim().parse::<i32>() {
                    Ok(y) if (1900..=2999).contains(&y) => t!("year-folder-rename", year = y),
                    _ => t!("submission-outside-year-help"),
                };
                diagnostics.push(
                    Diagnostic::file_error(&shown, t!("year-folder-bad", name = name.as_str()))
                        .with_help(help),
                );
                continue;
            };
            let subs = self.load_year(&shown, year, incomplete, diagnostics);
            by_year.insert(year, subs);
        }
        by_year
    }

    /// One year's submissions, one per unit.
    fn load_year(
        &self,
        dir: &Path,
        year: i32,
        incomplete: &mut BTreeSet<i32>,
        diagnostics: &mut Diagnostics,
    ) -> Vec<Arc<Submission>> {
        let mut subs = Vec::new();
        let mut seen_units: BTreeMap<String, PathBuf> = BTreeMap::new();
        let mut listing = Diagnostics::default();
        let files = source::files(self.root, dir, "md", &mut listing);
        if listing.has_errors() {
            incomplete.insert(year);
        }
        diagnostics.extend(listing);
        if self.lists_failed && crate::model::lists_for_year(self.lists, year).is_empty() {
            // The list these would be checked against is the one that failed to load.
            incomplete.insert(year);
            return subs;
        }
        for file in files {
            let loaded =
                match submission::load(self.root, &file.shown, year, self.lists, self.registry) {
                    Ok(l) => l,
                    Err(d) => {
                        diagnostics.extend(d);
                        incomplete.insert(year);
                        continue;
                    }
                };
            let s = loaded.submission;
            if let Some(first) = seen_units.get(&s.unit) {
                diagnostics.push(
                    Diagnostic::file_error(
                        &file.shown,
                        t!(
                            "submission-twice",
                            unit = s.unit_name.as_str(),
                            file = display_path(first)
                        ),
                    )
                    .with_help(t!("submission-twice-help")),
                );
                incomplete.insert(year);
                continue;
            }
            diagnostics.extend(loaded.warnings);
            if let Some(w) = file_name_warning(&file, &s, self.registry) {
                diagnostics.push(w);
            }
            seen_units.insert(s.unit.clone(), file.shown);
            subs.push(Arc::new(s));
        }
        subs
    }
}

/// The year a folder of content/submissions stands for: only the year as written (`2020`, not
/// `02020` or `+2020`, which would let one unit report three times for one year).
fn year_folder(name: &str) -> Option<i32> {
    name.parse::<i32>()
        .ok()
        .filter(|y| (1900..=2999).contains(y) && y.to_string() == name)
}

/// A warning when a submission's file is named after another unit than the one it reports for.
fn file_name_warning(
    file: &source::ContentFile,
    s: &Submission,
    registry: &Registry,
) -> Option<Diagnostic> {
    match registry.resolve_unit(&file.slug) {
        Ok(id) if id == s.unit => None,
        _ => Some(
            Diagnostic::file_warning(
                &file.shown,
                t!(
                    "submission-file-name",
                    slug = file.slug.as_str(),
                    unit = s.unit_name.as_str(),
                    id = s.unit.as_str()
                ),
            )
            .with_help(t!("submission-file-name-help", id = s.unit.as_str())),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_years_as_written_are_year_folders() {
        assert_eq!(year_folder("2020"), Some(2020));
        for bad in ["02020", "+2020", "2020 ", "20", "last-year", "3000"] {
            assert_eq!(year_folder(bad), None, "{bad}");
        }
    }
}
