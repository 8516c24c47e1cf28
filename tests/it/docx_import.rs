//! The way back in: the form of `new submission --docx`, filled in as a unit would (python-docx,
//! tests/docx/probe.py), read by `import submission`; every mistake named by its row; files
//! that are not a .docx refused with a clear message.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::json;

use crate::common::{fixture, gongwen_en as gongwen, pdf_text, repo, stderr};

const FORM: &str = "out/forms/2024/区交通局.docx";
const JTJ: &str = "content/submissions/2024/jtj.md";

/// The year fixture without 区交通局's summary, and its form.
fn with_form() -> tempfile::TempDir {
    let p = fixture("year");
    std::fs::remove_file(p.path().join(JTJ)).unwrap();
    let o = gongwen(p.path(), &["new", "submission", "区交通局", "--docx"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        String::from_utf8_lossy(&o.stdout),
        format!("wrote {FORM}\n")
    );
    p
}

/// The form filled in from `spec` (see probe.py fill), saved as `name` in the project.
fn fill(p: &Path, spec: serde_json::Value, name: &str) -> PathBuf {
    let out = p.join(name);
    let mut child = Command::new("python3")
        .arg(repo().join("tests/docx/probe.py"))
        .arg("fill")
        .arg(p.join(FORM))
        .arg(&out)
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python3 with python-docx");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(spec.to_string().as_bytes())
        .unwrap();
    let o = child.wait_with_output().unwrap();
    assert!(
        o.status.success(),
        "fill: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    out
}

fn import(p: &Path, file: &Path, extra: &[&str]) -> Output {
    let mut args = vec!["import", "submission", file.to_str().unwrap()];
    args.extend(extra);
    gongwen(p, &args)
}

/// A hostile summary: YAML, Markdown, HTML and Typst syntax, quotes and a backslash.
const HOSTILE: &str = "- 配合暗访两次: \"已完成\" #panic() $x$ <script>alert(1)</script> \\ *不是强调* --- &amp; {{ x }} 'q'";

fn good_spec() -> serde_json::Value {
    json!({
        "date": "2024年12月20日",
        "rows": [
            {"row": 1, "status": "已完成", "summary": "刊播广告一千余次。\n\n覆盖公交线路86条，\n站点广告牌120块。"},
            {"row": 2, "status": " 推进中 ", "summary": HOSTILE},
        ],
        "narrative": [
            "全年工作总结第一段。",
            "一、主要工作",
            "依托车站开展宣传；<b>粗</b> *不是强调*。",
            {"text": "下一步打算", "style": "一级标题"},
            "继续宣传。",
        ],
    })
}

/// A YAML double-quoted string.
fn quoted(s: &str) -> String {
    format!(
        "\"{}\"",
        s.replace('\\', "\\\\")
            .replace('"', "\\\"")
            .replace('\n', "\\n")
    )
}

/// What a clerk would have written by hand for the same summary.
fn by_hand() -> String {
    format!(
        "---\nunit: 区交通局\ndate: 2024-12-20\ntasks:\n  - task: t1\n    text: 在车站刊播公益广告。\n    status: 已完成\n    summary: {}\n  - task: t3\n    text: 开展明察暗访。\n    status: 推进中\n    summary: {}\n---\n全年工作总结第一段。\n\n## 一、主要工作\n\n依托车站开展宣传；<b>粗</b> \\*不是强调\\*。\n\n## 下一步打算\n\n继续宣传。\n",
        quoted("刊播广告一千余次。\n\n覆盖公交线路86条，\n站点广告牌120块。"),
        quoted(HOSTILE)
    )
}

#[test]
fn a_form_filled_in_word_builds_the_same_year_report_as_markdown() {
    let p = with_form();
    let filled = fill(p.path(), good_spec(), "区交通局-已填.docx");
    let o = import(p.path(), &filled, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        String::from_utf8_lossy(&o.stdout),
        format!("imported {} → {JTJ}\n", filled.display())
    );
    let o = gongwen(p.path(), &["build", "--no-site"]);
    assert!(o.status.success(), "{}", stderr(&o));

    let q = fixture("year");
    std::fs::write(q.path().join(JTJ), by_hand()).unwrap();
    let o = gongwen(q.path(), &["build", "--no-site"]);
    assert!(o.status.success(), "{}", stderr(&o));
    for doc in [
        "pdf/2024-年度工作总结汇编.pdf",
        "pdf/summaries/2024/区交通局.pdf",
        "docx/2024-年度工作总结汇编.docx",
        "docx/summaries/2024/区交通局.docx",
    ] {
        let a = std::fs::read(p.path().join("out").join(doc)).unwrap();
        let b = std::fs::read(q.path().join("out").join(doc)).unwrap();
        assert!(
            a == b,
            "{doc} differs from the one built from hand-written Markdown"
        );
    }
    let text = pdf_text(&p.path().join("out/pdf/summaries/2024/区交通局.pdf"));
    let flat: String = text.split_whitespace().collect();
    let hostile: String = HOSTILE.split_whitespace().collect();
    assert!(
        flat.contains(&hostile),
        "the hostile summary is printed as written: {text}"
    );
    // Importing again refuses to overwrite, unless told to.
    let again = import(p.path(), &filled, &[]);
    assert!(!again.status.success());
    assert_eq!(
        stderr(&again),
        format!(
            "{JTJ}: error: already exists; not overwritten\n  help: pass --force to replace it with the imported summary\n"
        )
    );
    assert!(import(p.path(), &filled, &["--force"]).status.success());
}

/// Imports the form filled in from `spec` and returns what gongwen said.
fn mistake(spec: serde_json::Value) -> String {
    let p = with_form();
    let filled = fill(p.path(), spec.clone(), "f.docx");
    let o = import(p.path(), &filled, &[]);
    assert!(!o.status.success(), "accepted {spec:?}");
    assert!(!p.path().join(JTJ).exists(), "wrote the submission anyway");
    stderr(&o).replace(&filled.display().to_string(), "f.docx")
}

#[test]
fn every_mistake_in_the_form_is_named_by_its_row() {
    let base = |rows: serde_json::Value| json!({"date": "2024-12-20", "rows": rows});
    let done = json!({"row": 2, "status": "推进中"});
    let s = mistake(base(json!([{"row": 1, "status": "完成"}, done])));
    assert_eq!(
        s,
        "f.docx: error: table row 1 (序号 1): unknown status `完成`\n  help: did you mean `已完成`? write one of 已完成, 推进中, 未启动\n"
    );
    let s = mistake(base(json!([{"row": 1, "status": "进行中"}, {"row": 2}])));
    assert!(
        s.contains("table row 1 (序号 1): unknown status `进行中`\n  help: did you mean `推进中`?"),
        "{s}"
    );
    assert!(s.contains("table row 2 (序号 3): 完成情况 is empty"), "{s}");

    let mut spec = base(json!([{"row": 1, "status": "已完成"}, done]));
    spec["set"] = json!([{"row": 1, "col": 1, "text": "在车站刊播广告。"}]);
    assert_eq!(
        mistake(spec),
        "f.docx: error: table row 1 (序号 1): the text of 工作任务 was changed\n  help: the office fills in 工作任务: put back “在车站刊播公益广告。”\n"
    );

    let mut spec = base(json!([{"row": 1, "status": "已完成"}]));
    spec["delete_rows"] = json!([2]);
    assert_eq!(
        mistake(spec),
        "f.docx: error: task 3 (“开展明察暗访。”) is missing from the table: its row was deleted\n  help: put the row back as it was sent, or make a new form: gongwen new submission … --docx\n"
    );

    let mut spec = base(json!([{"row": 1, "status": "已完成"}, done]));
    spec["copy_rows"] =
        json!([{"row": 1, "cells": {"0": "2", "1": "组织专题发布会。", "3": "已完成"}}]);
    assert_eq!(
        mistake(spec),
        "f.docx: error: table row 3 (序号 2): task 2 is not a task of 区交通局\n  help: the row was copied from another unit's form; 区交通局's tasks are 1, 3\n"
    );

    let mut spec = base(json!([{"row": 1, "status": "已完成"}, done]));
    spec["copy_rows"] = json!([{"row": 1}]);
    assert!(mistake(spec).contains("table row 3 (序号 1): task 1 is also in table row 1"));

    let mut spec = json!({"rows": [{"row": 1, "status": "已完成"}, done]});
    assert!(mistake(spec.clone()).contains("f.docx: error: 报送日期 is empty\n"));
    spec["date"] = json!("去年年底");
    assert!(mistake(spec.clone()).contains("f.docx: error: 报送日期: `去年年底` is not a date"));
    spec["date"] = json!("2024-12-20");
    spec["unit_cell"] = json!("区委宣传部");
    assert!(
        mistake(spec).contains(
            "f.docx: error: 报送单位 says `区委宣传部`, but the form was made for 区交通局"
        )
    );
}

#[test]
fn a_form_for_another_year_or_unit_is_refused() {
    let p = with_form();
    let filled = fill(
        p.path(),
        json!({"date": "2024-12-20", "rows": [{"row": 1, "status": "已完成"}, {"row": 2, "status": "未启动"}]}),
        "f.docx",
    );
    let o = import(p.path(), &filled, &["--unit", "区委宣传部"]);
    assert!(
        stderr(&o).contains("this form was made for 区交通局, not 区委宣传部"),
        "{}",
        stderr(&o)
    );
    // Next year: the office collects 2025 summaries and a unit sends back its 2024 form.
    let cfg = p.path().join("content/gongwen.yaml");
    let text = std::fs::read_to_string(&cfg)
        .unwrap()
        .replace("year: 2024", "year: 2025");
    std::fs::write(&cfg, text).unwrap();
    let list = std::fs::read_to_string(p.path().join("content/tasks/2024.yaml")).unwrap();
    std::fs::write(
        p.path().join("content/tasks/2025.yaml"),
        list.replace("2024", "2025"),
    )
    .unwrap();
    let o = import(p.path(), &filled, &[]);
    assert!(!o.status.success());
    assert!(
        stderr(&o).starts_with(&format!(
            "{}: error: this form is for 2024, but the summaries being collected are for 2025 (`year:` in content/gongwen.yaml)\n",
            filled.display()
        )),
        "{}",
        stderr(&o)
    );
    // Said on purpose, it goes to 2024.
    let o = import(p.path(), &filled, &["--year", "2024"]);
    assert!(o.status.success(), "{}", stderr(&o));
}

/// An OLE compound file with the given streams (what .doc and password-protected files are).
fn ole(path: &Path, streams: &[&str]) {
    let mut c = cfb::create(path).unwrap();
    for s in streams {
        c.create_stream(s).unwrap().write_all(b"data").unwrap();
    }
    c.flush().unwrap();
}

fn zip_file(path: &Path, parts: &[(&str, &[u8])]) {
    let mut w = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(true);
    for (n, d) in parts {
        w.start_file(*n, opts).unwrap();
        w.write_all(d).unwrap();
    }
    w.finish().unwrap();
}

#[test]
fn files_that_are_not_a_readable_docx_are_refused_clearly() {
    let p = with_form();
    let dir = p.path();
    let cases: Vec<(PathBuf, &str, &str)> = {
        let doc = dir.join("旧格式.doc");
        ole(&doc, &["/WordDocument", "/1Table"]);
        let locked = dir.join("加密.docx");
        ole(&locked, &["/EncryptionInfo", "/EncryptedPackage"]);
        let cut = dir.join("截断.docx");
        let form = std::fs::read(dir.join(FORM)).unwrap();
        std::fs::write(&cut, &form[..form.len() / 2]).unwrap();
        let text = dir.join("文本.docx");
        std::fs::write(&text, "not a document").unwrap();
        let xlsx = dir.join("表格.docx");
        zip_file(&xlsx, &[("xl/workbook.xml", b"<workbook/>")]);
        let bomb = dir.join("炸弹.docx");
        zip_file(&bomb, &[("word/document.xml", &vec![b' '; 65 << 20])]);
        vec![
            (
                doc,
                "this is an old Word 97–2003 document (.doc), not a .docx",
                "open it in Word or WPS and save it as “Word 文档 (*.docx)”, then import that file",
            ),
            (
                locked,
                "the document is protected by a password",
                "ask the unit to remove the password",
            ),
            (
                cut,
                "this is not a Word document (.docx)",
                "check that the file was copied whole",
            ),
            (
                text,
                "this is not a Word document (.docx)",
                "check that the file was copied whole",
            ),
            (
                xlsx,
                "this zip file is not a Word document: it has no word/document.xml",
                "import the .docx of the form",
            ),
            (
                bomb,
                "the document's part word/document.xml unpacks to 65 MiB (at most 64 MiB are read)",
                "a filled-in form is far smaller",
            ),
        ]
    };
    for (file, msg, help) in cases {
        let start = std::time::Instant::now();
        let o = import(dir, &file, &[]);
        assert!(!o.status.success());
        let s = stderr(&o);
        let head = format!("{}: error: {msg}", file.display());
        assert!(
            s.starts_with(&head) && s.contains(&format!("\n  help: {help}")),
            "{s}"
        );
        assert!(
            start.elapsed().as_secs() < 10,
            "{} took {:?}",
            file.display(),
            start.elapsed()
        );
    }
    // The spreadsheet import points a Word file to the right command.
    let o = gongwen(dir, &["import", "f.docx"]);
    assert_eq!(
        stderr(&o),
        "f.docx: error: a Word document is not a task table\n  help: to import a unit's year-end summary: gongwen import submission f.docx\n"
    );
}

#[test]
fn a_free_form_docx_becomes_the_body_and_its_tasks_are_reported_not_guessed() {
    let p = fixture("year");
    std::fs::remove_file(p.path().join(JTJ)).unwrap();
    let doc = p.path().join("自拟.docx");
    let script = r#"
import docx, sys
d = docx.Document()
d.add_paragraph("区交通局2024年度工作总结", style="Title")
d.add_paragraph("今年我局认真落实各项任务。")
d.add_heading("主要工作", level=1)
d.add_paragraph("宣传：*照常* 进行。")
d.add_paragraph("车站广告", style="List Bullet")
d.add_paragraph("公交电视", style="List Bullet")
t = d.add_table(rows=2, cols=2)
t.cell(0, 0).text = "指标"; t.cell(0, 1).text = "数值"
t.cell(1, 0).text = "广告"; t.cell(1, 1).text = "1200|次"
d.add_paragraph("区交通局")
d.add_paragraph("2024年12月20日")
d.save(sys.argv[1])
"#;
    let o = Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(&doc)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let o = import(p.path(), &doc, &[]);
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains(
            "this is not a gongwen form, so it does not say which unit sent it\n  help: pass --unit"
        ),
        "{}",
        stderr(&o)
    );
    let o = import(p.path(), &doc, &["--unit", "jtj"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains(
            "warning: not a gongwen form: the status of 区交通局's tasks 1, 3 is not reported"
        ),
        "{}",
        stderr(&o)
    );
    let md = std::fs::read_to_string(p.path().join(JTJ)).unwrap();
    assert_eq!(
        md,
        "---\nunit: 区交通局\ntitle: 区交通局2024年度工作总结\ndate: \"2024-12-20\"\ntasks: []\n---\n今年我局认真落实各项任务。\n\n## 主要工作\n\n宣传：\\*照常\\* 进行。\n\n- 车站广告\n- 公交电视\n\n| 指标 | 数值 |\n| --- | --- |\n| 广告 | 1200\\|次 |\n"
    );
    let o = gongwen(p.path(), &["check"]);
    assert!(o.status.success(), "{}", stderr(&o));
}
