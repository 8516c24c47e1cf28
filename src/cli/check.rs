//! `gongwen check`: load and check everything, write nothing.

use std::process::ExitCode;

use crate::cli::{Env, count, fail, finish, print};

pub(super) fn run(env: &Env) -> ExitCode {
    let c = match crate::build::check(&env.root, &env.opts) {
        Ok(c) => c,
        Err(d) => return fail(&d),
    };
    print(&c.diagnostics);
    if !c.diagnostics.has_errors() {
        let (notices, lists, subs) = c.project.counts();
        println!(
            "ok: {}, {}, {} checked",
            count(notices, "notice"),
            count(lists, "task list"),
            count(subs, "submission")
        );
    }
    finish(&c.diagnostics)
}
