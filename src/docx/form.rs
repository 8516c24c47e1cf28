//! The fill-in form the office sends a unit for its year-end summary: the unit, the task list
//! and a date to fill in; one table row per task the unit leads or supports (序号, 工作任务 and
//! 分工 pre-filled, 完成情况 and 工作总结 to fill in); then room for the narrative. The form
//! names its unit, year and list in the document's custom properties too, so `gongwen import
//! submission` knows what it is reading even when a cell was changed.

use docx_rs::{AlignmentType, Paragraph, Run, TableCell, TableRow};

use crate::docx::blocks::{self, grid_table, text_cell};
use crate::docx::notice::title;
use crate::docx::page::Page;
use crate::docx::style::{self, Faces, LINE};
use crate::model::{Registry, TaskList};
use crate::text::Role;

/// The custom properties that identify a form.
pub(crate) const PROP_FORM: &str = "gongwen.form";
pub(crate) const PROP_UNIT: &str = "gongwen.unit";
pub(crate) const PROP_YEAR: &str = "gongwen.year";
pub(crate) const PROP_LIST: &str = "gongwen.list";
/// Each row's task id by its 序号 (`1=t1;3=t7`): ids are stable when tasks are inserted and
/// renumbered, so a form made before that is still read as the tasks it was sent with.
pub(crate) const PROP_TASKS: &str = "gongwen.tasks";
/// The value of `PROP_FORM` for this form (and its layout's version).
pub(crate) const FORM_KIND: &str = "submission-1";

/// The labels of the form's first table.
pub(crate) const INFO_UNIT: &str = "报送单位";
pub(crate) const INFO_LIST: &str = "任务清单";
pub(crate) const INFO_DATE: &str = "报送日期";
/// The task table's header.
pub(crate) const HEADERS: [&str; 5] = ["序号", "工作任务", "分工", "完成情况", "工作总结"];
/// The heading the narrative is written under.
pub(crate) const NARRATIVE: &str = "全年工作总结";
/// 分工: what the unit does for a task.
pub(crate) const LEADS: &str = "牵头";
pub(crate) const SUPPORTS: &str = "配合";

const HELP: [&str; 5] = [
    "“完成情况”一栏填写“已完成”“推进中”“未启动”三者之一。",
    "“工作总结”一栏填写该项任务全年工作情况，可分段。",
    "“序号”“工作任务”“分工”三栏请勿修改，表格行请勿增删。",
    "全年工作总结正文写在表格之后的“全年工作总结”之下，可分段，可用“一、”“（一）”等标题。",
    "填好后请保存为 Word 文档（.docx，不要另存为 .doc），报送办公室。",
];

/// A task on a unit's form: its id, number, text, and whether the unit leads or supports it.
pub(crate) struct FormTask<'a> {
    pub(crate) id: &'a str,
    pub(crate) number: usize,
    pub(crate) text: &'a str,
    pub(crate) role: &'static str,
}

/// The tasks of `unit` in `list`, in order: those it leads, and those it only supports.
pub(crate) fn tasks_of<'a>(
    list: &'a TaskList,
    registry: &Registry,
    unit: &str,
) -> Vec<FormTask<'a>> {
    let (lead, support) = list.tasks_of(registry, unit);
    let mut out: Vec<FormTask> = lead
        .iter()
        .map(|t| FormTask {
            id: &t.id,
            number: t.number,
            text: &t.text,
            role: LEADS,
        })
        .collect();
    out.extend(
        support
            .iter()
            .filter(|t| !lead.iter().any(|l| l.number == t.number))
            .map(|t| FormTask {
                id: &t.id,
                number: t.number,
                text: &t.text,
                role: SUPPORTS,
            }),
    );
    out.sort_by_key(|t| t.number);
    out
}

/// Who the form is for.
pub(crate) struct FormFor<'a> {
    pub(crate) unit_id: &'a str,
    pub(crate) unit_name: &'a str,
    pub(crate) year: i32,
    pub(crate) list: &'a TaskList,
    pub(crate) tasks: Vec<FormTask<'a>>,
    /// The date of the package's timestamps, YYYY-MM-DD.
    pub(crate) stamp: String,
}

fn info_table(f: &FormFor) -> docx_rs::Table {
    let row = |label: &str, value: &str| {
        TableRow::new(vec![
            text_cell(style::HEAD, label),
            TableCell::new()
                .add_paragraph(blocks::para(Some(style::CELL), value).align(AlignmentType::Left)),
        ])
    };
    let full = style::mm(style::TYPE_W_MM) as usize;
    grid_table(
        vec![
            row(INFO_UNIT, f.unit_name),
            row(INFO_LIST, &f.list.title),
            row(INFO_DATE, ""),
        ],
        vec![1800, full - 1800],
    )
}

fn task_table(f: &FormFor) -> docx_rs::Table {
    let mut rows = vec![TableRow::new(
        HEADERS.iter().map(|h| text_cell(style::HEAD, h)).collect(),
    )];
    for t in &f.tasks {
        rows.push(TableRow::new(vec![
            text_cell(style::CELL, &t.number.to_string()),
            TableCell::new()
                .add_paragraph(blocks::para(Some(style::CELL), t.text).align(AlignmentType::Both)),
            text_cell(style::CELL, t.role),
            text_cell(style::CELL, ""),
            TableCell::new()
                .add_paragraph(blocks::para(Some(style::CELL), "").align(AlignmentType::Both)),
        ]));
    }
    let full = style::mm(style::TYPE_W_MM) as usize;
    // 序号 and 分工 hold two characters of 四号 with the cell margins, 完成情况 four.
    let widths = vec![900, 2900, 900, 1400, full - 900 - 2900 - 900 - 1400];
    grid_table(rows, widths)
}

/// The value of `PROP_TASKS`.
pub(crate) fn task_ids(tasks: &[FormTask]) -> String {
    let pairs: Vec<String> = tasks
        .iter()
        .map(|t| format!("{}={}", t.number, t.id))
        .collect();
    pairs.join(";")
}

/// `PROP_TASKS` read back: 序号 → id (pairs that do not parse are left out).
pub(crate) fn parse_task_ids(value: &str) -> std::collections::BTreeMap<usize, String> {
    value
        .split(';')
        .filter_map(|pair| {
            let (n, id) = pair.split_once('=')?;
            Some((n.trim().parse().ok()?, id.trim().to_string()))
        })
        .filter(|(_, id): &(usize, String)| !id.is_empty())
        .collect()
}

/// The form as a .docx.
pub(crate) fn form(f: &FormFor, faces: &Faces) -> Result<Vec<u8>, String> {
    let mut page = Page::new(faces, style::SIZE_2, 24, &f.stamp);
    page.custom(PROP_FORM, FORM_KIND);
    page.custom(PROP_UNIT, f.unit_id);
    page.custom(PROP_YEAR, &f.year.to_string());
    page.custom(PROP_LIST, &f.list.slug);
    page.custom(PROP_TASKS, &task_ids(&f.tasks));
    let heading = format!("{}{}年度工作总结", f.unit_name, f.year);
    page.para(title(&[heading], LINE));
    page.item(blocks::Item::Table(info_table(f)));
    page.para(
        Paragraph::new()
            .style(style::FLUSH)
            .line_spacing(
                docx_rs::LineSpacing::new()
                    .line(LINE)
                    .line_rule(docx_rs::LineSpacingType::Exact)
                    .before(LINE as u32 / 2),
            )
            .add_run(
                Run::new()
                    .fonts(faces.fonts(Role::Hei))
                    .add_text("填写说明"),
            ),
    );
    for (i, h) in HELP.iter().enumerate() {
        page.para(
            Paragraph::new().style(style::FLUSH).add_run(
                Run::new()
                    .fonts(faces.fonts(Role::Kai))
                    .add_text(format!("{}. {h}", i + 1)),
            ),
        );
    }
    page.item(blocks::Item::Table(task_table(f)));
    page.para(
        blocks::para(Some(style::HEADINGS[0]), NARRATIVE).line_spacing(
            docx_rs::LineSpacing::new()
                .line(LINE)
                .line_rule(docx_rs::LineSpacingType::Exact)
                .before(LINE as u32),
        ),
    );
    page.para(Paragraph::new());
    page.finish()
}
