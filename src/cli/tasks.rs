//! `gongwen tasks`: every task list, or what one unit leads and supports (groups expanded).

use std::fmt::Write;
use std::process::ExitCode;

use crate::cli::{Env, Needs, checked, fail};
use crate::diag::{Diagnostic, display_path};
use crate::i18n::t;
use crate::model::{Project, UnitRef};
use crate::paths;
use crate::rules::wording;

#[derive(clap::Args)]
pub(super) struct Args {
    #[command(flatten)]
    pub(super) fonts: super::FontArgs,
    /// A unit's id, name or alias.
    #[arg(long, short = 'u')]
    unit: Option<String>,
    /// Give every task of the lists without ids an id (t1, t2 …), written into the list once.
    #[arg(long)]
    write_ids: bool,
}

pub(super) fn run(env: &Env, args: Args) -> ExitCode {
    let c = match checked(env, Needs::Project) {
        Ok(c) => c,
        Err(code) => return code,
    };
    if args.write_ids {
        return write_ids(&c.project);
    }
    let text = match &args.unit {
        None => all(&c.project),
        Some(name) => match unit(&c.project, name) {
            Ok(t) => t,
            Err(d) => return fail(&d.into()),
        },
    };
    say_raw!("{}", crate::diag::for_terminal(&text));
    ExitCode::SUCCESS
}

/// Writes ids into every task list that has none.
fn write_ids(project: &Project) -> ExitCode {
    let mut any = false;
    for list in project.task_lists.iter().filter(|l| !l.explicit_ids) {
        let path = project.root.path().join(&list.file);
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) => {
                return fail(
                    &Diagnostic::file_error(&list.file, t!("cannot-read", reason = e.to_string()))
                        .into(),
                );
            }
        };
        let starts: Vec<_> = list
            .tasks()
            .map(|t| (t.location.line, t.location.column))
            .collect();
        let written = crate::load::tasks::with_ids(&text, &starts);
        if let Err(d) = crate::output::write(&path, written.as_bytes()) {
            return fail(&d.into());
        }
        say!(
            "{}",
            t!(
                "tasks-wrote-ids",
                last = starts.len(),
                path = display_path(&list.file)
            )
        );
        any = true;
    }
    if !any {
        say!("{}", t!("tasks-have-ids"));
    }
    ExitCode::SUCCESS
}

fn names(v: &[UnitRef]) -> String {
    wording::join(v.iter().map(|r| &r.name))
}

/// Every task of every list.
fn all(project: &Project) -> String {
    let mut out = String::new();
    for list in &project.task_lists {
        let _ = writeln!(out, "{} ({})", list.title, display_path(&list.file));
        for c in &list.categories {
            let _ = writeln!(out, "  {}", c.name);
            for t in &c.tasks {
                let support = if t.support.is_empty() {
                    String::new()
                } else {
                    format!(" [{}]", t!("tasks-support", units = names(&t.support)))
                };
                let _ = writeln!(
                    out,
                    "  {:>4}  {}  [{}]{support}",
                    t.number,
                    t.text,
                    t!("tasks-lead", units = names(&t.lead))
                );
            }
        }
    }
    out
}

/// What one unit (by id, name or alias) leads and supports.
fn unit(project: &Project, name: &str) -> Result<String, Diagnostic> {
    let id = project
        .registry
        .resolve_unit(name)
        .map_err(|(msg, help)| Diagnostic::file_error(paths::UNITS, msg).with_help(help))?;
    let mut out = String::new();
    let _ = writeln!(out, "{} ({id})", project.registry.unit_name(&id));
    let groups = project.registry.groups_of(&id);
    if !groups.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            t!(
                "tasks-member-of",
                groups = wording::join(groups.iter().map(|g| &g.name))
            )
        );
    }
    for list in &project.task_lists {
        let (lead, support) = list.tasks_of(&project.registry, &id);
        let _ = writeln!(out, "\n{}", list.title);
        for (label, tasks) in [
            (t!("tasks-lead-count", n = lead.len()), lead),
            (t!("tasks-support-count", n = support.len()), support),
        ] {
            let _ = writeln!(out, "  {label}");
            for t in tasks {
                let _ = writeln!(out, "  {:>4}  {}", t.number, t.text);
            }
        }
    }
    Ok(out)
}
