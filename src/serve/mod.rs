//! `gongwen serve`: a local preview, not a web server for the public. It builds, serves out/site
//! on 127.0.0.1, rebuilds when content or templates change and reloads the browser. Requests
//! are answered concurrently with timeouts (a stalled client cannot block the others); builds
//! run on their own thread, so the last good site stays served while one runs or fails; Typst's
//! caches are evicted after every build, so memory stays flat over a long session.

mod http;
mod watch;

use crate::i18n::t;
use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use crate::build::{self, Options};
use crate::paths;

/// What the browser polls and the server shows.
pub(crate) struct State {
    /// Successful builds so far; the page reloads when it changes.
    build: AtomicU64,
    /// Cache evictions so far (one per build), for the tests and the benchmark.
    evictions: AtomicU64,
    /// The last build's errors, empty when it succeeded.
    error: Mutex<String>,
    site: PathBuf,
    port: u16,
    /// Bound beyond this machine (`--bind`): requests by IP address are answered too.
    network: bool,
}

/// Age (in builds) after which Typst's cached results are dropped: recent ones speed up the next
/// rebuild, older ones would make memory grow with every edit.
const CACHE_AGE: usize = 1;

/// Builds once, recording the outcome in `state`.
fn rebuild(root: &Path, opts: &Options, state: &State) {
    // The pages first (the browser reloads on each publish), then the PDFs they link.
    let early = || {
        state.build.fetch_add(1, Ordering::SeqCst);
    };
    let message = match build::build_previewing(root, opts, Some(&early)) {
        Ok(report) if !report.diagnostics.has_errors() => {
            state.error.lock().map(|mut e| e.clear()).ok();
            state.build.fetch_add(1, Ordering::SeqCst);
            let site = report.site.unwrap_or_default();
            tell!(
                "{}",
                t!(
                    "serve-rebuilt",
                    written = report.written.iter().filter(|w| !w.kept).count(),
                    kept = report.written.iter().filter(|w| w.kept).count(),
                    pages = site.pages,
                    changed = site.changed
                )
            );
            String::new()
        }
        Ok(report) => report.diagnostics.to_string(),
        Err(d) => d.to_string(),
    };
    typst::comemo::evict(CACHE_AGE);
    state.evictions.fetch_add(1, Ordering::SeqCst);
    if !message.is_empty() {
        tell!("{message}");
        if let Ok(mut e) = state.error.lock() {
            *e = message;
        }
    }
}

/// Builds, then serves until interrupted. `on_ready` gets the bound address (for tests and the
/// message to the user).
pub(crate) fn serve(
    root: &Path,
    opts: Options,
    bind: IpAddr,
    port: u16,
    on_ready: impl FnOnce(&str),
) -> Result<(), String> {
    let opts = Options { site: true, ..opts };
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| t!("serve-cannot-start", reason = e.to_string()))?;
    let listener = runtime
        .block_on(tokio::net::TcpListener::bind((bind, port)))
        .map_err(|e| {
            t!(
                "serve-cannot-listen",
                address = format!("{bind}:{port}"),
                reason = e.to_string()
            )
        })?;
    let addr = listener.local_addr().map_err(|e| {
        t!(
            "serve-cannot-listen",
            address = format!("{bind}:{port}"),
            reason = e.to_string()
        )
    })?;
    let state = Arc::new(State {
        build: AtomicU64::new(0),
        evictions: AtomicU64::new(0),
        error: Mutex::new(String::new()),
        site: opts.out_dir(root).join(paths::OUT_SITE),
        port: addr.port(),
        network: !bind.is_loopback(),
    });
    // Taken before the first build, so an edit made while it runs is not missed.
    let watcher = watch::Watcher::new(root);
    rebuild(root, &opts, &state);
    on_ready(&addr.to_string());
    let (root, builder_state) = (root.to_path_buf(), state.clone());
    std::thread::spawn(move || {
        let mut watcher = watcher;
        loop {
            watcher.wait_for_change();
            rebuild(&root, &opts, &builder_state);
        }
    });
    runtime.block_on(http::run(listener, state));
    Ok(())
}
