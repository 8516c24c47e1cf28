//! content/gongwen.yaml: the project's settings.

use std::path::Path;

use serde::Deserialize;

use serde_saphyr::Spanned;

use crate::diag::Diagnostic;
use crate::model::{Role, SourceText};

/// Where the settings live, relative to the project.
pub const FILE: &str = "content/gongwen.yaml";
use crate::yaml;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// The default issuing organ (发文机关), also the default 发文机关标志 and 署名.
    organ: Spanned<String>,
    pub year: Option<i32>,
    #[serde(default)]
    pub site: Site,
    #[serde(default)]
    pub fonts: FontPrefs,
    #[serde(default)]
    pub layout: Layout,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Site {
    pub title: Option<String>,
    pub base_path: Option<String>,
}

/// Families tried in order, before the embedded free fonts, for each role of GB/T 9704.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FontPrefs {
    /// 小标宋: titles and the 发文机关标志.
    #[serde(default)]
    pub title: Vec<String>,
    /// 仿宋: body text.
    #[serde(default)]
    pub body: Vec<String>,
    /// 黑体: first-level headings, 密级, 紧急程度, "附件" labels.
    #[serde(default)]
    pub hei: Vec<String>,
    /// 楷体: second-level headings, 签发人 names.
    #[serde(default)]
    pub kai: Vec<String>,
    /// 宋体: page numbers.
    #[serde(default)]
    pub song: Vec<String>,
}

/// The values GB/T 9704 leaves open; defaults follow common practice (see gbt9704 notes).
#[derive(Debug, Clone, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Layout {
    /// Nominal size of the 发文机关标志 in pt; a long name is narrowed to fit one line.
    #[serde(default = "default_mark_size")]
    pub mark_size: f64,
    /// Thickness of the red separator in mm.
    #[serde(default = "default_red_rule")]
    pub red_rule: f64,
}

fn default_mark_size() -> f64 {
    30.0
}
fn default_red_rule() -> f64 {
    0.5
}

impl Default for Layout {
    fn default() -> Self {
        Layout {
            mark_size: default_mark_size(),
            red_rule: default_red_rule(),
        }
    }
}

impl Config {
    /// The texts gongwen.yaml contributes to documents: the organ is printed as the red
    /// 发文机关标志 (小标宋) and as the default signature (仿宋).
    pub fn texts(&self) -> Vec<SourceText> {
        let at = yaml::location(Path::new(FILE), 1, &self.organ.referenced);
        [Role::Title, Role::Body]
            .into_iter()
            .map(|role| SourceText {
                location: at.clone(),
                text: self.organ.value.clone(),
                role,
            })
            .collect()
    }

    pub fn organ(&self) -> &str {
        self.organ.value.trim()
    }

    /// Reads `content/gongwen.yaml`; `shown` is the path used in messages.
    pub fn load(path: &Path, shown: &Path) -> Result<Config, Diagnostic> {
        let text = std::fs::read_to_string(path).map_err(|e| {
            Diagnostic::file_error(shown, format!("cannot read the project settings: {e}"))
                .with_help("run gongwen in a project folder (one with content/gongwen.yaml), or pass --project DIR")
        })?;
        yaml::parse(&text, shown, 1)
    }
}
