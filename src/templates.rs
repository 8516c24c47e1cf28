//! Templates: built into the binary, and overridable by a project file of the same name (in
//! templates/typst, templates/html or templates/site), for every backend alike.

use crate::i18n::t;
use std::path::Path;

use crate::diag::Diagnostic;
use crate::root::Root;

/// A built-in template's text, or the project's override of it when there is one.
pub(crate) fn text(
    root: &Root,
    dir: &str,
    name: &str,
    builtin: &str,
) -> Result<String, Diagnostic> {
    let shown = Path::new(dir).join(name);
    let Some(path) = root.resolve(&shown)? else {
        return Ok(builtin.to_string());
    };
    std::fs::read_to_string(path).map_err(|e| {
        Diagnostic::file_error(&shown, t!("template-unreadable", reason = e.to_string()))
    })
}
