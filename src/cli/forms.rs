//! `gongwen new submission UNIT --docx` (or `--all --docx`): the Word forms the office sends the
//! units for their year-end summaries, in out/forms/<year>/<unit>.docx.

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::diag::{Diagnostic, Diagnostics};
use crate::docx::Faces;
use crate::docx::form::{self, FormFor};
use crate::i18n::t;
use crate::model::Project;
use crate::{output, paths};

/// Writes the form of `unit` (or of every unit that owes a summary) and returns the paths.
pub(super) fn write(
    project: &Project,
    unit: Option<&str>,
    all: bool,
    year: Option<i32>,
) -> Result<Vec<PathBuf>, Diagnostics> {
    let (year, list) = super::new::year_list(project, year)?;
    let list = &*list;
    let units: Vec<String> =
        match (unit, all) {
            (Some(u), _) => vec![project.registry.resolve_unit(u).map_err(|(msg, help)| {
                Diagnostic::file_error(paths::UNITS, msg).with_help(help)
            })?],
            (None, _) => project
                .registry
                .units
                .iter()
                .filter(|u| !form::tasks_of(list, &project.registry, &u.id).is_empty())
                .map(|u| u.id.clone())
                .collect(),
        };
    let faces = Faces::new(&project.config.fonts);
    let mut written = Vec::new();
    for id in &units {
        let name = project.registry.unit_name(id);
        let tasks = form::tasks_of(list, &project.registry, id);
        if tasks.is_empty() {
            return Err(Diagnostic::file_error(
                &list.file,
                t!("unit-owes-nothing", unit = name, list = list.title.as_str()),
            )
            .with_help(t!("unit-owes-nothing-help"))
            .into());
        }
        let f = FormFor {
            unit_id: id,
            unit_name: name,
            year,
            list,
            tasks,
            // The package's timestamps: a day of the list, so the same list gives the same form.
            stamp: list
                .due
                .or_else(|| NaiveDate::from_ymd_opt(year, 12, 31))
                .map_or_else(
                    || format!("{year}-12-31"),
                    |d| d.format("%Y-%m-%d").to_string(),
                ),
        };
        let bytes = form::form(&f, &faces).map_err(|e| {
            Diagnostic::file_error(
                paths::OUT_FORMS,
                t!("form-cannot-write", reason = e.to_string()),
            )
        })?;
        let rel = paths::form_file(year, name);
        output::write(&project.root.path().join(&rel), &bytes)?;
        written.push(rel);
    }
    Ok(written)
}
