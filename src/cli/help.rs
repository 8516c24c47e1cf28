//! The command line in the user's language: `--help` is rebuilt from the catalogues by walking the
//! command tree (each command's about, each argument's help, the headings and the "Usage:" word),
//! and clap's own parse errors are told in catalogue words by their kind. Option and command names
//! stay English: they are typed.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command};

use crate::i18n::t;

/// The key of a command's description: `about-gongwen`, `about-build`, `about-import-tasks`.
fn about_key(path: &[String]) -> String {
    if path.is_empty() {
        "about-gongwen".to_string()
    } else {
        format!("about-{}", path.join("-"))
    }
}

/// The key of an argument's help: the most particular of `arg-import-tasks-<id>`,
/// `arg-import-<id>`, `arg-<id>` the catalogue has (the global options read the same everywhere;
/// `import FILE` and `import tasks FILE` share theirs).
fn arg_key(path: &[String], id: &str) -> String {
    (1..=path.len())
        .rev()
        .map(|n| format!("arg-{}-{id}", path[..n].join("-")))
        .find(|k| crate::i18n::has(k))
        .unwrap_or_else(|| format!("arg-{id}"))
}

/// The command tree with every user-facing word from the catalogues.
pub(super) fn localise(cmd: Command) -> Command {
    walk(cmd, &mut Vec::new(), &mut Vec::new(), true)
}

/// Every key `localise` looks up (for the test that no key is dead).
#[cfg(test)]
pub(crate) fn keys(cmd: Command) -> Vec<String> {
    let mut keys = Vec::new();
    walk(cmd, &mut Vec::new(), &mut keys, true);
    keys
}

fn walk(mut cmd: Command, path: &mut Vec<String>, keys: &mut Vec<String>, root: bool) -> Command {
    let text = |key: String, keys: &mut Vec<String>| {
        let s = crate::i18n::tr(&key, None);
        keys.push(key);
        s
    };
    let about = text(about_key(path), keys);
    let template = template(
        cmd.has_subcommands(),
        cmd.get_positionals().next().is_some(),
    );
    cmd = cmd
        .about(about)
        .long_about(None)
        .help_template(template)
        .subcommand_value_name(t!("help-command-value"))
        .disable_help_flag(true)
        .disable_help_subcommand(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(t!("arg-help")),
        );
    if root {
        cmd = cmd.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(t!("arg-version")),
        );
    }
    let ids: Vec<String> = cmd
        .get_arguments()
        .filter(|a| !matches!(a.get_id().as_str(), "help" | "version"))
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        let help = text(arg_key(path, &id), keys);
        let takes_value = cmd
            .get_arguments()
            .find(|a| a.get_id() == id.as_str())
            .is_some_and(|a| a.get_action().takes_values());
        // The placeholder in `--out <文件夹>`: one word per argument id, shared by the commands.
        let value = takes_value.then(|| text(format!("value-{id}"), keys));
        cmd = cmd.mut_arg(&id, |a| {
            let a = match value {
                Some(v) => a.value_name(v),
                None => a,
            };
            let a = a.help(help).long_help(None);
            // Defaults and choices are written into the catalogue's help text, in its words.
            if a.get_action().takes_values() {
                a.hide_default_value(true).hide_possible_values(true)
            } else {
                a
            }
        });
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in subs {
        path.push(name.clone());
        cmd = cmd.mut_subcommand(&name, |s| walk(s, path, keys, false));
        path.pop();
    }
    cmd
}

/// The help page with the headings in catalogue words (clap's own `{all-args}` writes English
/// ones): 命令, 参数 and 选项, each only where the command has such things.
fn template(subcommands: bool, positionals: bool) -> String {
    let mut t = format!("{{about-with-newline}}\n{}: {{usage}}\n", t!("help-usage"));
    if subcommands {
        t += &format!("\n{}:\n{{subcommands}}\n", t!("help-commands"));
    }
    if positionals {
        t += &format!("\n{}:\n{{positionals}}\n", t!("help-arguments"));
    }
    t += &format!("\n{}:\n{{options}}{{after-help}}", t!("help-options"));
    t
}

/// A parse error in catalogue words, with the hint to ask for help.
pub(super) fn error_message(e: &clap::Error) -> String {
    let get = |k: ContextKind| match e.get(k) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join(", "),
        Some(ContextValue::StyledStr(s)) => s.to_string(),
        Some(ContextValue::StyledStrs(v)) => v
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", "),
        Some(ContextValue::Number(n)) => n.to_string(),
        _ => String::new(),
    };
    let arg = get(ContextKind::InvalidArg);
    let message = match e.kind() {
        ErrorKind::UnknownArgument => t!("clap-unknown-argument", arg = arg),
        ErrorKind::InvalidSubcommand => t!(
            "clap-unknown-command",
            command = get(ContextKind::InvalidSubcommand)
        ),
        ErrorKind::InvalidValue if get(ContextKind::InvalidValue).is_empty() => {
            t!("clap-missing-value", arg = arg)
        }
        ErrorKind::InvalidValue => t!(
            "clap-invalid-value",
            arg = arg,
            value = get(ContextKind::InvalidValue),
            valid = get(ContextKind::ValidValue)
        ),
        ErrorKind::ValueValidation => t!(
            "clap-value-validation",
            arg = arg,
            value = get(ContextKind::InvalidValue),
            reason = std::error::Error::source(e)
                .map(ToString::to_string)
                .unwrap_or_default()
        ),
        ErrorKind::MissingRequiredArgument => t!("clap-missing-argument", arg = arg),
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            t!("clap-missing-command")
        }
        ErrorKind::ArgumentConflict => t!(
            "clap-conflict",
            arg = arg,
            other = get(ContextKind::PriorArg)
        ),
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues | ErrorKind::TooFewValues => {
            t!("clap-wrong-number", arg = arg)
        }
        ErrorKind::NoEquals => t!("clap-no-equals", arg = arg),
        _ => t!("clap-other", reason = e.kind().to_string()),
    };
    let suggested = get(ContextKind::SuggestedArg) + &get(ContextKind::SuggestedSubcommand);
    let help = if suggested.is_empty() {
        t!("clap-help")
    } else {
        t!("clap-did-you-mean", suggestion = suggested)
    };
    format!(
        "{}: {message}\n  {}: {help}",
        t!("label-error"),
        t!("label-help")
    )
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use crate::i18n::{Lang, tests as catalogue};

    /// No dead keys: every message of the catalogues is used by the code (a `t!` naming it in src/
    /// or a key this walker builds), and every key the code uses exists.
    #[test]
    fn every_key_is_used_and_every_used_key_exists() {
        let keys: BTreeSet<String> = catalogue::messages(Lang::Zh).into_keys().collect();
        let mut used = catalogue::keys_in_source();
        used.extend(super::super::help_keys());
        let dead: Vec<_> = keys.difference(&used).collect();
        let missing: Vec<_> = used.difference(&keys).collect();
        assert!(dead.is_empty(), "keys no code uses: {dead:?}");
        assert!(
            missing.is_empty(),
            "keys the code uses but no catalogue has: {missing:?}"
        );
    }
}
