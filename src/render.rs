//! Tera → Typst source. Built-in templates are embedded; a file of the same name in the project's
//! templates/typst/ overrides one. The Typst templates autoescape every value into a string literal.

use std::path::Path;

use serde::Serialize;
use tera::{Context, Tera};

use crate::config::Layout;
use crate::date;
use crate::diag::{Diagnostic, Diagnostics};
use crate::fonts::Fonts;
use crate::model::{AttachmentKind, Notice};
use crate::submission::Submission;
use crate::summary::{self, Counts, Owing, Reporting, TaskRow, YearReport};
use crate::typst_code;

const BUILTIN: [(&str, &str); 4] = [
    (
        "gongwen.typ",
        include_str!("../templates/typst/gongwen.typ"),
    ),
    ("notice.typ", include_str!("../templates/typst/notice.typ")),
    (
        "submission.typ",
        include_str!("../templates/typst/submission.typ"),
    ),
    ("report.typ", include_str!("../templates/typst/report.typ")),
];

/// A built-in template, or the project's file of the same name in `dir` when there is one.
pub fn template_text(
    root: &Path,
    dir: &str,
    name: &str,
    builtin: &str,
) -> Result<String, Diagnostic> {
    let shown = Path::new(dir).join(name);
    match std::fs::read_to_string(root.join(&shown)) {
        Ok(t) => Ok(t),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(builtin.to_string()),
        Err(e) => Err(Diagnostic::file_error(
            &shown,
            format!("cannot read the template: {e}"),
        )),
    }
}

/// The layout library is plain Typst (not a Tera template); the rest are Tera templates.
const LAYOUT: &str = "gongwen.typ";

pub struct Templates {
    tera: Tera,
    pub layout: String,
}

impl Templates {
    /// Loads the built-in templates, replaced by the project's `templates/typst/<name>` if present.
    pub fn load(root: &Path) -> Result<Templates, Diagnostics> {
        let mut tera = Tera::new();
        tera.set_escape_fn(typst_code::tera_escape);
        tera.autoescape_on([".typ"]);
        let mut layout = String::new();
        for (name, builtin) in BUILTIN {
            let text = template_text(root, "templates/typst", name, builtin)?;
            if name == LAYOUT {
                layout = text;
            } else {
                tera.add_raw_template(name, &text).map_err(|e| {
                    Diagnostic::file_error(
                        Path::new("templates/typst").join(name),
                        format!("the template does not parse: {e}"),
                    )
                })?;
            }
        }
        Ok(Templates { tera, layout })
    }

    fn render(
        &self,
        name: &str,
        key: &'static str,
        data: &impl Serialize,
        fonts: &Fonts,
        layout: &Layout,
    ) -> Result<String, Diagnostic> {
        let mut ctx = Context::new();
        ctx.insert(key, data);
        ctx.insert("fonts", &fonts_literal(fonts));
        ctx.insert("layout", layout);
        self.tera.render(name, &ctx).map_err(|e| {
            Diagnostic::file_error(
                Path::new("templates/typst").join(name),
                format!("the template failed: {e}"),
            )
        })
    }

    pub fn notice(
        &self,
        notice: &Notice,
        fonts: &Fonts,
        layout: &Layout,
    ) -> Result<String, Diagnostic> {
        self.render(
            "notice.typ",
            "doc",
            &NoticeData::from(notice),
            fonts,
            layout,
        )
    }

    pub fn submission(
        &self,
        s: &Submission,
        fonts: &Fonts,
        layout: &Layout,
    ) -> Result<String, Diagnostic> {
        self.render(
            "submission.typ",
            "sub",
            &SubmissionData::new(s, None),
            fonts,
            layout,
        )
    }

    pub fn report(
        &self,
        r: &YearReport,
        organ: &str,
        fonts: &Fonts,
        layout: &Layout,
    ) -> Result<String, Diagnostic> {
        self.render("report.typ", "r", &ReportData::new(r, organ), fonts, layout)
    }
}

/// The fonts per role as a Typst dictionary literal.
fn fonts_literal(fonts: &Fonts) -> String {
    let mut s = String::from("(");
    for (role, f) in &fonts.roles {
        let families: Vec<String> = f.families.iter().map(|f| typst_code::string(f)).collect();
        s.push_str(&format!(
            "{}: (families: ({},), weight: {}), ",
            role.key(),
            families.join(", "),
            f.weight
        ));
    }
    s.push(')');
    s
}

#[derive(Serialize)]
struct NoticeData {
    number: Option<String>,
    title: String,
    title_lines: Vec<String>,
    mark: String,
    to: Option<String>,
    signer: String,
    seal_note: Option<String>,
    sealed: bool,
    date: String,
    year: String,
    month: String,
    day: String,
    copy_no: Option<String>,
    secrecy: Option<String>,
    urgency: Option<String>,
    issuers: Vec<String>,
    note: Option<String>,
    cc: Option<String>,
    printed_by: Option<String>,
    printed_date: Option<String>,
    body: String,
    attachments: Vec<AttachmentData>,
}

#[derive(Serialize)]
struct AttachmentData {
    name: String,
    label: String,
    title_lines: Vec<String>,
    kind: &'static str,
    body: String,
    categories: Vec<CategoryData>,
    table: Option<crate::tasks::TableLayout>,
}

#[derive(Serialize)]
struct CategoryData {
    name: String,
    tasks: Vec<TaskData>,
}

#[derive(Serialize)]
struct TaskData {
    number: usize,
    text: String,
    lead: String,
    support: String,
}

/// 主送 ends with a full-width colon (§7.3.2); 附注 stands in full-width parentheses (§7.3.6).
fn with_colon(s: &str) -> String {
    format!("{}：", s.trim_end_matches(['：', ':']))
}

fn in_parens(s: &str) -> String {
    if s.starts_with('（') && s.ends_with('）') {
        s.to_string()
    } else {
        format!("（{s}）")
    }
}

impl From<&Notice> for NoticeData {
    fn from(n: &Notice) -> Self {
        use chrono::Datelike;
        let attachments = n
            .attachments
            .iter()
            .enumerate()
            .map(|(i, a)| {
                let label = n.attachment_label(i);
                match &a.kind {
                    AttachmentKind::Document(d) => AttachmentData {
                        name: a.name.clone(),
                        label,
                        title_lines: d.title_lines.clone(),
                        kind: "document",
                        body: typst_code::blocks(&d.body),
                        categories: Vec::new(),
                        table: None,
                    },
                    AttachmentKind::Tasks(t) => AttachmentData {
                        name: a.name.clone(),
                        label,
                        title_lines: vec![t.title.clone()],
                        kind: "tasks",
                        body: String::new(),
                        table: Some(t.table.clone()),
                        categories: t
                            .categories
                            .iter()
                            .map(|c| CategoryData {
                                name: c.name.clone(),
                                tasks: c
                                    .tasks
                                    .iter()
                                    .map(|t| TaskData {
                                        number: t.number,
                                        text: t.text.clone(),
                                        lead: join_units(&t.lead),
                                        support: join_units(&t.support),
                                    })
                                    .collect(),
                            })
                            .collect(),
                    },
                }
            })
            .collect();
        NoticeData {
            number: n.number.clone(),
            title: n.title.clone(),
            title_lines: n.title_lines.clone(),
            mark: n.mark.clone(),
            to: n.to.as_deref().map(with_colon),
            signer: n.signer.clone(),
            seal_note: n.seal_note.as_deref().map(in_parens),
            sealed: n.sealed,
            date: date::chinese(n.date),
            year: n.date.year().to_string(),
            month: n.date.month().to_string(),
            day: n.date.day().to_string(),
            copy_no: n.copy_no.clone(),
            secrecy: n.secrecy.clone(),
            urgency: n.urgency.clone(),
            issuers: n.issuers.clone(),
            note: n.note.as_deref().map(in_parens),
            cc: n
                .cc
                .as_deref()
                .map(|c| format!("{}。", c.trim_end_matches(['。', '.']))),
            printed_by: n.printed_by.clone(),
            printed_date: n.printed_date.map(|d| format!("{}印发", date::chinese(d))),
            body: typst_code::blocks(&n.body),
            attachments,
        }
    }
}

fn join_units(units: &[crate::tasks::UnitRef]) -> String {
    units
        .iter()
        .map(|u| u.text.as_str())
        .collect::<Vec<_>>()
        .join("、")
}

#[derive(Serialize)]
struct SubmissionData {
    title: String,
    title_lines: Vec<String>,
    unit: String,
    date: String,
    year: String,
    month: String,
    day: String,
    heading: String,
    content: String,
}

impl SubmissionData {
    fn new(s: &Submission, index: Option<usize>) -> Self {
        use chrono::Datelike;
        let late = if s.late { "（逾期报送）" } else { "" };
        SubmissionData {
            title: s.title.clone(),
            title_lines: crate::title::break_lines(
                &s.title,
                &s.unit_name,
                crate::notice::TITLE_MAX_EM,
            ),
            unit: s.unit_name.clone(),
            date: date::chinese(s.date),
            year: s.date.year().to_string(),
            month: s.date.month().to_string(),
            day: s.date.day().to_string(),
            heading: index.map_or_else(String::new, |i| {
                format!(
                    "（{}）{}{late}",
                    crate::markdown::chinese_number(i + 1),
                    s.unit_name
                )
            }),
            content: typst_code::blocks(&summary::submission_blocks(s)),
        }
    }
}

#[derive(Serialize)]
struct ReportData<'a> {
    title: String,
    title_lines: Vec<String>,
    list_title: String,
    organ: String,
    year_text: String,
    overview: String,
    reporting: String,
    categories: &'a [Counts],
    counts: Vec<&'a Counts>,
    tasks: &'a [TaskRow],
    owing: &'a [Owing],
    subs: Vec<SubmissionData>,
}

impl<'a> ReportData<'a> {
    fn new(r: &'a YearReport, organ: &str) -> Self {
        let (overview, reporting) = report_texts(r);
        let title = format!("{}年度工作总结汇编", r.year);
        ReportData {
            title_lines: vec![title.clone()],
            title,
            list_title: r.list.title.clone(),
            organ: organ.to_string(),
            year_text: format!("{}年", r.year),
            overview,
            reporting,
            categories: &r.categories,
            counts: r.counts_with_total(),
            tasks: &r.tasks,
            owing: &r.owing,
            subs: r
                .submissions
                .iter()
                .enumerate()
                .map(|(i, s)| SubmissionData::new(s, Some(i)))
                .collect(),
        }
    }
}

/// The sentences that open the overview and the 报送情况 of a year report.
pub fn report_texts(r: &YearReport) -> (String, String) {
    let o = &r.overall;
    let overview = format!(
        "{}共{}项任务：已完成{}项，推进中{}项，未启动{}项，尚无牵头单位报告{}项。",
        r.list.title, o.total, o.done, o.in_progress, o.not_started, o.no_report
    );
    let (late, missing) = (r.units(Reporting::Late), r.units(Reporting::Missing));
    let on_time = r.units(Reporting::OnTime).len();
    let mut reporting = format!(
        "应报送工作总结的单位{}个：按时报送{}个，逾期报送{}个，未报送{}个。",
        r.owing.len(),
        on_time,
        late.len(),
        missing.len()
    );
    if !late.is_empty() {
        reporting.push_str(&format!("逾期报送：{}。", late.join("、")));
    }
    if !missing.is_empty() {
        reporting.push_str(&format!("未报送：{}。", missing.join("、")));
    }
    if let Some(due) = r.due {
        reporting.push_str(&format!("报送截止日期为{}。", date::chinese(due)));
    }
    (overview, reporting)
}
