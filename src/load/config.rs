//! content/gongwen.yaml → the project's settings.

use crate::i18n::t;
use std::path::Path;

use serde::Deserialize;
use serde_saphyr::Spanned;

use crate::diag::{Diagnostic, Diagnostics, display_path};
use crate::limits;
use crate::load::fields::{Fields, Names};
use crate::load::source;
use crate::load::yaml;
use crate::model::{Config, FontPrefs, Layout, Proofread};
use crate::paths;
use crate::root::Root;
use crate::text::{SourceText, roles};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    organ: Spanned<Names>,
    year: Option<Spanned<i64>>,
    #[serde(default)]
    site: RawSite,
    #[serde(default)]
    fonts: FontPrefs,
    #[serde(default)]
    layout: RawLayout,
    #[serde(default)]
    proofread: RawProofread,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLayout {
    mark_size: Option<Spanned<f64>>,
    red_rule: Option<Spanned<f64>>,
}

/// The layout values, each within the range README "Limits" documents.
fn layout(f: &mut Fields, raw: &RawLayout) -> Layout {
    let d = Layout::default();
    Layout {
        mark_size: f.number(
            &raw.mark_size,
            "layout.mark_size",
            16.0..=72.0,
            "pt",
            d.mark_size,
        ),
        red_rule: f.number(
            &raw.red_rule,
            "layout.red_rule",
            0.1..=2.0,
            "mm",
            d.red_rule,
        ),
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawProofread {
    #[serde(default)]
    skip: Vec<Spanned<String>>,
    #[serde(default)]
    allow: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSite {
    title: Option<String>,
    /// Accepted by the first version and never used: now an error that says so.
    base_path: Option<Spanned<serde::de::IgnoredAny>>,
}

/// Reads content/gongwen.yaml in `root`: the settings and the printed texts they hold.
pub(crate) fn load(root: &Root) -> Result<(Config, Vec<SourceText>), Diagnostics> {
    let shown = Path::new(paths::CONFIG);
    if root.resolve(shown)?.is_none() {
        return Err(Diagnostic::file_error(
            shown,
            t!("no-settings", folder = display_path(root.path())),
        )
        .with_help(t!("no-settings-help"))
        .into());
    }
    let text = source::read(root, shown, &t!("what-settings"), limits::YAML_BYTES)?;
    let raw: RawConfig = yaml::parse(&text, shown, 1)?;
    let mut f = Fields::new(shown, 1);
    if let Some(b) = &raw.site.base_path {
        f.error(
            Diagnostic::error(f.at(b), t!("base-path-unused"))
                .with_help(t!("base-path-unused-help")),
        );
    }
    let organs = f.names(&raw.organ, roles::ORGAN);
    if organs.is_empty() {
        f.error(
            Diagnostic::error(f.at(&raw.organ), t!("organ-empty"))
                .with_help(t!("organ-empty-help")),
        );
    }
    let config = Config {
        organ: organs.first().cloned().unwrap_or_default(),
        organs,
        year: f.year(&raw.year),
        site_title: raw.site.title,
        fonts: raw.fonts,
        layout: layout(&mut f, &raw.layout),
        proofread: Proofread {
            skip: raw
                .proofread
                .skip
                .iter()
                .map(|r| (r.value.trim().to_string(), f.at(r)))
                .collect(),
            allow: raw
                .proofread
                .allow
                .iter()
                .map(|w| w.trim().to_string())
                .filter(|w| !w.is_empty())
                .collect(),
        },
    };
    Ok((config, f.finish()?))
}
