//! Loading a project folder: gongwen.yaml, notices, their attachments, task lists.
//! A broken document is reported and left out; the others still load.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::config::Config;
use crate::diag::{Diagnostic, Diagnostics, Location};
use crate::model::{Attachment, AttachmentKind, Project};
use crate::notice::{self, AttachmentRef};
use crate::submission::{self, Submission};
use crate::tasks::TaskList;
use crate::units::Registry;

pub const CONTENT: &str = "content";

/// The project, plus what could not be loaded (errors) and what looks wrong (warnings).
pub struct Loaded {
    pub project: Project,
    pub diagnostics: Diagnostics,
}

/// Files in `content/<dir>` with extension `ext`, sorted so every run sees the same order.
fn files(root: &Path, dir: &str, ext: &str) -> Vec<(PathBuf, PathBuf, String)> {
    let base = root.join(CONTENT).join(dir);
    walkdir::WalkDir::new(&base)
        .max_depth(1)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == ext))
        .map(|e| {
            let name = e.file_name().to_string_lossy().to_string();
            let slug = e
                .path()
                .file_stem()
                .map_or(String::new(), |s| s.to_string_lossy().to_string());
            (
                e.path().to_path_buf(),
                Path::new(CONTENT).join(dir).join(&name),
                slug,
            )
        })
        .collect()
}

pub fn load(root: &Path) -> Result<Loaded, Diagnostics> {
    let config_shown = Path::new(crate::config::FILE);
    let config = Config::load(&root.join(config_shown), config_shown)?;
    let mut diagnostics = Diagnostics::default();

    let units_shown = Path::new(CONTENT).join("units.yaml");
    let units_path = root.join(&units_shown);
    let registry = if units_path.is_file() {
        Registry::load(&units_path, &units_shown).unwrap_or_else(|d| {
            diagnostics.extend(d);
            Registry::default()
        })
    } else {
        Registry::default()
    };
    let registry_ok = !diagnostics.has_errors();

    let mut task_lists: BTreeMap<PathBuf, Arc<TaskList>> = BTreeMap::new();
    for (path, shown, slug) in files(root, "tasks", "yaml") {
        match TaskList::load(&path, &shown, &slug) {
            Ok(mut t) => {
                // With a broken registry every name would look unknown: report the registry only.
                let unresolved = if registry_ok {
                    t.resolve(&registry)
                } else {
                    Diagnostics::default()
                };
                if !units_path.is_file() {
                    diagnostics.push(
                        Diagnostic::file_error(
                            &shown,
                            "the task list names units but there is no content/units.yaml",
                        )
                        .with_help("list the units and groups in content/units.yaml"),
                    );
                } else if unresolved.has_errors() {
                    diagnostics.extend(unresolved);
                } else if registry_ok {
                    task_lists.insert(shown, Arc::new(t));
                }
            }
            Err(d) => diagnostics.extend(d),
        }
    }

    let mut notices = Vec::new();
    for (path, shown, slug) in files(root, "notices", "md") {
        let loaded = match notice::load_notice(&path, &shown, &slug, &config) {
            Ok(l) => l,
            Err(d) => {
                diagnostics.extend(d);
                continue;
            }
        };
        let mut n = loaded.notice;
        let mut ok = true;
        for (loc, r) in loaded.attachment_refs {
            match attachment(root, &loc, &r, &task_lists) {
                Ok((a, warning)) => {
                    if let Some(w) = warning {
                        diagnostics.push(w);
                    }
                    n.attachments.push(a);
                }
                Err(d) => {
                    diagnostics.extend(d);
                    ok = false;
                }
            }
        }
        if ok {
            notices.push(n);
        }
    }
    let task_list_vec: Vec<Arc<TaskList>> = task_lists.values().cloned().collect();
    let mut submissions: BTreeMap<i32, Vec<Arc<Submission>>> = BTreeMap::new();
    let sub_root = root.join(CONTENT).join("submissions");
    if sub_root.is_dir() {
        let mut years: Vec<_> = std::fs::read_dir(&sub_root)
            .map(|r| r.filter_map(Result::ok).collect())
            .unwrap_or_default();
        years.sort_by_key(|e| e.file_name());
        for entry in years.into_iter().filter(|e| e.path().is_dir()) {
            let name = entry.file_name().to_string_lossy().to_string();
            let shown_dir = Path::new(CONTENT).join("submissions").join(&name);
            let Some(year) = name
                .parse::<i32>()
                .ok()
                .filter(|y| (1900..=2999).contains(y))
            else {
                diagnostics.push(
                    Diagnostic::file_error(&shown_dir, format!("`{name}` is not a year"))
                        .with_help("submissions go in content/submissions/<year>/, e.g. content/submissions/2020/"),
                );
                continue;
            };
            let subs = submissions.entry(year).or_default();
            let mut seen_units: BTreeMap<String, PathBuf> = BTreeMap::new();
            for (path, shown, _) in files(root, &format!("submissions/{name}"), "md") {
                match submission::load(&path, &shown, year, &task_list_vec, &registry) {
                    Ok(s) => {
                        if let Some(first) = seen_units.get(&s.unit) {
                            diagnostics.push(
                                Diagnostic::file_error(
                                    &shown,
                                    format!(
                                        "{} already submitted in {}",
                                        s.unit_name,
                                        crate::diag::display_path(first)
                                    ),
                                )
                                .with_help("keep one submission per unit and year"),
                            );
                            continue;
                        }
                        seen_units.insert(s.unit.clone(), shown.clone());
                        diagnostics.0.extend(s.warnings.iter().cloned());
                        subs.push(Arc::new(s));
                    }
                    Err(d) => diagnostics.extend(d),
                }
            }
        }
    }
    if notices.is_empty() && !diagnostics.has_errors() {
        diagnostics.push(
            Diagnostic::file_error(Path::new(CONTENT).join("notices"), "no notices found")
                .with_help("write a notice as content/notices/<name>.md (front matter + Markdown)"),
        );
    }
    let project = Project {
        root: root.to_path_buf(),
        config,
        registry,
        notices,
        task_lists: task_list_vec,
        submissions,
    };
    Ok(Loaded {
        project,
        diagnostics,
    })
}

/// Resolves one `attachments:` entry; warns when the 附件说明 name differs from the title.
fn attachment(
    root: &Path,
    at: &Location,
    r: &AttachmentRef,
    task_lists: &BTreeMap<PathBuf, Arc<TaskList>>,
) -> Result<(Attachment, Option<Diagnostic>), Diagnostics> {
    let rel = r.file().trim();
    let shown = Path::new(CONTENT).join(rel);
    let not_found = || {
        Diagnostics::from(
            Diagnostic::error(at.clone(), format!("attachment `{rel}` not found"))
                .with_help("attachments are paths under content/, e.g. `tasks/2020.yaml` or `attachments/plan.md`"),
        )
    };
    if rel.contains("..") {
        return Err(not_found());
    }
    let (kind, title) = if rel.starts_with("tasks/") && rel.ends_with(".yaml") {
        match task_lists.get(&shown) {
            Some(t) => (AttachmentKind::Tasks(t.clone()), t.title.clone()),
            // A task list that failed to load has already been reported.
            None if root.join(&shown).is_file() => {
                return Err(Diagnostic::error(
                    at.clone(),
                    format!("attachment `{rel}` has errors (see above)"),
                )
                .into());
            }
            None => return Err(not_found()),
        }
    } else if rel.starts_with("attachments/") && rel.ends_with(".md") {
        let path = root.join(&shown);
        if !path.is_file() {
            return Err(not_found());
        }
        let d = notice::load_document(&path, &shown)?;
        let title = d.title.clone();
        (AttachmentKind::Document(d), title)
    } else {
        return Err(not_found());
    };
    let name = r
        .name()
        .map_or_else(|| title.clone(), |n| n.trim().to_string());
    let warning = (name != title).then(|| {
        Diagnostic::warning(at.clone(), format!("the 附件说明 names `{name}` but the attachment's title is `{title}`"))
            .with_help("GB/T 9704 §7.3.7 wants them to match; keep the difference only if it is in the issued text")
    });
    Ok((Attachment { name, kind }, warning))
}
