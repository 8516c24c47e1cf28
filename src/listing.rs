//! `gongwen tasks`: what a unit leads and supports, groups expanded.

use std::fmt::Write;

use crate::diag::Diagnostic;
use crate::model::Project;

/// The report for one unit (by id, name or alias), or every task when `unit` is None.
pub fn tasks(project: &Project, unit: Option<&str>) -> Result<String, Diagnostic> {
    let mut out = String::new();
    let Some(name) = unit else {
        for list in &project.task_lists {
            let _ = writeln!(
                out,
                "{} ({})",
                list.title,
                crate::diag::display_path(&list.file)
            );
            for c in &list.categories {
                let _ = writeln!(out, "  {}", c.name);
                for t in &c.tasks {
                    let names = |v: &[crate::tasks::UnitRef]| {
                        v.iter()
                            .map(|r| r.text.as_str())
                            .collect::<Vec<_>>()
                            .join("、")
                    };
                    let _ = writeln!(
                        out,
                        "  {:>4}  {}  [牵头: {}] [配合: {}]",
                        t.number,
                        t.text,
                        names(&t.lead),
                        names(&t.support)
                    );
                }
            }
        }
        return Ok(out);
    };
    let id = project
        .registry
        .resolve_unit(name)
        .map_err(|(msg, help)| Diagnostic::file_error("content/units.yaml", msg).with_help(help))?;
    let unit = project.registry.unit(&id).expect("resolved unit exists");
    let _ = writeln!(out, "{} ({})", unit.name, unit.id);
    let groups: Vec<&str> = project
        .registry
        .groups_of(&id)
        .iter()
        .map(|g| g.name.as_str())
        .collect();
    if !groups.is_empty() {
        let _ = writeln!(out, "member of: {}", groups.join("、"));
    }
    for list in &project.task_lists {
        let (lead, support) = list.tasks_of(&project.registry, &id);
        let _ = writeln!(out, "\n{}", list.title);
        for (label, tasks) in [("牵头 (leads)", lead), ("配合 (supports)", support)] {
            let _ = writeln!(out, "  {label}: {}", tasks.len());
            for t in tasks {
                let _ = writeln!(out, "  {:>4}  {}", t.number, t.text);
            }
        }
    }
    Ok(out)
}
