//! Broken inputs: each gives its own message naming file, line and column; nothing half-written;
//! the other documents still build.

mod common;

use common::{NOTICE, files_below, gongwen, project, stderr};

fn check_error(notice: &str) -> String {
    let p = project(&[("notices/bad.md", notice), ("notices/good.md", NOTICE)]);
    let o = gongwen(p.path(), &["build"]);
    assert!(!o.status.success(), "a broken notice must fail the build");
    // The good notice is still written, and nothing else.
    assert_eq!(
        files_below(&p.path().join("out")),
        vec![std::path::PathBuf::from("pdf/某府办发〔2024〕7号.pdf")]
    );
    // check agrees and writes nothing.
    let c = gongwen(p.path(), &["check"]);
    assert!(!c.status.success());
    assert_eq!(stderr(&c), stderr(&o));
    stderr(&o)
}

#[test]
fn bad_yaml() {
    let e = check_error(
        "---\nnumber: 某府办发〔2024〕9号\ntitle: 标题\n  date: 2024-11-20\n---\n正文\n",
    );
    assert_eq!(
        e,
        "content/notices/bad.md:4:7: error: invalid YAML: mapping values are not allowed in this context\n  help: check the indentation, colons and quotes on this line and the one above\n"
    );
}

#[test]
fn unknown_key_suggests_the_right_one() {
    let e =
        check_error("---\nnumber: 某府办发〔2024〕9号\ntitle: 标题\ndaet: 2024-11-20\n---\n正文\n");
    assert_eq!(
        e,
        "content/notices/bad.md:4:1: error: unknown key `daet`\n  help: did you mean `date`?\n"
    );
}

#[test]
fn missing_title() {
    let e = check_error("---\nnumber: 某府办发〔2024〕9号\ndate: 2024-11-20\n---\n正文\n");
    assert_eq!(
        e,
        "content/notices/bad.md:1:1: error: the notice has no `title`\n  help: add `title: …` to the front matter\n"
    );
}

#[test]
fn malformed_date() {
    let e =
        check_error("---\nnumber: 某府办发〔2024〕9号\ntitle: 标题\ndate: 2024-13-45\n---\n正文\n");
    assert_eq!(
        e,
        "content/notices/bad.md:4:7: error: `date`: `2024-13-45` is not a date\n  help: write the date as YYYY-MM-DD, e.g. 2020-04-29\n"
    );
}

#[test]
fn number_with_square_brackets() {
    let e =
        check_error("---\nnumber: 某府办发[2024]9号\ntitle: 标题\ndate: 2024-11-20\n---\n正文\n");
    assert_eq!(
        e,
        "content/notices/bad.md:2:9: error: the year in 发文字号 `某府办发[2024]9号` is in []\n  help: GB/T 9704 puts the year in the hexagonal brackets 〔〕: write `某府办发〔2024〕9号`\n"
    );
}

#[test]
fn character_no_font_draws() {
    let e = check_error(
        "---\nnumber: 某府办发〔2024〕9号\ntitle: 标题\ndate: 2024-11-20\n---\n正文\n\n生僻字𰻞在此。\n",
    );
    assert!(
        e.starts_with(
            "content/notices/bad.md:8:4: error: no font can draw `𰻞` (U+30EDE) in 仿宋 (body text)"
        ),
        "{e}"
    );
}

#[test]
fn missing_settings_file() {
    let dir = tempfile::tempdir().unwrap();
    let o = gongwen(dir.path(), &["check"]);
    assert!(!o.status.success());
    assert!(
        stderr(&o).starts_with("content/gongwen.yaml: error: cannot read the project settings"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn missing_attachment() {
    let e = check_error(
        "---\nnumber: 某府办发〔2024〕9号\ntitle: 标题\ndate: 2024-11-20\nattachments: [attachments/none.md]\n---\n正文\n",
    );
    assert_eq!(
        e,
        "content/notices/bad.md:5:15: error: attachment `attachments/none.md` not found\n  help: attachments are paths under content/, e.g. `tasks/2020.yaml` or `attachments/plan.md`\n"
    );
}

#[test]
fn copy_number_and_title_lines() {
    let e = check_error(
        "---\nnumber: 某府办发〔2024〕9号\ntitle: 关于某事的通知\ntitle_lines: [关于某事, 的通告]\ncopy_no: 12\ndate: 2024-11-20\n---\n正文\n",
    );
    assert_eq!(
        e,
        "content/notices/bad.md:3:8: error: `title_lines` do not spell out `title`\n  help: the lines joined together must be exactly the title; fix one or remove `title_lines` to let gongwen break the title\n\
content/notices/bad.md:5:10: error: `copy_no` `12` is not six digits\n  help: GB/T 9704 prints 份号 as six Arabic digits, e.g. 000001 (quote it: \"000001\")\n"
    );
}

#[test]
fn a_heading_for_the_title_in_the_body() {
    let e = check_error(
        "---\nnumber: 某府办发〔2024〕9号\ntitle: 标题\ndate: 2024-11-20\n---\n正文\n\n# 又一个标题\n",
    );
    assert!(e.starts_with("content/notices/bad.md:8:1: error: a `#` heading in the body: the document title belongs in the front matter\n"), "{e}");
}

#[test]
fn a_file_that_is_not_utf8() {
    let p = project(&[("notices/good.md", NOTICE)]);
    // 标题 in GBK, as an old editor would save it.
    std::fs::write(
        p.path().join("content/notices/gbk.md"),
        b"---\ntitle: \xb1\xea\xcc\xe2\n---\n",
    )
    .unwrap();
    let o = gongwen(p.path(), &["build"]);
    assert!(!o.status.success());
    assert_eq!(
        stderr(&o),
        "content/notices/gbk.md: error: cannot read the file: stream did not contain valid UTF-8\n  help: save the file as UTF-8 text (in Notepad or WPS: 另存为, 编码 UTF-8)\n"
    );
    assert!(p.path().join("out/pdf/某府办发〔2024〕7号.pdf").is_file());
}

#[test]
fn two_notices_with_one_number() {
    let p = project(&[("notices/a.md", NOTICE), ("notices/b.md", NOTICE)]);
    let o = gongwen(p.path(), &["check"]);
    assert!(!o.status.success());
    assert_eq!(
        stderr(&o),
        "content/notices/b.md: error: has the same 发文字号 as content/notices/a.md\n  help: each notice needs its own 发文字号\n"
    );
}

#[test]
fn an_organ_no_font_draws_is_reported_once_where_it_is_written() {
    let config = "year: 2024\norgan: 某𰻞区人民政府办公室\n";
    let second = NOTICE.replace("7号", "8号");
    let p = project(&[
        ("gongwen.yaml", config),
        ("notices/a.md", NOTICE),
        ("notices/b.md", &second),
    ]);
    let e = stderr(&gongwen(p.path(), &["check"]));
    assert_eq!(e.matches("no font can draw").count(), 1, "{e}");
    assert!(
        e.starts_with("content/gongwen.yaml:2:9: error: no font can draw `𰻞` (U+30EDE) in 小标宋"),
        "{e}"
    );
}
