//! Typst source → PDF bytes, in-process.

use std::path::Path;
use std::sync::Arc;

use chrono::NaiveDate;
use typst::World;
use typst::WorldExt;
use typst::diag::SourceDiagnostic;
use typst::foundations::Smart;
use typst_layout::PagedDocument;
use typst_pdf::PdfOptions;

use crate::diag::Diagnostic;
use crate::fonts::Fonts;
use crate::world::DocWorld;

pub struct Typeset {
    pub pdf: Vec<u8>,
    pub pages: usize,
}

/// Compiles `main` with the layout library. `template` names the template that produced
/// `main`, for messages: a Typst error here is a template problem, never the user's text.
pub fn pdf(
    fonts: Arc<Fonts>,
    main: String,
    layout: &str,
    root: &Path,
    date: NaiveDate,
    template: &Path,
) -> Result<Typeset, Diagnostic> {
    let world = DocWorld::new(fonts, main, layout, root.to_path_buf(), date);
    let result = typst::compile::<PagedDocument>(&world);
    let doc = result
        .output
        .map_err(|errs| to_diagnostic(&world, &errs, template))?;
    let options = PdfOptions {
        // A fixed identifier and no timestamp: the same input gives the same bytes.
        ident: Smart::Custom("gongwen".into()),
        timestamp: None,
        ..PdfOptions::default()
    };
    let pdf =
        typst_pdf::pdf(&doc, &options).map_err(|errs| to_diagnostic(&world, &errs, template))?;
    Ok(Typeset {
        pdf,
        pages: doc.pages().len(),
    })
}

fn to_diagnostic(world: &DocWorld, errs: &[SourceDiagnostic], template: &Path) -> Diagnostic {
    let Some(first) = errs.first() else {
        return Diagnostic::file_error(template, "typesetting failed without a message");
    };
    let position = first.span.id().and_then(|id| {
        let source = world.source(id).ok()?;
        let range = world.range(first.span)?;
        let line = source.lines().byte_to_line(range.start)? + 1;
        Some(format!("{}:{line}", id.get().vpath().get_without_slash()))
    });
    let message = format!(
        "typesetting failed: {}{}",
        first.message,
        position
            .map(|p| format!(" (generated {p})"))
            .unwrap_or_default()
    );
    Diagnostic::file_error(template, message)
        .with_help("this is a template problem, not a content problem: run `gongwen build --emit-typst` to see the generated Typst")
}
