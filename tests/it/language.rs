//! gongwen speaks Chinese unless the locale asks for English: errors, `--help`, clap's own
//! errors and a command's output, in both languages; the main errors' Chinese wording is
//! asserted by tests/cases.

use std::path::Path;

use crate::common::{bin_in, fixture, gongwen, gongwen_en, project, stderr};

fn stdout(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stdout).to_string()
}

/// `gongwen ARGS` with the locale variables given (the others removed).
fn run_with(env: &[(&str, &str)], root: &Path, args: &[&str]) -> std::process::Output {
    let mut c = bin_in("");
    c.env_remove("LANG");
    for (k, v) in env {
        c.env(k, v);
    }
    c.arg("--project").arg(root).args(args).output().unwrap()
}

#[test]
fn an_error_is_chinese_by_default_and_english_for_en_us() {
    let p = project(&[("notices/b.md", "---\ntitle： 关于某事的通知\n---\n正文。\n")]);
    let zh = stderr(&gongwen(p.path(), &["check"]));
    assert!(
        zh.contains("content/notices/b.md:2:1: 错误: 键 `title` 后面是全角冒号 `：`\n  提示: 键后面的冒号请用半角输入：`title: …`"),
        "{zh}"
    );
    let en = stderr(&gongwen_en(p.path(), &["check"]));
    assert!(
        en.contains("content/notices/b.md:2:1: error: the key `title` is followed by a full-width colon `：`\n  help: type the colon after a key in half width: `title: …`"),
        "{en}"
    );
}

#[test]
fn help_is_chinese_without_a_locale_and_english_for_en_us() {
    let dir = fixture("none");
    for env in [
        &[][..],
        &[("LANG", "")][..],
        &[("LANG", "C")][..],
        &[("LANG", "zh_CN.UTF-8")][..],
    ] {
        let o = run_with(env, dir.path(), &["--help"]);
        assert!(o.status.success());
        let help = stdout(&o);
        assert!(help.contains("用法: gongwen"), "{env:?}: {help}");
        assert!(help.contains("命令:") && help.contains("选项:"), "{help}");
        assert!(help.contains("生成全部文件到 out/"), "{help}");
        assert!(
            !help.contains("Usage") && !help.contains("Print help"),
            "{help}"
        );
    }
    let build = stdout(&run_with(&[], dir.path(), &["build", "--help"]));
    assert!(
        build.contains("--no-site") && build.contains("不生成静态网站"),
        "{build}"
    );
    for env in [
        &[("LANG", "en_US.UTF-8")][..],
        &[("LC_ALL", "en_GB.UTF-8"), ("LANG", "zh_CN.UTF-8")][..],
    ] {
        let help = stdout(&run_with(env, dir.path(), &["--help"]));
        assert!(
            help.contains("Usage: gongwen") && help.contains("Commands:"),
            "{help}"
        );
        assert!(help.contains("Build every document into out/"), "{help}");
    }
}

#[test]
fn command_line_mistakes_are_told_in_the_users_language() {
    let dir = fixture("none");
    let o = run_with(&[], dir.path(), &["biuld"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o),
        "错误: 没有 `biuld` 这个命令\n  提示: 是否要写 `build`？\n"
    );
    let o = run_with(&[], dir.path(), &["check", "--format", "xml"]);
    assert_eq!(
        stderr(&o),
        "错误: `--format <格式>` 的值 `xml` 不可用（可用：text, json）\n  提示: 运行 gongwen --help 查看用法\n"
    );
    let o = run_with(&[("LANG", "en_US.UTF-8")], dir.path(), &["build", "--nope"]);
    assert_eq!(
        stderr(&o),
        "error: unknown argument `--nope`\n  help: run gongwen --help to see how to use it\n"
    );
}

#[test]
fn a_commands_output_follows_the_language() {
    let p = fixture("minimal");
    let zh = stdout(&gongwen(p.path(), &["check"]));
    assert_eq!(zh, "检查通过：1 份通知、0 份任务清单、0 份总结\n");
    let en = stdout(&gongwen_en(p.path(), &["check"]));
    assert_eq!(en, "ok: 1 notice, 0 task lists, 0 submissions checked\n");
    let zh = stdout(&gongwen(p.path(), &["clean"]));
    assert!(zh.ends_with("/out 中没有要删除的文件\n"), "{zh}");
}
