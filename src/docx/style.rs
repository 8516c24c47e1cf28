//! GB/T 9704 in WordprocessingML: the page, the 22 × 28 grid, the typefaces by the names offices
//! have, and the named paragraph styles a clerk sees in Word's style list (正文, 公文标题,
//! 一级标题 …), so editing keeps the look. Lengths are in twips (1/20 pt), type sizes in
//! half-points, rules in eighths of a point, as WordprocessingML counts them.

use docx_rs::{
    AlignmentType, BorderType, LineSpacing, LineSpacingType, RunFonts, SpecialIndentType, Style,
    StyleType, TableBorder, TableBorderPosition, TableBorders, TableCellMargins, WidthType,
};

use crate::model::FontPrefs;
use crate::text::Role;

/// Twips in a millimetre.
const TWIPS_PER_MM: f64 = 1440.0 / 25.4;

pub(crate) fn mm(v: f64) -> i32 {
    (v * TWIPS_PER_MM).round() as i32
}

/// A4 portrait, in twips.
pub(crate) const PAGE_W: u32 = 11906;
pub(crate) const PAGE_H: u32 = 16838;
/// The 版心 (type area): 156 × 225 mm, 37 mm from the top and 28 mm from the binding edge (§5.2).
pub(crate) const TYPE_W_MM: f64 = 156.0;
pub(crate) const TYPE_H_MM: f64 = 225.0;
pub(crate) const MARGIN_TOP_MM: f64 = 37.0;
pub(crate) const MARGIN_LEFT_MM: f64 = 28.0;
/// One line of the 22-line grid: 225 mm / 22 ≈ 28.95 pt (§5.2.3).
pub(crate) const LINE: i32 = 579;
/// One character of the 28-character grid: 156 mm / 28 ≈ 15.8 pt.
pub(crate) const CHAR: i32 = 316;
pub(crate) const CHARS_PER_LINE: f64 = 28.0;
/// Character spacing of 三号 body text in twentieths of a point: −0.25 pt makes each character
/// advance 15.75 pt, so 28 fill the 156 mm line and a 29th does not fit, in Word and in
/// LibreOffice alike (a `linesAndChars` grid is read differently by the two).
pub(crate) const BODY_TRACKING: i32 = -5;
/// Type sizes in half-points: 二号, 三号, 四号.
pub(crate) const SIZE_2: usize = 44;
pub(crate) const SIZE_3: usize = 32;
pub(crate) const SIZE_4: usize = 28;
/// The page number's line stands 7 mm below the 版心 (§7.5).
pub(crate) const PAGE_NUMBER_GAP_MM: f64 = 7.0;
/// The 发文机关标志 stands 35 mm below the top of the 版心, the red rule 4 mm under the
/// 发文字号 (§7.2.4, §7.2.7).
pub(crate) const MARK_TOP_MM: f64 = 35.0;
pub(crate) const RULE_GAP_MM: f64 = 4.0;
/// Red as Word documents of the offices give it.
pub(crate) const RED: &str = "FF0000";
/// 版记 rules: the first and last 0.35 mm, the ones between 0.25 mm (§7.4.1), in eighths of a pt.
pub(crate) const RULE_THICK: usize = 8;
pub(crate) const RULE_THIN: usize = 6;

/// Style ids (ASCII, as Word expects) of the paragraph styles; their Chinese names are below.
pub(crate) const TITLE: &str = "GwTitle";
pub(crate) const MARK: &str = "GwMark";
pub(crate) const NUMBER: &str = "GwNumber";
pub(crate) const CORNER: &str = "GwCorner";
pub(crate) const TO: &str = "GwTo";
pub(crate) const HEADINGS: [&str; 4] = ["GwH1", "GwH2", "GwH3", "GwH4"];
pub(crate) const FLUSH: &str = "GwFlush";
pub(crate) const QUOTE: &str = "GwQuote";
pub(crate) const NOTE: &str = "GwAttachNote";
pub(crate) const SIGNER: &str = "GwSigner";
pub(crate) const DATE: &str = "GwDate";
pub(crate) const ANNOTATION: &str = "GwAnnotation";
pub(crate) const LABEL: &str = "GwLabel";
pub(crate) const COLOPHON: &str = "GwColophon";
pub(crate) const CELL: &str = "GwCell";
pub(crate) const HEAD: &str = "GwHead";
pub(crate) const TASK_CELL: &str = "GwTaskCell";
pub(crate) const CATEGORY: &str = "GwCategory";
pub(crate) const PAGE_NUMBER: &str = "GwPageNumber";
pub(crate) const COVER: &str = "GwCover";
pub(crate) const COVER_TITLE: &str = "GwCoverTitle";
/// Word's own contents styles (Word shows them as 目录 1, 目录 2), which it applies when it
/// updates the contents.
pub(crate) const TOC: [&str; 2] = ["TOC1", "TOC2"];
/// Table styles: the bordered table that repeats its header row, and the 版记.
pub(crate) const TABLE: &str = "GwTable";
pub(crate) const COLOPHON_TABLE: &str = "GwColophonTable";

/// The typeface names for each role: the first family gongwen.yaml lists for it (what the office
/// has installed), or the usual office name.
#[derive(Debug, Clone)]
pub(crate) struct Faces {
    title: String,
    body: String,
    hei: String,
    kai: String,
    song: String,
}

impl Faces {
    pub(crate) fn new(prefs: &FontPrefs) -> Self {
        let first = |v: &[String], default: &str| {
            v.first()
                .map_or_else(|| default.to_string(), |s| s.trim().to_string())
        };
        Faces {
            title: first(&prefs.title, "方正小标宋简体"),
            body: first(&prefs.body, "仿宋_GB2312"),
            hei: first(&prefs.hei, "黑体"),
            kai: first(&prefs.kai, "楷体_GB2312"),
            song: first(&prefs.song, "宋体"),
        }
    }

    pub(crate) fn name(&self, role: Role) -> &str {
        match role {
            Role::Title => &self.title,
            Role::Body => &self.body,
            Role::Hei => &self.hei,
            Role::Kai => &self.kai,
            Role::Song => &self.song,
        }
    }

    /// Every slot set to the role's face, the East Asian one first: digits and Latin letters
    /// are set in it too, as in the PDF.
    pub(crate) fn fonts(&self, role: Role) -> RunFonts {
        let f = self.name(role);
        RunFonts::new()
            .east_asia(f)
            .ascii(f)
            .hi_ansi(f)
            .cs(f)
            .hint("eastAsia")
    }
}

fn exact(line: i32) -> LineSpacing {
    LineSpacing::new()
        .line(line)
        .line_rule(LineSpacingType::Exact)
        .before(0)
        .after(0)
}

/// A paragraph style based on Normal.
fn para(id: &str, name: &str) -> Style {
    Style::new(id, StyleType::Paragraph)
        .name(name)
        .based_on("Normal")
        .next("Normal")
        .q_format(true)
}

/// Off the body grid: no first-line indent, no tracking, the line height its own.
fn flush(mut s: Style) -> Style {
    s.run_property = s.run_property.spacing(0);
    s.indent(
        Some(0),
        Some(SpecialIndentType::FirstLine(0)),
        Some(0),
        None,
    )
    .snap_to_grid(false)
}

fn with_font(s: Style, faces: &Faces, role: Role, size: usize) -> Style {
    s.fonts(faces.fonts(role)).size(size)
}

/// Normal (Word shows it as 正文): 三号 仿宋 on the 28-character lines of the grid, justified,
/// the first line indented two characters.
fn normal(faces: &Faces) -> Style {
    let mut s = Style::new("Normal", StyleType::Paragraph)
        .name("Normal")
        .q_format(true)
        .fonts(faces.fonts(Role::Body))
        .size(SIZE_3)
        .align(AlignmentType::Both)
        .line_spacing(exact(LINE))
        .indent(
            Some(0),
            Some(SpecialIndentType::FirstLine(2 * CHAR)),
            Some(0),
            None,
        );
    s.run_property = s.run_property.spacing(BODY_TRACKING);
    s
}

fn headings(faces: &Faces) -> Vec<Style> {
    let names = ["一级标题", "二级标题", "三级标题", "四级标题"];
    let roles = [Role::Hei, Role::Kai, Role::Body, Role::Body];
    (0..4)
        .map(|i| {
            let mut s =
                with_font(para(HEADINGS[i], names[i]), faces, roles[i], SIZE_3).outline_lvl(i);
            s.paragraph_property = s.paragraph_property.keep_next(true);
            s.run_property = s.run_property.spacing(BODY_TRACKING);
            s
        })
        .collect()
}

/// The 版头 and the signature block.
fn head_styles(faces: &Faces, mark_size: usize) -> Vec<Style> {
    let centred = |s: Style| flush(s).align(AlignmentType::Center);
    vec![
        with_font(centred(para(TITLE, "公文标题")), faces, Role::Title, SIZE_2)
            .line_spacing(exact(LINE)),
        with_font(
            centred(para(MARK, "发文机关标志")),
            faces,
            Role::Title,
            mark_size,
        )
        .color(RED),
        centred(para(NUMBER, "发文字号")),
        with_font(flush(para(CORNER, "版头标识")), faces, Role::Hei, SIZE_3)
            .align(AlignmentType::Left),
        flush(para(TO, "主送机关"))
            .align(AlignmentType::Both)
            .snap_to_grid(true)
            .line_spacing(exact(LINE)),
        para(SIGNER, "署名").align(AlignmentType::Right),
        para(DATE, "成文日期").align(AlignmentType::Right),
        para(ANNOTATION, "附注"),
        with_font(flush(para(LABEL, "附件标识")), faces, Role::Hei, SIZE_3)
            .align(AlignmentType::Left)
            .line_spacing(exact(LINE)),
        para(NOTE, "附件说明"),
        with_font(flush(para(COLOPHON, "版记")), faces, Role::Body, SIZE_4)
            .align(AlignmentType::Left)
            .line_spacing(exact(LINE)),
    ]
}

/// Tables, page numbers, quotes, literal text and the compilation's cover.
fn other_styles(faces: &Faces, task_size: usize) -> Vec<Style> {
    let cell = |id: &str, name: &str, role: Role, size: usize| {
        with_font(flush(para(id, name)), faces, role, size).line_spacing(
            LineSpacing::new()
                .line(size as i32 * 13)
                .line_rule(LineSpacingType::AtLeast),
        )
    };
    vec![
        cell(CELL, "表格文字", Role::Body, SIZE_4).align(AlignmentType::Center),
        cell(HEAD, "表头文字", Role::Hei, SIZE_4).align(AlignmentType::Center),
        cell(TASK_CELL, "任务表文字", Role::Body, task_size).align(AlignmentType::Center),
        cell(CATEGORY, "任务表类别", Role::Hei, task_size).align(AlignmentType::Left),
        with_font(flush(para(PAGE_NUMBER, "页码")), faces, Role::Song, SIZE_4)
            .line_spacing(exact(SIZE_4 as i32 * 10)),
        flush(para(FLUSH, "顶格正文"))
            .snap_to_grid(true)
            .line_spacing(exact(LINE)),
        para(QUOTE, "引文").indent(
            Some(2 * CHAR),
            Some(SpecialIndentType::FirstLine(2 * CHAR)),
            Some(0),
            None,
        ),
        with_font(flush(para(COVER, "封面文字")), faces, Role::Body, SIZE_3)
            .align(AlignmentType::Center)
            .line_spacing(exact(LINE)),
        with_font(flush(para(COVER_TITLE, "封面标题")), faces, Role::Title, 52)
            .align(AlignmentType::Center)
            .line_spacing(exact(LINE * 3 / 2)),
        flush(para(TOC[0], "toc 1"))
            .snap_to_grid(true)
            .line_spacing(exact(LINE)),
        flush(para(TOC[1], "toc 2"))
            .snap_to_grid(true)
            .line_spacing(exact(LINE))
            .indent(
                Some(2 * CHAR),
                Some(SpecialIndentType::FirstLine(0)),
                Some(0),
                None,
            ),
    ]
}

fn border(position: TableBorderPosition, size: usize) -> TableBorder {
    TableBorder::new(position)
        .border_type(BorderType::Single)
        .size(size)
        .color("000000")
}

/// The borders of a 公文表格: a thin grid.
pub(crate) fn grid_borders() -> TableBorders {
    use TableBorderPosition::*;
    TableBorders::with_empty()
        .set(border(Top, 4))
        .set(border(Left, 4))
        .set(border(Bottom, 4))
        .set(border(Right, 4))
        .set(border(InsideH, 4))
        .set(border(InsideV, 4))
}

/// The rules of the 版记: thick above and below, thin between its rows, none at the sides.
pub(crate) fn colophon_borders() -> TableBorders {
    use TableBorderPosition::*;
    TableBorders::with_empty()
        .set(border(Top, RULE_THICK))
        .set(border(Bottom, RULE_THICK))
        .set(border(InsideH, RULE_THIN))
}

/// The table styles carry the borders too (tables also set them directly, because not every
/// program applies a table style's borders).
fn table_styles() -> Vec<Style> {
    let grid = grid_borders();
    let colophon = colophon_borders();
    let table = |id: &str, name: &str, borders: TableBorders| {
        Style::new(id, StyleType::Table)
            .name(name)
            .q_format(true)
            .set_borders(borders)
            .margins(
                TableCellMargins::new()
                    .margin_top(0, WidthType::Dxa)
                    .margin_bottom(0, WidthType::Dxa)
                    .margin_left(80, WidthType::Dxa)
                    .margin_right(80, WidthType::Dxa),
            )
    };
    vec![
        table(TABLE, "公文表格", grid),
        table(COLOPHON_TABLE, "版记表格", colophon),
    ]
}

/// Every style of a gongwen document. `mark_size` is the 发文机关标志's size and `task_size` the
/// task tables' type size, both in half-points.
pub(crate) fn all(faces: &Faces, mark_size: usize, task_size: usize) -> Vec<Style> {
    let mut v = vec![normal(faces)];
    v.extend(headings(faces));
    v.extend(head_styles(faces, mark_size));
    v.extend(other_styles(faces, task_size));
    v.extend(table_styles());
    v
}

/// Half-points of a size in points.
pub(crate) fn half_points(pt: f64) -> usize {
    (pt * 2.0).round().max(2.0) as usize
}
