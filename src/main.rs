//! The gongwen command line: parses arguments, runs the library, prints its diagnostics.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use gongwen::diag::{Diagnostics, display_path};
use gongwen::model::Role;
use gongwen::pipeline::{self, Options};

#[derive(Parser)]
#[command(
    name = "gongwen",
    version,
    about = "Typesets Chinese official documents (GB/T 9704-2012) from YAML and Markdown"
)]
struct Cli {
    /// The project folder (the one holding content/).
    #[arg(long, short = 'p', global = true, default_value = ".")]
    project: PathBuf,
    /// A folder with extra fonts (searched for the families named in gongwen.yaml); repeatable.
    #[arg(long = "font-path", global = true)]
    font_paths: Vec<PathBuf>,
    /// Use only the embedded fonts and --font-path folders, not the fonts installed on this machine.
    #[arg(long, global = true)]
    no_system_fonts: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build every document into out/ (PDFs in out/pdf/).
    Build {
        /// Also write the generated Typst source next to each PDF.
        #[arg(long)]
        emit_typst: bool,
        /// Output folder (default: <project>/out).
        #[arg(long, short = 'o')]
        out: Option<PathBuf>,
        /// Skip the static site (PDFs only).
        #[arg(long)]
        no_site: bool,
    },
    /// Load and check everything; writes nothing. Exits non-zero on any error.
    Check,
    /// Show which font serves each GB/T 9704 role.
    Fonts,
    /// Write every task list as .xlsx and .csv (UTF-8 with BOM) to out/tasks/.
    Export {
        /// Output folder (default: <project>/out/tasks).
        #[arg(long, short = 'o')]
        out: Option<PathBuf>,
    },
    /// Read a task table from .xlsx or .csv (the export layout) and print it as tasks YAML.
    Import {
        /// The spreadsheet.
        file: PathBuf,
        /// Write the YAML here instead of printing it (refuses to overwrite).
        #[arg(long, short = 'o')]
        output: Option<PathBuf>,
    },
    /// Create a file to fill in: `gongwen new submission <unit>`.
    New {
        #[command(subcommand)]
        what: New,
    },
    /// Build, serve out/site on 127.0.0.1, rebuild on changes and reload the browser.
    Serve {
        /// Port on 127.0.0.1 (0 picks a free one).
        #[arg(long, default_value_t = 8000)]
        port: u16,
    },
    /// List the tasks, or what one unit leads and supports (groups expanded).
    Tasks {
        /// A unit's id, name or alias.
        #[arg(long, short = 'u')]
        unit: Option<String>,
    },
}

#[derive(Subcommand)]
enum New {
    /// A year-end summary for a unit, pre-filled with every task it leads or supports.
    Submission {
        /// The unit's id, name or alias.
        unit: String,
        /// The year (default: `year` in gongwen.yaml).
        #[arg(long)]
        year: Option<i32>,
    },
}

fn print(diags: &Diagnostics) {
    for d in diags.iter() {
        eprintln!("{d}");
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let opts = Options {
        font_paths: cli.font_paths.clone(),
        system_fonts: !cli.no_system_fonts,
        site: true,
        ..Options::default()
    };
    let root = cli.project.clone();
    match cli.command {
        Command::Build {
            emit_typst,
            out,
            no_site,
        } => {
            let opts = Options {
                emit_typst,
                out_dir: out,
                site: !no_site,
                ..opts
            };
            match pipeline::build(&root, &opts) {
                Ok(report) => {
                    for w in &report.written {
                        let pages = if w.pages > 0 {
                            format!(" ({} pages)", w.pages)
                        } else {
                            String::new()
                        };
                        println!("wrote {}{pages}", display_path(&w.path));
                    }
                    if let Some(pages) = report.site_pages {
                        println!(
                            "wrote {} ({pages} pages)",
                            display_path(
                                &opts
                                    .out_dir
                                    .clone()
                                    .unwrap_or_else(|| root.join("out"))
                                    .join("site")
                            )
                        );
                    }
                    print(&report.diagnostics);
                    finish(&report.diagnostics)
                }
                Err(d) => fail(&d),
            }
        }
        Command::Check => match pipeline::check(&root, &opts) {
            Ok((project, _, diags)) => {
                print(&diags);
                if !diags.has_errors() {
                    println!(
                        "ok: {} notice(s), {} task list(s), {} submission(s) checked",
                        project.notices.len(),
                        project.task_lists.len(),
                        project.submissions.values().map(Vec::len).sum::<usize>()
                    );
                }
                finish(&diags)
            }
            Err(d) => fail(&d),
        },
        Command::Export { out } => match gongwen::project::load(&root) {
            Ok(loaded) if !loaded.diagnostics.has_errors() => {
                let dir = out.unwrap_or_else(|| root.join("out/tasks"));
                let mut failed = Diagnostics::default();
                for list in &loaded.project.task_lists {
                    match gongwen::sheet::export(list, &dir) {
                        Ok(paths) => paths
                            .iter()
                            .for_each(|p| println!("wrote {}", display_path(p))),
                        Err(d) => failed.push(d),
                    }
                }
                print(&failed);
                finish(&failed)
            }
            Ok(loaded) => fail(&loaded.diagnostics),
            Err(d) => fail(&d),
        },
        Command::Import { file, output } => {
            let registry = match gongwen::project::load(&root) {
                Ok(loaded) => loaded.project.registry,
                Err(d) => return fail(&d),
            };
            match gongwen::sheet::import(&file, &file, &registry) {
                Ok(yaml) => match output {
                    Some(path) if path.exists() => fail(
                        &gongwen::diag::Diagnostic::file_error(
                            &path,
                            "already exists; not overwritten",
                        )
                        .with_help("choose another --output, or remove the file first")
                        .into(),
                    ),
                    Some(path) => match gongwen::output::write_atomic(&path, yaml.as_bytes()) {
                        Ok(()) => {
                            println!("wrote {}", display_path(&path));
                            ExitCode::SUCCESS
                        }
                        Err(e) => fail(
                            &gongwen::diag::Diagnostic::file_error(
                                &path,
                                format!("cannot write: {e}"),
                            )
                            .into(),
                        ),
                    },
                    None => {
                        print!("{yaml}");
                        ExitCode::SUCCESS
                    }
                },
                Err(d) => fail(&d),
            }
        }
        Command::New {
            what: New::Submission { unit, year },
        } => match gongwen::project::load(&root) {
            Ok(loaded) if !loaded.diagnostics.has_errors() => {
                let today = chrono::Local::now().date_naive();
                match gongwen::scaffold::new_submission(&loaded.project, &unit, year, today) {
                    Ok(path) => {
                        println!("wrote {}", display_path(&path));
                        ExitCode::SUCCESS
                    }
                    Err(d) => fail(&d),
                }
            }
            Ok(loaded) => fail(&loaded.diagnostics),
            Err(d) => fail(&d),
        },
        Command::Serve { port } => {
            let result = gongwen::serve::serve(&root, opts, port, |addr| {
                println!("serving http://{addr}/ (Ctrl-C to stop)");
                use std::io::Write;
                let _ = std::io::stdout().flush();
            });
            match result {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("error: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        Command::Tasks { unit } => match gongwen::project::load(&root) {
            Ok(loaded) if !loaded.diagnostics.has_errors() => {
                match gongwen::listing::tasks(&loaded.project, unit.as_deref()) {
                    Ok(text) => {
                        print!("{text}");
                        ExitCode::SUCCESS
                    }
                    Err(d) => fail(&d.into()),
                }
            }
            Ok(loaded) => fail(&loaded.diagnostics),
            Err(d) => fail(&d),
        },
        Command::Fonts => match gongwen::config::Config::load(
            &root.join(gongwen::config::FILE),
            std::path::Path::new(gongwen::config::FILE),
        ) {
            Ok(config) => {
                let fonts =
                    gongwen::fonts::Fonts::load(&config.fonts, &opts.font_paths, opts.system_fonts);
                for role in Role::ALL {
                    let label = role.describe();
                    // Terminal columns: Chinese characters take two.
                    let cols: usize = label
                        .chars()
                        .map(|c| if (c as u32) >= 0x2E80 { 2 } else { 1 })
                        .sum();
                    println!(
                        "{label}{} {}",
                        " ".repeat(46usize.saturating_sub(cols)),
                        fonts.roles[&role].source
                    );
                }
                ExitCode::SUCCESS
            }
            Err(d) => fail(&d.into()),
        },
    }
}

fn finish(d: &Diagnostics) -> ExitCode {
    if d.has_errors() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn fail(d: &Diagnostics) -> ExitCode {
    print(d);
    ExitCode::FAILURE
}
