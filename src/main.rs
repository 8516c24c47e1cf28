//! The gongwen command: everything is in the library's `cli`.

fn main() -> std::process::ExitCode {
    gongwen::cli::main()
}
