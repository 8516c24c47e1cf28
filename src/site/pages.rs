//! The site's pages as typed structs: what each HTML template receives. A key renamed on one side
//! is caught by the compiler here or by the site tests.

use serde::Serialize;

use crate::report::Counts;
use crate::view::notice::{AttachmentView, AttendanceView, NoticeView};
use crate::view::report::{LeadReportView, ReportLabels, ReportView};

/// A unit named on a task page, linked when it is a unit (a group has no page).
#[derive(Serialize, Clone)]
pub(crate) struct UnitLink {
    pub(crate) name: String,
    pub(crate) url: Option<String>,
}

#[derive(Serialize, Clone)]
pub(crate) struct TaskLink {
    pub(crate) number: usize,
    pub(crate) text: String,
    pub(crate) url: String,
}

/// A summary in a list.
#[derive(Serialize, Clone)]
pub(crate) struct SubLink {
    pub(crate) title: String,
    pub(crate) url: String,
    pub(crate) date: String,
    pub(crate) late: bool,
}

/// notice.html: the notice as the document reads, with its PDF.
#[derive(Serialize)]
pub(crate) struct NoticePage {
    pub(crate) title: String,
    pub(crate) title_lines: Vec<String>,
    /// "file", "letter", "order" or "minutes": the head and the signature differ.
    pub(crate) format: &'static str,
    pub(crate) mark: Vec<String>,
    pub(crate) mark_suffix: Option<String>,
    pub(crate) organ: String,
    pub(crate) number: Option<String>,
    pub(crate) to: Option<String>,
    pub(crate) body: String,
    pub(crate) attachments: Vec<AttachmentPage>,
    pub(crate) signers: Vec<String>,
    pub(crate) signer_title: Option<String>,
    pub(crate) seal_note: Option<String>,
    pub(crate) attendance: Vec<AttendanceView>,
    pub(crate) date: String,
    pub(crate) note: Option<String>,
    pub(crate) pdf: String,
}

#[derive(Serialize)]
pub(crate) struct AttachmentPage {
    pub(crate) name: String,
    pub(crate) label: String,
    pub(crate) title: String,
    pub(crate) body: Option<String>,
    /// A task list's table in the site, instead of a body.
    pub(crate) tasks_url: Option<String>,
}

impl NoticePage {
    pub(crate) fn new(
        v: NoticeView<String>,
        pdf: String,
        tasks_url: impl Fn(&str) -> String,
    ) -> Self {
        let attachments = v
            .attachments
            .into_iter()
            .map(|a: AttachmentView<String>| AttachmentPage {
                tasks_url: a.list.as_deref().map(&tasks_url),
                name: a.name,
                label: a.label,
                title: a.title,
                body: a.body,
            })
            .collect();
        NoticePage {
            title: v.title,
            title_lines: v.title_lines,
            format: v.format,
            mark: v.mark,
            mark_suffix: v.mark_suffix,
            organ: v.organ,
            number: v.number,
            to: v.to,
            body: v.body,
            attachments,
            signers: v.signers,
            signer_title: v.signer_title,
            seal_note: v.seal_note,
            attendance: v.attendance,
            date: v.date,
            note: v.note,
            pdf,
        }
    }
}

/// A notice on the home page.
#[derive(Serialize)]
pub(crate) struct NoticeRow {
    pub(crate) title: String,
    pub(crate) url: String,
    pub(crate) number: String,
    pub(crate) date: String,
}

/// task.html.
#[derive(Serialize)]
pub(crate) struct TaskPage {
    pub(crate) number: usize,
    pub(crate) text: String,
    pub(crate) category: String,
    pub(crate) status: &'static str,
    /// The lead units that have not reported it (when some have).
    pub(crate) missing: String,
    pub(crate) list_slug: String,
    pub(crate) list_title: String,
    pub(crate) lead_units: Vec<UnitLink>,
    pub(crate) support_units: Vec<UnitLink>,
    pub(crate) reports: Vec<TaskReport>,
}

/// A unit's report on a task.
#[derive(Serialize, Clone)]
pub(crate) struct TaskReport {
    pub(crate) unit: String,
    pub(crate) url: String,
    pub(crate) status: &'static str,
    pub(crate) summary: String,
}

/// A row of the filterable task table (tasks.html).
#[derive(Serialize)]
pub(crate) struct TaskRow {
    pub(crate) number: usize,
    pub(crate) text: String,
    pub(crate) url: String,
    pub(crate) category: String,
    pub(crate) status: &'static str,
    pub(crate) lead: String,
    pub(crate) support: String,
    /// The ids of the units it involves (groups expanded), for the unit filter.
    pub(crate) unit_ids: String,
}

/// A task list: in the table page with its rows, on the home page with its count.
#[derive(Serialize)]
pub(crate) struct ListSection {
    pub(crate) slug: String,
    pub(crate) title: String,
    pub(crate) count: usize,
    pub(crate) tasks: Vec<TaskRow>,
}

/// A unit in the unit filter.
#[derive(Serialize)]
pub(crate) struct UnitOption {
    pub(crate) id: String,
    pub(crate) name: String,
}

/// tasks.html.
#[derive(Serialize)]
pub(crate) struct TasksPage {
    pub(crate) lists: Vec<ListSection>,
    pub(crate) categories: Vec<String>,
    pub(crate) units: Vec<UnitOption>,
    pub(crate) statuses: Vec<&'static str>,
}

/// submission.html.
#[derive(Serialize)]
pub(crate) struct SubmissionPage {
    pub(crate) title: String,
    pub(crate) unit: String,
    pub(crate) unit_url: String,
    pub(crate) date: String,
    pub(crate) late: bool,
    pub(crate) body: String,
    pub(crate) pdf: String,
}

/// What a unit leads and supports in one list.
#[derive(Serialize)]
pub(crate) struct UnitList {
    pub(crate) title: String,
    pub(crate) lead: Vec<TaskLink>,
    pub(crate) support: Vec<TaskLink>,
}

/// unit.html.
#[derive(Serialize)]
pub(crate) struct UnitPage {
    pub(crate) name: String,
    pub(crate) full_name: Option<String>,
    pub(crate) groups: String,
    pub(crate) lists: Vec<UnitList>,
    pub(crate) submissions: Vec<SubLink>,
}

/// report.html, and a year's section of the home page.
#[derive(Serialize)]
pub(crate) struct ReportPage {
    pub(crate) labels: &'static ReportLabels,
    pub(crate) year: i32,
    pub(crate) url: String,
    pub(crate) overview: String,
    pub(crate) reporting: String,
    pub(crate) pdf: String,
    pub(crate) categories: Vec<Counts>,
    pub(crate) chart_caption: String,
    pub(crate) counts: Vec<Counts>,
    pub(crate) tasks: Vec<ReportTaskRow>,
    pub(crate) owing: Vec<OwingRow>,
    pub(crate) subs: Vec<SubLink>,
}

#[derive(Serialize)]
pub(crate) struct ReportTaskRow {
    pub(crate) number: usize,
    pub(crate) text: String,
    pub(crate) url: String,
    pub(crate) lead: String,
    pub(crate) status: &'static str,
    pub(crate) reports: Vec<LeadReportView>,
}

#[derive(Serialize)]
pub(crate) struct OwingRow {
    pub(crate) unit: String,
    pub(crate) url: String,
    pub(crate) tasks: String,
    pub(crate) received: String,
    pub(crate) state: &'static str,
    pub(crate) state_class: &'static str,
}

/// The URLs a report page links to.
pub(crate) struct ReportLinks<'a> {
    pub(crate) url: String,
    pub(crate) pdf: String,
    pub(crate) task: &'a dyn Fn(usize) -> String,
    pub(crate) unit: &'a dyn Fn(&str) -> String,
    pub(crate) subs: Vec<SubLink>,
}

impl ReportPage {
    /// The report's page: its figures and tables, and links to the summaries (whose content is
    /// on their own pages, so the view's is not used: any `B`).
    pub(crate) fn new<B>(v: ReportView<B>, links: ReportLinks) -> Self {
        ReportPage {
            labels: v.labels,
            year: v.year,
            url: links.url,
            overview: v.overview,
            reporting: v.reporting,
            pdf: links.pdf,
            categories: v.categories,
            chart_caption: v.chart_caption,
            counts: v.counts,
            tasks: v
                .tasks
                .into_iter()
                .map(|t| ReportTaskRow {
                    url: (links.task)(t.number),
                    number: t.number,
                    text: t.text,
                    lead: t.lead,
                    status: t.status,
                    reports: t.reports,
                })
                .collect(),
            owing: v
                .owing
                .into_iter()
                .map(|o| OwingRow {
                    url: (links.unit)(&o.unit_id),
                    unit: o.unit,
                    tasks: o.tasks,
                    received: o.received,
                    state: o.state,
                    state_class: o.state_key,
                })
                .collect(),
            subs: links.subs,
        }
    }
}
