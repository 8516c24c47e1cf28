//! The static intranet site (out/site): every page relative-linked, no external URL, search that
//! works from file://. Built in a staging folder and swapped in whole, so a failed build leaves
//! the previous site as it was.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Serialize;
use tera::{Context, Tera};

use crate::diag::{Diagnostic, Diagnostics};
use crate::html_code;
use crate::markdown::{self, Block};
use crate::model::{AttachmentKind, Notice, Project};
use crate::output::file_name;
use crate::pipeline::{pdf_name, report_name};
use crate::search_index::{Doc, Index};
use crate::submission::{Status, Submission};
use crate::summary::{self, Reporting, YearReport};
use crate::units::Ref;
use crate::{date, render};

const TEMPLATES: [(&str, &str); 10] = [
    ("base.html", include_str!("../templates/html/base.html")),
    ("index.html", include_str!("../templates/html/index.html")),
    (
        "progress.html",
        include_str!("../templates/html/progress.html"),
    ),
    ("notice.html", include_str!("../templates/html/notice.html")),
    ("tasks.html", include_str!("../templates/html/tasks.html")),
    ("task.html", include_str!("../templates/html/task.html")),
    ("unit.html", include_str!("../templates/html/unit.html")),
    (
        "submission.html",
        include_str!("../templates/html/submission.html"),
    ),
    ("report.html", include_str!("../templates/html/report.html")),
    ("search.html", include_str!("../templates/html/search.html")),
];

const ASSETS: [(&str, &str); 3] = [
    ("style.css", include_str!("../templates/site/style.css")),
    ("filters.js", include_str!("../templates/site/filters.js")),
    ("search.js", include_str!("../templates/site/search.js")),
];

fn load_templates(root: &Path) -> Result<Tera, Diagnostics> {
    let mut tera = Tera::new();
    tera.autoescape_on([".html"]);
    let mut all = Vec::new();
    for (name, builtin) in TEMPLATES {
        all.push((
            name,
            render::template_text(root, "templates/html", name, builtin)?,
        ));
    }
    tera.add_raw_templates(all.iter().map(|(n, t)| (*n, t.as_str())))
        .map_err(|e| {
            Diagnostic::file_error("templates/html", format!("a template does not parse: {e}"))
        })?;
    Ok(tera)
}

/// Page paths, all relative to the site root.
fn notice_url(n: &Notice) -> String {
    format!("notices/{}", file_name(&n.slug, "html"))
}
fn task_url(list: &str, n: usize) -> String {
    format!("tasks/{}", file_name(&format!("{list}-{n}"), "html"))
}
fn unit_url(id: &str) -> String {
    format!("units/{}", file_name(id, "html"))
}
fn submission_url(year: i32, s: &Submission) -> String {
    format!("summaries/{year}/{}", file_name(&s.unit, "html"))
}

fn plain_blocks(blocks: &[Block]) -> String {
    let mut out = String::new();
    for b in blocks {
        match b {
            Block::Heading {
                number, content, ..
            } => {
                out.push_str(number);
                out.push_str(&markdown::plain(content));
            }
            Block::Para(c) => out.push_str(&markdown::plain(c)),
            Block::List { items, .. } => items.iter().for_each(|i| out.push_str(&plain_blocks(i))),
            Block::Table { header, rows } => {
                header
                    .iter()
                    .for_each(|h| out.push_str(&markdown::plain(h)));
                rows.iter()
                    .flatten()
                    .for_each(|c| out.push_str(&markdown::plain(c)));
            }
            Block::Quote(inner) => out.push_str(&plain_blocks(inner)),
            Block::Literal(t) => out.push_str(t),
        }
        out.push(' ');
    }
    out
}

#[derive(Serialize, Clone)]
struct UnitLink {
    name: String,
    url: Option<String>,
}

#[derive(Serialize, Clone)]
struct TaskLink {
    number: usize,
    text: String,
    url: String,
}

#[derive(Serialize)]
struct OwingRow {
    unit: String,
    url: String,
    tasks: String,
    received: String,
    state: &'static str,
    state_class: &'static str,
}

#[derive(Serialize)]
struct ReportTaskRow {
    number: usize,
    text: String,
    url: String,
    lead: String,
    status: String,
    reports: Vec<summary::LeadReport>,
}

#[derive(Serialize)]
struct SubLink {
    title: String,
    url: String,
    date: String,
    late: bool,
}

#[derive(Serialize)]
struct ReportPage<'a> {
    year: i32,
    overview: String,
    reporting: String,
    pdf: String,
    categories: &'a [summary::Counts],
    counts: Vec<&'a summary::Counts>,
    tasks: Vec<ReportTaskRow>,
    owing: Vec<OwingRow>,
    subs: Vec<SubLink>,
}

struct Site {
    tera: Tera,
    base: Context,
    staging: PathBuf,
    pages: usize,
}

impl Site {
    /// Renders `template` to `path` (relative to the site root) with `extra` in the context.
    fn page(&mut self, template: &str, path: &str, extra: Context) -> Result<(), Diagnostic> {
        let depth = path.matches('/').count();
        let mut ctx = self.base.clone();
        ctx.insert("root", &"../".repeat(depth));
        ctx.extend(extra);
        let html = self.tera.render(template, &ctx).map_err(|e| {
            Diagnostic::file_error(
                Path::new("templates/html").join(template),
                format!("the template failed: {e}"),
            )
        })?;
        self.write(path, html.as_bytes())?;
        self.pages += 1;
        Ok(())
    }

    fn write(&self, path: &str, bytes: &[u8]) -> Result<(), Diagnostic> {
        let p = self.staging.join(path);
        if let Some(dir) = p.parent() {
            std::fs::create_dir_all(dir)
                .map_err(|e| Diagnostic::file_error(dir, format!("cannot create: {e}")))?;
        }
        std::fs::write(&p, bytes)
            .map_err(|e| Diagnostic::file_error(&p, format!("cannot write: {e}")))
    }
}

fn ctx1(key: &'static str, value: &impl Serialize) -> Context {
    let mut c = Context::new();
    c.insert(key, value);
    c
}

fn status_of(report: Option<&YearReport>, n: usize) -> String {
    report
        .and_then(|r| r.tasks.iter().find(|t| t.number == n))
        .map_or_else(|| "—".to_string(), |t| t.status.clone())
}

/// Builds out/site from the checked project, its year reports and the PDFs in `pdf_dir`.
/// Returns the number of pages written.
pub fn build(
    project: &Project,
    reports: &[YearReport],
    pdf_dir: &Path,
    site_dir: &Path,
) -> Result<usize, Diagnostics> {
    let tera = load_templates(&project.root)?;
    let parent = site_dir.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent)
        .map_err(|e| Diagnostic::file_error(parent, format!("cannot create: {e}")))?;
    let staging = tempfile::Builder::new()
        .prefix(".site-staging-")
        .tempdir_in(parent)
        .map_err(|e| {
            Diagnostic::file_error(parent, format!("cannot create the staging folder: {e}"))
        })?;
    let site_title = project
        .config
        .site
        .title
        .clone()
        .unwrap_or_else(|| project.config.organ().to_string());
    let mut base = Context::new();
    base.insert("site_title", &site_title);
    base.insert("organ", project.config.organ());
    base.insert(
        "reports",
        &reports
            .iter()
            .map(|r| BTreeMap::from([("year", r.year)]))
            .collect::<Vec<_>>(),
    );
    let mut site = Site {
        tera,
        base,
        staging: staging.path().to_path_buf(),
        pages: 0,
    };
    let mut index = Index::default();
    let report_for = |list: &str| reports.iter().find(|r| r.list.slug == list);
    let reg = &project.registry;
    let unit_link = |r: &crate::tasks::UnitRef| match &r.target {
        Some(Ref::Unit(id)) => UnitLink {
            name: r.text.clone(),
            url: Some(unit_url(id)),
        },
        _ => UnitLink {
            name: r.text.clone(),
            url: None,
        },
    };

    // Notices.
    let mut notice_rows = Vec::new();
    for n in &project.notices {
        let url = notice_url(n);
        let attachments: Vec<_> = n
            .attachments
            .iter()
            .enumerate()
            .map(|(i, a)| {
                let label = n.attachment_label(i);
                let (title, body, tasks_url) = match &a.kind {
                    AttachmentKind::Document(d) => {
                        (d.title.clone(), html_code::blocks(&d.body), None)
                    }
                    AttachmentKind::Tasks(t) => (
                        t.title.clone(),
                        String::new(),
                        Some(format!("tasks.html#{}", t.slug)),
                    ),
                };
                BTreeMap::from([
                    ("name", Some(a.name.clone())),
                    ("label", Some(label)),
                    ("title", Some(title)),
                    ("body", Some(body)),
                    ("tasks_url", tasks_url),
                ])
            })
            .collect();
        let data = BTreeMap::from([
            ("title", serde_json::json!(n.title)),
            ("title_lines", serde_json::json!(n.title_lines)),
            ("mark", serde_json::json!(n.mark)),
            ("number", serde_json::json!(n.number)),
            (
                "to",
                serde_json::json!(
                    n.to.as_ref()
                        .map(|t| format!("{}：", t.trim_end_matches(['：', ':'])))
                ),
            ),
            ("body", serde_json::json!(html_code::blocks(&n.body))),
            ("attachments", serde_json::json!(attachments)),
            ("signer", serde_json::json!(n.signer)),
            (
                "seal_note",
                serde_json::json!(
                    n.seal_note
                        .as_ref()
                        .map(|s| format!("（{}）", s.trim_matches(['（', '）'])))
                ),
            ),
            ("date", serde_json::json!(date::chinese(n.date))),
            ("note", serde_json::json!(n.note)),
            ("pdf", serde_json::json!(format!("pdf/{}", pdf_name(n)))),
        ]);
        site.page("notice.html", &url, ctx1("n", &data))?;
        index.add(Doc {
            title: n.title.clone(),
            url: url.clone(),
            kind: "通知".into(),
            text: format!(
                "{} {}",
                n.number.clone().unwrap_or_default(),
                plain_blocks(&n.body)
            ),
        });
        notice_rows.push(BTreeMap::from([
            ("title", n.title.clone()),
            ("url", url),
            ("number", n.number.clone().unwrap_or_default()),
            ("date", date::chinese(n.date)),
        ]));
    }

    // Tasks: the filterable table and a page per task.
    let mut lists = Vec::new();
    let mut categories: Vec<String> = Vec::new();
    for list in &project.task_lists {
        let report = report_for(&list.slug);
        let mut rows = Vec::new();
        for c in &list.categories {
            if !categories.contains(&c.name) {
                categories.push(c.name.clone());
            }
            for t in &c.tasks {
                let url = task_url(&list.slug, t.number);
                let status = status_of(report, t.number);
                let mut unit_ids: Vec<String> = t
                    .lead
                    .iter()
                    .chain(t.support.iter())
                    .filter_map(|r| r.target.as_ref())
                    .flat_map(|r| reg.expand(r))
                    .collect();
                unit_ids.sort();
                unit_ids.dedup();
                let names = |v: &[crate::tasks::UnitRef]| {
                    v.iter()
                        .map(|r| r.text.as_str())
                        .collect::<Vec<_>>()
                        .join("、")
                };
                let reports_here: Vec<BTreeMap<&str, String>> = report
                    .map(|r| {
                        r.submissions
                            .iter()
                            .filter_map(|s| {
                                s.entries
                                    .iter()
                                    .find(|e| e.task == t.number)
                                    .map(|e| (s, e))
                            })
                            .map(|(s, e)| {
                                BTreeMap::from([
                                    ("unit", s.unit_name.clone()),
                                    ("url", submission_url(r.year, s)),
                                    ("status", e.status.label().to_string()),
                                    ("summary", e.summary.clone()),
                                ])
                            })
                            .collect()
                    })
                    .unwrap_or_default();
                let page = serde_json::json!({
                    "number": t.number, "text": t.text, "category": c.name, "status": status,
                    "list_slug": list.slug, "list_title": list.title,
                    "lead_units": t.lead.iter().map(unit_link).collect::<Vec<_>>(),
                    "support_units": t.support.iter().map(unit_link).collect::<Vec<_>>(),
                    "reports": reports_here,
                });
                site.page("task.html", &url, ctx1("t", &page))?;
                index.add(Doc {
                    title: format!("任务{}：{}", t.number, t.text),
                    url: url.clone(),
                    kind: "任务".into(),
                    text: format!(
                        "{} 牵头：{} 配合：{}",
                        t.text,
                        names(&t.lead),
                        names(&t.support)
                    ),
                });
                rows.push(serde_json::json!({
                    "number": t.number, "text": t.text, "url": url, "category": c.name, "status": status,
                    "lead": names(&t.lead), "support": names(&t.support), "unit_ids": unit_ids.join(" "),
                }));
            }
        }
        lists.push(serde_json::json!({ "slug": list.slug, "title": list.title, "tasks": rows, "count": list.tasks().count() }));
    }
    let mut statuses: Vec<&str> = Status::ALL.iter().map(|s| s.label()).collect();
    statuses.push("未报告");
    let units: Vec<_> = reg
        .units
        .iter()
        .map(|u| BTreeMap::from([("id", u.id.clone()), ("name", u.name.clone())]))
        .collect();
    let mut c = Context::new();
    c.insert("lists", &lists);
    c.insert("categories", &categories);
    c.insert("units", &units);
    c.insert("statuses", &statuses);
    site.page("tasks.html", "tasks.html", c)?;

    // Submissions.
    for (year, subs) in &project.submissions {
        for s in subs {
            let url = submission_url(*year, s);
            let blocks = summary::submission_blocks(s);
            let page = serde_json::json!({
                "title": s.title, "unit": s.unit_name, "unit_url": unit_url(&s.unit), "date": date::chinese(s.date), "late": s.late,
                "body": html_code::blocks(&blocks),
                "pdf": format!("pdf/summaries/{year}/{}", file_name(&s.unit_name, "pdf")),
            });
            site.page("submission.html", &url, ctx1("s", &page))?;
            index.add(Doc {
                title: s.title.clone(),
                url,
                kind: "工作总结".into(),
                text: plain_blocks(&blocks),
            });
        }
    }

    // Units.
    for u in &reg.units {
        let url = unit_url(&u.id);
        let groups: Vec<&str> = reg
            .groups_of(&u.id)
            .iter()
            .map(|g| g.name.as_str())
            .collect();
        let unit_lists: Vec<_> = project
            .task_lists
            .iter()
            .map(|l| {
                let (lead, support) = l.tasks_of(reg, &u.id);
                let links = |v: Vec<&crate::tasks::Task>| v.iter().map(|t| TaskLink { number: t.number, text: t.text.clone(), url: task_url(&l.slug, t.number) }).collect::<Vec<_>>();
                serde_json::json!({ "title": l.title, "lead": links(lead), "support": links(support) })
            })
            .collect();
        let subs: Vec<SubLink> = project
            .submissions
            .iter()
            .flat_map(|(y, v)| {
                v.iter().filter(|s| s.unit == u.id).map(move |s| SubLink {
                    title: s.title.clone(),
                    url: submission_url(*y, s),
                    date: date::chinese(s.date),
                    late: s.late,
                })
            })
            .collect();
        let page = serde_json::json!({ "name": u.name, "full_name": u.full_name, "groups": groups.join("、"), "lists": unit_lists, "submissions": subs });
        site.page("unit.html", &url, ctx1("u", &page))?;
        let mut text = u.aliases.join(" ");
        text.push(' ');
        text.push_str(u.full_name.as_deref().unwrap_or(""));
        index.add(Doc {
            title: u.name.clone(),
            url,
            kind: "单位".into(),
            text,
        });
    }

    // Year reports.
    let mut report_pages = Vec::new();
    for r in reports {
        let data = render::report_texts(r);
        let page = ReportPage {
            year: r.year,
            overview: data.0,
            reporting: data.1,
            pdf: format!("pdf/{}", report_name(r.year)),
            categories: &r.categories,
            counts: r.counts_with_total(),
            tasks: r
                .tasks
                .iter()
                .map(|t| ReportTaskRow {
                    number: t.number,
                    text: t.text.clone(),
                    url: task_url(&r.list.slug, t.number),
                    lead: t.lead.clone(),
                    status: t.status.clone(),
                    reports: t.reports.clone(),
                })
                .collect(),
            owing: r
                .owing
                .iter()
                .map(|o| OwingRow {
                    unit: o.unit.clone(),
                    url: unit_url(&o.unit_id),
                    tasks: o.tasks.clone(),
                    received: o.received.clone(),
                    state: o.state,
                    state_class: match o.reporting {
                        Reporting::Missing => "missing",
                        Reporting::Late => "late",
                        Reporting::OnTime => "ok",
                    },
                })
                .collect(),
            subs: r
                .submissions
                .iter()
                .map(|s| SubLink {
                    title: s.title.clone(),
                    url: submission_url(r.year, s),
                    date: date::chinese(s.date),
                    late: s.late,
                })
                .collect(),
        };
        site.page(
            "report.html",
            &format!("reports/{}.html", r.year),
            ctx1("r", &page),
        )?;
        index.add(Doc {
            title: format!("{}年度工作总结汇编", r.year),
            url: format!("reports/{}.html", r.year),
            kind: "汇编".into(),
            text: format!("{} {}", page.overview, page.reporting),
        });
        report_pages.push(page);
    }

    // Home and search.
    let lists_home: Vec<_> = project
        .task_lists
        .iter()
        .map(
            |l| serde_json::json!({ "slug": l.slug, "title": l.title, "count": l.tasks().count() }),
        )
        .collect();
    let mut c = Context::new();
    c.insert("notices", &notice_rows);
    c.insert("lists", &lists_home);
    c.insert("reports", &report_pages);
    site.page("index.html", "index.html", c)?;
    site.page("search.html", "search.html", Context::new())?;

    for (name, builtin) in ASSETS {
        let text = render::template_text(&project.root, "templates/site", name, builtin)?;
        site.write(&format!("assets/{name}"), text.as_bytes())?;
    }
    site.write("assets/search-index.js", index.to_js().as_bytes())?;
    copy_pdfs(pdf_dir, &site.staging.join("pdf"))?;
    let pages = site.pages;
    swap(staging, site_dir)?;
    Ok(pages)
}

/// The built PDFs go into the site so every download link works offline.
fn copy_pdfs(from: &Path, to: &Path) -> Result<(), Diagnostic> {
    for e in walkdir::WalkDir::new(from)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
    {
        if e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "pdf") {
            let rel = e.path().strip_prefix(from).expect("inside");
            let dest = to.join(rel);
            std::fs::create_dir_all(dest.parent().expect("has parent"))
                .map_err(|err| Diagnostic::file_error(&dest, format!("cannot create: {err}")))?;
            std::fs::copy(e.path(), &dest)
                .map_err(|err| Diagnostic::file_error(&dest, format!("cannot copy: {err}")))?;
        }
    }
    Ok(())
}

/// Puts the finished staging folder where the site goes; the old site is removed only after.
fn swap(staging: tempfile::TempDir, site_dir: &Path) -> Result<(), Diagnostic> {
    let staged = staging.keep();
    let old = site_dir.with_file_name(format!(".site-old-{}", std::process::id()));
    if site_dir.exists() {
        std::fs::rename(site_dir, &old).map_err(|e| {
            Diagnostic::file_error(site_dir, format!("cannot move the old site aside: {e}"))
        })?;
    }
    if let Err(e) = std::fs::rename(&staged, site_dir) {
        // Put the old site back: a failed swap must not leave the site missing.
        let _ = std::fs::rename(&old, site_dir);
        let _ = std::fs::remove_dir_all(&staged);
        return Err(Diagnostic::file_error(
            site_dir,
            format!("cannot put the new site in place: {e}"),
        ));
    }
    let _ = std::fs::remove_dir_all(&old);
    Ok(())
}
