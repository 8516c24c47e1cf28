//! Whole-project checks after loading: that the fonts can draw every printed character, that
//! no two documents would be written to the same file, and the proofreading (warnings only). A
//! document that fails is left out, with every document that would print it; the rest go on.

mod fonts;
mod names;
pub(crate) mod placeholder;
pub(crate) mod proofread;
mod size;

use std::collections::BTreeSet;

use crate::diag::Diagnostics;
use crate::fonts::Fonts;
use crate::model::Project;

/// Checks the loaded project, leaving out what fails, and proofreads what is left when asked;
/// returns what it found. `building` makes a scaffold's placeholder an error.
pub(crate) fn check(
    project: &mut Project,
    fonts: &Fonts,
    building: bool,
    proofread: bool,
) -> Diagnostics {
    let mut diagnostics = fonts::check(&project.config_printed, fonts);
    // Unit names are printed in every year report and in each unit's summary: with one that
    // cannot be drawn, none of those is written.
    let units = fonts::check(&project.registry.printed, fonts);
    if units.has_errors() {
        project.reports_blocked = true;
        project.submissions.clear();
    }
    diagnostics.extend(units);
    // Each task list once, whether a notice attaches it or only the year report uses it. A list
    // with an undrawable character is left out, with every document that would print it.
    let mut broken = BTreeSet::new();
    for list in &project.task_lists {
        let d = fonts::check(&list.printed, fonts);
        if d.has_errors() {
            broken.insert(list.slug.clone());
        }
        diagnostics.extend(d);
    }
    project.task_lists.retain(|l| !broken.contains(&l.slug));
    project
        .notices
        .retain(|n| !n.task_lists().any(|t| broken.contains(&t.slug)));
    for subs in project.submissions.values_mut() {
        subs.retain(|s| !broken.contains(&s.list.slug));
    }
    project.notices.retain(|n| {
        let d = fonts::check(n.all_printed(), fonts);
        let ok = !d.has_errors();
        diagnostics.extend(d);
        ok
    });
    project.retain_submissions(|_, s| {
        let d = fonts::check(&s.printed, fonts);
        let ok = !d.has_errors();
        diagnostics.extend(d);
        ok
    });
    diagnostics.extend(names::check(project));
    diagnostics.extend(size::check(project));
    diagnostics.extend(placeholder::check(project, building));
    if proofread {
        diagnostics.extend(proofread::check(project));
    }
    diagnostics
}
