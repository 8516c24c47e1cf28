//! A notice's `attachments:` entry → the attachment: a task list or a document of its own.

use crate::i18n::t;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::diag::{Diagnostic, Diagnostics, Location};
use crate::load::fields::Fields;
use crate::load::notice::{self, AttachmentRef};
use crate::model::{Attachment, AttachmentKind, TaskList};
use crate::paths;
use crate::root::Root;
use crate::text::roles;

/// Resolves one entry. The name printed in the 附件说明 is recorded in the notice's `fields`
/// (whether it matches the attachment's title is for the proofreading to say).
pub(crate) fn resolve(
    root: &Root,
    at: &Location,
    r: &AttachmentRef,
    task_lists: &BTreeMap<PathBuf, Arc<TaskList>>,
    fields: &mut Fields,
) -> Result<Attachment, Diagnostics> {
    let rel = r.file().trim();
    let shown = Path::new(paths::CONTENT).join(rel);
    let not_found = || {
        Diagnostics::from(
            Diagnostic::error(at.clone(), t!("attachment-not-found", file = rel))
                .with_help(t!("attachment-not-found-help")),
        )
    };
    if rel.contains("..") {
        return Err(not_found());
    }
    let (kind, title, title_at) = if rel.starts_with("tasks/") && rel.ends_with(".yaml") {
        match task_lists.get(&shown) {
            Some(t) => (
                AttachmentKind::Tasks(t.clone()),
                t.title.clone(),
                t.title_at.clone(),
            ),
            // A task list that failed to load has already been reported.
            None if root.resolve(&shown)?.is_some() => {
                return Err(
                    Diagnostic::error(at.clone(), t!("attachment-has-errors", file = rel)).into(),
                );
            }
            None => return Err(not_found()),
        }
    } else if rel.starts_with("attachments/") && rel.ends_with(".md") {
        if root.resolve(&shown)?.is_none() {
            return Err(not_found());
        }
        let d = notice::load_document(root, &shown)?;
        let (title, title_at) = (d.title.clone(), d.title_at.clone());
        (AttachmentKind::Document(d), title, title_at)
    } else {
        return Err(not_found());
    };
    // The 附件说明 prints the name in 仿宋: the given one, or the attachment's title.
    let name = match r.name() {
        Some(n) => {
            fields.record(at.clone(), n, roles::BODY);
            n.trim().to_string()
        }
        None => {
            fields.record_copy(title_at, &title, roles::BODY);
            title.clone()
        }
    };
    Ok(Attachment {
        name,
        at: at.clone(),
        kind,
    })
}
