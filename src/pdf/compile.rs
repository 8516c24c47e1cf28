//! Typst source → PDF bytes, in-process, with every error and warning Typst reports turned into
//! our diagnostics, pointing at the template they come from.

use crate::i18n::t;
use std::path::Path;

use typst::World;
use typst::WorldExt;
use typst::diag::{Severity, SourceDiagnostic};
use typst::foundations::Smart;
use typst::syntax::DiagSpan;
use typst_layout::PagedDocument;
use typst_pdf::PdfOptions;

use crate::diag::{Diagnostic, Diagnostics, Location};
use crate::paths;
use crate::pdf::refit;
use crate::pdf::templates::LAYOUT;
use crate::pdf::world::{DocWorld, LIBRARY_PATH};

/// Compiles the world's document. `template` names the Tera template that generated it: a Typst
/// error is a template problem (user text is always a string literal), so that is where
/// messages point.
pub(crate) fn layout(world: DocWorld, template: &str) -> Result<refit::Typeset, Diagnostics> {
    refit::typeset(world).map_err(|f| {
        let mut all = convert(&f.world, &f.errors, template);
        all.extend(convert(&f.world, &f.warnings, template));
        all
    })
}

/// What Typst warned about while typesetting.
pub(crate) fn warnings(done: &refit::Typeset, template: &str) -> Diagnostics {
    convert(&done.world, &done.warnings, template)
}

/// The PDF of a typeset document.
pub(crate) fn export(
    doc: &PagedDocument,
    world: &DocWorld,
    template: &str,
) -> Result<Vec<u8>, Diagnostics> {
    let options = PdfOptions {
        // A fixed identifier and no timestamp: the same input gives the same bytes.
        ident: Smart::Custom("gongwen".into()),
        timestamp: None,
        ..PdfOptions::default()
    };
    typst_pdf::pdf(doc, &options).map_err(|errs| convert(world, &errs, template))
}

fn convert(world: &DocWorld, diags: &[SourceDiagnostic], template: &str) -> Diagnostics {
    Diagnostics(diags.iter().map(|d| one(world, d, template)).collect())
}

fn one(world: &DocWorld, d: &SourceDiagnostic, template: &str) -> Diagnostic {
    let mut help: Vec<String> = d.hints.iter().map(|h| h.v.to_string()).collect();
    help.push(t!("typst-template-problem-help"));
    let (mut diag, generated) = match place(world, d.span) {
        // The layout library is the template file itself: its lines are the file's lines.
        Some((file, line, col, _)) if file == LIBRARY_PATH => {
            let at = Location::new(Path::new(paths::TEMPLATES_TYPST).join(LAYOUT), line, col);
            (Diagnostic::error(at, d.message.to_string()), None)
        }
        // The generated document: name the template, quote the generated line.
        Some((_, line, _, text)) => (
            Diagnostic::file_error(
                Path::new(paths::TEMPLATES_TYPST).join(template),
                d.message.to_string(),
            ),
            Some((line, text)),
        ),
        None => (
            Diagnostic::file_error(
                Path::new(paths::TEMPLATES_TYPST).join(template),
                d.message.to_string(),
            ),
            None,
        ),
    };
    diag.message = match (d.severity, generated) {
        (Severity::Error, None) => t!("typst-failed", reason = diag.message.as_str()),
        (Severity::Error, Some((line, text))) => t!(
            "typst-failed-at",
            reason = diag.message.as_str(),
            line = line,
            text = text.as_str()
        ),
        (Severity::Warning, None) => t!("typst-warns", reason = diag.message.as_str()),
        (Severity::Warning, Some((line, text))) => t!(
            "typst-warns-at",
            reason = diag.message.as_str(),
            line = line,
            text = text.as_str()
        ),
    };
    if d.severity == Severity::Warning {
        diag.severity = crate::diag::Severity::Warning;
    }
    diag.with_help(help.join("\n  help: "))
}

/// The file, line, column and (shortened) line text of a span.
fn place(world: &DocWorld, span: DiagSpan) -> Option<(String, usize, usize, String)> {
    let id = span.id()?;
    let source = world.source(id).ok()?;
    let range = world.range(span)?;
    let lines = source.lines();
    let line = lines.byte_to_line(range.start)?;
    let col = lines.byte_to_column(range.start)?;
    let start = lines.line_to_byte(line)?;
    let text: String = source.text()[start..]
        .lines()
        .next()
        .unwrap_or("")
        .chars()
        .take(80)
        .collect();
    Some((
        id.get().vpath().get_with_slash().to_string(),
        line + 1,
        col + 1,
        text,
    ))
}
