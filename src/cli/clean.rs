//! `gongwen clean`: removes what gongwen wrote under out/ (or --out DIR), nothing else.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::cli::Env;
use crate::diag::{display_path, for_terminal};
use crate::i18n::t;
use crate::{outdir, paths};

#[derive(clap::Args)]
pub(super) struct Args {
    /// The output folder (default: <project>/out).
    #[arg(long, short = 'o')]
    out: Option<PathBuf>,
}

pub(super) fn run(env: &Env, args: Args) -> ExitCode {
    let out = args.out.unwrap_or_else(|| env.root.join(paths::OUT));
    let removed = outdir::clean(&out);
    for p in &removed {
        say!(
            "{}",
            t!(
                "removed",
                path = for_terminal(&display_path(p)).into_owned()
            )
        );
    }
    if removed.is_empty() {
        say!(
            "{}",
            t!(
                "nothing-to-remove",
                path = for_terminal(&display_path(&out)).into_owned()
            )
        );
    }
    ExitCode::SUCCESS
}
