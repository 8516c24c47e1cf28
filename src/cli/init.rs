//! `gongwen init [DIR]`: a small starter project that builds at once, or (`--example`) the
//! bundled example, the notice 沙营商办发〔2020〕3号 with its task list and summaries.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::Datelike;

use crate::cli::{Env, fail, wrote};
use crate::diag::{Diagnostic, Diagnostics};
use crate::i18n::t;
use crate::output;

#[derive(clap::Args)]
pub(super) struct Args {
    /// The folder to create the project in (default: the current folder, or --project).
    dir: Option<PathBuf>,
    /// Write the bundled example (a notice of 2020, its task list and four summaries).
    #[arg(long)]
    example: bool,
}

const STARTER: [(&str, &str); 4] = [
    (
        "content/gongwen.yaml",
        include_str!("../../templates/starter/gongwen.yaml"),
    ),
    (
        "content/units.yaml",
        include_str!("../../templates/starter/units.yaml"),
    ),
    (
        "content/tasks/{{YEAR}}.yaml",
        include_str!("../../templates/starter/tasks.yaml"),
    ),
    (
        "content/notices/{{YEAR}}-1.md",
        include_str!("../../templates/starter/notice.md"),
    ),
];

const EXAMPLE: [(&str, &str); 9] = [
    (
        "content/gongwen.yaml",
        include_str!("../../content/gongwen.yaml"),
    ),
    (
        "content/units.yaml",
        include_str!("../../content/units.yaml"),
    ),
    (
        "content/tasks/2020.yaml",
        include_str!("../../content/tasks/2020.yaml"),
    ),
    (
        "content/notices/2020-3.md",
        include_str!("../../content/notices/2020-3.md"),
    ),
    (
        "content/submissions/2020/fgw.md",
        include_str!("../../content/submissions/2020/fgw.md"),
    ),
    (
        "content/submissions/2020/jtj.md",
        include_str!("../../content/submissions/2020/jtj.md"),
    ),
    (
        "content/submissions/2020/xcb.md",
        include_str!("../../content/submissions/2020/xcb.md"),
    ),
    (
        "content/submissions/2020/zwfw.md",
        include_str!("../../content/submissions/2020/zwfw.md"),
    ),
    (
        "seeds/000_75d8874fccb9b7d9.txt",
        include_str!("../../seeds/000_75d8874fccb9b7d9.txt"),
    ),
];

pub(super) fn run(env: &Env, args: Args) -> ExitCode {
    let dir = args.dir.unwrap_or_else(|| env.root.clone());
    let today = chrono::Local::now().date_naive();
    let files: Vec<(String, String)> = if args.example {
        EXAMPLE
            .iter()
            .map(|(p, t)| (p.to_string(), t.to_string()))
            .collect()
    } else {
        starter(today)
    };
    match write_all(&dir, &files) {
        Ok(paths) => {
            paths.iter().for_each(|p| wrote(p));
            say!(
                "\n{}",
                t!("init-next", dir = crate::diag::display_path(&dir))
            );
            ExitCode::SUCCESS
        }
        Err(d) => fail(&d),
    }
}

/// The starter files, dated this year.
fn starter(today: chrono::NaiveDate) -> Vec<(String, String)> {
    let fill = |s: &str| {
        s.replace("{{YEAR}}", &today.year().to_string())
            .replace("{{TODAY}}", &today.format("%Y-%m-%d").to_string())
    };
    STARTER.iter().map(|(p, t)| (fill(p), fill(t))).collect()
}

/// Writes every file, or none when any of them exists already.
fn write_all(dir: &Path, files: &[(String, String)]) -> Result<Vec<PathBuf>, Diagnostics> {
    let taken: Vec<Diagnostic> = files
        .iter()
        .map(|(p, _)| dir.join(p))
        .filter(|p| p.exists())
        .map(|p| Diagnostic::file_error(&p, t!("init-exists")).with_help(t!("init-exists-help")))
        .collect();
    if !taken.is_empty() {
        return Err(Diagnostics(taken));
    }
    let mut written = Vec::new();
    for (rel, text) in files {
        let path = dir.join(rel);
        output::write(&path, text.as_bytes())?;
        written.push(path);
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_starter_is_dated_this_year() {
        let files = starter(chrono::NaiveDate::from_ymd_opt(2026, 3, 5).unwrap());
        let names: Vec<_> = files.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(
            names,
            [
                "content/gongwen.yaml",
                "content/units.yaml",
                "content/tasks/2026.yaml",
                "content/notices/2026-1.md"
            ]
        );
        assert!(
            files[3].1.contains("number: 某府办发〔2026〕1号")
                && files[3].1.contains("date: 2026-03-05")
        );
        assert!(files.iter().all(|(_, t)| !t.contains("{{")));
    }
}
