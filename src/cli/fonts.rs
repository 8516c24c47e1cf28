//! `gongwen fonts`: which font serves each role, and where it comes from.

use std::process::ExitCode;

use crate::cli::{Env, fail};
use crate::diag::for_terminal;
use crate::fonts::Fonts;
use crate::i18n::t;
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
    let mut fallbacks: Vec<&str> = Vec::new();
    for (role, f) in fonts.all() {
        let label = &role.describe();
        say!(
            "{label}{} {}",
            " ".repeat(46usize.saturating_sub(columns(label))),
            f.source
        );
        if !f.not_found.is_empty() {
            say!(
                "    {}",
                t!(
                    "fonts-not-found",
                    families = for_terminal(&f.not_found.join(", ")).into_owned(),
                    key = role.key()
                )
            );
        }
        for (family, _) in &f.fallbacks {
            if !fallbacks.contains(&family.as_str()) {
                fallbacks.push(family);
            }
        }
    }
    if fallbacks.is_empty() {
        say!("{}", t!("fonts-no-fallback"));
    } else {
        say!(
            "{}",
            t!(
                "fonts-fallbacks",
                families = for_terminal(&fallbacks.join(", ")).into_owned()
            )
        );
    }
    ExitCode::SUCCESS
}
