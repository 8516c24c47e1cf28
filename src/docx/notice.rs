//! A notice as a .docx: the 版头 (份号, 密级, 紧急程度, the red 发文机关标志, 发文字号 and red rule)
//! at the positions of GB/T 9704 §7.2, the title, 主送, body, 附件说明, the signature block,
//! 附注, the attachments (task tables on landscape pages), and the 版记 at the foot of the last
//! page — from the same view the PDF and the site are made from.

use docx_rs::{
    AlignmentType, BorderType, LineSpacing, LineSpacingType, Paragraph, ParagraphBorder,
    ParagraphBorderPosition, ParagraphBorders, Run, SpecialIndentType, Tab, TabValueType, Table,
    TableAlignmentType, TableCell, TableCellMargins, TableLayoutType, TablePositionProperty,
    TableRow, VAlignType, WidthType,
};

use crate::docx::blocks::{self, Item};
use crate::docx::page::{Orientation, Page};
use crate::docx::style::{self, CHAR, Faces, LINE, mm};
use crate::docx::table;
use crate::markdown::Block;
use crate::model::Layout;
use crate::rules::wording;
use crate::text::{Role, is_wide};
use crate::view::NoticeView;
use crate::view::notice::AttachmentView;

/// The width of a text in characters of its size: Chinese characters one, others half.
pub(crate) fn chars(s: &str) -> f64 {
    s.chars().map(|c| if is_wide(c) { 1.0 } else { 0.5 }).sum()
}

fn twips(chars: f64) -> i32 {
    (chars * f64::from(CHAR)).round() as i32
}

fn exact(line: i32, before: i32, after: i32) -> LineSpacing {
    LineSpacing::new()
        .line(line)
        .line_rule(LineSpacingType::Exact)
        .before(before.max(0) as u32)
        .after(after.max(0) as u32)
}

/// Where the 版头's parts stand, in twips below the top of the type area (§7.2): the
/// 发文机关标志 35 mm down, the 发文字号 two blank lines below it, the red rule 4 mm under the
/// 发文字号, the title two blank lines below the rule. As the PDF computes them.
struct Head {
    corner_lines: i32,
    mark_top: i32,
    mark_height: i32,
    number_top: i32,
    rule_y: i32,
    title_top: i32,
}

/// The space between joint issuers' stacked names, in the mark's size (the PDF's `mark-gap`).
const MARK_GAP: f64 = 0.25;

/// `lines` is how many names the mark stacks.
fn head_positions(corner_lines: i32, mark_size_pt: f64, lines: usize) -> Head {
    let mark_top = mm(style::MARK_TOP_MM);
    let n = lines.max(1) as f64;
    let mark_height = ((n + (n - 1.0) * MARK_GAP) * mark_size_pt * 20.0).round() as i32;
    let number_line = ((mark_top + mark_height) as f64 / f64::from(LINE)).ceil() as i32 + 2;
    let number_line = number_line.max(corner_lines + 1);
    let number_top = number_line * LINE;
    let rule_y = number_top + style::SIZE_3 as i32 * 10 + mm(style::RULE_GAP_MM);
    let title_top = ((rule_y as f64 / f64::from(LINE)).ceil() as i32 + 2) * LINE;
    Head {
        corner_lines,
        mark_top,
        mark_height,
        number_top,
        rule_y,
        title_top,
    }
}

/// 份号, 密级 and 紧急程度, one a line at the top left.
fn corner(v: &NoticeView<Vec<Block>>, faces: &Faces) -> Vec<Paragraph> {
    let mut out = Vec::new();
    if let Some(c) = &v.copy_no {
        let run = Run::new()
            .fonts(faces.fonts(Role::Body))
            .add_text(c.as_str());
        out.push(
            Paragraph::new()
                .style(style::CORNER)
                .line_spacing(exact(LINE, 0, 0))
                .add_run(run),
        );
    }
    for s in [&v.secrecy, &v.urgency].into_iter().flatten() {
        out.push(blocks::para(Some(style::CORNER), s).line_spacing(exact(LINE, 0, 0)));
    }
    out
}

/// The red 发文机关标志 (§7.2.4): one line, narrowed when the organ's name is too long for the
/// type area; or, for joint issuers, their names stacked (`joint_mark`).
fn mark(v: &NoticeView<Vec<Block>>, head: &Head, layout: &Layout) -> Vec<Item> {
    let top = (head.mark_top - head.corner_lines * LINE).max(0);
    if v.mark.len() > 1 {
        return joint_mark(&v.mark, v.mark_suffix.as_deref(), top, layout.mark_size);
    }
    let line = format!(
        "{}{}",
        v.mark.first().map_or("", String::as_str),
        v.mark_suffix.as_deref().unwrap_or("")
    );
    let width_pt = chars(&line) * layout.mark_size;
    let type_w_pt = style::TYPE_W_MM / 25.4 * 72.0;
    let mut run = blocks::text_run(Run::new(), &line);
    if width_pt > type_w_pt {
        run = run.stretch((type_w_pt / width_pt * 100.0).floor() as i32);
    }
    vec![Item::Para(
        Paragraph::new()
            .style(style::MARK)
            .line_spacing(exact(head.mark_height, top, 0))
            .add_run(run),
    )]
}

/// Joint issuers' 发文机关标志 as the PDF sets it: the names stacked, the host first, each spread
/// to the longest one's width, with 文件 (the suffix) beside them, centred on the stack — a
/// borderless table, the names in its left cell, the suffix in the right one centred
/// vertically; all narrowed together when too wide. `top` is the space above it.
fn joint_mark(names: &[String], suffix: Option<&str>, top: i32, size_pt: f64) -> Vec<Item> {
    let em = size_pt * 20.0;
    let widest = names.iter().map(|n| chars(n)).fold(0.0, f64::max) * em;
    let (gutter, suffix_w) = suffix.map_or((0.0, 0.0), |s| (0.5 * em, chars(s) * em));
    // A little room over the text's width, so rounding never wraps a name.
    let slack = 20.0;
    let type_w = f64::from(mm(style::TYPE_W_MM)) - 2.0 * slack;
    let scale = (type_w / (widest + gutter + suffix_w)).min(1.0);
    let narrow = |r: Run| {
        if scale < 1.0 {
            r.stretch((scale * 100.0).floor() as i32)
        } else {
            r
        }
    };
    let line = em.round() as i32;
    let gap = (MARK_GAP * em).round() as i32;
    let mut left = TableCell::new().vertical_align(VAlignType::Top);
    for (i, n) in names.iter().enumerate() {
        let after = if i + 1 < names.len() { gap } else { 0 };
        let align = if n.chars().count() > 1 {
            AlignmentType::Distribute
        } else {
            AlignmentType::Center
        };
        left = left.add_paragraph(
            Paragraph::new()
                .style(style::MARK)
                .align(align)
                .line_spacing(exact(line, 0, after))
                .add_run(narrow(Run::new().add_text(n.as_str()))),
        );
    }
    let mut cells = vec![left];
    let mut grid = vec![(widest * scale + slack).ceil() as usize];
    if let Some(s) = suffix {
        cells.push(
            TableCell::new()
                .vertical_align(VAlignType::Center)
                .add_paragraph(
                    Paragraph::new()
                        .style(style::MARK)
                        .align(AlignmentType::Right)
                        .line_spacing(exact(line, 0, 0))
                        .add_run(narrow(Run::new().add_text(s))),
                ),
        );
        grid.push(((gutter + suffix_w) * scale + slack).ceil() as usize);
    }
    let total = grid.iter().sum();
    let table = Table::without_borders(vec![TableRow::new(cells)])
        .set_grid(grid)
        .width(total, WidthType::Dxa)
        .align(TableAlignmentType::Center)
        .layout(TableLayoutType::Fixed)
        .margins(TableCellMargins::new().margin(0, 0, 0, 0));
    // The space above: an empty line of that height (a table has no spacing of its own), off
    // the grid (LibreOffice would set it one grid line high).
    let spacer = Paragraph::new()
        .style(style::FLUSH)
        .snap_to_grid(false)
        .line_spacing(exact(top.max(1), 0, 0));
    vec![Item::Para(spacer), Item::Table(table)]
}

/// The 发文字号 (with 签发人 on the same line for a 上行文) and the red rule under it.
fn number(v: &NoticeView<Vec<Block>>, head: &Head, layout: &Layout, faces: &Faces) -> Paragraph {
    let rule_eighths = (layout.red_rule / 25.4 * 72.0 * 8.0).round().max(2.0) as usize;
    let mut p = Paragraph::new().style(style::NUMBER).line_spacing(exact(
        head.rule_y - head.number_top,
        head.number_top - head.mark_top - head.mark_height,
        0,
    ));
    p.property = p.property.set_borders(
        ParagraphBorders::with_empty().set(
            ParagraphBorder::new(ParagraphBorderPosition::Bottom)
                .val(BorderType::Single)
                .size(rule_eighths)
                .space(0)
                .color(style::RED),
        ),
    );
    let Some(n) = &v.number else {
        return p;
    };
    if v.issuers.is_empty() {
        return p.add_run(Run::new().add_text(n.as_str()));
    }
    // 上行文: 发文字号 左空一字, 签发人 右空一字 (§7.2.6).
    let right = mm(style::TYPE_W_MM) - CHAR;
    p.align(AlignmentType::Left)
        .indent(
            Some(CHAR),
            Some(SpecialIndentType::FirstLine(0)),
            Some(0),
            None,
        )
        .add_tab(Tab::new().val(TabValueType::Right).pos(right as usize))
        .add_run(Run::new().add_text(n.as_str()).add_tab())
        .add_run(Run::new().add_text(wording::ISSUER))
        .add_run(
            Run::new()
                .fonts(faces.fonts(Role::Kai))
                .add_text(v.issuers.join("　")),
        )
}

/// The title: centred 二号 lines as the view breaks them, one blank line below.
pub(crate) fn title(lines: &[String], before: i32) -> Paragraph {
    let mut run = Run::new();
    for (i, l) in lines.iter().enumerate() {
        if i > 0 {
            run = run.add_break(docx_rs::BreakType::TextWrapping);
        }
        run = run.add_text(l.as_str());
    }
    Paragraph::new()
        .style(style::TITLE)
        .line_spacing(exact(LINE, before, LINE))
        .add_run(run)
}

/// The 附件说明 (§7.3.4): one blank line below the body, 左空二字; several are numbered, and
/// a wrapped name continues under its first character.
fn attachment_note(names: &[&str]) -> Vec<Paragraph> {
    let label = chars(wording::ATTACHMENT_NOTE);
    names
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let (text, left, first) = if names.len() == 1 {
                (
                    format!("{}{name}", wording::ATTACHMENT_NOTE),
                    2.0 + label,
                    -label,
                )
            } else {
                let n = format!("{}.", i + 1);
                let hang = chars(&n) + if i == 0 { label } else { 0.0 };
                let prefix = if i == 0 { wording::ATTACHMENT_NOTE } else { "" };
                (format!("{prefix}{n}{name}"), 2.0 + label + chars(&n), -hang)
            };
            Paragraph::new()
                .style(style::NOTE)
                .line_spacing(exact(LINE, if i == 0 { LINE } else { 0 }, 0))
                .indent(
                    Some(twips(left)),
                    Some(SpecialIndentType::Hanging(twips(-first))),
                    Some(0),
                    None,
                )
                .add_run(Run::new().add_text(text))
        })
        .collect()
}

/// 署名, seal note and 成文日期 (§7.3.5), placed as the PDF places them: sealed, the date 右空四字
/// and the names centred over it, two blank lines above; unsealed, the 署名 右空二字 one blank
/// line below the body and the date two characters further right.
pub(crate) fn signature(
    signer: &str,
    seal_note: Option<&str>,
    date: &str,
    sealed: bool,
) -> Vec<Paragraph> {
    let full = style::CHARS_PER_LINE;
    let mut names = vec![signer];
    names.extend(seal_note);
    let sw = names.iter().map(|n| chars(n)).fold(0.0, f64::max);
    let dw = chars(date);
    let (name_x, date_x) = if sealed {
        let date_x = full - 4.0 - dw;
        let centre = date_x + dw / 2.0;
        ((centre - sw / 2.0).min(full - sw).max(0.0), date_x)
    } else {
        let mut name_x = full - 2.0 - chars(signer);
        let mut date_x = name_x + 2.0;
        if date_x + dw > full - 2.0 {
            date_x = full - 2.0 - dw;
            name_x = date_x - 2.0;
        }
        (name_x, date_x)
    };
    let blank = if sealed { 2 } else { 1 };
    let line = |style: &str, text: &str, x: f64, before: i32| {
        Paragraph::new()
            .style(style)
            .align(AlignmentType::Left)
            .line_spacing(exact(LINE, before, 0))
            .indent(
                Some(twips(x.max(0.0))),
                Some(SpecialIndentType::FirstLine(0)),
                Some(0),
                None,
            )
            .add_run(Run::new().add_text(text))
    };
    let mut out = Vec::new();
    for (i, n) in names.iter().enumerate() {
        let x = if sealed {
            name_x + (sw - chars(n)) / 2.0
        } else {
            name_x
        };
        out.push(line(
            style::SIGNER,
            n,
            x,
            if i == 0 { blank * LINE } else { 0 },
        ));
    }
    out.push(line(style::DATE, date, date_x, 0));
    out
}

/// An attachment: a document on a new portrait page, a task list on landscape pages.
fn attachment(page: &mut Page, a: &AttachmentView<Vec<Block>>) {
    let o = if a.table.is_some() {
        Orientation::Landscape
    } else {
        Orientation::Portrait
    };
    if !page.orient(o) {
        page.page_break();
    }
    page.para(blocks::para(Some(style::LABEL), &a.label));
    page.para(title(&a.title_lines, LINE));
    if let Some(layout) = &a.table {
        page.item(Item::Table(table::tasks(layout, &a.categories)));
    }
    if let Some(body) = &a.body {
        page.items(blocks::blocks(body, None));
    }
}

/// A paragraph of the 版记: 四号, 左右各空一字 (§7.4.1).
fn colophon_para(left: i32, hanging: i32) -> Paragraph {
    Paragraph::new().style(style::COLOPHON).indent(
        Some(left),
        Some(SpecialIndentType::Hanging(hanging)),
        Some(CHAR),
        None,
    )
}

/// The 版记 (§7.4): 抄送 and 印发机关和日期 between rules, at the foot of the last page.
fn colophon(v: &NoticeView<Vec<Block>>) -> Option<Table> {
    if v.cc.is_none() && v.printed_by.is_none() && v.printed_date.is_none() {
        return None;
    }
    let full = mm(style::TYPE_W_MM);
    let mut rows = Vec::new();
    if let Some(cc) = &v.cc {
        // Wrapped lines stand under the first organ, after 抄送：.
        let label = (chars(wording::CC) * f64::from(style::SIZE_4 as i32 * 10)) as i32;
        let p = colophon_para(CHAR + label, label)
            .align(AlignmentType::Both)
            .add_run(Run::new().add_text(format!("{}{cc}", wording::CC)));
        rows.push(TableRow::new(vec![TableCell::new().add_paragraph(p)]));
    }
    if v.printed_by.is_some() || v.printed_date.is_some() {
        // The organ at the left, the date at a right tab stop: neither wraps however long the
        // other is (a column per part would have to guess the date's width as Word sets it).
        let p = colophon_para(CHAR, 0)
            .align(AlignmentType::Left)
            .add_tab(
                Tab::new()
                    .val(TabValueType::Right)
                    .pos((full - CHAR) as usize),
            )
            .add_run(Run::new().add_text(v.printed_by.as_deref().unwrap_or("")))
            .add_run(Run::new().add_tab())
            .add_run(Run::new().add_text(v.printed_date.as_deref().unwrap_or("")));
        rows.push(TableRow::new(vec![TableCell::new().add_paragraph(p)]));
    }
    let table = Table::without_borders(rows);
    // A letter's 版记 has no rules (§10.1): no table style, whose borders would apply.
    let table = if v.format == "letter" {
        table
    } else {
        table
            .set_borders(style::colophon_borders())
            .style(style::COLOPHON_TABLE)
    };
    Some(
        table
            .set_grid(vec![full as usize])
            .width(full as usize, WidthType::Dxa)
            .layout(TableLayoutType::Fixed)
            .margins(TableCellMargins::new().margin(0, 0, 0, 0))
            // Floating at the foot of the type area. Placed from the page's edge: LibreOffice
            // (7.4) floats a table as wide as the type area only when it is anchored to the page.
            .position(
                TablePositionProperty::new()
                    .vertical_anchor("margin")
                    .horizontal_anchor("page")
                    .position_x(mm(style::MARGIN_LEFT_MM))
                    .position_y_alignment("bottom"),
            ),
    )
}

/// The notice as a .docx.
pub(crate) fn docx(
    v: &NoticeView<Vec<Block>>,
    faces: &Faces,
    layout: &Layout,
    date: &str,
    root: &std::path::Path,
) -> Result<Vec<u8>, String> {
    let task_size = v
        .attachments
        .iter()
        .find_map(|a| a.table.as_ref())
        .map_or(24, |t| style::half_points(t.size));
    let mut page = Page::new(faces, style::half_points(layout.mark_size), task_size, date);
    page.pictures_from(root);
    let corner = corner(v, faces);
    let head = head_positions(corner.len() as i32, layout.mark_size, v.mark.len());
    for p in corner {
        page.para(p);
    }
    page.items(mark(v, &head, layout));
    page.para(number(v, &head, layout, faces));
    let border = (layout.red_rule / 25.4 * 1440.0).round() as i32;
    page.para(title(&v.title_lines, head.title_top - head.rule_y - border));
    if let Some(to) = &v.to {
        page.para(blocks::para(Some(style::TO), to));
    }
    page.items(blocks::blocks(&v.body, None));
    let names: Vec<&str> = v.attachments.iter().map(|a| a.name.as_str()).collect();
    if !names.is_empty() {
        for p in attachment_note(&names) {
            page.para(p);
        }
    }
    for p in signature(&v.signer, v.seal_note.as_deref(), &v.date, v.sealed) {
        page.para(p);
    }
    if let Some(note) = &v.note {
        page.para(blocks::para(Some(style::ANNOTATION), note));
    }
    for a in &v.attachments {
        attachment(&mut page, a);
    }
    if let Some(t) = colophon(v) {
        page.orient(Orientation::Portrait);
        page.item(Item::Table(t));
    }
    page.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(items: &[Item]) -> &Table {
        match items {
            [Item::Para(_), Item::Table(t)] => t,
            _ => panic!("a spacer and a table"),
        }
    }

    #[test]
    fn a_joint_mark_is_as_wide_as_its_names_and_suffix_and_never_wider_than_the_type_area() {
        let names = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        // 8 characters of 30 pt and 文件 half a character away: 4,800 + 300 + 1,200 twips.
        let short = joint_mark(
            &names(&["某某区人民政府", "某某区人民武装部"]),
            Some("文件"),
            100,
            30.0,
        );
        assert_eq!(table(&short).grid, [4820, 1520]);
        let long = joint_mark(
            &names(&[
                "某某省某某市某某区人民政府办公室某某工作领导小组",
                "某某区人民武装部",
            ]),
            Some("文件"),
            100,
            30.0,
        );
        let grid = &table(&long).grid;
        let type_w = mm(style::TYPE_W_MM) as usize;
        assert!(grid.iter().sum::<usize>() <= type_w + 2, "{grid:?}");
        assert!(grid.iter().sum::<usize>() > type_w - 40, "{grid:?}");
        let xml = String::from_utf8(docx_rs::BuildXML::build(table(&long))).unwrap();
        // 24 characters, the gap and 文件 (15,900 twips) into the type area less the slack (8,804).
        assert_eq!(
            xml.matches("<w:w w:val=\"55\" />").count(),
            3,
            "narrowed: {xml}"
        );
        let stacked = joint_mark(&names(&["区财政局", "区商务委"]), None, 100, 30.0);
        assert_eq!(table(&stacked).grid, [2420], "names alone: one column");
    }
}
