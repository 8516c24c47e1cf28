//! `gongwen import`: a task table from a spreadsheet, as tasks YAML.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::cli::{Env, Needs, checked, fail, wrote};
use crate::diag::{Diagnostic, for_terminal};
use crate::output;
use crate::sheet::Options;

#[derive(clap::Args)]
pub(super) struct Args {
    #[command(flatten)]
    pub(super) fonts: super::FontArgs,
    /// The spreadsheet.
    file: PathBuf,
    /// Write the YAML here instead of printing it (refuses to overwrite without --force).
    #[arg(long)]
    output: Option<PathBuf>,
    /// Replace the task list at --output: its tasks keep their ids, and the file is replaced
    /// only when the import succeeds.
    #[arg(long, requires = "output")]
    force: bool,
    /// The list's year, when the spreadsheet does not say it (or to change it).
    #[arg(long, value_parser = clap::value_parser!(i32).range(1949..=2200))]
    year: Option<i32>,
    /// When the summaries are due (YYYY-MM-DD), when the spreadsheet does not say it.
    #[arg(long)]
    due: Option<chrono::NaiveDate>,
}

pub(super) fn run(env: &Env, args: Args) -> ExitCode {
    // Unit names are checked against the registry: its own errors come first.
    let c = match checked(env, Needs::Registry) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let replacing = match (&args.output, args.force) {
        (Some(path), true) if path.exists() => match std::fs::read_to_string(path) {
            Ok(text) => Some(text),
            Err(e) => {
                return fail(&Diagnostic::file_error(path, format!("cannot read: {e}")).into());
            }
        },
        (Some(path), false) if path.exists() => {
            return fail(
                &Diagnostic::file_error(path, "already exists; not overwritten")
                    .with_help("pass --force to replace it (its tasks keep their ids), or choose another --output")
                    .into(),
            );
        }
        _ => None,
    };
    let options = Options {
        year: args.year,
        due: args.due,
        replacing,
    };
    let imported = match crate::sheet::import(&args.file, &args.file, &c.project.registry, &options)
    {
        Ok(y) => y,
        Err(d) => return fail(&d),
    };
    for n in &imported.notes {
        eprintln!("note: {}", for_terminal(n));
    }
    let Some(path) = args.output else {
        print!("{}", imported.yaml);
        return ExitCode::SUCCESS;
    };
    // Written whole or not at all: a failed import above never reached this.
    match output::write(&path, imported.yaml.as_bytes()) {
        Ok(()) => {
            wrote(&path);
            ExitCode::SUCCESS
        }
        Err(d) => fail(&d.into()),
    }
}
