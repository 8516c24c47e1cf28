//! gongwen: Chinese official documents (GB/T 9704-2012) from YAML and Markdown.
//!
//! The phases, each a module: `load` reads content/ into the `model`, `check` checks the whole
//! project, `report` computes the year reports, `view` makes each document renderer-neutral,
//! and the backends `pdf` and `site` render the views; `build` runs them in order. `rules` and
//! `markdown` are pure; `diag`, `text` and `paths` are leaves everyone uses.

/// `println!` and `eprintln!` that let a closed pipe be (`gongwen check 2>&1 | head`): those
/// panic when the reader has gone, and the exit code would be a panic's (101), not the command's.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout(), $($arg)*);
    }};
}
macro_rules! say_raw {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = write!(std::io::stdout(), $($arg)*);
    }};
}
macro_rules! tell {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

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
