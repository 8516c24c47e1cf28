//! The command line: arguments, one file per command, and the one helper that loads and checks
//! the project or prints why it cannot.

mod build;
mod check;
mod clean;
mod export;
mod fonts;
mod forms;
mod help;
mod import;
mod init;
mod new;
mod serve;
mod tasks;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

use crate::build::{Checked, Options};
use crate::diag::{Diagnostics, display_path, for_terminal};
use crate::i18n::t;
use crate::paths;

#[derive(Parser)]
#[command(
    name = "gongwen",
    version,
    about = "Typesets Chinese official documents (GB/T 9704-2012) from YAML and Markdown"
)]
struct Cli {
    /// The project folder (the one holding content/).
    #[arg(long, short = 'p', global = true, default_value = ".")]
    project: PathBuf,
    #[command(subcommand)]
    command: Command,
}

/// How fonts are found: only on the commands that check or typeset text.
#[derive(clap::Args, Default)]
struct FontArgs {
    /// A folder with extra fonts (searched for the families named in gongwen.yaml); repeatable.
    #[arg(long = "font-path", global = true)]
    font_paths: Vec<PathBuf>,
    /// Use only the embedded fonts and --font-path folders, not the fonts installed on this machine.
    #[arg(long, global = true)]
    no_system_fonts: bool,
}

#[derive(Subcommand)]
enum Command {
    /// Build every document into out/ (PDFs in out/pdf/).
    Build(build::Args),
    /// Load, check and proofread everything; writes nothing. Exits non-zero on any error.
    Check(check::Args),
    /// Remove what gongwen wrote under out/ (nothing else).
    Clean(clean::Args),
    /// Start a project: a small starter that builds at once, or --example.
    Init(init::Args),
    /// Show which font serves each GB/T 9704 role.
    Fonts(FontArgs),
    /// Write every task list as .xlsx and .csv (UTF-8 with BOM) to out/tasks/.
    Export(export::Args),
    /// Read a task table (`import tasks FILE.xlsx`, or `import FILE.xlsx`) or units' returned
    /// Word documents (`import submission FILE.docx…`).
    Import(import::Args),
    /// Create a file to fill in: `gongwen new notice`, `gongwen new submission <unit> [--docx]`.
    New {
        #[command(subcommand)]
        what: new::What,
        #[command(flatten)]
        fonts: FontArgs,
    },
    /// Build, serve out/site on 127.0.0.1, rebuild on changes and reload the browser.
    Serve(serve::Args),
    /// List the tasks, or what one unit leads and supports (groups expanded).
    Tasks(tasks::Args),
}

/// What every command knows: the project folder and how fonts are found.
struct Env {
    root: PathBuf,
    opts: Options,
}

/// Parses the arguments and runs the command.
pub fn main() -> ExitCode {
    let cli = match help::localise(Cli::command())
        .try_get_matches()
        .and_then(|m| Cli::from_arg_matches(&m))
    {
        Ok(cli) => cli,
        Err(e) => return parse_error(&e),
    };
    let root = cli.project;
    let env = |fonts: &FontArgs| Env {
        root: root.clone(),
        opts: Options {
            font_paths: fonts.font_paths.clone(),
            system_fonts: !fonts.no_system_fonts,
            site: true,
            docx: true,
            ..Options::default()
        },
    };
    match cli.command {
        Command::Build(args) => build::run(&env(&args.fonts), args),
        Command::Check(args) => check::run(&env(&args.fonts), args),
        Command::Clean(args) => clean::run(&env(&FontArgs::default()), args),
        Command::Init(args) => init::run(&env(&FontArgs::default()), args),
        Command::Fonts(fonts) => fonts::run(&env(&fonts)),
        Command::Export(args) => export::run(&env(&args.fonts), args),
        Command::Import(args) => import::run(&env(&args.fonts), args),
        Command::New { what, fonts } => new::run(&env(&fonts), what),
        Command::Serve(args) => serve::run(&env(&args.fonts), args),
        Command::Tasks(args) => tasks::run(&env(&args.fonts), args),
    }
}

/// `--help` and `--version` as clap writes them (from the localised tree); anything else in
/// catalogue words, with clap's exit code 2.
fn parse_error(e: &clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
        say!("{}", e.render().to_string().trim_end());
        return ExitCode::SUCCESS;
    }
    tell!("{}", help::error_message(e));
    ExitCode::from(2)
}

/// Every catalogue key the localised `--help` looks up (for the test that no key is dead).
#[cfg(test)]
pub(crate) fn help_keys() -> Vec<String> {
    help::keys(Cli::command())
}

/// Which errors stop a command: any in the project, or only those in the files it reads.
enum Needs {
    Project,
    /// The settings and the unit registry only.
    Registry,
    /// The settings, the registry and the task lists: forms for units can be written while
    /// other units' summaries (or notices) still have errors.
    TaskLists,
}

/// Loads and checks the project. When it has errors in what the command needs, prints every
/// diagnostic and returns the exit code to end with.
fn checked(env: &Env, needs: Needs) -> Result<Checked, ExitCode> {
    // These commands print only what stops them; proofreading warnings would be lost time.
    let opts = Options {
        no_proofread: true,
        ..env.opts.clone()
    };
    let c = crate::build::check(&env.root, &opts).map_err(|d| fail(&d))?;
    let blocking = match needs {
        Needs::Project => c.diagnostics.has_errors(),
        Needs::Registry => c.diagnostics.iter().any(|d| {
            d.is_error()
                && (d.file == Path::new(paths::UNITS) || d.file == Path::new(paths::CONFIG))
        }),
        Needs::TaskLists => c.diagnostics.iter().any(|d| {
            d.is_error()
                && (d.file == Path::new(paths::UNITS)
                    || d.file == Path::new(paths::CONFIG)
                    || d.file.starts_with(paths::TASKS))
        }),
    };
    if blocking {
        return Err(fail(&c.diagnostics));
    }
    Ok(c)
}

fn print(diags: &Diagnostics) {
    for d in diags.iter() {
        tell!("{d}");
    }
}

/// Exit code 1 when anything is an error.
fn finish(d: &Diagnostics) -> ExitCode {
    if d.has_errors() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn fail(d: &Diagnostics) -> ExitCode {
    print(d);
    ExitCode::FAILURE
}

fn wrote(path: &Path) {
    say!(
        "{}",
        t!(
            "wrote",
            path = for_terminal(&display_path(path)).into_owned()
        )
    );
}
