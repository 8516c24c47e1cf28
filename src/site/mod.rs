//! The HTML backend: the static intranet site (out/site). Every page relative-linked, no external
//! URL, search that works from file://. `build` is a short list of `render_*` steps, one per
//! kind of page, over the same views the PDFs are made from.

mod html;
mod pages;
mod publish;
mod search;

use crate::i18n::t;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Serialize;
use tera::{Context, Tera};

use crate::diag::{Diagnostic, Diagnostics};
use crate::fingerprint::Fingerprints;
use crate::markdown::Block;
use crate::model::{Project, Ref, Status, Task, TaskList, UnitRef};
use crate::paths::{self, url};
use crate::report::YearReport;
use crate::root::Root;
use crate::rules::{date, wording};
use crate::templates;
use crate::view::report::{NO_REPORT, PARTIAL, progress_label};
use crate::view::{NoticeView, ReportView, SubmissionView};
use pages::*;
use search::{Doc, Index};

const TEMPLATES: [(&str, &str); 10] = [
    ("base.html", include_str!("../../templates/html/base.html")),
    (
        "index.html",
        include_str!("../../templates/html/index.html"),
    ),
    (
        "progress.html",
        include_str!("../../templates/html/progress.html"),
    ),
    (
        "notice.html",
        include_str!("../../templates/html/notice.html"),
    ),
    (
        "tasks.html",
        include_str!("../../templates/html/tasks.html"),
    ),
    ("task.html", include_str!("../../templates/html/task.html")),
    ("unit.html", include_str!("../../templates/html/unit.html")),
    (
        "submission.html",
        include_str!("../../templates/html/submission.html"),
    ),
    (
        "report.html",
        include_str!("../../templates/html/report.html"),
    ),
    (
        "search.html",
        include_str!("../../templates/html/search.html"),
    ),
];

const ASSETS: [(&str, &str); 3] = [
    ("style.css", include_str!("../../templates/site/style.css")),
    (
        "filters.js",
        include_str!("../../templates/site/filters.js"),
    ),
    ("search.js", include_str!("../../templates/site/search.js")),
];

/// The HTML templates and the site's assets (CSS, scripts): the project's own where it has
/// them, else the built-in ones.
struct Texts {
    templates: Vec<(&'static str, String)>,
    assets: Vec<(&'static str, String)>,
}

impl Texts {
    fn load(root: &Root) -> Result<Texts, Diagnostic> {
        let read = |dir: &str, list: &[(&'static str, &str)]| -> Result<Vec<_>, Diagnostic> {
            list.iter()
                .map(|(name, builtin)| Ok((*name, templates::text(root, dir, name, builtin)?)))
                .collect()
        };
        Ok(Texts {
            templates: read(paths::TEMPLATES_HTML, &TEMPLATES)?,
            assets: read(paths::TEMPLATES_SITE, &ASSETS)?,
        })
    }

    fn tera(&self) -> Result<Tera, Diagnostics> {
        let mut tera = Tera::new();
        tera.autoescape_on([".html"]);
        tera.add_raw_templates(self.templates.iter().map(|(n, t)| (*n, t.as_str())))
            .map_err(|e| {
                Diagnostic::file_error(
                    paths::TEMPLATES_HTML,
                    t!("template-parse", reason = e.to_string()),
                )
            })?;
        Ok(tera)
    }
}

/// Everything the site is made from, as one fingerprint: every file the project was loaded from
/// (its bytes), the templates and assets, each PDF it links (by size and time: out/pdf's files
/// are only ever replaced whole) and this binary. A site published from the same fingerprint,
/// and untouched since, is not made again.
fn fingerprint(project: &Project, texts: &Texts, pdf_dir: &Path, pdfs: &[PathBuf]) -> String {
    let linked: Vec<(&PathBuf, String)> = pdfs
        .iter()
        .map(|p| (p, crate::fingerprint::file_state(&pdf_dir.join(p))))
        .collect();
    let inputs = (
        project.root.reads(),
        &texts.templates,
        &texts.assets,
        linked,
    );
    crate::fingerprint::of_value(&[crate::fingerprint::binary().as_bytes()], &inputs)
}

/// Blocks as sanitized HTML, for a page one folder below the top (a notice's).
fn html(blocks: Vec<Block>) -> String {
    html::blocks(&blocks, "../")
}

/// The pictures bodies name: (file in the project, name in the site's media folder).
fn pictures(blocks: &[Block], out: &mut BTreeMap<String, String>) {
    for b in blocks {
        match b {
            Block::Image(i) => {
                out.insert(i.media.clone(), i.file.clone());
            }
            Block::List { items, .. } => items.iter().for_each(|i| pictures(i, out)),
            Block::Quote(inner) => pictures(inner, out),
            _ => {}
        }
    }
}

/// Plain text of blocks, for the search index.
fn plain_blocks(blocks: &[Block]) -> String {
    let mut out = String::new();
    for b in blocks {
        match b {
            Block::Heading {
                number, content, ..
            } => {
                out.push_str(number);
                out.push_str(&crate::markdown::plain(content));
            }
            Block::Para(c) => out.push_str(&crate::markdown::plain(c)),
            Block::List { items, .. } => items.iter().for_each(|i| out.push_str(&plain_blocks(i))),
            Block::Table { header, rows } => {
                header
                    .iter()
                    .chain(rows.iter().flatten())
                    .for_each(|c| out.push_str(&crate::markdown::plain(c)));
            }
            Block::Quote(inner) => out.push_str(&plain_blocks(inner)),
            Block::Literal(t) => out.push_str(t),
            Block::Image(i) => out.push_str(&i.alt),
        }
        out.push(' ');
    }
    out
}

/// A site being rendered: templates, the staging folder, the search index.
struct Site<'a> {
    project: &'a Project,
    reports: &'a [YearReport],
    tera: Tera,
    base: Context,
    staging: &'a publish::Staging,
    index: Index,
    /// Search entries of pages made, not yet in the index (see `pages_of`).
    pending: Vec<Doc>,
    /// Pages written so far.
    pages: usize,
    /// Each report's units' reports by task (see `task_reports`).
    by_task: BTreeMap<String, BTreeMap<usize, Vec<TaskReport>>>,
}

/// What publishing the site did.
#[derive(Debug, Clone, Copy, Default)]
pub struct Published {
    /// HTML pages in the site.
    pub pages: usize,
    /// Files whose bytes the site it replaced did not have (the rest are links to the same bytes).
    pub changed: usize,
}

/// Builds out/site from the checked project, its year reports and the PDFs in `pdf_dir`.
pub(crate) fn build(
    project: &Project,
    reports: &[YearReport],
    pdf_dir: &Path,
    pdfs: &[PathBuf],
    site_dir: &Path,
    done: &Fingerprints,
) -> Result<Published, Diagnostics> {
    let texts = Texts::load(&project.root)?;
    let fingerprint = fingerprint(project, &texts, pdf_dir, pdfs);
    if let Some(pages) = done.unchanged_tree(site_dir, &fingerprint) {
        return Ok(Published { pages, changed: 0 });
    }
    let rendered = render(project, reports, texts, site_dir)?;
    rendered.publish(pdf_dir, pdfs, site_dir, done, fingerprint)
}

/// The site's pages, search index, assets and pictures in a staging folder, all but the PDFs:
/// made while the year reports are typeset (`prepare`), published after them (`finish`).
pub(crate) struct Rendered {
    staging: publish::Staging,
    texts: Texts,
    pages: usize,
}

/// Renders the site from the content alone, before the PDFs it links are all written.
pub(crate) fn prepare(
    project: &Project,
    reports: &[YearReport],
    site_dir: &Path,
) -> Result<Rendered, Diagnostics> {
    let texts = Texts::load(&project.root)?;
    render(project, reports, texts, site_dir)
}

/// Publishes a site `prepare` rendered, with the PDFs now written; or keeps the site there is
/// when nothing it is made from changed (the rendered one is then dropped, unpublished).
pub(crate) fn finish(
    project: &Project,
    rendered: Rendered,
    pdf_dir: &Path,
    pdfs: &[PathBuf],
    site_dir: &Path,
    done: &Fingerprints,
) -> Result<Published, Diagnostics> {
    let fingerprint = fingerprint(project, &rendered.texts, pdf_dir, pdfs);
    if let Some(pages) = done.unchanged_tree(site_dir, &fingerprint) {
        return Ok(Published { pages, changed: 0 });
    }
    rendered.publish(pdf_dir, pdfs, site_dir, done, fingerprint)
}

fn render(
    project: &Project,
    reports: &[YearReport],
    texts: Texts,
    site_dir: &Path,
) -> Result<Rendered, Diagnostics> {
    let mut base = Context::new();
    base.insert("site_title", project.config.site_title());
    base.insert("organ", &project.config.organ);
    let years: Vec<_> = reports
        .iter()
        .map(|r| YearLink {
            url: r.url(),
            label: match &r.several {
                Some(_) => format!("{}年度总结（{}）", r.year, r.list.title),
                None => format!("{}年度总结", r.year),
            },
        })
        .collect();
    base.insert("report_links", &years);
    let tera = texts.tera()?;
    let staging = publish::Staging::new(site_dir)?;
    let mut site = Site {
        project,
        reports,
        tera,
        base,
        staging: &staging,
        index: Index::default(),
        pending: Vec::new(),
        pages: 0,
        by_task: reports
            .iter()
            .map(|r| (r.list.slug.clone(), task_reports(r)))
            .collect(),
    };
    site.render_notices()?;
    site.render_tasks()?;
    site.render_submissions()?;
    site.render_units()?;
    let report_pages = site.render_reports()?;
    site.render_home(report_pages)?;
    site.render_search()?;
    let pages = site.pages;
    let mut index = site.index;
    site.pending.into_iter().for_each(|doc| index.add(doc));
    staging.write("assets/search-index.js", index.to_js().as_bytes())?;
    for (name, text) in &texts.assets {
        staging.write(&format!("assets/{name}"), text.as_bytes())?;
    }
    let mut media = BTreeMap::new();
    for n in &project.notices {
        pictures(&n.body, &mut media);
        for a in &n.attachments {
            if let crate::model::AttachmentKind::Document(d) = &a.kind {
                pictures(&d.body, &mut media);
            }
        }
    }
    for s in project.submissions.values().flatten() {
        pictures(&s.body, &mut media);
    }
    staging.copy_media(project.root.path(), &media)?;
    Ok(Rendered {
        staging,
        texts,
        pages,
    })
}

impl Rendered {
    fn publish(
        self,
        pdf_dir: &Path,
        pdfs: &[PathBuf],
        site_dir: &Path,
        done: &Fingerprints,
        fingerprint: String,
    ) -> Result<Published, Diagnostics> {
        self.staging.copy_pdfs(pdf_dir, pdfs, paths::OUT_PDF)?;
        let published = Published {
            pages: self.pages,
            changed: self.staging.changed(),
        };
        self.staging.publish(site_dir)?;
        done.record_tree(site_dir, &fingerprint, self.pages);
        Ok(published)
    }
}

/// A year report in the navigation.
#[derive(Serialize)]
struct YearLink {
    url: String,
    label: String,
}

impl<'a> Site<'a> {
    /// Renders `template` to `path` (relative to the site root) with `key` = `data`.
    fn page(
        &mut self,
        template: &'static str,
        path: &str,
        key: &'static str,
        data: &impl Serialize,
    ) -> Result<(), Diagnostic> {
        let ctx = self.context(path, key, data);
        self.pages += 1;
        self.write(template, path, &ctx)
    }

    /// The context of the page at `path` with `key` = `data`.
    fn context(&self, path: &str, key: &'static str, data: &impl Serialize) -> Context {
        let mut ctx = self.base.clone();
        ctx.insert("root", &"../".repeat(path.matches('/').count()));
        ctx.insert(key, data);
        ctx
    }

    /// Renders `template` with `ctx` and writes it to `path` in the staging folder.
    fn write(&self, template: &'static str, path: &str, ctx: &Context) -> Result<(), Diagnostic> {
        let html = self.tera.render(template, ctx).map_err(|e| {
            Diagnostic::file_error(
                Path::new(paths::TEMPLATES_HTML).join(template),
                t!("template-failed", reason = e.to_string()),
            )
        })?;
        self.staging.write(path, html.as_bytes())
    }

    /// A page's search entry, for the index (in page order).
    fn found(&mut self, doc: Doc) {
        self.pending.push(doc);
    }

    /// A page of `template` per item, made, rendered and written on every core (views, safe
    /// HTML, templates: most of the site's work), while the search entries of the pages made
    /// before are indexed beside them (text work the pages do not wait for); the items' entries
    /// follow in their order, and the first error in that order is reported. `make` gives an
    /// item's path, page, search entry and what the caller wants back from it.
    fn pages_of<I: Sync, P: Serialize, R: Send>(
        &mut self,
        template: &'static str,
        key: &'static str,
        items: &[I],
        make: impl Fn(&Self, &I) -> (String, P, Doc, R) + Sync,
    ) -> Result<Vec<R>, Diagnostic> {
        use rayon::prelude::*;
        let (mut index, pending) = (
            std::mem::take(&mut self.index),
            std::mem::take(&mut self.pending),
        );
        let this = &*self;
        let ((), made) = rayon::join(
            || pending.into_iter().for_each(|doc| index.add(doc)),
            || {
                items
                    .par_iter()
                    .map(|item| {
                        let (path, page, doc, back) = make(this, item);
                        this.write(template, &path, &this.context(&path, key, &page))?;
                        Ok((doc, back))
                    })
                    .collect::<Vec<Result<(Doc, R), Diagnostic>>>()
            },
        );
        self.index = index;
        self.pages += made.len();
        made.into_iter()
            .map(|m| {
                let (doc, back) = m?;
                self.found(doc);
                Ok(back)
            })
            .collect()
    }

    /// The top-level page `path` with several values in its context.
    fn top_page(
        &mut self,
        template: &'static str,
        path: &str,
        values: Context,
    ) -> Result<(), Diagnostic> {
        let mut ctx = self.base.clone();
        ctx.insert("root", "");
        ctx.extend(values);
        self.pages += 1;
        self.write(template, path, &ctx)
    }

    fn report_for(&self, list: &str) -> Option<&'a YearReport> {
        self.reports.iter().find(|r| r.list.slug == list)
    }

    /// The units' reports on task `number` of `r`.
    fn reports_on(&self, r: &YearReport, number: usize) -> Vec<TaskReport> {
        self.by_task
            .get(&r.list.slug)
            .and_then(|by_task| by_task.get(&number))
            .cloned()
            .unwrap_or_default()
    }

    fn render_notices(&mut self) -> Result<(), Diagnostic> {
        for n in &self.project.notices {
            let view = NoticeView::new(n);
            let text = format!(
                "{} {}",
                n.number.clone().unwrap_or_default(),
                plain_blocks(&view.body)
            );
            let page = NoticePage::new(view.map(&html), url::pdf(&n.pdf()), url::tasks);
            self.page("notice.html", &url::notice(&n.slug), "n", &page)?;
            self.found(Doc {
                title: n.title.clone(),
                url: url::notice(&n.slug),
                kind: "通知".into(),
                text,
            });
        }
        Ok(())
    }

    fn unit_link(r: &UnitRef) -> UnitLink {
        UnitLink {
            name: r.name.clone(),
            url: match &r.target {
                Some(Ref::Unit(id)) => Some(url::unit(id)),
                _ => None,
            },
        }
    }

    /// The filterable table of every task, and a page per task.
    fn render_tasks(&mut self) -> Result<(), Diagnostic> {
        let project = self.project;
        let mut lists = Vec::new();
        let mut categories: Vec<String> = Vec::new();
        for list in &project.task_lists {
            let mut tasks = Vec::new();
            for c in &list.categories {
                if !categories.contains(&c.name) {
                    categories.push(c.name.clone());
                }
                tasks.extend(c.tasks.iter().map(|t| (c.name.as_str(), t)));
            }
            let rows = self.pages_of("task.html", "t", &tasks, |this, &(category, t)| {
                this.task_page(list, category, t)
            })?;
            lists.push(ListSection {
                slug: list.slug.clone(),
                title: list.title.clone(),
                count: list.tasks().count(),
                tasks: rows,
            });
        }
        let mut statuses: Vec<&str> = Status::ALL.iter().map(|s| s.label()).collect();
        statuses.extend([PARTIAL, NO_REPORT]);
        let units = project
            .registry
            .units
            .iter()
            .map(|u| UnitOption {
                id: u.id.clone(),
                name: u.name.clone(),
            })
            .collect();
        let page = TasksPage {
            lists,
            categories,
            units,
            statuses,
        };
        let ctx = Context::from_serialize(&page).map_err(|e| {
            Diagnostic::file_error(
                paths::TEMPLATES_HTML,
                t!("template-failed", reason = e.to_string()),
            )
        })?;
        self.top_page("tasks.html", "tasks.html", ctx)
    }

    /// A task's page (path, page, search entry) and its row of the table.
    fn task_page(
        &self,
        list: &TaskList,
        category: &str,
        t: &Task,
    ) -> (String, TaskPage, Doc, TaskRow) {
        let report = self.report_for(&list.slug);
        let row = report.and_then(|r| r.task(t.number));
        let status = match (report, row) {
            (None, _) => "—",
            (Some(_), None) => NO_REPORT,
            (Some(_), Some(row)) => progress_label(row.progress()),
        };
        let missing = row.map(|r| wording::join(r.missing())).unwrap_or_default();
        let (lead, support) = (
            wording::join(t.lead.iter().map(|u| &u.name)),
            wording::join(t.support.iter().map(|u| &u.name)),
        );
        let page = TaskPage {
            number: t.number,
            text: t.text.clone(),
            category: category.to_string(),
            status,
            missing,
            list_slug: list.slug.clone(),
            list_title: list.title.clone(),
            lead_units: t.lead.iter().map(Self::unit_link).collect(),
            support_units: t.support.iter().map(Self::unit_link).collect(),
            reports: report
                .map(|r| self.reports_on(r, t.number))
                .unwrap_or_default(),
        };
        let task_url = url::task(&list.slug, t.number);
        let doc = Doc {
            title: format!("任务{}：{}", t.number, t.text),
            url: task_url.clone(),
            kind: "任务".into(),
            text: format!("{} 牵头：{lead} 配合：{support}", t.text),
        };
        let row = TaskRow {
            number: t.number,
            text: t.text.clone(),
            url: task_url.clone(),
            category: category.to_string(),
            status,
            lead,
            support,
            unit_ids: t.unit_ids(&self.project.registry).join(" "),
        };
        (task_url, page, doc, row)
    }

    fn render_submissions(&mut self) -> Result<(), Diagnostic> {
        let subs: Vec<_> = self
            .project
            .submissions
            .iter()
            .flat_map(|(year, subs)| subs.iter().map(move |s| (*year, s)))
            .collect();
        self.pages_of("submission.html", "s", &subs, |_, &(year, s)| {
            let view = SubmissionView::new(s, None);
            let text = plain_blocks(&view.content);
            let page = SubmissionPage {
                title: s.title.clone(),
                unit: s.unit_name.clone(),
                unit_url: url::unit(&s.unit),
                date: view.date.clone(),
                late: s.late,
                // Summaries are two folders down (summaries/<year>/).
                body: html::blocks(&view.content, "../../"),
                pdf: url::pdf(&paths::summary_pdf(year, &s.unit_name)),
            };
            let sub_url = url::submission(year, &s.unit);
            let doc = Doc {
                title: s.title.clone(),
                url: sub_url.clone(),
                kind: "工作总结".into(),
                text,
            };
            (sub_url, page, doc, ())
        })?;
        Ok(())
    }

    fn sub_links<'s>(
        &self,
        subs: impl Iterator<Item = (i32, &'s std::sync::Arc<crate::model::Submission>)>,
    ) -> Vec<SubLink> {
        subs.map(|(y, s)| SubLink {
            title: s.title.clone(),
            url: url::submission(y, &s.unit),
            date: date::chinese(s.date),
            late: s.late,
        })
        .collect()
    }

    fn render_units(&mut self) -> Result<(), Diagnostic> {
        let (project, reg) = (self.project, &self.project.registry);
        let by_unit: Vec<_> = project.task_lists.iter().map(|l| l.by_unit(reg)).collect();
        // Each unit's summaries, gathered in one pass (not one pass per unit).
        let mut subs_of: BTreeMap<&str, Vec<(i32, &std::sync::Arc<crate::model::Submission>)>> =
            BTreeMap::new();
        for (year, subs) in &project.submissions {
            for s in subs {
                subs_of.entry(s.unit.as_str()).or_default().push((*year, s));
            }
        }
        self.pages_of("unit.html", "u", &reg.units, |this, u| {
            let lists = project
                .task_lists
                .iter()
                .zip(&by_unit)
                .map(|(l, by_unit)| {
                    let (lead, support) = by_unit.get(&u.id).cloned().unwrap_or_default();
                    let links = |v: Vec<&crate::model::Task>| {
                        v.iter()
                            .map(|t| TaskLink {
                                number: t.number,
                                text: t.text.clone(),
                                url: url::task(&l.slug, t.number),
                            })
                            .collect()
                    };
                    UnitList {
                        title: l.title.clone(),
                        lead: links(lead),
                        support: links(support),
                    }
                })
                .collect();
            let subs = subs_of.get(u.id.as_str()).into_iter().flatten().copied();
            let page = UnitPage {
                name: u.name.clone(),
                full_name: u.full_name.clone(),
                groups: wording::join(reg.groups_of(&u.id).iter().map(|g| &g.name)),
                lists,
                submissions: this.sub_links(subs),
            };
            let text = format!(
                "{} {}",
                u.aliases.join(" "),
                u.full_name.as_deref().unwrap_or("")
            );
            let doc = Doc {
                title: u.name.clone(),
                url: url::unit(&u.id),
                kind: "单位".into(),
                text,
            };
            (url::unit(&u.id), page, doc, ())
        })?;
        Ok(())
    }

    /// A page per year report; returns them for the home page.
    fn render_reports(&mut self) -> Result<Vec<ReportPage>, Diagnostic> {
        let mut out = Vec::new();
        for r in self.reports {
            let view = ReportView::new(r, &self.project.config.organ);
            let slug = r.list.slug.clone();
            let links = ReportLinks {
                url: r.url(),
                pdf: url::pdf(&r.pdf()),
                task: &|n| url::task(&slug, n),
                unit: &|id| url::unit(id),
                subs: self.sub_links(r.submissions.iter().map(|s| (r.year, s))),
            };
            let page = ReportPage::new(view, links);
            self.page("report.html", &r.url(), "r", &page)?;
            self.found(Doc {
                title: format!("{}年度工作总结汇编", r.year),
                url: r.url(),
                kind: "汇编".into(),
                text: format!("{} {}", page.overview, page.reporting),
            });
            out.push(page);
        }
        Ok(out)
    }

    fn render_home(&mut self, reports: Vec<ReportPage>) -> Result<(), Diagnostic> {
        let notices: Vec<NoticeRow> = self
            .project
            .notices
            .iter()
            .map(|n| NoticeRow {
                title: n.title.clone(),
                url: url::notice(&n.slug),
                number: n.number.clone().unwrap_or_default(),
                date: date::chinese(n.date),
            })
            .collect();
        let lists: Vec<ListSection> = self
            .project
            .task_lists
            .iter()
            .map(|l| ListSection {
                slug: l.slug.clone(),
                title: l.title.clone(),
                count: l.tasks().count(),
                tasks: Vec::new(),
            })
            .collect();
        let mut c = Context::new();
        c.insert("notices", &notices);
        c.insert("lists", &lists);
        c.insert("reports", &reports);
        self.top_page("index.html", "index.html", c)
    }

    fn render_search(&mut self) -> Result<(), Diagnostic> {
        self.top_page("search.html", "search.html", Context::new())
    }
}

/// What each unit reported on task `number`, in the report's order.
/// Every unit's report on each task of a year report, by task number: gathered in one pass over
/// the submissions, not one pass per task (which grows as tasks × units).
fn task_reports(r: &YearReport) -> BTreeMap<usize, Vec<TaskReport>> {
    let mut by_task: BTreeMap<usize, Vec<TaskReport>> = BTreeMap::new();
    for s in &r.submissions {
        for e in &s.entries {
            by_task.entry(e.task).or_default().push(TaskReport {
                unit: s.unit_name.clone(),
                url: url::submission(r.year, &s.unit),
                status: e.status.label(),
                summary: e.summary.clone(),
            });
        }
    }
    by_task
}
