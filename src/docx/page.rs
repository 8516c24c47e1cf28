//! A document being written: its paragraphs and tables in order, page breaks, and sections —
//! portrait pages on the GB/T 9704 grid, landscape pages for a task table (§8) — each with the
//! page numbers "— N —" in the footer, odd pages right and even pages left, one character in.

use docx_rs::{
    AlignmentType, DocGrid, DocGridType, Docx, FieldCharType, Footer, InstrPAGE, InstrText,
    PageMargin, PageNumType, PageOrientationType, PageSize, Paragraph, Pic, Run, SectionProperty,
    SpecialIndentType,
};

use crate::i18n::t;
use std::path::{Path, PathBuf};

use crate::docx::blocks::Item;
use crate::docx::package;
use crate::docx::style::{self, Faces, mm};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Orientation {
    Portrait,
    Landscape,
}

/// The page number paragraph: "— N —" with a PAGE field, 四号 宋体.
fn page_number(align: AlignmentType) -> Paragraph {
    let r = Run::new;
    let indent = match align {
        AlignmentType::Right => (Some(0), Some(style::CHAR)),
        _ => (Some(style::CHAR), Some(0)),
    };
    Paragraph::new()
        .style(style::PAGE_NUMBER)
        .align(align)
        .indent(
            indent.0,
            Some(SpecialIndentType::FirstLine(0)),
            indent.1,
            None,
        )
        .add_run(r().add_text("— "))
        .add_run(r().add_field_char(FieldCharType::Begin, false))
        .add_run(r().add_instr_text(InstrText::PAGE(InstrPAGE::new())))
        .add_run(r().add_field_char(FieldCharType::Separate, false))
        .add_run(r().add_text("1"))
        .add_run(r().add_field_char(FieldCharType::End, false))
        .add_run(r().add_text(" —"))
}

/// The footer's distance from the paper's edge that puts the number line `PAGE_NUMBER_GAP_MM`
/// below a type area ending `bottom_margin` above the edge.
fn footer_distance(bottom_margin_mm: f64) -> i32 {
    let line = f64::from(style::SIZE_4 as u32 * 10) / 20.0 * 25.4 / 72.0;
    mm(bottom_margin_mm - style::PAGE_NUMBER_GAP_MM - line)
}

struct Geometry {
    size: (u32, u32),
    margin: PageMargin,
}

fn geometry(o: Orientation) -> Geometry {
    match o {
        Orientation::Portrait => {
            let bottom = 297.0 - style::MARGIN_TOP_MM - style::TYPE_H_MM;
            Geometry {
                size: (style::PAGE_W, style::PAGE_H),
                margin: PageMargin::new()
                    .top(mm(style::MARGIN_TOP_MM))
                    .left(mm(style::MARGIN_LEFT_MM))
                    .right(mm(210.0 - style::MARGIN_LEFT_MM - style::TYPE_W_MM))
                    .bottom(mm(bottom))
                    .header(mm(15.0))
                    .footer(footer_distance(bottom))
                    .gutter(0),
            }
        }
        // The PDF's landscape pages: the 225 mm side centred across, the 156 mm side 1 mm above
        // the middle.
        Orientation::Landscape => {
            let side = (297.0 - style::TYPE_H_MM) / 2.0;
            let top = (210.0 - style::TYPE_W_MM) / 2.0 - 1.0;
            let bottom = (210.0 - style::TYPE_W_MM) / 2.0 + 1.0;
            Geometry {
                size: (style::PAGE_H, style::PAGE_W),
                margin: PageMargin::new()
                    .top(mm(top))
                    .left(mm(side))
                    .right(mm(side))
                    .bottom(mm(bottom))
                    .header(mm(10.0))
                    .footer(footer_distance(bottom))
                    .gutter(0),
            }
        }
    }
}

fn grid() -> DocGrid {
    DocGrid::with_empty()
        .grid_type(DocGridType::Lines)
        .line_pitch(style::LINE as usize)
}

/// The footers' relationship ids as docx-rs names them: the document's footer first, then
/// the even-page footer.
const ODD_FOOTER: &str = "rIdFooter1";
const EVEN_FOOTER: &str = "rIdFooter2";

/// How a section's pages are numbered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Numbers {
    /// Continuing from the section before.
    On,
    /// Not at all: a compilation's cover and contents (only the first section can be unnumbered:
    /// a section without footers of its own takes the previous section's).
    Off,
    /// Starting again at 1: a compilation's body.
    Restart,
}

/// A section that ends before the document does; the last one is the document's own.
fn section(o: Orientation, numbers: Numbers) -> SectionProperty {
    let g = geometry(o);
    let orient = match o {
        Orientation::Portrait => PageOrientationType::Portrait,
        Orientation::Landscape => PageOrientationType::Landscape,
    };
    let s = SectionProperty::new()
        .page_size(PageSize::new().size(g.size.0, g.size.1).orient(orient))
        .page_margin(g.margin)
        .doc_grid(grid());
    match numbers {
        Numbers::Off => s,
        Numbers::On => s
            .footer(Footer::new(), ODD_FOOTER)
            .even_footer(Footer::new(), EVEN_FOOTER),
        Numbers::Restart => s
            .footer(Footer::new(), ODD_FOOTER)
            .even_footer(Footer::new(), EVEN_FOOTER)
            .page_num_type(PageNumType::new().start(1)),
    }
}

/// A document being written.
pub(crate) struct Page {
    docx: Docx,
    orientation: Orientation,
    /// How the pages of the current section are numbered.
    numbers: Numbers,
    break_next: bool,
    images: usize,
    /// The last thing added was a table (a document may not end with one).
    ends_with_table: bool,
    /// The project folder, which pictures' files are relative to.
    root: PathBuf,
    /// A picture that could not be read: the document fails with it.
    failed: Option<String>,
}

impl Page {
    /// A new document: its styles, its date (the package's timestamps) and its title.
    pub(crate) fn new(faces: &Faces, mark_size: usize, task_size: usize, date: &str) -> Self {
        let stamp = format!("{date}T00:00:00Z");
        let mut docx = Docx::new()
            .default_fonts(faces.fonts(crate::text::Role::Body))
            .default_size(style::SIZE_3)
            .created_at(&stamp)
            .updated_at(&stamp);
        for s in style::all(faces, mark_size, task_size) {
            docx = docx.add_style(s);
        }
        Page {
            docx,
            orientation: Orientation::Portrait,
            numbers: Numbers::On,
            break_next: false,
            images: 0,
            ends_with_table: false,
            root: PathBuf::new(),
            failed: None,
        }
    }

    /// Adds a paragraph (on a new page if one was asked for).
    pub(crate) fn para(&mut self, p: Paragraph) {
        let p = if std::mem::take(&mut self.break_next) {
            p.page_break_before(true)
        } else {
            p
        };
        self.docx = std::mem::take(&mut self.docx).add_paragraph(p);
        self.ends_with_table = false;
    }

    /// A custom document property (File → Properties in Word).
    pub(crate) fn custom(&mut self, name: &str, value: &str) {
        self.docx = std::mem::take(&mut self.docx).custom_property(name, value);
    }

    pub(crate) fn item(&mut self, item: Item) {
        match item {
            Item::Para(p) => self.para(p),
            Item::Table(t) => {
                if self.break_next {
                    self.para(Paragraph::new().style(style::FLUSH));
                }
                self.docx = std::mem::take(&mut self.docx).add_table(t);
                self.ends_with_table = true;
            }
            Item::Figure {
                file,
                pixels,
                caption,
            } => self.figure(&file, pixels, &caption),
        }
    }

    /// Pictures of the body are read from below `root`.
    pub(crate) fn pictures_from(&mut self, root: &Path) {
        self.root = root.to_path_buf();
    }

    /// A picture centred at the size the PDF prints it, its caption below, as in the PDF.
    fn figure(&mut self, file: &str, pixels: (u32, u32), caption: &str) {
        let bytes = match std::fs::read(self.root.join(file)) {
            Ok(b) => b,
            Err(e) => {
                self.failed.get_or_insert_with(|| {
                    t!("picture-unreadable", src = file, reason = e.to_string())
                });
                return;
            }
        };
        let (w_mm, h_mm) = crate::rules::figure::size(pixels);
        // 36,000 EMU a millimetre.
        let emu = ((w_mm * 36_000.0) as u32, (h_mm * 36_000.0) as u32);
        let pic = self.picture(bytes, pixels, emu);
        self.para(
            Paragraph::new()
                .style(style::FLUSH)
                .align(AlignmentType::Center)
                .add_run(Run::new().add_image(pic)),
        );
        if !caption.is_empty() {
            self.para(crate::docx::blocks::para(Some(style::CELL), caption));
        }
    }

    pub(crate) fn items(&mut self, items: Vec<Item>) {
        for i in items {
            self.item(i);
        }
    }

    /// The next paragraph starts a new page.
    pub(crate) fn page_break(&mut self) {
        self.break_next = true;
    }

    /// What follows is set on pages of this orientation: a section break (which starts a new
    /// page) when it changes. Whether it did.
    pub(crate) fn orient(&mut self, o: Orientation) -> bool {
        if o == self.orientation {
            return false;
        }
        self.end_section();
        self.orientation = o;
        true
    }

    /// Ends the current section: what follows starts a new page.
    fn end_section(&mut self) {
        self.break_next = false;
        let end = Paragraph::new()
            .style(style::FLUSH)
            .section_property(section(self.orientation, self.numbers));
        self.docx = std::mem::take(&mut self.docx).add_paragraph(end);
        self.numbers = Numbers::On;
    }

    /// The pages so far carry no page number (call before anything is added).
    pub(crate) fn unnumbered(&mut self) {
        self.numbers = Numbers::Off;
    }

    /// What follows starts a new page, numbered 1, as the PDF numbers a compilation's body.
    pub(crate) fn number_from_here(&mut self) {
        self.end_section();
        self.numbers = Numbers::Restart;
    }

    /// A picture with a stable relationship id (docx-rs would number it from a process-wide
    /// counter).
    pub(crate) fn picture(&mut self, png: Vec<u8>, px: (u32, u32), emu: (u32, u32)) -> Pic {
        self.images += 1;
        Pic::new_with_dimensions(png, px.0, px.1)
            .id(format!("rIdImage{}", self.images))
            .size(emu.0, emu.1)
    }

    /// The finished .docx.
    pub(crate) fn finish(mut self) -> Result<Vec<u8>, String> {
        if let Some(e) = self.failed.take() {
            return Err(e);
        }
        if self.ends_with_table {
            self.para(Paragraph::new().style(style::FLUSH));
        }
        let g = geometry(self.orientation);
        let mut docx = self
            .docx
            .page_size(g.size.0, g.size.1)
            .page_margin(g.margin)
            .footer(Footer::new().add_paragraph(page_number(AlignmentType::Right)))
            .even_footer(Footer::new().add_paragraph(page_number(AlignmentType::Left)));
        if self.orientation == Orientation::Landscape {
            docx = docx.page_orient(PageOrientationType::Landscape);
        }
        if self.numbers == Numbers::Restart {
            docx = docx.page_num_type(PageNumType::new().start(1));
        }
        docx.document = docx.document.doc_grid(grid());
        let mut raw = std::io::Cursor::new(Vec::new());
        docx.build().pack(&mut raw).map_err(|e| e.to_string())?;
        package::finish(&raw.into_inner())
    }
}
