//! gongwen: Chinese official documents (GB/T 9704-2012) from YAML and Markdown.

pub mod config;
pub mod date;
pub mod diag;
pub mod docno;
pub mod fontcheck;
pub mod fonts;
pub mod frontmatter;
pub mod listing;
pub mod markdown;
pub mod model;
pub mod notice;
pub mod output;
pub mod pipeline;
pub mod project;
pub mod render;
pub mod scaffold;
pub mod sheet;
pub mod submission;
pub mod summary;
pub mod tasks;
pub mod title;
pub mod typeset;
pub mod typst_code;
pub mod units;
pub mod world;
pub mod yaml;
