//! The placeholder text of gongwen's scaffolds (`gongwen new`, `gongwen init`) must never be
//! published: left unedited it is a warning for `check` and an error for `build`, which then
//! leaves the document out.

use crate::diag::{Diagnostic, Diagnostics, Severity};
use crate::i18n::t;
use crate::model::Project;
use crate::text::SourceText;

/// What every scaffold's placeholders say.
pub(crate) const MARK: &str = "在此填写";

fn found<'a>(texts: impl IntoIterator<Item = &'a SourceText>, severity: Severity) -> Diagnostics {
    let mut out = Diagnostics::default();
    for t in texts {
        if let Some(pos) = t.text.find(MARK) {
            let before = &t.text[..pos];
            let line = t.location.line + before.matches('\n').count();
            let column = match before.rfind('\n') {
                Some(nl) => before[nl + 1..].chars().count() + 1,
                None => t.location.column + before.chars().count(),
            };
            let mut d = Diagnostic::error(
                crate::diag::Location::new(&t.location.file, line, column),
                t!("placeholder-left"),
            )
            .with_help(t!("placeholder-left-help"));
            d.severity = severity;
            out.push(d);
        }
    }
    out
}

/// Reports placeholders; when `building`, as errors, leaving out the documents holding them.
pub(crate) fn check(project: &mut Project, building: bool) -> Diagnostics {
    let severity = if building {
        Severity::Error
    } else {
        Severity::Warning
    };
    let mut all = Diagnostics::default();
    project.notices.retain(|n| {
        let d = found(n.all_printed(), severity);
        let keep = d.is_empty() || !building;
        all.extend(d);
        keep
    });
    project.retain_submissions(|_, s| {
        let d = found(&s.printed, severity);
        let keep = d.is_empty() || !building;
        all.extend(d);
        keep
    });
    all
}
