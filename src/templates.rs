//! Templates: built into the binary, and overridable by a project file of the same name (in
//! templates/typst, templates/html or templates/site), for every backend alike.

use std::path::Path;

use crate::diag::Diagnostic;

/// A built-in template's text, or the project's override of it when there is one.
pub(crate) fn text(
    root: &Path,
    dir: &str,
    name: &str,
    builtin: &str,
) -> Result<String, Diagnostic> {
    let shown = Path::new(dir).join(name);
    match std::fs::read_to_string(root.join(&shown)) {
        Ok(t) => Ok(t),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(builtin.to_string()),
        Err(e) => Err(Diagnostic::file_error(
            &shown,
            format!("cannot read the template: {e}"),
        )),
    }
}
