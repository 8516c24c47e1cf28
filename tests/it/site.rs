//! The static site: links and anchors resolve, nothing points outside, pages parse as HTML5,
//! hostile text cannot inject markup, search works from file:// in a real browser, a failed
//! build keeps the last good site, and `gongwen serve` rebuilds and reports errors.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::common::{files_below, fixture_with, gongwen, notice, project, repo, stderr};
use html5ever::tendril::TendrilSink;
use markup5ever_rcdom::{Handle, NodeData, RcDom};

fn build_example() -> tempfile::TempDir {
    let out = tempfile::tempdir().unwrap();
    let o = gongwen(&repo(), &["build", "--out", out.path().to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    out
}

/// A page's ids and the (attribute, value) pairs of its elements.
type Page = (BTreeSet<String>, Vec<(String, String)>);

/// Parse errors, ids, and (attribute, value) pairs of every element.
fn parse(html: &str) -> (Vec<String>, BTreeSet<String>, Vec<(String, String)>) {
    let dom = html5ever::parse_document(RcDom::default(), Default::default())
        .from_utf8()
        .read_from(&mut html.as_bytes())
        .unwrap();
    let mut ids = BTreeSet::new();
    let mut attrs = Vec::new();
    fn walk(h: &Handle, ids: &mut BTreeSet<String>, attrs: &mut Vec<(String, String)>) {
        if let NodeData::Element { attrs: a, .. } = &h.data {
            for at in a.borrow().iter() {
                let (k, v) = (at.name.local.to_string(), at.value.to_string());
                if k == "id" {
                    ids.insert(v.clone());
                }
                attrs.push((k, v));
            }
        }
        for c in h.children.borrow().iter() {
            walk(c, ids, attrs);
        }
    }
    walk(&dom.document, &mut ids, &mut attrs);
    let errors = dom.errors.borrow().iter().map(|e| e.to_string()).collect();
    (errors, ids, attrs)
}

#[test]
fn every_link_resolves_nothing_points_outside_and_pages_parse() {
    let out = build_example();
    let site = out.path().join("site");
    let files = files_below(&site);
    assert!(
        files.contains(&PathBuf::from("index.html"))
            && files.contains(&PathBuf::from("assets/search-index.js"))
    );
    let mut pages: BTreeMap<PathBuf, Page> = BTreeMap::new();
    for f in &files {
        let bytes = std::fs::read(site.join(f)).unwrap();
        if matches!(
            f.extension().and_then(|e| e.to_str()),
            Some("html" | "css" | "js")
        ) {
            let text = String::from_utf8(bytes).unwrap();
            assert!(
                !text.contains("http://") && !text.contains("https://"),
                "{} references the network",
                f.display()
            );
            if f.extension().is_some_and(|e| e == "html") {
                let (errors, ids, attrs) = parse(&text);
                assert!(
                    errors.is_empty(),
                    "{} does not parse cleanly: {errors:?}",
                    f.display()
                );
                assert!(
                    text.starts_with("<!DOCTYPE html>") && text.contains("<html lang=\"zh-CN\">"),
                    "{}",
                    f.display()
                );
                pages.insert(f.clone(), (ids, attrs));
            }
        }
    }
    let mut checked = 0;
    for (page, (_, attrs)) in &pages {
        for (k, v) in attrs
            .iter()
            .filter(|(k, _)| k == "href" || k == "src" || k == "action")
        {
            assert!(
                !v.starts_with('/') && !v.contains("://") && !v.starts_with("javascript:"),
                "{}: {k}={v} is not relative",
                page.display()
            );
            let (target, fragment) = target_of(page, v);
            let fragment = fragment.as_str();
            assert!(
                site.join(&target).is_file(),
                "{}: {k}={v} → {} does not exist",
                page.display(),
                target.display()
            );
            if !fragment.is_empty() {
                let ids = &pages
                    .get(&target)
                    .unwrap_or_else(|| panic!("{v}: anchor into a non-page"))
                    .0;
                assert!(
                    ids.contains(fragment),
                    "{}: anchor #{fragment} missing in {}",
                    page.display(),
                    target.display()
                );
            }
            checked += 1;
        }
    }
    assert!(checked > 200, "only {checked} links checked");
    // Every PDF of the build can be downloaded from the site.
    assert!(
        files.contains(&PathBuf::from("pdf/沙营商办发〔2020〕3号.pdf"))
            && files.contains(&PathBuf::from("pdf/2020-年度工作总结汇编.pdf"))
    );
}

/// The page an href (relative to `page`) points at, and its decoded anchor.
fn target_of(page: &Path, href: &str) -> (PathBuf, String) {
    let decode = |s: &str| {
        percent_encoding::percent_decode_str(s)
            .decode_utf8()
            .expect("hrefs decode to UTF-8")
            .to_string()
    };
    let (path, fragment) = href.split_once('#').unwrap_or((href, ""));
    let path = decode(path.split('?').next().unwrap());
    let target = if path.is_empty() {
        page.to_path_buf()
    } else {
        normalize(&page.parent().unwrap().join(path))
    };
    (target, decode(fragment))
}

fn normalize(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::Normal(x) => out.push(x),
            _ => {}
        }
    }
    out
}

#[test]
fn hostile_submissions_cannot_inject_markup() {
    let sub = "---\nunit: 区交通局\ndate: 2024-12-20\ntitle: \"<script>alert('t')</script>总结\"\ntasks:\n  - task: 1\n    status: 已完成\n    summary: \"<img src=x onerror=alert(1)> \\\"><svg onload=alert(2)>\"\n---\n<script>alert(3)</script>\n\n[点我](javascript:alert(4)) <a href=\"javascript:alert(5)\" onclick=\"alert(6)\">链接</a>\n\n<iframe src=\"https://evil.example/\"></iframe> **粗体**\n";
    let p = fixture_with("year", &[("submissions/2024/jtj.md", sub)]);
    let o = gongwen(p.path(), &["build"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let site = p.path().join("out/site");
    let mut seen_escaped = false;
    for f in files_below(&site)
        .into_iter()
        .filter(|f| f.extension().is_some_and(|e| e == "html"))
    {
        let html = std::fs::read_to_string(site.join(&f)).unwrap();
        let (_, _, attrs) = parse(&html);
        for (k, v) in &attrs {
            assert!(
                !k.starts_with("on"),
                "{}: event attribute {k}={v}",
                f.display()
            );
            assert!(
                !v.to_lowercase().contains("javascript:"),
                "{}: {k}={v}",
                f.display()
            );
            if k == "src" {
                assert!(
                    v.ends_with(".js") && v.contains("assets/"),
                    "{}: foreign src {v}",
                    f.display()
                );
            }
        }
        let lower = html.to_lowercase();
        assert!(
            !lower.contains("<iframe") && !lower.contains("<img") && !lower.contains("<svg"),
            "{}",
            f.display()
        );
        assert_eq!(
            lower.matches("<script").count(),
            lower.matches("<script src=\"").count(),
            "{}: inline script",
            f.display()
        );
        seen_escaped |= html.contains("&lt;script&gt;alert(3)&lt;/script&gt;");
    }
    assert!(seen_escaped, "the hostile text is shown as text");
}

/// Headless Chromium with a fresh profile in `profile` (a temporary folder the caller keeps
/// until the browser has exited, so nothing is left behind).
fn chromium(profile: &tempfile::TempDir) -> Command {
    let mut c = Command::new("chromium");
    let profile = profile.path();
    // The embedded Fandol fonts, so pages render Chinese (and screenshots can be read) on a
    // machine with no CJK fonts installed.
    let conf = profile.join("fonts.conf");
    std::fs::write(
        &conf,
        format!(
            "<?xml version=\"1.0\"?><fontconfig><include ignore_missing=\"yes\">/etc/fonts/fonts.conf</include><dir>{}</dir><cachedir>{}</cachedir></fontconfig>",
            repo().join("assets/fonts").display(),
            profile.join("fc-cache").display()
        ),
    )
    .unwrap();
    c.env("FONTCONFIG_FILE", &conf);
    c.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
    ])
    .arg(format!("--user-data-dir={}", profile.display()))
    .stderr(Stdio::null());
    c
}

#[test]
fn search_finds_a_task_in_a_real_browser_from_file_urls() {
    let out = build_example();
    let site = out.path().join("site");
    let url = |page: &str| format!("file://{}/{page}", site.display());
    // 车载 (on-board) appears in task 8 only as part of 公共交通车载电视.
    let profile = tempfile::tempdir().unwrap();
    let dom = chromium(&profile)
        .args(["--virtual-time-budget=10000", "--dump-dom"])
        .arg(url("search.html?q=车载"))
        .output()
        .expect("chromium must be installed (apt-get install chromium)");
    let dom = String::from_utf8_lossy(&dom.stdout);
    let results = dom
        .split("<ol id=\"search-results\"")
        .nth(1)
        .expect("results list")
        .split("</ol>")
        .next()
        .unwrap()
        .to_string();
    assert!(
        results.contains("href=\"tasks/2020-8.html\""),
        "task 8 not found:\n{results}"
    );
    assert!(
        results.contains("<mark>车载</mark>"),
        "match not highlighted:\n{results}"
    );
    // Screenshots for people to look at (target/test-artifacts/).
    let artifacts = repo().join("target/test-artifacts");
    std::fs::create_dir_all(&artifacts).unwrap();
    for (page, name) in [
        ("index.html", "home.png"),
        ("tasks.html", "tasks.png"),
        ("search.html?q=车载", "search.png"),
    ] {
        let shot = artifacts.join(name);
        let _ = std::fs::remove_file(&shot);
        let o = chromium(&profile)
            .args(["--window-size=1280,1600", "--virtual-time-budget=5000"])
            .arg(format!("--screenshot={}", shot.display()))
            .arg(url(page))
            .output()
            .unwrap();
        assert!(
            o.status.success() && shot.is_file(),
            "no screenshot of {page}"
        );
    }
}

#[test]
fn a_failed_build_leaves_the_previous_site_intact() {
    let p = project(&[]);
    assert!(gongwen(p.path(), &["build"]).status.success());
    let site = p.path().join("out/site");
    let before = crate::common::contents_below(&site);
    std::fs::write(
        p.path().join("content/notices/b.md"),
        "---\ntitle: 新通知\ndate: 2024-02-30\n---\n正文\n",
    )
    .unwrap();
    std::fs::write(
        p.path().join("content/notices/a.md"),
        notice().replace("内容真实", "内容真实可靠"),
    )
    .unwrap();
    let o = gongwen(p.path(), &["build"]);
    assert!(!o.status.success());
    assert!(
        before == crate::common::contents_below(&site),
        "the site changed although the build failed"
    );
    let leftovers = crate::common::leftovers_in(&p.path().join("out"));
    assert!(
        leftovers.is_empty(),
        "staging folders left behind: {leftovers:?}"
    );
}

#[test]
fn the_html_check_does_catch_broken_markup() {
    assert!(
        !parse("<!DOCTYPE html><html><body><p></div></body></html>")
            .0
            .is_empty()
    );
    assert!(!parse("<p>no doctype</p>").0.is_empty());
}

#[test]
fn the_page_and_the_pdf_word_a_notice_alike() {
    // One view feeds both: the 附注 in （）, the seal note in （）, 主送 with its colon.
    let notice = crate::common::fixture_text("parts/all-elements.md")
        .replace("sealed: false\n", "seal_note: 某某区发展改革委代章\n");
    let p = project(&[("notices/full.md", &notice)]);
    let o = gongwen(p.path(), &["build"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let page = std::fs::read_to_string(p.path().join("out/site/notices/full.html")).unwrap();
    let pdf = crate::common::flat(&crate::common::pdf_text(
        &p.path().join("out/pdf/某府办文〔2024〕12号.pdf"),
    ));
    for want in [
        "（此件公开发布）",
        "（某某区发展改革委代章）",
        "市人民政府：",
    ] {
        assert!(page.contains(want), "page lacks {want}: {page}");
        assert!(pdf.contains(want), "PDF lacks {want}: {pdf}");
    }
}

/// Runs `probe` (a JavaScript expression giving a string) on `page` of `site` in Chromium at
/// `width` px, after the page's own scripts, and returns its value.
fn probe(site: &Path, page: &str, width: u32, probe: &str) -> String {
    let html = std::fs::read_to_string(site.join(page)).unwrap();
    let probe_page = format!("probe-{}", page.replace('/', "-"));
    let script = format!(
        "<script>window.addEventListener('load', function () {{ var out = document.createElement('pre'); out.id = 'probe'; out.textContent = (function () {{ return {probe}; }})(); document.body.appendChild(out); }});</script></body>"
    );
    let dir = site.join(page).parent().unwrap().to_path_buf();
    std::fs::write(dir.join(&probe_page), html.replace("</body>", &script)).unwrap();
    let profile = tempfile::tempdir().unwrap();
    let dom = chromium(&profile)
        .args([
            format!("--window-size={width},900").as_str(),
            "--virtual-time-budget=5000",
            "--dump-dom",
        ])
        .arg(format!("file://{}", dir.join(&probe_page).display()))
        .output()
        .expect("chromium must be installed (apt-get install chromium)");
    let dom = String::from_utf8_lossy(&dom.stdout).to_string();
    dom.split("<pre id=\"probe\">")
        .nth(1)
        .and_then(|r| r.split("</pre>").next())
        .unwrap_or_else(|| panic!("no probe result in {page}"))
        .replace("&amp;", "&")
}

#[test]
fn on_a_phone_tables_become_cards_with_the_status_in_view() {
    let out = build_example();
    let site = out.path().join("site");
    // The narrowest gap between a status (or reporting state) cell's right edge and the screen's,
    // and the narrowest task text, at 390 px.
    let fits = "(function(){ var w = window.innerWidth, worst = 1e9; document.querySelectorAll('td.status, td.state').forEach(function(td){ worst = Math.min(worst, w - td.getBoundingClientRect().right); }); return String(worst); })()";
    for page in ["tasks.html", "index.html", "reports/2020.html"] {
        let gap: f64 = probe(&site, page, 390, fits).parse().unwrap();
        assert!(
            gap >= 0.0,
            "{page}: a status cell ends {}px beyond the screen",
            -gap
        );
    }
    let text_width = "(function(){ var least = 1e9; document.querySelectorAll('table.tasks td.main').forEach(function(td){ least = Math.min(least, td.getBoundingClientRect().width); }); return String(least); })()";
    let least: f64 = probe(&site, "tasks.html", 390, text_width).parse().unwrap();
    assert!(
        least >= 300.0,
        "task text is {least}px wide on a phone: a few characters a line"
    );
    // Filters are written to the address, so a filtered view can be shared.
    let filtered = "(function(){ var f = document.getElementById('filters'); f.status.value = '已完成'; f.dispatchEvent(new Event('change')); return decodeURIComponent(location.search) + ' ' + document.getElementById('filter-count').textContent; })()";
    let got = probe(&site, "tasks.html", 1280, filtered);
    assert!(got.starts_with("?status=已完成 显示 "), "{got}");
    // Phone screenshots for people to look at (target/test-artifacts/).
    let artifacts = repo().join("target/test-artifacts");
    std::fs::create_dir_all(&artifacts).unwrap();
    for (page, name) in [
        ("index.html", "phone-home.png"),
        ("tasks.html", "phone-tasks.png"),
        ("notices/2020-3.html", "phone-notice.png"),
    ] {
        let shot = artifacts.join(name);
        let profile = tempfile::tempdir().unwrap();
        let o = chromium(&profile)
            .args(["--window-size=390,1600", "--virtual-time-budget=5000"])
            .arg(format!("--screenshot={}", shot.display()))
            .arg(format!("file://{}", site.join(page).display()))
            .output()
            .unwrap();
        assert!(
            o.status.success() && shot.is_file(),
            "no screenshot of {page}"
        );
    }
}
