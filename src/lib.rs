//! gongwen: Chinese official documents (GB/T 9704-2012) from YAML and Markdown.
//!
//! The phases, each a module: `load` reads content/ into the `model`, `check` checks the whole
//! project, `report` computes the year reports, `view` makes each document renderer-neutral,
//! and the backends `pdf` and `site` render the views; `build` runs them in order. `rules` and
//! `markdown` are pure; `diag`, `text` and `paths` are leaves everyone uses.

mod build;
mod check;
pub mod cli;
mod diag;
mod docx;
mod fingerprint;
mod fonts;
mod i18n;
mod limits;
mod load;
mod markdown;
mod model;
mod outdir;
mod output;
mod paths;
mod pdf;
mod queue;
mod report;
mod root;
mod rules;
mod serve;
mod sheet;
mod site;
mod templates;
mod text;
mod view;
mod zipcheck;

pub use build::{Checked, Options, Report, build, check};
pub use diag::{Diagnostic, Diagnostics};
pub use model::Project;
pub use output::Written;
pub use site::Published;
