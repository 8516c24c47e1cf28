//! `gongwen fonts`: which font serves each role, and where it comes from.

use std::process::ExitCode;

use crate::cli::{Env, fail};
use crate::fonts::Fonts;
use crate::load;
use crate::text::columns;

pub(super) fn run(env: &Env) -> ExitCode {
    let config = match crate::root::Root::new(&env.root)
        .map_err(Into::into)
        .and_then(|root| load::config(&root))
    {
        Ok((config, _)) => config,
        Err(d) => return fail(&d),
    };
    let fonts = Fonts::load(&config.fonts, &env.opts.font_paths, env.opts.system_fonts);
    for (role, f) in fonts.all() {
        let label = role.describe();
        println!(
            "{label}{} {}",
            " ".repeat(46usize.saturating_sub(columns(label))),
            f.source
        );
    }
    ExitCode::SUCCESS
}
