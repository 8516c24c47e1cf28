//! The project's settings (content/gongwen.yaml), checked.

use serde::{Deserialize, Serialize};

use crate::diag::Location;

/// The project's settings.
#[derive(Debug, Clone)]
pub(crate) struct Config {
    /// The default issuing organ (发文机关), also the default 发文机关标志 and 署名; the host
    /// organ when `organs` has several.
    pub(crate) organ: String,
    /// The default issuing organs: several when the office issues jointly by default.
    pub(crate) organs: Vec<String>,
    pub(crate) year: Option<i32>,
    /// The site's name; the organ when not set.
    pub(crate) site_title: Option<String>,
    pub(crate) fonts: FontPrefs,
    pub(crate) layout: Layout,
    pub(crate) proofread: Proofread,
}

/// What the proofreading leaves alone in this project (`proofread:` in gongwen.yaml).
#[derive(Debug, Clone, Default)]
pub(crate) struct Proofread {
    /// Rules not run, by name, with where each is named (an unknown name is an error there).
    pub(crate) skip: Vec<(String, Location)>,
    /// Words and phrases that are right as written: a finding inside one of them is dropped.
    pub(crate) allow: Vec<String>,
}

/// Families tried in order, before the embedded free fonts, for each role of GB/T 9704.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct FontPrefs {
    /// 小标宋: titles and the 发文机关标志.
    #[serde(default)]
    pub(crate) title: Vec<String>,
    /// 仿宋: body text.
    #[serde(default)]
    pub(crate) body: Vec<String>,
    /// 黑体: first-level headings, 密级, 紧急程度, "附件" labels.
    #[serde(default)]
    pub(crate) hei: Vec<String>,
    /// 楷体: second-level headings, 签发人 names.
    #[serde(default)]
    pub(crate) kai: Vec<String>,
    /// 宋体: page numbers.
    #[serde(default)]
    pub(crate) song: Vec<String>,
}

/// The values GB/T 9704 leaves open; defaults follow common practice (see gbt9704 notes).
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Layout {
    /// Nominal size of the 发文机关标志 in pt; a long name is narrowed to fit one line.
    pub(crate) mark_size: f64,
    /// Thickness of the red separator in mm.
    pub(crate) red_rule: f64,
}

impl Default for Layout {
    fn default() -> Self {
        Layout {
            mark_size: 30.0,
            red_rule: 0.5,
        }
    }
}

impl Config {
    /// The site's name.
    pub(crate) fn site_title(&self) -> &str {
        self.site_title.as_deref().unwrap_or(&self.organ)
    }
}
