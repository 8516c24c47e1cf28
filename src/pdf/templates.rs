//! The Typst templates: Tera templates that hand a view's data to the layout library
//! (gongwen.typ). Their autoescape turns every value into a Typst string literal; bodies arrive
//! already converted to calls whose text is string literals too.

use crate::i18n::t;
use std::path::Path;

use serde::Serialize;
use tera::{Context, Kwargs, State, Tera, TeraResult, Value};

use crate::diag::{Diagnostic, Diagnostics};
use crate::fonts::Fonts;
use crate::model::Layout;
use crate::paths;
use crate::pdf::escape;
use crate::pdf::marks::{self, Measure};
use crate::root::Root;
use crate::templates;
use crate::view::{NoticeView, ReportView, SubmissionView};

/// The layout library is plain Typst (not a Tera template); the rest are Tera templates.
pub(crate) const LAYOUT: &str = "gongwen.typ";
pub(crate) const NOTICE: &str = "notice.typ";
pub(crate) const SUBMISSION: &str = "submission.typ";
pub(crate) const REPORT: &str = "report.typ";

const BUILTIN: [(&str, &str); 4] = [
    (LAYOUT, include_str!("../../templates/typst/gongwen.typ")),
    (NOTICE, include_str!("../../templates/typst/notice.typ")),
    (
        SUBMISSION,
        include_str!("../../templates/typst/submission.typ"),
    ),
    (REPORT, include_str!("../../templates/typst/report.typ")),
];

/// The Typst templates of a project: built-in, or the project's overrides.
pub(crate) struct Templates {
    tera: Tera,
    /// The GB/T 9704 layout library every document imports, parsed once for all of them.
    pub(crate) library: typst::syntax::Source,
    /// A fingerprint of every template's text, the layout library's included.
    pub(crate) identity: String,
}

impl Templates {
    /// Loads the built-in templates, replaced by the project's `templates/typst/<name>` if present.
    pub(crate) fn load(root: &Root) -> Result<Templates, Diagnostics> {
        let mut tera = Tera::new();
        tera.set_escape_fn(escape::tera_escape);
        tera.autoescape_on([".typ"]);
        // `{{ text | marks }}`: running text with its full-width marks as layout calls
        // (`marks(table=true)` in table cells), still only string literals.
        tera.register_filter("marks", |s: &str, kwargs: Kwargs, _: &State| {
            let table = kwargs.get::<bool>("table")?.unwrap_or(false);
            let measure = if table { Measure::Table } else { Measure::Grid };
            TeraResult::Ok(Value::safe_string(&marks::content(s, measure)))
        });
        let mut layout = String::new();
        let mut texts: Vec<String> = Vec::new();
        for (name, builtin) in BUILTIN {
            let text = templates::text(root, paths::TEMPLATES_TYPST, name, builtin)?;
            texts.push(text.clone());
            if name == LAYOUT {
                layout = text;
            } else {
                tera.add_raw_template(name, &text).map_err(|e| {
                    Diagnostic::file_error(
                        Path::new(paths::TEMPLATES_TYPST).join(name),
                        t!("template-parse", reason = e.to_string()),
                    )
                })?;
            }
        }
        let parts: Vec<&[u8]> = texts.iter().map(String::as_bytes).collect();
        Ok(Templates {
            tera,
            library: crate::pdf::world::library_source(&layout),
            identity: crate::fingerprint::of(&parts),
        })
    }

    fn render(
        &self,
        name: &str,
        mut ctx: Context,
        fonts: &Fonts,
        layout: &Layout,
    ) -> Result<String, Diagnostic> {
        ctx.insert("fonts", &fonts_literal(fonts));
        ctx.insert("layout", layout);
        self.tera.render(name, &ctx).map_err(|e| {
            Diagnostic::file_error(
                Path::new(paths::TEMPLATES_TYPST).join(name),
                t!("template-failed", reason = e.to_string()),
            )
        })
    }

    pub(crate) fn notice(
        &self,
        view: &NoticeView<String>,
        fonts: &Fonts,
        layout: &Layout,
    ) -> Result<String, Diagnostic> {
        self.render(NOTICE, context("doc", view), fonts, layout)
    }

    pub(crate) fn submission(
        &self,
        view: &SubmissionView<String>,
        fonts: &Fonts,
        layout: &Layout,
    ) -> Result<String, Diagnostic> {
        self.render(SUBMISSION, context("sub", view), fonts, layout)
    }

    /// The year report; `borrow` gives, per chapter, the number of pages left for the summary's
    /// own typeset pages (0: the summary is typeset in the report).
    pub(crate) fn report(
        &self,
        view: &ReportView<String>,
        borrow: &[usize],
        fonts: &Fonts,
        layout: &Layout,
    ) -> Result<String, Diagnostic> {
        let mut ctx = context("r", view);
        ctx.insert("borrow", borrow);
        self.render(REPORT, ctx, fonts, layout)
    }
}

/// A Tera context holding `data` as `key`.
fn context(key: &'static str, data: &impl Serialize) -> Context {
    let mut ctx = Context::new();
    ctx.insert(key, data);
    ctx
}

/// The fonts per role as a Typst dictionary literal.
fn fonts_literal(fonts: &Fonts) -> String {
    let mut s = String::from("(");
    for (role, f) in fonts.all() {
        let families: Vec<String> = f.families.iter().map(|f| escape::string(f)).collect();
        s.push_str(&format!(
            "{}: (families: ({},), weight: {}), ",
            role.key(),
            families.join(", "),
            f.weight
        ));
    }
    s.push(')');
    s
}
