//! `gongwen serve`: build, serve out/site on 127.0.0.1, rebuild when content or templates change,
//! and reload the browser. A failed rebuild is shown in the page; the last good site stays served.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

use tiny_http::{Header, Response, Server};

use crate::build::{self, Options};

/// What the browser polls: a build counter and the last build's errors.
#[derive(Default)]
struct State {
    build: u64,
    error: String,
}

const RELOAD_JS: &str = r#"(function () {
  var seen = null;
  function show(err) {
    var box = document.getElementById("gongwen-error");
    if (!err) { if (box) box.remove(); return; }
    if (!box) {
      box = document.createElement("pre");
      box.id = "gongwen-error";
      box.style.cssText = "position:fixed;left:0;right:0;bottom:0;max-height:50%;overflow:auto;margin:0;padding:1em;background:#fff3f3;color:#8b0000;border-top:3px solid #c8102e;z-index:9999;white-space:pre-wrap";
      document.body.appendChild(box);
    }
    box.textContent = "构建失败（仍显示上一次成功的版本）：\n\n" + err;
  }
  function poll() {
    fetch("/__gongwen/state", { cache: "no-store" }).then(function (r) { return r.json(); }).then(function (s) {
      if (seen !== null && s.build !== seen) { location.reload(); return; }
      seen = s.build;
      show(s.error);
    }).catch(function () {}).finally(function () { setTimeout(poll, 1000); });
  }
  poll();
})();
"#;

/// Modification times of everything a build reads, to notice edits.
fn fingerprint(root: &Path) -> Vec<(PathBuf, Option<SystemTime>, u64)> {
    let mut v = Vec::new();
    for dir in [crate::paths::CONTENT, "templates"] {
        for e in walkdir::WalkDir::new(root.join(dir))
            .sort_by_file_name()
            .into_iter()
            .filter_map(Result::ok)
        {
            if let Ok(m) = e.metadata() {
                v.push((e.path().to_path_buf(), m.modified().ok(), m.len()));
            }
        }
    }
    v
}

fn rebuild(root: &Path, opts: &Options, state: &Mutex<State>) {
    let message = match build::build(root, opts) {
        Ok(report) if !report.diagnostics.has_errors() => {
            let mut s = state.lock().expect("state lock");
            s.build += 1;
            s.error.clear();
            eprintln!(
                "rebuilt: {} files, site {} pages",
                report.written.len(),
                report.site_pages.unwrap_or(0)
            );
            return;
        }
        Ok(report) => report.diagnostics.to_string(),
        Err(d) => d.to_string(),
    };
    eprintln!("{message}");
    state.lock().expect("state lock").error = message;
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "pdf" => "application/pdf",
        "json" => "application/json",
        _ => "application/octet-stream",
    }
}


/// The file a request path names inside the site, or None if it would leave it.
fn resolve(site: &Path, url: &str) -> Option<PathBuf> {
    let path = percent_encoding::percent_decode_str(url.split(['?', '#']).next().unwrap_or("/"))
        .decode_utf8()
        .ok()?;
    let mut p = site.to_path_buf();
    for part in path.split('/').filter(|s| !s.is_empty()) {
        if part == ".." || part == "." || part.contains('\\') || part.contains(':') {
            return None;
        }
        p.push(part);
    }
    if p.is_dir() {
        p.push("index.html");
    }
    Some(p)
}

/// Builds, then serves until interrupted. `on_ready` gets the bound address (for tests and the
/// message to the user).
pub(crate) fn serve(
    root: &Path,
    opts: Options,
    port: u16,
    on_ready: impl FnOnce(&str),
) -> Result<(), String> {
    let opts = Options { site: true, ..opts };
    let site = opts.out_dir(root).join(crate::paths::OUT_SITE);
    let state = Arc::new(Mutex::new(State::default()));
    // Taken before the first build, so an edit made while it runs is not missed.
    let mut last = fingerprint(root);
    rebuild(root, &opts, &state);
    let server = Server::http(("127.0.0.1", port))
        .map_err(|e| format!("cannot listen on 127.0.0.1:{port}: {e}"))?;
    let addr = server
        .server_addr()
        .to_ip()
        .map(|a| a.to_string())
        .unwrap_or_default();
    on_ready(&addr);

    let watch_state = state.clone();
    let watch_root = root.to_path_buf();
    std::thread::spawn(move || {
        loop {
            std::thread::sleep(Duration::from_millis(400));
            let now = fingerprint(&watch_root);
            if now != last {
                last = now;
                rebuild(&watch_root, &opts, &watch_state);
            }
        }
    });

    let header =
        |k: &str, v: &str| Header::from_bytes(k.as_bytes(), v.as_bytes()).expect("valid header");
    for request in server.incoming_requests() {
        let url = request.url().to_string();
        let response = if url.starts_with("/__gongwen/state") {
            let s = state.lock().expect("state lock");
            let body = serde_json::json!({ "build": s.build, "error": s.error }).to_string();
            Response::from_data(body)
                .with_header(header("Content-Type", "application/json"))
                .with_header(header("Cache-Control", "no-store"))
        } else if url == "/__gongwen/reload.js" {
            Response::from_data(RELOAD_JS)
                .with_header(header("Content-Type", "text/javascript; charset=utf-8"))
        } else {
            match resolve(&site, &url).and_then(|p| std::fs::read(&p).ok().map(|b| (p, b))) {
                Some((path, mut bytes)) => {
                    if path.extension().is_some_and(|e| e == "html") {
                        let html = String::from_utf8_lossy(&bytes).replace(
                            "</body>",
                            "<script src=\"/__gongwen/reload.js\"></script>\n</body>",
                        );
                        bytes = html.into_bytes();
                    }
                    Response::from_data(bytes)
                        .with_header(header("Content-Type", content_type(&path)))
                        .with_header(header("Cache-Control", "no-store"))
                }
                None => Response::from_string("404 not found")
                    .with_status_code(404)
                    .with_header(header("Content-Type", "text/plain; charset=utf-8")),
            }
        };
        let _ = request.respond(response);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_cannot_leave_the_site() {
        let site = Path::new("/srv/site");
        assert_eq!(
            resolve(site, "/a/b.html?x=1"),
            Some(PathBuf::from("/srv/site/a/b.html"))
        );
        assert_eq!(resolve(site, "/../etc/passwd"), None);
        assert_eq!(resolve(site, "/%2e%2e/etc/passwd"), None);
        assert_eq!(
            resolve(site, "/pdf/%E6%B2%99.pdf"),
            Some(PathBuf::from("/srv/site/pdf/沙.pdf"))
        );
    }
}
