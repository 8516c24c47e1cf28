//! `gongwen serve`.

use std::net::IpAddr;
use std::process::ExitCode;

use crate::cli::Env;
use crate::i18n::t;

#[derive(clap::Args)]
pub(super) struct Args {
    #[command(flatten)]
    pub(super) fonts: super::FontArgs,
    /// Port (0 picks a free one).
    #[arg(long, default_value_t = 8000)]
    port: u16,
    /// The address to listen on: 127.0.0.1 (this machine only), or this machine's address on
    /// the office network (or 0.0.0.0) so a colleague can preview from another PC.
    #[arg(long, default_value = "127.0.0.1")]
    bind: IpAddr,
    /// Open the site in the browser once it is built.
    #[arg(long)]
    open: bool,
}

pub(super) fn run(env: &Env, args: Args) -> ExitCode {
    let open = args.open;
    let result = crate::serve::serve(&env.root, env.opts.clone(), args.bind, args.port, |addr| {
        let url = format!("http://{addr}/");
        if args.bind.is_loopback() {
            say!("{}", t!("serving", url = url.as_str()));
        } else {
            say!(
                "{}\n{}: {}",
                t!("serving-network", url = url.as_str()),
                t!("label-note"),
                t!("serving-preview-note")
            );
        }
        use std::io::Write;
        let _ = std::io::stdout().flush();
        if open {
            let local = if args.bind.is_unspecified() {
                format!(
                    "http://127.0.0.1:{}/",
                    addr.rsplit(':').next().unwrap_or("8000")
                )
            } else {
                url
            };
            if let Err(e) = opener::open_browser(&local) {
                tell!(
                    "{}: {}",
                    t!("label-warning"),
                    t!("serve-no-browser", reason = e.to_string(), url = local)
                );
            }
        }
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            tell!("{}: {e}", t!("label-error"));
            ExitCode::FAILURE
        }
    }
}
