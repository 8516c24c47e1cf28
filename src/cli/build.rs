//! `gongwen build`.

use std::process::ExitCode;

use crate::build::Options;
use crate::cli::{Env, fail, finish, print, wrote};
use crate::diag::display_path;
use crate::i18n::t;
use crate::paths;

#[derive(clap::Args)]
pub(super) struct Args {
    #[command(flatten)]
    pub(super) fonts: super::FontArgs,
    /// Also write the generated Typst source next to each PDF.
    #[arg(long)]
    emit_typst: bool,
    /// Output folder (default: <project>/out).
    #[arg(long, short = 'o')]
    out: Option<std::path::PathBuf>,
    /// Skip the static site.
    #[arg(long)]
    no_site: bool,
    /// Leave out the proofreading warnings.
    #[arg(long)]
    no_proofread: bool,
    /// Skip the Word documents (out/docx).
    #[arg(long)]
    no_docx: bool,
}

pub(super) fn run(env: &Env, args: Args) -> ExitCode {
    let opts = Options {
        emit_typst: args.emit_typst,
        out_dir: args.out,
        site: !args.no_site,
        no_proofread: args.no_proofread,
        docx: !args.no_docx,
        ..env.opts.clone()
    };
    let report = match crate::build::build(&env.root, &opts) {
        Ok(r) => r,
        Err(d) => return fail(&d),
    };
    for w in report.written.iter().filter(|w| !w.kept) {
        if w.pages > 0 {
            say!(
                "{}",
                t!("wrote-pages", path = display_path(&w.path), pages = w.pages)
            );
        } else {
            wrote(&w.path);
        }
    }
    let kept = report.written.iter().filter(|w| w.kept).count();
    if kept > 0 {
        say!("{}", t!("kept-files", n = kept));
    }
    for r in &report.removed {
        say!("{}", t!("removed-stale", path = display_path(r)));
    }
    if let Some(site) = report.site {
        let dir = opts.out_dir(&env.root).join(paths::OUT_SITE);
        say!(
            "{}",
            t!(
                "wrote-site",
                path = display_path(&dir),
                pages = site.pages,
                changed = site.changed
            )
        );
    }
    print(&report.diagnostics);
    finish(&report.diagnostics)
}
