//! The year report as every output shows it: the sentences of the overview and of 报送情况, the
//! counts, the task rows with each lead unit's report, the owing units, and the summaries.

use rayon::prelude::*;
use serde::Serialize;

use crate::markdown::Block;
use crate::report::{Counts, Owing, Progress, Reporting, TaskRow, YearReport};
use crate::rules::{date, wording};
use crate::view::submission::SubmissionView;

/// The fixed wording of a year report: its chapter headings and table headers.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ReportLabels {
    pub(crate) contents: &'static str,
    pub(crate) overview: &'static str,
    pub(crate) tasks: &'static str,
    pub(crate) reporting: &'static str,
    pub(crate) summaries: &'static str,
    pub(crate) count_headers: [&'static str; 7],
    pub(crate) task_headers: [&'static str; 4],
    pub(crate) owing_headers: [&'static str; 4],
    /// The chart's legend: 已完成, 推进中, 未启动, 部分单位未报告, 未报告.
    pub(crate) statuses: [&'static str; 5],
}

pub(crate) const LABELS: ReportLabels = ReportLabels {
    contents: "目　录",
    overview: "一、总体情况",
    tasks: "二、任务完成情况",
    reporting: "三、报送情况",
    summaries: "四、各单位工作总结",
    count_headers: [
        "类别",
        "任务数",
        "已完成",
        "推进中",
        "未启动",
        PARTIAL,
        "未报告",
    ],
    task_headers: ["序号", "工作任务", "牵头单位", "完成情况"],
    owing_headers: ["单位", "应报任务", "报送日期", "情况"],
    statuses: ["已完成", "推进中", "未启动", PARTIAL, NO_REPORT],
};

#[derive(Debug, Clone, Serialize)]
pub(crate) struct ReportView<B> {
    pub(crate) labels: &'static ReportLabels,
    pub(crate) year: i32,
    pub(crate) title: String,
    pub(crate) title_lines: Vec<String>,
    pub(crate) list_title: String,
    pub(crate) list_slug: String,
    pub(crate) organ: String,
    pub(crate) year_text: String,
    /// The sentence that opens the overview.
    pub(crate) overview: String,
    /// The sentences that open 报送情况.
    pub(crate) reporting: String,
    pub(crate) categories: Vec<Counts>,
    /// The caption under the chart of the categories.
    pub(crate) chart_caption: String,
    /// The categories and the totals row.
    pub(crate) counts: Vec<Counts>,
    pub(crate) tasks: Vec<ReportTaskView>,
    pub(crate) owing: Vec<OwingView>,
    pub(crate) subs: Vec<SubmissionView<B>>,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct ReportTaskView {
    pub(crate) number: usize,
    pub(crate) text: String,
    /// The lead units joined with 、, and one by one (a table breaks lines only between them).
    pub(crate) lead: String,
    pub(crate) leads: Vec<String>,
    pub(crate) status: &'static str,
    /// The lead units that have not reported it, joined with 、 (empty when all have).
    pub(crate) missing: String,
    pub(crate) reports: Vec<LeadReportView>,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct LeadReportView {
    pub(crate) unit: String,
    pub(crate) status: &'static str,
    pub(crate) summary: String,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct OwingView {
    pub(crate) unit_id: String,
    pub(crate) unit: String,
    pub(crate) tasks: String,
    pub(crate) received: String,
    /// 按时, 逾期 or 未报送.
    pub(crate) state: &'static str,
    /// A key for styling: ok, late or missing.
    pub(crate) state_key: &'static str,
}

/// A status as printed; 未报告 when no lead unit reported.
pub(crate) fn status_label(s: Option<crate::model::Status>) -> &'static str {
    s.map_or(NO_REPORT, |s| s.label())
}

/// A task's status as printed: its lead units' least advanced one, 部分单位未报告 when some of
/// them have not reported it, 未报告 when none has.
pub(crate) fn progress_label(p: Progress) -> &'static str {
    match p {
        Progress::Reported(s) => s.label(),
        Progress::Partial => PARTIAL,
        Progress::NoReport => NO_REPORT,
    }
}

/// The caption of the chart of progress per category.
const CHART_CAPTION: &str = "图1　各类别任务进展情况（单位：项）";

/// What a task with no lead unit's report shows.
pub(crate) const NO_REPORT: &str = "未报告";
/// What a task some of whose lead units have not reported shows.
pub(crate) const PARTIAL: &str = "部分单位未报告";

fn reporting_label(r: Reporting) -> (&'static str, &'static str) {
    match r {
        Reporting::OnTime => ("按时", "ok"),
        Reporting::Late => ("逾期", "late"),
        Reporting::Missing => ("未报送", "missing"),
    }
}

fn task_view(t: &TaskRow) -> ReportTaskView {
    ReportTaskView {
        number: t.number,
        text: t.text.clone(),
        lead: wording::join(&t.lead),
        leads: t.lead.clone(),
        status: progress_label(t.progress()),
        missing: wording::join(t.missing()),
        reports: t
            .reports
            .iter()
            .map(|r| LeadReportView {
                unit: r.unit.clone(),
                status: status_label(r.status),
                summary: r.summary.clone(),
            })
            .collect(),
    }
}

fn owing_view(o: &Owing) -> OwingView {
    let (state, state_key) = reporting_label(o.reporting);
    OwingView {
        unit_id: o.unit_id.clone(),
        unit: o.unit.clone(),
        tasks: wording::join(o.tasks.iter().map(usize::to_string)),
        received: o.received.map_or_else(|| "—".to_string(), date::chinese),
        state,
        state_key,
    }
}

/// The sentences that open the overview and the 报送情况 of a year report.
fn sentences(r: &YearReport) -> (String, String) {
    let o = &r.overall;
    let partial = if o.partial > 0 {
        format!("部分牵头单位未报告{}项，", o.partial)
    } else {
        String::new()
    };
    let overview = format!(
        "{}共{}项任务：已完成{}项，推进中{}项，未启动{}项，{partial}尚无牵头单位报告{}项。",
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
        reporting.push_str(&format!("逾期报送：{}。", wording::join(&late)));
    }
    if !missing.is_empty() {
        reporting.push_str(&format!("未报送：{}。", wording::join(&missing)));
    }
    if let Some(due) = r.list.due {
        reporting.push_str(&format!("报送截止日期为{}。", date::chinese(due)));
    }
    (overview, reporting)
}

impl ReportView<Vec<Block>> {
    pub(crate) fn new(r: &YearReport, organ: &str) -> Self {
        let (overview, reporting) = sentences(r);
        let title = format!("{}年度工作总结汇编", r.year);
        ReportView {
            labels: &LABELS,
            year: r.year,
            title_lines: vec![title.clone()],
            title,
            list_title: r.list.title.clone(),
            list_slug: r.list.slug.clone(),
            organ: organ.to_string(),
            year_text: format!("{}年", r.year),
            overview,
            reporting,
            categories: r.categories.clone(),
            chart_caption: CHART_CAPTION.to_string(),
            counts: r.counts_with_total().into_iter().cloned().collect(),
            tasks: r.tasks.iter().map(task_view).collect(),
            owing: r.owing.iter().map(owing_view).collect(),
            // A report has a chapter per summary: made on every core.
            subs: r
                .submissions
                .par_iter()
                .enumerate()
                .map(|(i, s)| SubmissionView::new(s, Some(i)))
                .collect(),
        }
    }
}

impl<B: Send> ReportView<B> {
    /// The same report with the summaries' content converted by `f` (on every core).
    pub(crate) fn map<T: Send>(self, f: &(impl Fn(B) -> T + Sync)) -> ReportView<T> {
        ReportView {
            labels: self.labels,
            year: self.year,
            title: self.title,
            title_lines: self.title_lines,
            list_title: self.list_title,
            list_slug: self.list_slug,
            organ: self.organ,
            year_text: self.year_text,
            overview: self.overview,
            reporting: self.reporting,
            categories: self.categories,
            chart_caption: self.chart_caption,
            counts: self.counts,
            tasks: self.tasks,
            owing: self.owing,
            subs: self.subs.into_par_iter().map(|s| s.map(f)).collect(),
        }
    }
}
