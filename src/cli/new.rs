//! `gongwen new submission <unit>`: a ready-to-fill summary for a unit, with every task it leads
//! or supports (through its groups too), so a clerk only writes text.

use std::path::PathBuf;
use std::process::ExitCode;

use serde::Serialize;
use serde_saphyr::Commented;

use crate::cli::{Env, Needs, checked, fail, forms, wrote};
use crate::diag::{Diagnostic, Diagnostics};
use crate::i18n::t;
use crate::model::{Project, Task};
use crate::{output, paths};

#[derive(clap::Subcommand)]
pub(super) enum What {
    /// A notice with the next free 发文字号 of this year and today's date, to fill in.
    Notice,
    /// A year-end summary for a unit, pre-filled with every task it leads or supports.
    Submission {
        /// The unit's id, name or alias (none with --all).
        #[arg(required_unless_present = "all")]
        unit: Option<String>,
        /// The year (default: `year` in gongwen.yaml).
        #[arg(long)]
        year: Option<i32>,
        /// Write a Word form for the unit to fill in (out/forms/<year>/<unit>.docx), to be read
        /// back with `gongwen import submission`.
        #[arg(long)]
        docx: bool,
        /// With --docx: a form for every unit that owes a summary.
        #[arg(long, requires = "docx", conflicts_with = "unit")]
        all: bool,
    },
}

pub(super) fn run(env: &Env, what: What) -> ExitCode {
    // A form for one unit does not wait for the others' summaries (or a draft notice) to be right.
    let needs = match what {
        What::Notice => Needs::Registry,
        What::Submission { .. } => Needs::TaskLists,
    };
    let c = match checked(env, needs) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let result = match what {
        What::Notice => notice(&c.project, chrono::Local::now().date_naive()).map(|p| vec![p]),
        What::Submission {
            unit,
            year,
            docx,
            all,
        } => match (docx, unit) {
            (true, unit) => forms::write(&c.project, unit.as_deref(), all, year),
            (false, Some(unit)) => submission(&c.project, &unit, year).map(|p| vec![p]),
            (false, None) => unreachable!("clap requires a unit without --all"),
        },
    };
    match result {
        Ok(paths) => {
            for p in paths {
                wrote(&p);
            }
            ExitCode::SUCCESS
        }
        Err(d) => fail(&d),
    }
}

/// Writes content/notices/<year>-<n>.md with the next free 发文字号 and today's date.
fn notice(project: &Project, today: chrono::NaiveDate) -> Result<PathBuf, Diagnostics> {
    use chrono::Datelike;
    let year = today.year();
    let numbers = project.notices.iter().filter_map(|n| n.number.as_deref());
    let number =
        crate::rules::docno::next(numbers, year).unwrap_or_else(|| format!("某某发〔{year}〕1号"));
    let seq = crate::rules::docno::parts(&number).map_or(1, |(_, _, n)| n);
    let text = format!(
        "---\nnumber: {number}   # 发文字号：按本机关代字和本年序号，请核对\ntitle: {p}标题\nto: {p}主送机关\ndate: {date}\n# attachments: [tasks/{year}.yaml]\n---\n{p}正文。\n\n## {p}一级标题\n\n{p}正文。\n",
        p = crate::check::placeholder::MARK,
        date = today.format("%Y-%m-%d"),
    );
    let rel = std::path::Path::new(paths::NOTICES).join(format!("{year}-{seq}.md"));
    let path = project.root.path().join(&rel);
    if path.exists() {
        return Err(Diagnostic::file_error(&rel, t!("exists-not-overwritten"))
            .with_help(t!("new-notice-exists-help"))
            .into());
    }
    output::write_atomic(&path, text.as_bytes())
        .map_err(|e| Diagnostic::file_error(&rel, t!("cannot-write", reason = e.to_string())))?;
    Ok(rel)
}

#[derive(Serialize)]
struct Front {
    unit: String,
    title: String,
    date: Commented<String>,
    tasks: Vec<Entry>,
}

#[derive(Serialize)]
struct Entry {
    task: Commented<String>,
    /// The task as the unit saw it: `check` notices when the list's text changes later.
    text: String,
    status: Commented<String>,
    summary: String,
}

/// The year a form is for (given, or the project's) and its task list; an error saying what to
/// pass when there is none.
pub(super) fn year_list(
    project: &Project,
    year: Option<i32>,
) -> Result<(i32, std::sync::Arc<crate::model::TaskList>), Diagnostics> {
    let Some(year) = year.or(project.config.year) else {
        return Err(Diagnostic::file_error(paths::CONFIG, t!("no-year"))
            .with_help(t!("no-year-help"))
            .into());
    };
    match project.lists_for_year(year).first() {
        Some(list) => Ok((year, list.clone())),
        None => Err(
            Diagnostic::file_error(paths::TASKS, t!("no-list-for-year", year = year))
                .with_help(t!("no-list-for-year-help"))
                .into(),
        ),
    }
}

/// Writes content/submissions/<year>/<unit id>.md and returns its path. Never overwrites.
fn submission(project: &Project, unit: &str, year: Option<i32>) -> Result<PathBuf, Diagnostics> {
    let id = project
        .registry
        .resolve_unit(unit)
        .map_err(|(msg, help)| Diagnostic::file_error(paths::UNITS, msg).with_help(help))?;
    let (year, list) = year_list(project, year)?;
    let name = project.registry.unit_name(&id).to_string();
    let (lead, support) = list.tasks_of(&project.registry, &id);
    let mut tasks: Vec<(usize, &Task, &str)> =
        lead.iter().map(|t| (t.number, *t, "牵头")).collect();
    tasks.extend(
        support
            .iter()
            .filter(|t| !lead.iter().any(|l| l.number == t.number))
            .map(|t| (t.number, *t, "配合")),
    );
    tasks.sort_by_key(|(n, ..)| *n);
    if tasks.is_empty() {
        return Err(Diagnostic::file_error(
            &list.file,
            t!(
                "unit-owes-nothing",
                unit = name.as_str(),
                list = list.title.as_str()
            ),
        )
        .with_help(t!("unit-owes-nothing-help"))
        .into());
    }
    let front = Front {
        unit: name.clone(),
        title: format!("{name}{year}年度工作总结"),
        // The unit dates it when it sends it: today's date would make a summary of last year late.
        date: Commented(String::new(), format!("报送时填写日期，如 {}-12-20", year)),
        tasks: tasks
            .iter()
            .map(|(n, task, role)| Entry {
                task: Commented(task.id.clone(), format!("第{n}项，{role}")),
                text: task.text.clone(),
                status: Commented("推进中".to_string(), "已完成 | 推进中 | 未启动".to_string()),
                summary: String::new(),
            })
            .collect(),
    };
    let yaml = serde_saphyr::to_string(&front).map_err(|e| {
        Diagnostic::file_error(
            paths::SUBMISSIONS,
            t!("cannot-write", reason = e.to_string()),
        )
    })?;
    let text =
        format!("---\n{yaml}---\n在此填写全年工作总结正文（Markdown）。“## 标题”为一级标题。\n");
    let rel = paths::submission_file(year, &id);
    let path = project.root.path().join(&rel);
    if path.exists() {
        return Err(Diagnostic::file_error(&rel, t!("exists-not-overwritten"))
            .with_help(t!("new-submission-exists-help"))
            .into());
    }
    output::write_atomic(&path, text.as_bytes())
        .map_err(|e| Diagnostic::file_error(&rel, t!("cannot-write", reason = e.to_string())))?;
    Ok(rel)
}
