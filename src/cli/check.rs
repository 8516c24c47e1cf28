//! `gongwen check`: load, check and proofread everything, write nothing.

use std::process::ExitCode;

use crate::build::Options;
use crate::cli::{Env, fail, finish, print};
use crate::diag::Diagnostics;
use crate::i18n::t;

#[derive(clap::Args)]
pub(super) struct Args {
    #[command(flatten)]
    pub(super) fonts: super::FontArgs,
    /// Make every warning an error (exit code 1): a gate for offices that want one.
    #[arg(long)]
    strict: bool,
    /// `json`: one JSON object per diagnostic on stdout (file, line, column, severity, rule,
    /// message, suggestion, fix), for editors and CI.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Leave out the proofreading.
    #[arg(long)]
    no_proofread: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    Text,
    Json,
}

pub(super) fn run(env: &Env, args: Args) -> ExitCode {
    let opts = Options {
        no_proofread: args.no_proofread,
        ..env.opts.clone()
    };
    let strict = |d: Diagnostics| if args.strict { d.strict() } else { d };
    let c = match crate::build::check(&env.root, &opts) {
        Ok(c) => c,
        Err(d) if args.format == Format::Json => return json(&d),
        Err(d) => return fail(&d),
    };
    let diagnostics = strict(c.diagnostics);
    if args.format == Format::Json {
        return json(&diagnostics);
    }
    print(&diagnostics);
    if !diagnostics.has_errors() {
        let (notices, lists, subs) = c.project.counts();
        say!(
            "{}",
            t!(
                "checked-ok",
                notices = notices,
                lists = lists,
                submissions = subs
            )
        );
    }
    finish(&diagnostics)
}

/// Every diagnostic as a line of JSON on stdout.
fn json(d: &Diagnostics) -> ExitCode {
    for d in d.iter() {
        say!("{}", d.to_json());
    }
    finish(d)
}
