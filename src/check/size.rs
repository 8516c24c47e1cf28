//! How much text one document holds, with its attachments or (a year report) every summary it
//! compiles: typesetting takes about 1 KB of memory per byte of text, so a document past
//! limits::DOCUMENT_BYTES is not typeset.

use crate::diag::{Diagnostic, Diagnostics, Location};
use crate::i18n::t;
use crate::limits;
use crate::model::Project;
use crate::text::SourceText;

fn bytes<'a>(texts: impl IntoIterator<Item = &'a SourceText>) -> usize {
    texts.into_iter().map(|t| t.text.len()).sum()
}

fn too_much(at: Location, what: &str, n: usize) -> Diagnostic {
    Diagnostic::error(
        at,
        t!(
            "document-too-large",
            what = what,
            size = format!("{:.1}", n as f64 / 1_048_576.0),
            limit = limits::DOCUMENT_BYTES / 1_048_576
        ),
    )
    .with_help(t!("document-too-large-help"))
}

/// Leaves out notices, and marks year reports as not built, that hold too much text.
pub(crate) fn check(project: &mut Project) -> Diagnostics {
    let mut found = Diagnostics::default();
    project.notices.retain(|n| {
        let size =
            bytes(n.all_printed()) + n.task_lists().map(|l| bytes(&l.printed)).sum::<usize>();
        if size > limits::DOCUMENT_BYTES {
            found.push(too_much(
                Location::new(&n.file, 1, 1),
                &t!("what-notice-with-attachments"),
                size,
            ));
            return false;
        }
        true
    });
    for l in &project.task_lists {
        let Some(year) = l.year else { continue };
        let subs = project
            .submissions
            .get(&year)
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        let size = bytes(&l.printed) + subs.iter().map(|s| bytes(&s.printed)).sum::<usize>();
        if size > limits::DOCUMENT_BYTES {
            found.push(too_much(
                l.title_at.clone(),
                &t!("what-year-report", year = year.to_string()),
                size,
            ));
            project.incomplete_years.insert(year);
        }
    }
    found
}
