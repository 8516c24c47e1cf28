//! `gongwen import`: a task table from a spreadsheet as tasks YAML (`import tasks FILE`, or just
//! `import FILE`), and units' returned Word documents as submissions (`import submission FILE…`).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;

use crate::cli::{Env, Needs, checked, fail, print, wrote};
use crate::diag::{Diagnostic, Diagnostics, for_terminal};
use crate::docx::import::{self, Request};
use crate::i18n::t;
use crate::output;
use crate::sheet::Options;

#[derive(clap::Args)]
#[command(subcommand_negates_reqs = true)]
pub(super) struct Args {
    /// How fonts are found (the registry's names are checked as `check` does).
    #[command(flatten)]
    pub(super) fonts: super::FontArgs,
    #[command(subcommand)]
    what: Option<What>,
    #[command(flatten)]
    tasks: Option<TasksArgs>,
}

#[derive(clap::Subcommand)]
enum What {
    /// A task table from .xlsx or .csv (the export layout), printed as tasks YAML.
    Tasks(TasksArgs),
    /// Units' returned Word documents (the form of `gongwen new submission --docx`, or a
    /// summary of their own) into content/submissions/<year>/<unit>.md.
    Submission(SubmissionArgs),
}

#[derive(clap::Args)]
struct TasksArgs {
    /// The spreadsheet.
    #[arg(required = true)]
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

#[derive(clap::Args)]
struct SubmissionArgs {
    /// The .docx files, one per unit.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// The unit that sent it: needed for a document that is not a gongwen form.
    #[arg(long)]
    unit: Option<String>,
    /// The year the summaries are for (default: `year` in gongwen.yaml).
    #[arg(long)]
    year: Option<i32>,
    /// The day it was sent, YYYY-MM-DD (default: the date written in the document).
    #[arg(long, value_parser = parse_date)]
    date: Option<NaiveDate>,
    /// Replace a submission that already exists.
    #[arg(long)]
    force: bool,
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    crate::rules::date::parse(s)
}

pub(super) fn run(env: &Env, args: Args) -> ExitCode {
    match (args.what, args.tasks) {
        (Some(What::Tasks(t)), _) | (None, Some(t)) => tasks(env, t),
        (Some(What::Submission(s)), _) => submissions(env, s),
        (None, None) => fail(
            &Diagnostic::file_error(".", t!("import-nothing"))
                .with_help(t!("import-nothing-help"))
                .into(),
        ),
    }
}

fn is_word(p: &Path) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| matches!(e.to_ascii_lowercase().as_str(), "docx" | "doc" | "wps"))
}

fn tasks(env: &Env, args: TasksArgs) -> ExitCode {
    if is_word(&args.file) {
        return fail(
            &Diagnostic::file_error(&args.file, t!("import-word-not-table"))
                .with_help(t!(
                    "import-word-not-table-help",
                    file = args.file.display().to_string()
                ))
                .into(),
        );
    }
    // Unit names are checked against the registry: its own errors come first.
    let c = match checked(env, Needs::Registry) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let replacing = match (&args.output, args.force) {
        (Some(path), true) if path.exists() => match std::fs::read_to_string(path) {
            Ok(text) => Some(text),
            Err(e) => {
                return fail(
                    &Diagnostic::file_error(path, t!("cannot-read", reason = e.to_string())).into(),
                );
            }
        },
        (Some(path), false) if path.exists() => {
            return fail(
                &Diagnostic::file_error(path, t!("exists-not-overwritten"))
                    .with_help(t!("import-exists-help"))
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
        tell!("{}: {}", t!("label-note"), for_terminal(n));
    }
    let Some(path) = args.output else {
        say_raw!("{}", imported.yaml);
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

/// Imports each file; one that fails is reported and the others are still imported.
fn submissions(env: &Env, args: SubmissionArgs) -> ExitCode {
    if args.unit.is_some() && args.files.len() > 1 {
        return fail(
            &Diagnostic::file_error(&args.files[1], t!("import-unit-one-file"))
                .with_help(t!("import-unit-one-file-help"))
                .into(),
        );
    }
    let c = match checked(env, Needs::Registry) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let mut all = Diagnostics::default();
    for file in &args.files {
        let req = Request {
            file,
            unit: args.unit.as_deref(),
            year: args.year,
            date: args.date,
            force: args.force,
        };
        match import::import(&c.project, &req) {
            Ok(done) => {
                say!(
                    "{}",
                    t!(
                        "imported",
                        file = crate::diag::display_path(file),
                        path = crate::diag::display_path(&done.path)
                    )
                );
                all.extend(done.warnings);
            }
            Err(d) => all.extend(d),
        }
    }
    print(&all);
    if all.has_errors() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
