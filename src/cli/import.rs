//! `gongwen import`: a task table from a spreadsheet, as tasks YAML.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::cli::{Env, Needs, checked, fail, wrote};
use crate::diag::Diagnostic;
use crate::output;

#[derive(clap::Args)]
pub(super) struct Args {
    /// The spreadsheet.
    file: PathBuf,
    /// Write the YAML here instead of printing it (refuses to overwrite).
    #[arg(long, short = 'o')]
    output: Option<PathBuf>,
}

pub(super) fn run(env: &Env, args: Args) -> ExitCode {
    // Unit names are checked against the registry: its own errors come first.
    let c = match checked(env, Needs::Registry) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let yaml = match crate::sheet::import(&args.file, &args.file, &c.project.registry) {
        Ok(y) => y,
        Err(d) => return fail(&d),
    };
    let Some(path) = args.output else {
        print!("{yaml}");
        return ExitCode::SUCCESS;
    };
    if path.exists() {
        return fail(
            &Diagnostic::file_error(&path, "already exists; not overwritten")
                .with_help("choose another --output, or remove the file first")
                .into(),
        );
    }
    match output::write(&path, yaml.as_bytes()) {
        Ok(()) => {
            wrote(&path);
            ExitCode::SUCCESS
        }
        Err(d) => fail(&d.into()),
    }
}
