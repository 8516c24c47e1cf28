//! `gongwen serve` on 127.0.0.1: rebuilds on change and shows errors keeping the last good site;
//! answers only localhost names and GET/HEAD; a client that stalls does not block the others;
//! Typst's caches are evicted after every build.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use crate::common::{notice, project};

/// A running `gongwen serve` and its address; killed when dropped.
struct Server {
    child: Child,
    addr: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn serve(root: &std::path::Path) -> Server {
    serve_with(root, &[]).0
}

/// `serve` with more arguments; also returns the rest of what it printed on starting.
fn serve_with(root: &std::path::Path, more: &[&str]) -> (Server, String) {
    serve_env(root, more, &[])
}

fn serve_env(root: &std::path::Path, more: &[&str], env: &[(&str, &str)]) -> (Server, String) {
    let mut cmd = crate::common::bin_in("en_US.UTF-8");
    cmd.envs(env.iter().copied())
        .args(["--project", root.to_str().unwrap()]);
    start(cmd, more)
}

/// Starts `cmd` (gongwen with what comes before `serve`) serving with `more` arguments.
fn start(mut cmd: std::process::Command, more: &[&str]) -> (Server, String) {
    let mut child = cmd
        .args(["serve", "--no-system-fonts", "--port", "0"])
        .args(more)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    out.read_line(&mut line).unwrap();
    let addr = line
        .trim()
        .strip_prefix("serving http://")
        .and_then(|r| r.split('/').next())
        .unwrap_or_else(|| panic!("{line}"))
        .to_string();
    let mut note = String::new();
    if more.contains(&"--bind") {
        out.read_line(&mut note).unwrap();
    }
    (Server { child, addr }, line + &note)
}

/// Sends `request` (the whole head) and returns the status code and body.
fn raw(addr: &str, request: &str) -> (u16, String) {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    s.write_all(request.as_bytes()).unwrap();
    let mut buf = Vec::new();
    let _ = s.read_to_end(&mut buf);
    let text = String::from_utf8_lossy(&buf).to_string();
    let code = text
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    let body = text
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    (code, body)
}

fn get(addr: &str, path: &str) -> (u16, String) {
    raw(
        addr,
        &format!("GET {path} HTTP/1.0\r\nHost: {addr}\r\n\r\n"),
    )
}

fn wait_for(addr: &str, what: impl Fn(&str) -> bool) -> String {
    let start = Instant::now();
    loop {
        let (_, body) = get(addr, "/__gongwen/state");
        if what(&body) || start.elapsed() > Duration::from_secs(60) {
            return body;
        }
        std::thread::sleep(Duration::from_millis(200));
    }
}

/// A number in the state JSON.
fn counter(state: &str, key: &str) -> u64 {
    serde_json::from_str::<serde_json::Value>(state).unwrap()[key]
        .as_u64()
        .unwrap()
}

#[test]
fn rebuilds_on_change_and_shows_errors_keeping_the_last_good_site() {
    let p = project(&[]);
    let s = serve(p.path());
    let addr = &s.addr;
    let (code, home) = get(addr, "/");
    assert_eq!(code, 200);
    assert!(
        home.contains("/__gongwen/reload.js"),
        "live reload script injected"
    );
    assert_eq!(get(addr, "/../Cargo.toml").0, 404);
    let first = wait_for(addr, |s| s.contains("\"build\":1"));
    assert!(first.contains("\"error\":\"\""), "{first}");
    std::fs::write(
        p.path().join("content/notices/a.md"),
        notice().replace("年度工作总结的通知", "年度工作总结的补充通知"),
    )
    .unwrap();
    let second = wait_for(addr, |s| counter(s, "evictions") >= 2);
    // The edited pages are published before the PDFs are typeset (an edit shows at once), then
    // once more with the new PDFs: two reloads for one edit.
    assert_eq!(
        counter(&second, "build"),
        3,
        "no rebuild after an edit: {second}"
    );
    assert!(get(addr, "/index.html").1.contains("补充通知"));
    std::fs::write(
        p.path().join("content/notices/a.md"),
        "---\ntitle: 坏\n---\n",
    )
    .unwrap();
    let state = wait_for(addr, |s| s.contains("no `date`"));
    assert!(
        state.contains("content/notices/a.md:1:1: error: the notice has no `date`"),
        "{state}"
    );
    assert!(
        get(addr, "/index.html").1.contains("补充通知"),
        "the last good site is still served"
    );
    // Every build, good or failed, evicts Typst's caches: memory does not grow with each edit.
    assert_eq!(counter(&state, "evictions"), 3, "{state}");
}

#[test]
fn run_inside_the_project_folder_without_project_it_sees_edits() {
    let p = project(&[]);
    let mut cmd = crate::common::bin_in("en_US.UTF-8");
    cmd.current_dir(p.path());
    let (s, _) = start(cmd, &[]);
    wait_for(&s.addr, |s| s.contains("\"build\":1"));
    std::fs::write(
        p.path().join("content/notices/a.md"),
        notice().replace("年度工作总结的通知", "年度工作总结的补充通知"),
    )
    .unwrap();
    wait_for(&s.addr, |s| counter(s, "evictions") >= 2);
    assert!(get(&s.addr, "/index.html").1.contains("补充通知"));
}

#[test]
fn a_first_build_that_fails_shows_the_errors_not_a_bare_404() {
    let p = project(&[("notices/a.md", "---\ntitle: 坏\n---\n")]);
    let s = serve(p.path());
    let (code, page) = get(&s.addr, "/");
    assert_eq!(code, 200);
    assert!(
        page.contains("/__gongwen/reload.js") && page.contains("尚未构建成功"),
        "{page}"
    );
    assert!(
        get(&s.addr, "/__gongwen/state")
            .1
            .contains("the notice has no `date`")
    );
}

#[test]
fn only_localhost_names_and_get_or_head_are_answered() {
    let p = project(&[]);
    let s = serve(p.path());
    let addr = &s.addr;
    let port = addr.rsplit(':').next().unwrap();
    let (code, _) = raw(
        addr,
        "GET / HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n",
    );
    assert_eq!(code, 403, "a foreign Host (DNS rebinding) is refused");
    let (code, _) = raw(
        addr,
        &format!("GET / HTTP/1.1\r\nHost: localhost:{port}\r\nConnection: close\r\n\r\n"),
    );
    assert_eq!(code, 200);
    let (code, _) = raw(
        addr,
        &format!(
            "POST / HTTP/1.1\r\nHost: {addr}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
        ),
    );
    assert_eq!(code, 405);
    let (code, body) = raw(
        addr,
        &format!("HEAD / HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"),
    );
    assert_eq!((code, body.as_str()), (200, ""));
}

#[test]
fn a_stalled_client_does_not_block_the_others() {
    let p = project(&[]);
    let s = serve(p.path());
    let addr = &s.addr;
    // One announces a body and never sends it; another asks for a PDF and never reads it.
    let mut slow = TcpStream::connect(addr).unwrap();
    slow.write_all(
        format!("POST / HTTP/1.1\r\nHost: {addr}\r\nContent-Length: 100000\r\n\r\n").as_bytes(),
    )
    .unwrap();
    let mut stalled = Vec::new();
    for _ in 0..20 {
        let mut c = TcpStream::connect(addr).unwrap();
        c.write_all(
            format!("GET /pdf/%E6%9F%90%E5%BA%9C%E5%8A%9E%E5%8F%91%E3%80%942024%E3%80%957%E5%8F%B7.pdf HTTP/1.1\r\nHost: {addr}\r\n\r\n")
                .as_bytes(),
        )
        .unwrap();
        stalled.push(c);
    }
    let mut half = TcpStream::connect(addr).unwrap();
    half.write_all(b"GET / HT").unwrap();
    // Meanwhile every other request is answered.
    for _ in 0..5 {
        let (code, page) = get(addr, "/index.html");
        assert_eq!(code, 200);
        assert!(page.contains("</html>"));
    }
    drop((slow, stalled, half));
}

#[test]
fn bound_to_the_network_it_answers_a_colleague_by_address_and_says_it_is_a_preview() {
    let p = project(&[]);
    let (s, said) = serve_with(p.path(), &["--bind", "0.0.0.0"]);
    assert!(
        said.contains("to the network") && said.contains("not a server"),
        "{said}"
    );
    let port = s.addr.rsplit(':').next().unwrap();
    let local = format!("127.0.0.1:{port}");
    let (code, _) = raw(
        &local,
        &format!("GET / HTTP/1.1\r\nHost: 192.0.2.7:{port}\r\nConnection: close\r\n\r\n"),
    );
    assert_eq!(
        code, 200,
        "a colleague's browser sends the machine's address"
    );
    let (code, _) = raw(
        &local,
        &format!("GET / HTTP/1.1\r\nHost: rebind.example:{port}\r\nConnection: close\r\n\r\n"),
    );
    assert_eq!(code, 403, "a name is still refused (DNS rebinding)");
}

#[test]
fn open_starts_the_browser_on_the_site() {
    let p = project(&[]);
    // opener honours $BROWSER: a script that records what it was asked to open.
    let seen = p.path().join("opened.txt");
    let browser = p.path().join("browser.sh");
    std::fs::write(
        &browser,
        // Written aside and renamed, so the test never reads it half-written.
        format!(
            "#!/bin/sh\necho \"$1\" > '{0}.part' && mv '{0}.part' '{0}'\n",
            seen.display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(
        &browser,
        std::os::unix::fs::PermissionsExt::from_mode(0o755),
    )
    .unwrap();
    let (s, _) = serve_env(
        p.path(),
        &["--open"],
        &[("BROWSER", browser.to_str().unwrap())],
    );
    let deadline = Instant::now() + Duration::from_secs(20);
    while !seen.exists() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(100));
    }
    let opened = std::fs::read_to_string(&seen).unwrap_or_default();
    assert_eq!(opened.trim(), format!("http://{}/", s.addr));
}
