//! A checked .docx read with docx-rs, reduced to what an import needs: paragraphs (text with
//! its line breaks, the style's name and outline level, whether it is a list item) and tables
//! (rows of cells of paragraphs, merged cells marked), in document order, and the custom
//! properties. Tracked deletions are left out and insertions kept, as Word shows the text.

use std::collections::BTreeMap;

use docx_rs::{
    DocumentChild, Docx, Paragraph, ParagraphChild, RunChild, StructuredDataTagChild, Table,
    TableCellContent, TableChild, TableRowChild,
};

/// A paragraph: its text (line breaks as `\n`), its style's name, its outline level (0 for a
/// first-level heading), and whether it is numbered or bulleted.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Para {
    pub(crate) text: String,
    pub(crate) style: String,
    pub(crate) outline: Option<usize>,
    pub(crate) list: bool,
}

/// A table cell; `merged` when it continues a cell above it (vertical merge).
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Cell {
    pub(crate) paras: Vec<Para>,
    pub(crate) span: usize,
    pub(crate) merged: bool,
}

impl Cell {
    /// The cell's paragraphs joined by blank lines, trimmed.
    pub(crate) fn text(&self) -> String {
        let paras: Vec<&str> = self
            .paras
            .iter()
            .map(|p| p.text.trim())
            .filter(|t| !t.is_empty())
            .collect();
        paras.join("\n\n")
    }
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Block {
    Para(Para),
    Table(Vec<Vec<Cell>>),
}

/// A document as an import sees it.
#[derive(Debug, Default)]
pub(crate) struct Doc {
    pub(crate) blocks: Vec<Block>,
    pub(crate) props: BTreeMap<String, String>,
}

struct Styles {
    /// Style id → (name, outline level, based on, numbered).
    by_id: BTreeMap<String, (String, Option<usize>, Option<String>, bool)>,
}

impl Styles {
    fn new(docx: &Docx) -> Self {
        let by_id = docx
            .styles
            .styles
            .iter()
            .map(|s| {
                let name = serde_json::to_value(&s.name)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default();
                let outline = s.paragraph_property.outline_lvl.as_ref().map(|o| o.v);
                let based = s.based_on.as_ref().and_then(|b| {
                    serde_json::to_value(b)
                        .ok()
                        .and_then(|v| v.as_str().map(str::to_string))
                });
                let numbered = s.paragraph_property.numbering_property.is_some();
                (s.style_id.clone(), (name, outline, based, numbered))
            })
            .collect();
        Styles { by_id }
    }

    /// A style's name, outline level and numbering (inherited through `basedOn`, a few
    /// steps at most).
    fn of(&self, id: &str) -> (String, Option<usize>, bool) {
        let name = self
            .by_id
            .get(id)
            .map_or_else(|| id.to_string(), |s| s.0.clone());
        let (mut outline, mut numbered) = (None, false);
        let mut at = Some(id.to_string());
        for _ in 0..8 {
            let Some(s) = at.as_deref().and_then(|i| self.by_id.get(i)) else {
                break;
            };
            outline = outline.or(s.1);
            numbered |= s.3;
            at = s.2.clone();
        }
        (name, outline, numbered)
    }
}

fn push_run_text(out: &mut String, children: &[RunChild]) {
    for c in children {
        match c {
            RunChild::Text(t) => out.push_str(&t.text),
            RunChild::Tab(_) | RunChild::PTab(_) => out.push('\t'),
            RunChild::CarriageReturn(_) => out.push('\n'),
            RunChild::Break(b) => {
                let kind = serde_json::to_value(b).ok();
                let page = kind.is_some_and(|k| k.to_string().contains("page"));
                if !page {
                    out.push('\n');
                }
            }
            RunChild::Sym(s) => {
                if let Some(c) = u32::from_str_radix(&s.char, 16)
                    .ok()
                    .and_then(char::from_u32)
                {
                    out.push(c);
                }
            }
            _ => {}
        }
    }
}

fn push_para_children(out: &mut String, children: &[ParagraphChild], depth: usize) {
    if depth > 16 {
        return;
    }
    for c in children {
        match c {
            ParagraphChild::Run(r) => push_run_text(out, &r.children),
            ParagraphChild::Insert(i) => {
                for ic in &i.children {
                    if let docx_rs::InsertChild::Run(r) = ic {
                        push_run_text(out, &r.children);
                    }
                }
            }
            ParagraphChild::Hyperlink(h) => push_para_children(out, &h.children, depth + 1),
            ParagraphChild::MoveTo(m) => {
                for r in &m.children {
                    if let docx_rs::MoveToChild::Run(r) = r {
                        push_run_text(out, &r.children);
                    }
                }
            }
            ParagraphChild::StructuredDataTag(t) => {
                for sc in &t.children {
                    if let StructuredDataTagChild::Run(r) = sc {
                        push_run_text(out, &r.children);
                    }
                }
            }
            _ => {}
        }
    }
}

fn para(p: &Paragraph, styles: &Styles) -> Para {
    let mut text = String::new();
    push_para_children(&mut text, &p.children, 0);
    let id = p
        .property
        .style
        .as_ref()
        .map_or("Normal", |s| s.val.as_str());
    let (style, style_outline, style_numbered) = styles.of(id);
    Para {
        text,
        style,
        outline: p
            .property
            .outline_lvl
            .as_ref()
            .map(|o| o.v)
            .or(style_outline),
        list: p.property.numbering_property.is_some() || style_numbered,
    }
}

fn cell_props(c: &docx_rs::TableCell) -> (usize, bool) {
    let v = serde_json::to_value(&c.property).unwrap_or_default();
    let span = v["gridSpan"].as_u64().unwrap_or(1).max(1) as usize;
    let merged = v["verticalMerge"].as_str() == Some("continue");
    (span, merged)
}

struct Reader<'a> {
    styles: &'a Styles,
    blocks: Vec<Block>,
}

impl Reader<'_> {
    fn table(&self, t: &Table, depth: usize) -> Vec<Vec<Cell>> {
        let mut rows = Vec::new();
        for TableChild::TableRow(r) in &t.rows {
            let mut cells = Vec::new();
            for TableRowChild::TableCell(c) in &r.cells {
                let (span, merged) = cell_props(c);
                let mut paras = Vec::new();
                self.cell_content(&c.children, &mut paras, depth);
                cells.push(Cell {
                    paras,
                    span,
                    merged,
                });
            }
            rows.push(cells);
        }
        rows
    }

    /// A cell's paragraphs; a table nested in it contributes its text row by row.
    fn cell_content(&self, content: &[TableCellContent], out: &mut Vec<Para>, depth: usize) {
        for c in content {
            match c {
                TableCellContent::Paragraph(p) => out.push(para(p, self.styles)),
                TableCellContent::Table(t) if depth < 4 => {
                    for row in self.table(t, depth + 1) {
                        let texts: Vec<String> = row.iter().map(Cell::text).collect();
                        out.push(Para {
                            text: texts.join(" "),
                            ..Para::default()
                        });
                    }
                }
                TableCellContent::StructuredDataTag(t) => {
                    for sc in &t.children {
                        if let StructuredDataTagChild::Paragraph(p) = sc {
                            out.push(para(p, self.styles));
                        }
                    }
                }
                _ => {}
            }
        }
    }

    fn sdt(&mut self, children: &[StructuredDataTagChild], depth: usize) {
        for c in children {
            match c {
                StructuredDataTagChild::Paragraph(p) => {
                    self.blocks.push(Block::Para(para(p, self.styles)));
                }
                StructuredDataTagChild::Table(t) => {
                    let rows = self.table(t, 0);
                    self.blocks.push(Block::Table(rows));
                }
                StructuredDataTagChild::StructuredDataTag(t) if depth < 8 => {
                    self.sdt(&t.children, depth + 1);
                }
                _ => {}
            }
        }
    }
}

/// The document's blocks and properties.
pub(crate) fn doc(docx: &Docx) -> Doc {
    let styles = Styles::new(docx);
    let mut r = Reader {
        styles: &styles,
        blocks: Vec::new(),
    };
    for c in &docx.document.children {
        match c {
            DocumentChild::Paragraph(p) => r.blocks.push(Block::Para(para(p, &styles))),
            DocumentChild::Table(t) => {
                let rows = r.table(t, 0);
                r.blocks.push(Block::Table(rows));
            }
            DocumentChild::StructuredDataTag(t) => r.sdt(&t.children, 0),
            _ => {}
        }
    }
    let props = docx
        .doc_props
        .custom
        .properties
        .iter()
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    Doc {
        blocks: r.blocks,
        props,
    }
}
