//! Building fixture projects: outputs, hostile text, reproducibility, emitted Typst.

use crate::common::{
    files_below, fixture_text, gongwen_en as gongwen, notice, pdf_text, project, stderr,
};

#[test]
fn builds_a_notice_named_after_its_number_with_page_numbers() {
    let p = project(&[]);
    let o = gongwen(p.path(), &["build"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let pdf = p.path().join("out/pdf/某府办发〔2024〕7号.pdf");
    let text: String = pdf_text(&pdf).split_whitespace().collect();
    for want in [
        "某府办发〔2024〕7号",
        "各镇街，区级各部门：",
        "一、工作要求",
        "2024年11月20日",
        "—1—",
    ] {
        assert!(text.contains(want), "missing {want:?} in\n{text}");
    }
    let out = files_below(&p.path().join("out"));
    assert_eq!(
        out.iter().filter(|f| f.starts_with("pdf")).count(),
        1,
        "one PDF: {out:?}"
    );
    assert!(
        !out.iter().any(|f| f
            .iter()
            .any(|c| crate::common::is_leftover(&c.to_string_lossy()))),
        "temporary files left: {out:?}"
    );
}

/// Lists, tight and loose, nested, in every output: each item's text once, in order (Typst
/// dropped a paragraph set inside the marker's paragraph, so list items printed as bare markers).
#[test]
fn list_items_keep_their_text_and_order_in_the_pdf_the_docx_and_the_site() {
    let body = "正文。\n\n- 第一项内容\n- 第二项内容\n\n1. 甲项\n2. 乙项\n\n- 外层一\n  1. 内层二\n- 外层三\n\n1. 松散第一\n\n   松散续段\n\n2. 松散第二\n";
    let notice = crate::common::notice_with("列表", body);
    let p = project(&[("notices/l.md", &notice)]);
    let o = gongwen(p.path(), &["build"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!stderr(&o).contains("Typst"), "{}", stderr(&o));
    let want = [
        "·第一项内容",
        "·第二项内容",
        "1.甲项",
        "2.乙项",
        "·外层一",
        "1.内层二",
        "·外层三",
        "1.松散第一",
        "松散续段",
        "2.松散第二",
    ];
    let in_order = |text: &str, what: &str| {
        let mut at = 0;
        for w in want {
            let w = if what == "site" {
                w.trim_start_matches(['·', '1', '2', '.'])
            } else {
                w
            };
            match text[at..].find(w) {
                Some(i) => at += i + w.len(),
                None => panic!("{what}: {w:?} missing or out of order in\n{text}"),
            }
        }
    };
    let pdf: String = pdf_text(&p.path().join("out/pdf/某府办发〔2024〕8号.pdf"))
        .split_whitespace()
        .collect();
    in_order(&pdf, "pdf");
    let facts = crate::docx::facts(&p.path().join("out/docx/某府办发〔2024〕8号.docx"));
    let docx: String = facts["body"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|b| b["text"].as_str())
        .collect::<String>()
        .split_whitespace()
        .collect();
    in_order(&docx, "docx");
    let site = std::fs::read_to_string(p.path().join("out/site/notices/l.html")).unwrap();
    in_order(&site, "site");
}

#[test]
fn untrusted_text_is_printed_literally() {
    let hostile = "#read(\"/etc/passwd\") #panic() $x$ *a* _b_ @ref <label> [ ] ` \\ 联系 someone@example.com";
    let notice = format!(
        "---\nnumber: 某府办发〔2024〕8号\ntitle: \"#panic() 标题\"\nto: \"$x$ <b>单位</b>\"\ndate: 2024-11-20\n---\n{hostile}\n\n## #emph[标题]\n\n```\n#import \"x\"\n```\n\n<script>alert(1)</script>\n"
    );
    let p = project(&[("notices/h.md", &notice)]);
    let o = gongwen(p.path(), &["build"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = pdf_text(&p.path().join("out/pdf/某府办发〔2024〕8号.pdf"));
    let flat: String = text.split_whitespace().collect();
    // Markdown's own syntax (* _ ` \) is Markdown; everything Typst would read as code is text.
    for want in [
        "#read(\"/etc/passwd\")",
        "#panic()",
        "$x$",
        "@ref",
        "<label>",
        "[",
        "]",
        "someone@example.com",
        "#emph[标题]",
        "#import\"x\"",
        "<script>alert(1)</script>",
        "#panic()标题",
        "$x$<b>单位</b>：",
    ] {
        assert!(
            flat.contains(&want.replace(' ', "")),
            "{want:?} not printed literally in\n{text}"
        );
    }
    assert!(!text.contains("root:"), "a file was read into the document");
}

#[test]
fn two_builds_are_byte_identical() {
    let p = project(&[]);
    assert!(gongwen(p.path(), &["build"]).status.success());
    let first = std::fs::read(p.path().join("out/pdf/某府办发〔2024〕7号.pdf")).unwrap();
    assert!(gongwen(p.path(), &["build"]).status.success());
    let second = std::fs::read(p.path().join("out/pdf/某府办发〔2024〕7号.pdf")).unwrap();
    assert!(first == second, "PDFs differ between two builds");
}

#[test]
fn emit_typst_writes_the_generated_source() {
    let p = project(&[]);
    let o = gongwen(p.path(), &["build", "--emit-typst"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let typ = std::fs::read_to_string(p.path().join("out/pdf/某府办发〔2024〕7号.typ")).unwrap();
    assert!(typ.contains("#import \"/gongwen.typ\": setup"));
    // Text is string literals; a mark that may hang at a line end is a layout call of its own.
    assert!(typ.contains("\"请各单位于12月20日前报送年度工作总结\"#mh("));
}

#[test]
fn a_project_template_overrides_the_builtin_one() {
    let p = project(&[]);
    crate::common::own_typst_template(p.path(), "notice.typ", |t| {
        t.replace("#show: gw.document", "#show: gw.document\n#par[本地模板]")
    });
    let o = gongwen(p.path(), &["build"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(pdf_text(&p.path().join("out/pdf/某府办发〔2024〕7号.pdf")).contains("本地模板"));
}

#[test]
fn attachments_follow_on_new_pages_numbered_when_several() {
    let notice = notice().replace("date: 2024-11-20\n", "date: 2024-11-20\nattachments: [attachments/a.md, attachments/b.md]\ncc: 区委办公室\nprinted_by: 某某区人民政府办公室\nprinted_date: 2024-11-21\n");
    let a = "---\ntitle: 工作总结提纲\n---\n## 基本情况\n\n正文。\n";
    let b = "---\ntitle: 报送单位名单\n---\n名单如下。\n";
    let p = project(&[
        ("notices/a.md", &notice),
        ("attachments/a.md", a),
        ("attachments/b.md", b),
    ]);
    let o = gongwen(p.path(), &["build"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = pdf_text(&p.path().join("out/pdf/某府办发〔2024〕7号.pdf"));
    let pages: Vec<String> = text
        .split('\u{c}')
        .map(|p| p.split_whitespace().collect())
        .collect();
    // The 附件说明 stays with the 署名 and 成文日期, and they with body text (§7.3.5).
    let closing = pages
        .iter()
        .find(|p| p.contains("2024年11月20日"))
        .expect("成文日期");
    assert!(
        closing.contains("附件：1.工作总结提纲2.报送单位名单") && closing.contains("内容真实"),
        "{closing}"
    );
    // Each attachment starts a page of its own, label first, after the signature.
    let first = pages
        .iter()
        .position(|p| p.starts_with("附件1工作总结提纲一、基本情况"))
        .expect("附件1 page");
    assert!(pages[..first].iter().any(|p| p.contains("2024年11月20日")));
    assert!(
        pages[first + 1].starts_with("附件2报送单位名单"),
        "{}",
        pages[first + 1]
    );
    let last = &pages[first + 1];
    assert!(
        last.contains("抄送：区委办公室。") && last.contains("2024年11月21日印发"),
        "{last}"
    );
}

#[test]
fn every_gbt9704_element_is_printed() {
    let notice = fixture_text("parts/all-elements.md");
    let p = project(&[("notices/full.md", &notice)]);
    let o = gongwen(p.path(), &["build"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = pdf_text(&p.path().join("out/pdf/某府办文〔2024〕12号.pdf"));
    let flat: String = text.split_whitespace().collect();
    for want in [
        "000123机密★1年特急",
        "某府办文〔2024〕12号签发人：张三李四",
        "市人民政府：",
        "一、总体情况（一）主要做法1.强化组织领导（1）明确责任分工",
        "某某区人民政府办公室2024年12月1日（此件公开发布）",
        "抄送：区委办公室，区人大常委会办公室，区政协办公室。",
        "某某区人民政府办公室",
        "2024年12月2日印发",
        "—2—",
    ] {
        assert!(flat.contains(want), "missing {want:?} in\n{text}");
    }
}

#[test]
fn a_configured_family_found_in_font_path_wins() {
    // FandolKai stands in for an office font: configured for the body, found via --font-path.
    let config = "organ: 某某区人民政府办公室\nfonts:\n  body: [仿宋_GB2312, FandolKai]\n";
    let p = project(&[("gongwen.yaml", config)]);
    let fonts_dir = crate::common::repo().join("assets/fonts");
    let o = gongwen(
        p.path(),
        &["fonts", "--font-path", fonts_dir.to_str().unwrap()],
    );
    let out = String::from_utf8_lossy(&o.stdout).to_string();
    let body = out.lines().find(|l| l.starts_with("仿宋")).unwrap();
    assert!(
        body.contains("FandolKai (") && body.contains("FandolKai-Regular.otf"),
        "{out}"
    );
    let hei = out.lines().find(|l| l.starts_with("黑体")).unwrap();
    assert!(hei.ends_with("FandolHei (embedded)"), "{out}");
}

#[test]
fn typst_warnings_reach_the_user_naming_the_template() {
    let p = project(&[]);
    crate::common::own_typst_template(p.path(), "notice.typ", |t| {
        t.replace(
            "#show: gw.document",
            "#show: gw.document\n#set text(font: \"没有这个字体\")",
        )
    });
    let o = gongwen(p.path(), &["build"]);
    assert!(
        o.status.success(),
        "a warning does not fail the build: {}",
        stderr(&o)
    );
    let e = stderr(&o);
    assert!(
        e.starts_with("templates/typst/notice.typ: warning: Typst warns: unknown font family: 没有这个字体 (generated line 6: `#set text(font: \"没有这个字体\")`)\n"),
        "{e}"
    );
    // The built-in templates themselves give no warning.
    let clean = gongwen(
        &crate::common::repo(),
        &[
            "build",
            "--no-site",
            "--out",
            p.path().join("o").to_str().unwrap(),
        ],
    );
    assert!(
        !stderr(&clean).contains("Typst warns"),
        "{}",
        stderr(&clean)
    );
}

#[test]
fn a_character_the_body_font_lacks_is_drawn_by_a_fallback_with_a_warning() {
    // 訁 is in FandolSong but not in FandolFang (the embedded 仿宋), as 堃 or 喆 are missing
    // from many 仿宋 fonts. A folder holding FandolSong stands in for an installed CJK font.
    let n = notice().replace("请各单位", "请各单位訁");
    assert_ne!(n, notice());
    let p = project(&[("notices/a.md", &n)]);
    let without = gongwen(p.path(), &["check"]);
    assert!(!without.status.success());
    assert!(
        stderr(&without).contains("error: no font can draw `訁`"),
        "{}",
        stderr(&without)
    );
    let fonts = tempfile::tempdir().unwrap();
    std::fs::copy(
        crate::common::repo().join("assets/fonts/FandolSong-Regular.otf"),
        fonts.path().join("fallback.otf"),
    )
    .unwrap();
    let dir = fonts.path().to_str().unwrap();
    let o = gongwen(p.path(), &["build", "--font-path", dir]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("warning: `訁` (U+8A01) is not in the 仿宋 (body text) font (FandolFang R); it is drawn with FandolSong"),
        "{}",
        stderr(&o)
    );
    let pdf = std::fs::read_dir(p.path().join("out/pdf"))
        .unwrap()
        .filter_map(Result::ok)
        .find(|e| e.path().extension().is_some_and(|x| x == "pdf"))
        .unwrap()
        .path();
    assert!(
        crate::common::pdf_text(&pdf).contains("请各单位訁"),
        "the character is printed"
    );
    let listed = gongwen(p.path(), &["fonts", "--font-path", dir]);
    let out = String::from_utf8_lossy(&listed.stdout);
    assert!(
        out.contains("characters a role's font lacks are drawn with: FandolSong"),
        "{out}"
    );
}
