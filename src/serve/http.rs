//! The preview's HTTP side: hyper on a single-threaded tokio runtime, each connection its own
//! task with a deadline. Answers GET and HEAD for localhost names only (a web page elsewhere
//! cannot read drafts through DNS rebinding), serves the site with the live-reload script, and
//! shows the last build's errors — also when no build has succeeded yet.

use crate::i18n::t;
use std::convert::Infallible;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Duration;

use http_body_util::Full;
use hyper::body::{Bytes, Incoming};
use hyper::header::{ALLOW, CACHE_CONTROL, CONTENT_TYPE, HOST};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Method, Request, Response, StatusCode};
use hyper_util::rt::{TokioIo, TokioTimer};

use crate::serve::State;

/// A request's head must arrive within this.
const HEADER_TIMEOUT: Duration = Duration::from_secs(5);
/// A connection is wound down after this, and dropped a little later if the client does not
/// read its response.
const CONNECTION_DEADLINE: Duration = Duration::from_secs(30);
const GRACE: Duration = Duration::from_secs(5);

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

type Answer = Response<Full<Bytes>>;

fn answer(code: StatusCode, content_type: &str, body: impl Into<Bytes>) -> Answer {
    let mut r = Response::new(Full::new(body.into()));
    *r.status_mut() = code;
    let h = r.headers_mut();
    if let Ok(v) = content_type.parse() {
        h.insert(CONTENT_TYPE, v);
    }
    h.insert(
        CACHE_CONTROL,
        hyper::header::HeaderValue::from_static("no-store"),
    );
    r
}

/// Serves until the process ends.
pub(crate) async fn run(listener: tokio::net::TcpListener, state: Arc<State>) {
    loop {
        let Ok((tcp, _)) = listener.accept().await else {
            continue;
        };
        let state = state.clone();
        tokio::spawn(async move {
            let service = service_fn(move |req| {
                let state = state.clone();
                async move { Ok::<_, Infallible>(handle(req, &state).await) }
            });
            let conn = http1::Builder::new()
                .timer(TokioTimer::new())
                .header_read_timeout(HEADER_TIMEOUT)
                .max_buf_size(64 * 1024)
                .serve_connection(TokioIo::new(tcp), service);
            let mut conn = std::pin::pin!(conn);
            if tokio::time::timeout(CONNECTION_DEADLINE, conn.as_mut())
                .await
                .is_ok()
            {
                return;
            }
            conn.as_mut().graceful_shutdown();
            let _ = tokio::time::timeout(GRACE, conn).await;
        });
    }
}

/// Only requests addressed to this machine by a local name, or (bound to the network) by an IP
/// address: a page on another site that resolves its own name to this machine (DNS rebinding)
/// sends its own name, never an address.
fn host_allowed(host: Option<&str>, port: u16, network: bool) -> bool {
    let Some(host) = host else {
        return false;
    };
    let name = match host.rsplit_once(':') {
        Some((name, p)) if p == port.to_string() => name,
        _ if port == 80 => host,
        _ => return false,
    };
    let local = ["localhost", "127.0.0.1", "[::1]"].contains(&name);
    let address = name
        .strip_prefix('[')
        .and_then(|n| n.strip_suffix(']'))
        .unwrap_or(name)
        .parse::<std::net::IpAddr>()
        .is_ok();
    local || (network && address)
}

async fn handle(req: Request<Incoming>, state: &State) -> Answer {
    let host = req.headers().get(HOST).and_then(|h| h.to_str().ok());
    if !host_allowed(host, state.port, state.network) {
        return answer(
            StatusCode::FORBIDDEN,
            "text/plain; charset=utf-8",
            t!("serve-localhost-only"),
        );
    }
    if req.method() != Method::GET && req.method() != Method::HEAD {
        let mut r = answer(
            StatusCode::METHOD_NOT_ALLOWED,
            "text/plain; charset=utf-8",
            "GET or HEAD only",
        );
        r.headers_mut()
            .insert(ALLOW, hyper::header::HeaderValue::from_static("GET, HEAD"));
        return r;
    }
    let path = req.uri().path();
    if path == "/__gongwen/state" {
        let error = state.error.lock().map(|e| e.clone()).unwrap_or_default();
        let body = serde_json::json!({
            "build": state.build.load(Ordering::SeqCst),
            "evictions": state.evictions.load(Ordering::SeqCst),
            "error": error,
        });
        return answer(StatusCode::OK, "application/json", body.to_string());
    }
    if path == "/__gongwen/reload.js" {
        return answer(StatusCode::OK, "text/javascript; charset=utf-8", RELOAD_JS);
    }
    let Some(file) = resolve(&state.site, path) else {
        return answer(
            StatusCode::NOT_FOUND,
            "text/plain; charset=utf-8",
            t!("serve-not-found"),
        );
    };
    match tokio::fs::read(&file).await {
        Ok(bytes) if file.extension().is_some_and(|e| e == "html") => {
            let html = String::from_utf8_lossy(&bytes).replace(
                "</body>",
                "<script src=\"/__gongwen/reload.js\"></script>\n</body>",
            );
            answer(StatusCode::OK, "text/html; charset=utf-8", html)
        }
        Ok(bytes) => answer(StatusCode::OK, content_type(&file), bytes),
        // Nothing built yet: show why, and reload when a build succeeds.
        Err(_) if !state.site.exists() => {
            answer(StatusCode::OK, "text/html; charset=utf-8", NO_SITE_YET)
        }
        Err(_) => answer(
            StatusCode::NOT_FOUND,
            "text/plain; charset=utf-8",
            t!("serve-not-found"),
        ),
    }
}

/// The page shown before the first successful build: the reload script shows the errors.
const NO_SITE_YET: &str = "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>gongwen</title></head><body><p>尚未构建成功，请修改内容后保存；错误见下方。</p><script src=\"/__gongwen/reload.js\"></script>\n</body></html>";

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_are_local_names_or_on_the_network_addresses_never_other_names() {
        for host in ["localhost:8000", "127.0.0.1:8000", "[::1]:8000"] {
            assert!(host_allowed(Some(host), 8000, false), "{host}");
        }
        for host in [
            "evil.example:8000",
            "localhost:9000",
            "192.168.1.5:8000",
            "localhost",
        ] {
            assert!(!host_allowed(Some(host), 8000, false), "{host}");
        }
        assert!(!host_allowed(None, 8000, false));
        // Bound to the office network: a colleague types the machine's address.
        for host in ["192.168.1.5:8000", "[fe80::1]:8000", "localhost:8000"] {
            assert!(host_allowed(Some(host), 8000, true), "{host}");
        }
        for host in [
            "intranet.example:8000",
            "rebind.attacker.test:8000",
            "192.168.1.5:80",
        ] {
            assert!(!host_allowed(Some(host), 8000, true), "{host}");
        }
        assert!(host_allowed(Some("10.0.0.2"), 80, true));
    }

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
