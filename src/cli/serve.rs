//! `gongwen serve`.

use std::process::ExitCode;

use crate::cli::Env;

#[derive(clap::Args)]
pub(super) struct Args {
    /// Port on 127.0.0.1 (0 picks a free one).
    #[arg(long, default_value_t = 8000)]
    port: u16,
}

pub(super) fn run(env: &Env, args: Args) -> ExitCode {
    let result = crate::serve::serve(&env.root, env.opts.clone(), args.port, |addr| {
        println!("serving http://{addr}/ (Ctrl-C to stop)");
        use std::io::Write;
        let _ = std::io::stdout().flush();
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
