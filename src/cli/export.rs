//! `gongwen export`: every task list as .xlsx and .csv.

use std::process::ExitCode;

use crate::cli::{Env, Needs, checked, finish, print, wrote};
use crate::diag::Diagnostics;
use crate::paths;

#[derive(clap::Args)]
pub(super) struct Args {
    #[command(flatten)]
    pub(super) fonts: super::FontArgs,
    /// Output folder (default: <project>/out/tasks).
    #[arg(long, short = 'o')]
    out: Option<std::path::PathBuf>,
}

pub(super) fn run(env: &Env, args: Args) -> ExitCode {
    let c = match checked(env, Needs::Project) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let dir = args.out.unwrap_or_else(|| env.root.join(paths::OUT_TASKS));
    let mut failed = Diagnostics::default();
    for list in &c.project.task_lists {
        match crate::sheet::export(list, &dir) {
            Ok(paths) => {
                paths.iter().for_each(|p| wrote(p));
                if let Err(d) = crate::outdir::record(&dir, &paths) {
                    failed.push(d);
                }
            }
            Err(d) => failed.push(d),
        }
    }
    print(&failed);
    finish(&failed)
}
