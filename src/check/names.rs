//! Every output has a file of its own: two documents that would be written to one path are an
//! error naming both.

use std::collections::BTreeMap;
use std::path::PathBuf;

use crate::diag::{Diagnostic, Diagnostics, display_path};
use crate::model::{Notice, Project};

pub(crate) fn check(project: &Project) -> Diagnostics {
    let mut out = Diagnostics::default();
    let mut seen: BTreeMap<PathBuf, &Notice> = BTreeMap::new();
    for n in &project.notices {
        if let Some(first) = seen.insert(n.pdf(), n) {
            out.push(
                Diagnostic::file_error(
                    &n.file,
                    format!("has the same 发文字号 as {}", display_path(&first.file)),
                )
                .with_help("each notice needs its own 发文字号"),
            );
        }
    }
    out
}
