//! The Word output, read back by independent programs: python-docx (tests/docx/probe.py)
//! for the page, grid, fonts, styles and tables; LibreOffice (headless, one call for all
//! documents) for the text as a word processor lays it out, compared with gongwen's own PDFs.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use crate::common::{copy_dir, files_below, gongwen, repo, stderr};

/// The bundled example in a temporary folder.
pub(crate) fn example() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&repo().join("content"), &dir.path().join("content"));
    dir
}

/// What python-docx reads in a .docx.
pub(crate) fn facts(docx: &Path) -> Value {
    let out = Command::new("python3")
        .arg(repo().join("tests/docx/probe.py"))
        .arg("facts")
        .arg(docx)
        .output()
        .expect("python3 with python-docx (pip install python-docx) must be installed");
    assert!(
        out.status.success(),
        "probe.py facts {}: {}",
        docx.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn paragraphs(f: &Value) -> Vec<&Value> {
    f["body"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|b| b["kind"] == "p")
        .collect()
}

fn tables(f: &Value) -> Vec<&Value> {
    f["body"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|b| b["kind"] == "table")
        .collect()
}

fn para_with<'a>(f: &'a Value, text: &str) -> &'a Value {
    paragraphs(f)
        .into_iter()
        .find(|p| p["text"].as_str().unwrap().contains(text))
        .unwrap_or_else(|| panic!("no paragraph with {text:?}"))
}

const NOTICE: &str = "out/docx/沙营商办发〔2020〕3号.docx";

#[test]
fn build_writes_every_document_as_docx_the_same_every_time() {
    let p = example();
    let o = gongwen(p.path(), &["build", "--no-site"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let docx = p.path().join("out/docx");
    let files: Vec<String> = files_below(&docx)
        .iter()
        .map(|f| f.to_string_lossy().to_string())
        .collect();
    assert_eq!(
        files,
        [
            "2020-年度工作总结汇编.docx",
            "summaries/2020/区交通局.docx",
            "summaries/2020/区发展改革委.docx",
            "summaries/2020/区委宣传部.docx",
            "summaries/2020/区政务服务办.docx",
            "沙营商办发〔2020〕3号.docx",
        ]
    );
    let again = tempfile::tempdir().unwrap();
    let o = gongwen(
        p.path(),
        &[
            "build",
            "--no-site",
            "--out",
            again.path().to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    for f in files_below(&docx) {
        assert!(
            std::fs::read(docx.join(&f)).unwrap()
                == std::fs::read(again.path().join("docx").join(&f)).unwrap(),
            "{} differs between two builds",
            f.display()
        );
    }
    let none = tempfile::tempdir().unwrap();
    let o = gongwen(
        p.path(),
        &[
            "build",
            "--no-site",
            "--no-docx",
            "--out",
            none.path().to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!none.path().join("docx").exists(), "--no-docx wrote .docx");
}

fn check_portrait_section(s: &Value) {
    assert_eq!(
        (s["width_mm"].as_f64(), s["height_mm"].as_f64()),
        (Some(210.0), Some(297.0))
    );
    assert_eq!(
        [&s["top_mm"], &s["bottom_mm"], &s["left_mm"], &s["right_mm"]].map(|v| v.as_f64().unwrap()),
        [37.0, 35.0, 28.0, 26.0],
        "margins: {s}"
    );
    // The 22-line grid: 225 mm / 22 lines = 579 twips a line.
    assert_eq!(s["grid"]["type"], "lines", "{s}");
    assert_eq!(s["grid"]["linePitch"], "579", "{s}");
    // Page numbers: "— 1 —", odd pages right, even pages left.
    for (footer, align) in [(&s["footer"], "RIGHT"), (&s["even_footer"], "LEFT")] {
        assert_eq!(footer["text"], "— 1 —", "{s}");
        assert_eq!(footer["page_field"], true, "{s}");
        assert!(
            footer["align"][0].as_str().unwrap().starts_with(align),
            "{s}"
        );
    }
}

/// Named styles a clerk recognises, with the office fonts in the East Asian slot.
fn check_named_styles(f: &Value) {
    for (style, font, size, outline) in [
        ("公文标题", "方正小标宋简体", 22.0, None),
        ("发文机关标志", "方正小标宋简体", 30.0, None),
        ("一级标题", "黑体", 16.0, Some(0)),
        ("二级标题", "楷体_GB2312", 16.0, Some(1)),
        ("三级标题", "仿宋_GB2312", 16.0, Some(2)),
        ("四级标题", "仿宋_GB2312", 16.0, Some(3)),
        ("版记", "仿宋_GB2312", 14.0, None),
        ("页码", "宋体", 14.0, None),
        ("附件标识", "黑体", 16.0, None),
    ] {
        let s = &f["styles"][style];
        assert_eq!(s["east_asia"], font, "{style}: {s}");
        assert_eq!(s["size"].as_f64(), Some(size), "{style}: {s}");
        assert_eq!(s["outline"].as_i64(), outline, "{style}: {s}");
    }
}

#[test]
fn the_notice_docx_keeps_the_gbt_9704_page_grid_fonts_and_red_head() {
    let p = example();
    assert!(gongwen(p.path(), &["build", "--no-site"]).status.success());
    let f = facts(&p.path().join(NOTICE));
    assert_eq!(f["even_and_odd"], true);
    let sections = f["sections"].as_array().unwrap();
    assert_eq!(
        sections.len(),
        2,
        "the notice, then its landscape attachment"
    );
    check_portrait_section(&sections[0]);
    let land = &sections[1];
    assert_eq!(
        (land["width_mm"].as_f64(), land["height_mm"].as_f64()),
        (Some(297.0), Some(210.0))
    );
    assert_eq!(land["orientation"], "LANDSCAPE (1)");
    // 28 characters a line: 三号 body text tracked −0.25 pt, 15.75 pt a character, in 156 mm.
    let normal = &f["styles"]["Normal"];
    assert_eq!(normal["east_asia"], "仿宋_GB2312");
    assert_eq!(normal["size"], 16.0);
    assert_eq!(normal["tracking"], -5);
    assert_eq!((156.0 / 25.4 * 72.0 / (16.0 - 0.25)) as i32, 28);
    check_named_styles(&f);
    // The head: the red 发文机关标志, the 发文字号 with the red rule under it, the title.
    let mark = paragraphs(&f)[0];
    assert_eq!(mark["text"], "沙坪坝区优化营商环境工作领导小组办公室");
    assert_eq!(mark["style"], "发文机关标志");
    assert_eq!(mark["colours"], serde_json::json!(["FF0000"]));
    assert_eq!(mark["fonts"], serde_json::json!(["方正小标宋简体"]));
    let number = para_with(&f, "沙营商办发〔2020〕3号");
    assert_eq!(
        (number["style"].as_str(), number["bottom_border"].as_bool()),
        (Some("发文字号"), Some(true))
    );
    let title = para_with(&f, "关于加快推进2020年对标国际先进");
    assert_eq!(
        (title["style"].as_str(), title["sizes"][0].as_f64()),
        (Some("公文标题"), Some(22.0))
    );
    let h1 = para_with(&f, "对标先进加大改革创新");
    assert_eq!(h1["style"], "一级标题");
    assert_eq!(h1["fonts"], serde_json::json!(["黑体"]));
    assert_eq!(h1["text"], "一、对标先进加大改革创新");
    assert_eq!(para_with(&f, "各有关部门，有关单位：")["style"], "主送机关");
    assert_eq!(
        para_with(&f, "附件：2020年对标国际先进")["style"],
        "附件说明"
    );
    assert_eq!(
        para_with(&f, "沙坪坝区发展和改革委代章")["text"],
        "（沙坪坝区发展和改革委代章）"
    );
    assert_eq!(para_with(&f, "2020年4月29日")["style"], "成文日期");
    let body = para_with(&f, "为全面落实区委、区政府");
    assert_eq!(
        (body["style"].as_str(), body["fonts"][0].as_str()),
        (Some("Normal"), Some("仿宋_GB2312"))
    );
    let label = paragraphs(&f)
        .into_iter()
        .find(|p| p["text"] == "附件")
        .unwrap();
    assert_eq!(
        (
            label["style"].as_str(),
            label["page_break_before"].as_bool()
        ),
        (Some("附件标识"), Some(false))
    );
}

#[test]
fn the_task_table_is_a_word_table_with_repeated_header_and_merged_categories() {
    let p = example();
    assert!(gongwen(p.path(), &["build", "--no-site"]).status.success());
    let f = facts(&p.path().join(NOTICE));
    let t = tables(&f);
    assert_eq!(t.len(), 1, "one table: the task list");
    let t = t[0];
    assert_eq!(t["style"], "公文表格");
    let rows = t["rows"].as_array().unwrap();
    let header: Vec<&str> = rows[0]["cells"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["text"].as_str().unwrap())
        .collect();
    assert_eq!(header, ["序号", "工作任务", "牵头单位", "配合单位"]);
    assert_eq!(rows[0]["header"], true, "the header repeats on every page");
    assert!(rows[1..].iter().all(|r| r["header"] == false));
    assert!(
        rows.iter().all(|r| r["cant_split"] == false),
        "rows may break across pages"
    );
    assert_eq!(rows[0]["cells"][0]["fonts"], serde_json::json!(["黑体"]));
    // Category rows: one cell merged across the four columns, numbered 一、二、…
    let categories: Vec<&str> = rows
        .iter()
        .filter(|r| r["cells"].as_array().unwrap().len() == 1)
        .inspect(|r| assert_eq!(r["cells"][0]["span"], 4, "{r}"))
        .map(|r| r["cells"][0]["text"].as_str().unwrap())
        .collect();
    assert_eq!(categories.first().copied(), Some("一、政策出台"));
    assert!(categories.len() >= 4, "{categories:?}");
    let tasks = rows.len() - 1 - categories.len();
    assert_eq!(tasks, 18, "every task a row");
    // Widths as in the PDF: 31¼, 8¼ and 7¾ characters of 12 pt (and 6 pt of padding), 序号 the rest of 225 mm.
    let grid: Vec<i64> = t["grid"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w.as_i64().unwrap())
        .collect();
    assert_eq!(&grid[1..], &[7500 + 130, 1980 + 130, 1860 + 130]);
    assert!((grid.iter().sum::<i64>() - 12756).abs() <= 2, "{grid:?}");
    let row1: Vec<&str> = rows[2]["cells"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["text"].as_str().unwrap())
        .collect();
    assert_eq!(row1[0], "1");
    assert_eq!(row1[2], "各指标牵头部门");
}

#[test]
fn the_year_report_docx_has_its_figures_as_tables_and_the_chart() {
    let p = example();
    assert!(gongwen(p.path(), &["build", "--no-site"]).status.success());
    let f = facts(&p.path().join("out/docx/2020-年度工作总结汇编.docx"));
    // The cover and contents carry no page number; the body is numbered from 1, as in the PDF.
    let sections = f["sections"].as_array().unwrap();
    assert_eq!(sections.len(), 2);
    assert_eq!(sections[0]["footer"]["text"], "", "{}", sections[0]);
    assert_eq!(sections[1]["page_start"], "1");
    check_portrait_section(&sections[1]);
    let t = tables(&f);
    let headers: Vec<String> = t
        .iter()
        .map(|t| {
            t["rows"][0]["cells"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c["text"].as_str().unwrap())
                .collect::<Vec<_>>()
                .join("|")
        })
        .collect();
    assert!(
        headers.contains(&"类别|任务数|已完成|推进中|未启动|部分单位未报告|未报告".to_string()),
        "{headers:?}"
    );
    assert!(
        headers.contains(&"序号|工作任务|牵头单位|完成情况".to_string()),
        "{headers:?}"
    );
    assert!(
        headers.contains(&"单位|应报任务|报送日期|情况".to_string()),
        "{headers:?}"
    );
    let counts = t
        .iter()
        .find(|t| t["rows"][0]["cells"][0]["text"] == "类别")
        .unwrap();
    let total = counts["rows"].as_array().unwrap().last().unwrap();
    assert_eq!(total["cells"][0]["text"], "合计");
    assert_eq!(total["cells"][1]["text"], "18");
    // The chart: a row per category with its bar as a picture.
    let docx = std::fs::read(p.path().join("out/docx/2020-年度工作总结汇编.docx")).unwrap();
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let images = (0..z.len())
        .filter(|i| {
            z.by_index(*i)
                .unwrap()
                .name()
                .unwrap()
                .starts_with("word/media/")
        })
        .count();
    let mut body = String::new();
    std::io::Read::read_to_string(&mut z.by_name("word/document.xml").unwrap(), &mut body).unwrap();
    let categories = counts["rows"].as_array().unwrap().len() - 2;
    assert_eq!(
        body.matches("<w:drawing>").count(),
        categories,
        "a bar per category"
    );
    // Equal bars (two categories with the same counts) share one picture.
    assert!((1..=categories).contains(&images), "{images} pictures");
    // The headings (after the contents, whose entries have the same text).
    let heading = |text: &str| {
        let all: Vec<&Value> = paragraphs(&f)
            .into_iter()
            .filter(|p| p["text"].as_str().unwrap().trim_end() == text)
            .collect();
        assert_eq!(
            all.len(),
            2,
            "{text}: an entry in the contents, and the heading"
        );
        assert!(
            all[0]["style"].as_str().unwrap().starts_with("toc "),
            "{}",
            all[0]
        );
        all[1]["style"].as_str().unwrap().to_string()
    };
    assert_eq!(heading("一、总体情况"), "一级标题");
    assert_eq!(heading("（二）区交通局"), "二级标题");
}

/// A fonts.conf for LibreOffice: the office names mapped to the embedded Fandol fonts, so the
/// conversion does not depend on the machine's fonts.
fn fontconfig(dir: &Path) -> PathBuf {
    let fonts = repo().join("assets/fonts");
    let alias = |office: &str, fandol: &str| {
        format!(
            "<alias binding=\"same\"><family>{office}</family><prefer><family>{fandol}</family></prefer></alias>"
        )
    };
    let conf = format!(
        "<?xml version=\"1.0\"?><!DOCTYPE fontconfig SYSTEM \"fonts.dtd\"><fontconfig><include ignore_missing=\"yes\">/etc/fonts/fonts.conf</include><dir>{}</dir><cachedir>{}</cachedir>{}{}{}{}{}</fontconfig>",
        fonts.display(),
        dir.join("fc-cache").display(),
        alias("仿宋_GB2312", "FandolFang"),
        alias("方正小标宋简体", "FandolSong"),
        alias("黑体", "FandolHei"),
        alias("楷体_GB2312", "FandolKai"),
        alias("宋体", "FandolSong"),
    );
    let path = dir.join("fonts.conf");
    std::fs::write(&path, conf).unwrap();
    path
}

/// Converts .docx files to PDF with LibreOffice in one call (each conversion costs seconds).
pub(crate) fn soffice(files: &[PathBuf], out: &Path) {
    let profile = out.join("profile");
    let o = Command::new("soffice")
        .env("FONTCONFIG_FILE", fontconfig(out))
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
        ])
        .arg(out)
        .args(files)
        .output()
        .expect("LibreOffice (apt-get install libreoffice-writer-nogui) must be installed");
    assert!(o.status.success(), "soffice: {}", stderr(&o));
}

/// PDF text in the order it is drawn, without white space and page numbers.
fn pdf_flat(pdf: &Path) -> String {
    let out = Command::new("pdftotext")
        .arg("-raw")
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    assert!(out.status.success(), "pdftotext {}", pdf.display());
    let text: String = String::from_utf8(out.stdout)
        .unwrap()
        .split_whitespace()
        .collect();
    let mut flat = String::new();
    let mut rest = text.as_str();
    // "— 12 —" page numbers.
    while let Some(i) = rest.find('—') {
        flat.push_str(&rest[..i]);
        let after = &rest[i + '—'.len_utf8()..];
        let digits = after.chars().take_while(char::is_ascii_digit).count();
        if digits > 0 && after[digits..].starts_with('—') {
            rest = &after[digits + '—'.len_utf8()..];
        } else {
            flat.push('—');
            rest = after;
        }
    }
    flat.push_str(rest);
    flat
}

/// The texts a .docx holds, in order: each paragraph, and each table row's cells (header rows
/// apart); and the header rows' texts (repeated on every page, so left out of the comparison).
fn docx_units(f: &Value) -> (Vec<Vec<String>>, Vec<String>) {
    let flat = |s: &str| s.split_whitespace().collect::<String>();
    let mut units = Vec::new();
    let mut headers = Vec::new();
    for b in f["body"].as_array().unwrap() {
        if b["kind"] == "p" {
            units.push(vec![flat(b["text"].as_str().unwrap())]);
            continue;
        }
        for r in b["rows"].as_array().unwrap() {
            let cells: Vec<String> = r["cells"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| flat(c["text"].as_str().unwrap()))
                .collect();
            if r["header"] == true {
                headers.push(cells.concat());
            } else {
                units.push(cells);
            }
        }
    }
    for u in &mut units {
        u.retain(|c| !c.is_empty());
    }
    units.retain(|u| !u.is_empty());
    (units, headers)
}

fn sorted_chars(s: &str) -> Vec<char> {
    let mut c: Vec<char> = s.chars().collect();
    c.sort_unstable();
    c
}

/// Finds each unit in `text` in order; returns what lies between them (and after the last). A
/// paragraph is found as written; a table row as its characters, in any order, starting where
/// its first cell starts: a row that breaks across pages is drawn as the top of every cell, then
/// the rest of each on the next page.
fn gaps(units: &[Vec<String>], text: &str, what: &str) -> Vec<String> {
    let mut at = 0;
    let mut gaps = Vec::new();
    for u in units {
        let first: String = u[0].chars().take(6).collect();
        let Some(i) = text[at..].find(first.as_str()) else {
            let ctx: String = text[at..].chars().take(80).collect();
            panic!("{what}: {u:?} not found in order; the text goes on: {ctx:?}");
        };
        let whole = u.concat();
        let len: usize = text[at + i..]
            .chars()
            .take(whole.chars().count())
            .map(char::len_utf8)
            .sum();
        let drawn = &text[at + i..at + i + len];
        assert_eq!(
            sorted_chars(drawn),
            sorted_chars(&whole),
            "{what}: {u:?} is drawn as {drawn:?}"
        );
        gaps.push(text[at..at + i].to_string());
        at += i + len;
    }
    gaps.push(text[at..].to_string());
    gaps
}

#[test]
fn libreoffice_lays_out_the_same_text_as_the_pdf() {
    let p = example();
    let o = gongwen(p.path(), &["build", "--no-site"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let docx_dir = p.path().join("out/docx");
    let docs: Vec<PathBuf> = files_below(&docx_dir)
        .iter()
        .map(|f| docx_dir.join(f))
        .collect();
    assert_eq!(docs.len(), 6);
    let lo = tempfile::tempdir().unwrap();
    soffice(&docs, lo.path());
    for doc in &docs {
        let rel = doc.strip_prefix(&docx_dir).unwrap().with_extension("pdf");
        let ours = p.path().join("out/pdf").join(&rel);
        let theirs = lo.path().join(rel.file_name().unwrap());
        let (units, headers) = docx_units(&facts(doc));
        let strip = |mut s: String| {
            for h in &headers {
                s = s.replace(h.as_str(), "");
            }
            s
        };
        // LibreOffice shows exactly the document's text: nothing missing, added or moved. LibreOffice
        // 7.4 draws no glyph for a 、，。 that hangs past the end of a full 28-character line, so
        // those three marks are compared only in gongwen's own PDF.
        let hang = |s: &str| s.replace(['、', '，', '。'], "");
        let lo_text = hang(&strip(pdf_flat(&theirs)));
        let lo_units: Vec<Vec<String>> = units
            .iter()
            .map(|u| u.iter().map(|c| hang(c)).collect())
            .collect();
        // The compilation's contents: LibreOffice fills in the page fields (and the dotted tab).
        let contents = rel.to_string_lossy().contains("汇编");
        let left: Vec<String> = gaps(
            &lo_units,
            &lo_text,
            &format!("LibreOffice's {}", rel.display()),
        )
        .into_iter()
        .filter(|g| {
            !(g.is_empty() || (contents && g.chars().all(|c| c.is_ascii_digit() || c == '.')))
        })
        .collect();
        assert!(
            left.is_empty(),
            "{}: LibreOffice shows more: {left:?}",
            rel.display()
        );
        // gongwen's PDF has the same paragraphs and cells in the same order; between them only
        // what a .docx field fills in as a word processor lays it out (the contents' dots and
        // page numbers).
        // The legend's coloured squares are text (■) in the .docx and shapes in the PDF.
        let pdf_units: Vec<Vec<String>> = units
            .iter()
            .map(|u| u.iter().map(|c| c.replace('■', "")).collect())
            .collect();
        let pdf_text = strip(pdf_flat(&ours));
        for g in gaps(
            &pdf_units,
            &pdf_text,
            &format!("gongwen's {}", rel.display()),
        ) {
            assert!(
                g.chars()
                    .all(|c| c.is_ascii_digit() || matches!(c, '.' | '…' | '\u{2060}')),
                "{}: the PDF has {g:?} where the .docx has nothing",
                rel.display()
            );
        }
    }
    if let Some(keep) = std::env::var_os("GONGWEN_KEEP_LO_PDF") {
        copy_dir(lo.path(), Path::new(&keep));
    }
}

#[test]
fn a_picture_in_a_summary_is_in_its_docx_at_the_size_the_pdf_prints_it() {
    let p = crate::common::fixture("year");
    let dir = p.path().join("content/submissions/2024");
    let md = std::fs::read_to_string(dir.join("jtj.md")).unwrap();
    std::fs::write(
        dir.join("jtj.md"),
        md.replace(
            "全年工作总结。",
            "全年工作总结。\n\n![车站公益广告](photo.png)\n",
        ),
    )
    .unwrap();
    let photo = repo().join("tests/fixtures/parts/photo.png");
    std::fs::copy(&photo, dir.join("photo.png")).unwrap();
    let o = gongwen(p.path(), &["build", "--no-site"]);
    assert!(o.status.success(), "{}", stderr(&o));
    for doc in ["summaries/2024/区交通局.docx", "2024-年度工作总结汇编.docx"] {
        let path = p.path().join("out/docx").join(doc);
        let mut z = zip::ZipArchive::new(std::fs::File::open(&path).unwrap()).unwrap();
        let mut body = String::new();
        std::io::Read::read_to_string(&mut z.by_name("word/document.xml").unwrap(), &mut body)
            .unwrap();
        // 300 × 200 pixels at 150 dpi: 50.8 × 33.9 mm, 36,000 EMU a millimetre.
        assert!(
            body.contains("<wp:extent cx=\"1828800\" cy=\"1219200\""),
            "{doc}"
        );
        let media: Vec<String> = (0..z.len())
            .map(|i| z.by_index(i).unwrap().name().unwrap().to_string())
            .filter(|n| n.starts_with("word/media/"))
            .collect();
        let pictures: Vec<Vec<u8>> = media
            .iter()
            .map(|n| {
                let mut b = Vec::new();
                std::io::Read::read_to_end(&mut z.by_name(n).unwrap(), &mut b).unwrap();
                b
            })
            .collect();
        assert!(
            pictures.contains(&std::fs::read(&photo).unwrap()),
            "{doc}: {media:?}"
        );
        let f = facts(&path);
        let caption = para_with(&f, "车站公益广告");
        assert_eq!(caption["text"], "车站公益广告", "{doc}");
    }
}

/// The lines of a PDF's last page (page numbers left out), with the one containing `text`.
fn last_page(pdf: &Path) -> Vec<crate::bbox::Line> {
    let mut pages = crate::bbox::pages(pdf);
    let mut last = pages.pop().unwrap();
    last.retain(|l| !crate::bbox::is_page_number(&l.text()));
    last
}

fn line_with<'a>(lines: &'a [crate::bbox::Line], text: &str) -> &'a crate::bbox::Line {
    lines
        .iter()
        .find(|l| l.text().contains(text))
        .unwrap_or_else(|| {
            let all: Vec<String> = lines.iter().map(crate::bbox::Line::text).collect();
            panic!("no line with {text:?}: {all:?}")
        })
}

#[test]
fn the_colophon_stands_between_its_rules_at_the_foot_of_the_last_page() {
    let notice = crate::common::fixture_text("parts/all-elements.md");
    let p = crate::common::project(&[("notices/full.md", &notice)]);
    let o = gongwen(p.path(), &["build", "--no-site"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let docx = p.path().join("out/docx/某府办文〔2024〕12号.docx");
    // python-docx: the last table is the 版记, floating, a row each for 抄送 and 印发机关和日期,
    // the first and last rules thicker than the one between.
    let f = facts(&docx);
    let t = *tables(&f).last().unwrap();
    assert_eq!(
        (t["style"].as_str(), t["floating"].as_bool()),
        (Some("版记表格"), Some(true))
    );
    assert_eq!(
        t["borders"],
        serde_json::json!({"top": 8, "bottom": 8, "insideH": 6})
    );
    let rows: Vec<&str> = t["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["cells"][0]["text"].as_str().unwrap())
        .collect();
    assert_eq!(
        rows,
        [
            "抄送：区委办公室，区人大常委会办公室，区政协办公室。",
            "某某区人民政府办公室\t2024年12月2日印发"
        ]
    );
    assert_eq!(t["rows"][0]["cells"][0]["paragraphs"][0]["style"], "版记");
    // LibreOffice: after the 附注, at the foot of the page — its last line within a line of the
    // type area's bottom (262 mm) — the organ 左空一字 and the date 右空一字, where gongwen's PDF
    // puts them, on one line.
    let lo = tempfile::tempdir().unwrap();
    soffice(std::slice::from_ref(&docx), lo.path());
    let theirs = last_page(&lo.path().join("某府办文〔2024〕12号.pdf"));
    let ours = last_page(&p.path().join("out/pdf/某府办文〔2024〕12号.pdf"));
    let (note, cc) = (
        line_with(&theirs, "此件公开发布"),
        line_with(&theirs, "抄送："),
    );
    let printed = line_with(&theirs, "印发");
    assert!(
        note.bottom() < cc.top() && cc.bottom() < printed.top(),
        "附注, 抄送, 印发 in this order"
    );
    assert!(
        printed.bottom() > 262.0 - 10.2 && printed.bottom() < 262.0,
        "the 版记 is at the foot of the type area: {} mm",
        printed.bottom()
    );
    assert!(
        cc.top() - note.bottom() > 3.0 * 10.2,
        "the 版记 floats to the foot, not after the text"
    );
    assert_eq!(printed.text(), "某某区人民政府办公室2024年12月2日印发");
    let pdf_printed = line_with(&ours, "印发");
    for (what, lo, pdf) in [
        ("left", printed.x0(), pdf_printed.x0()),
        ("right", printed.x1(), pdf_printed.x1()),
        ("抄送", cc.x0(), line_with(&ours, "抄送：").x0()),
    ] {
        assert!(
            (lo - pdf).abs() < 1.0,
            "{what}: LibreOffice {lo:.1} mm, gongwen's PDF {pdf:.1} mm"
        );
    }
}

/// The lines of a PDF's first page.
fn first_page(pdf: &Path) -> Vec<crate::bbox::Line> {
    crate::bbox::pages(pdf).swap_remove(0)
}

/// The words of `lines` that are `text` (a name is drawn as one word, or, spread, a word a
/// character): the box around them.
fn boxed(lines: &[crate::bbox::Line], text: &str) -> (f64, f64, f64, f64) {
    let line = lines
        .iter()
        .find(|l| l.text().contains(text))
        .unwrap_or_else(|| panic!("no line with {text:?}"));
    let full = line.text();
    let start = full[..full.find(text).unwrap()].chars().count();
    let mut at = 0;
    let mut b = (f64::MAX, f64::MAX, 0.0f64, 0.0f64);
    for w in &line.words {
        let n = w.text.chars().count();
        if at + n > start && at < start + text.chars().count() {
            b = (b.0.min(w.x0), b.1.min(w.y0), b.2.max(w.x1), b.3.max(w.y1));
        }
        at += n;
    }
    b
}

/// python-docx: joint issuers' mark is a borderless table centred on the page, the names
/// (spread to the cell's width) in its left cell, 文件 (when there is one) in the right one,
/// centred vertically.
fn check_joint_mark(doc: &Path, names: &[&str]) {
    let f = facts(doc);
    let t = tables(&f)[0];
    assert_eq!(
        (t["borders"].as_object().unwrap().len(), t["align"].as_str()),
        (0, Some("center"))
    );
    let cells = t["rows"][0]["cells"].as_array().unwrap();
    let stacked: Vec<&str> = cells[0]["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .inspect(|p| {
            assert_eq!(p["style"], "发文机关标志");
            assert!(
                p["align"].as_str().unwrap().starts_with("DISTRIBUTE"),
                "{p}"
            );
        })
        .map(|p| p["text"].as_str().unwrap())
        .collect();
    assert_eq!(stacked, names);
    let suffix: Vec<(&str, &str)> = cells[1..]
        .iter()
        .map(|c| (c["text"].as_str().unwrap(), c["valign"].as_str().unwrap()))
        .collect();
    let want: &[(&str, &str)] = if names.len() == 2 {
        &[("文件", "center")]
    } else {
        &[]
    };
    assert_eq!(suffix, want, "{}", doc.display());
}

#[test]
fn joint_issuers_names_are_stacked_with_wenjian_beside_them_as_in_the_pdf() {
    let p = crate::common::fixture("formats");
    let o = gongwen(p.path(), &["build", "--no-site"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let two = (
        "某府发〔2024〕5号",
        ["某某区人民政府", "某某区人民武装部"].as_slice(),
    );
    let four = (
        "某发改发〔2024〕8号",
        ["区发展改革委", "区财政局", "区商务委", "区市场监管局"].as_slice(),
    );
    let docs: Vec<PathBuf> = [two.0, four.0]
        .iter()
        .map(|n| p.path().join(format!("out/docx/{n}.docx")))
        .collect();
    for (doc, (_, names)) in docs.iter().zip([two, four]) {
        check_joint_mark(doc, names);
    }
    // LibreOffice sets them where gongwen's PDF does: each name spread to the same width, 文件
    // to their right with its middle on the stack's middle.
    let lo = tempfile::tempdir().unwrap();
    soffice(&docs, lo.path());
    for (name, names) in [two, four] {
        let theirs = first_page(&lo.path().join(format!("{name}.pdf")));
        let ours = first_page(&p.path().join(format!("out/pdf/{name}.pdf")));
        for (what, lines) in [("LibreOffice", &theirs), ("gongwen", &ours)] {
            let boxes: Vec<_> = names.iter().map(|n| boxed(lines, n)).collect();
            for b in &boxes {
                assert!(
                    (b.0 - boxes[0].0).abs() < 0.5 && (b.2 - boxes[0].2).abs() < 0.5,
                    "{what} {name}: every name as wide as the longest: {boxes:?}"
                );
            }
            if names.len() == 2 {
                let w = boxed(lines, "文件");
                let middle = (boxes[0].1 + boxes[1].3) / 2.0;
                assert!(
                    w.0 > boxes[0].2 && ((w.1 + w.3) / 2.0 - middle).abs() < 1.0,
                    "{what} {name}: 文件 {w:?} beside the middle of {boxes:?}"
                );
            }
        }
        for n in names
            .iter()
            .copied()
            .chain((names.len() == 2).then_some("文件"))
        {
            let (a, b) = (boxed(&theirs, n), boxed(&ours, n));
            assert!(
                (a.0 - b.0).abs() < 1.5 && (a.1 - b.1).abs() < 3.0,
                "{name}: {n} at {a:?} in LibreOffice, {b:?} in gongwen's PDF"
            );
        }
    }
}

/// The page number "— N —" printed on a page, if any.
fn printed_number(lines: &[crate::bbox::Line]) -> Option<u32> {
    lines
        .iter()
        .map(crate::bbox::Line::text)
        .find(|t| crate::bbox::is_page_number(t))
        .map(|t| {
            t.trim_matches(|c: char| !c.is_ascii_digit())
                .parse()
                .unwrap()
        })
}

#[test]
fn the_year_reports_contents_list_the_pages_its_chapters_are_on() {
    let p = example();
    assert!(gongwen(p.path(), &["build", "--no-site"]).status.success());
    let docx = p.path().join("out/docx/2020-年度工作总结汇编.docx");
    // python-docx: each entry of the contents holds a PAGEREF field (marked for updating) to
    // a bookmark on its heading.
    let f = facts(&docx);
    let body = paragraphs(&f);
    let entries: Vec<(String, String)> = body
        .iter()
        .filter(|p| p["style"].as_str().unwrap().starts_with("toc "))
        .map(|p| {
            let field = p["fields"][0].as_str().unwrap();
            let mark = field.strip_prefix("PAGEREF ").unwrap().split(' ').next();
            let text = p["text"].as_str().unwrap().trim_end().to_string();
            (text, mark.unwrap().to_string())
        })
        .collect();
    assert_eq!(entries.len(), 8, "{entries:?}");
    for (text, mark) in &entries {
        let heading = body
            .iter()
            .find(|p| p["bookmarks"].as_array().unwrap().iter().any(|b| b == mark))
            .unwrap_or_else(|| panic!("no heading holds the bookmark {mark}"));
        assert_eq!(&heading["text"], text.as_str());
        assert!(heading["style"].as_str().unwrap().ends_with("级标题"));
    }
    let xml = {
        let mut z = zip::ZipArchive::new(std::fs::File::open(&docx).unwrap()).unwrap();
        let mut s = String::new();
        std::io::Read::read_to_string(&mut z.by_name("word/document.xml").unwrap(), &mut s)
            .unwrap();
        s
    };
    assert_eq!(
        xml.matches(r#"<w:fldChar w:fldCharType="begin" w:dirty="true" />"#)
            .count(),
        8,
        "Word updates the page fields when it opens the document"
    );
    // LibreOffice: the contents page lists, after each entry, the number printed on the page
    // its heading is on (the cover and contents are not numbered, the body from 1).
    let lo = tempfile::tempdir().unwrap();
    soffice(std::slice::from_ref(&docx), lo.path());
    let pages = crate::bbox::pages(&lo.path().join("2020-年度工作总结汇编.pdf"));
    assert_eq!(
        (printed_number(&pages[0]), printed_number(&pages[1])),
        (None, None)
    );
    assert_eq!(printed_number(&pages[2]), Some(1));
    let contents = &pages[1];
    for (text, _) in &entries {
        let line = line_with(contents, text).text();
        let listed: u32 = line
            .trim_end_matches(|c: char| !c.is_ascii_digit())
            .rsplit(|c: char| !c.is_ascii_digit())
            .next()
            .unwrap()
            .parse()
            .unwrap_or_else(|_| panic!("{line:?} lists no page"));
        // The page whose first line (after a summary's chapter heading) is the heading.
        let page = pages[2..]
            .iter()
            .find(|pg| pg.iter().take(2).any(|l| l.text() == *text))
            .unwrap_or_else(|| panic!("no page starts with {text}"));
        assert_eq!(
            printed_number(page),
            Some(listed),
            "{text}: listed on page {listed}"
        );
    }
}

#[test]
fn a_letters_colophon_has_no_rules_in_the_docx() {
    let p = crate::common::fixture("formats");
    let o = gongwen(p.path(), &["build", "--no-site"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let f = facts(&p.path().join("out/docx/某府办函〔2024〕12号.docx"));
    let t = *tables(&f).last().unwrap();
    assert_eq!(
        t["rows"][0]["cells"][0]["text"],
        "抄送：区发展改革委，区财政局。"
    );
    // §10.1: no rules, neither its own nor a table style's.
    assert_eq!(
        (t["borders"].as_object().unwrap().len(), t["style"].as_str()),
        (0, None),
        "{t}"
    );
    assert_eq!(t["floating"], true);
}
