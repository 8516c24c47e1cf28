//! The integration tests, one binary: they run the real `gongwen` on fixture projects
//! (tests/fixtures) and error cases kept as data (tests/cases).

mod architecture;
mod bbox;
mod build;
mod cases;
mod closing;
mod common;
mod details;
mod docx;
mod docx_import;
mod fidelity;
mod formats;
mod incremental;
mod landscape;
mod language;
mod pdf;
mod proofread;
mod punctuation;
mod robust;
mod serve;
mod site;
mod summaries;
mod tasks;
mod workflow;
