//! Nothing lost, nothing read from outside the project, nothing explodes: links out of the
//! project, oversized input, hostile spreadsheets, outputs that go away with their content, file
//! modes, and builds killed at random moments.

use std::path::Path;
use std::process::Command;

use crate::common::{files_below, fixture_with, gongwen_en as gongwen, notice, project, stderr};

#[cfg(unix)]
#[test]
fn links_out_of_the_project_are_refused_everywhere() {
    use std::os::unix::fs::symlink;
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(
        outside.path().join("plan.md"),
        "---\ntitle: 外部文件\n---\n机密内容\n",
    )
    .unwrap();
    std::fs::create_dir_all(outside.path().join("2024")).unwrap();
    std::fs::write(outside.path().join("secret.txt"), "root:x:0:0").unwrap();
    let n = notice().replace(
        "date: 2024-11-20\n",
        "date: 2024-11-20\nattachments: [attachments/plan.md]\n",
    );
    let p = fixture_with("year", &[("notices/a.md", &n)]);
    let content = p.path().join("content");
    std::fs::create_dir_all(content.join("attachments")).unwrap();
    symlink(
        outside.path().join("plan.md"),
        content.join("attachments/plan.md"),
    )
    .unwrap();
    symlink(
        outside.path().join("2024"),
        content.join("submissions/2025"),
    )
    .unwrap();
    let o = gongwen(p.path(), &["build", "--no-site"]);
    let e = stderr(&o);
    assert!(!o.status.success());
    assert!(
        e.contains("content/attachments/plan.md: error: leads outside the project"),
        "{e}"
    );
    assert!(
        e.contains("content/submissions/2025: error: leads outside the project"),
        "{e}"
    );
    let pdfs = files_below(&p.path().join("out/pdf"));
    for pdf in &pdfs {
        let text = crate::common::pdf_text(&p.path().join("out/pdf").join(pdf));
        assert!(
            !text.contains("机密内容") && !text.contains("root:x"),
            "{pdf:?} printed a file from outside"
        );
    }
    // A template override that reads a file through a link gets no access.
    let q = project(&[]);
    crate::common::own_typst_template(q.path(), "notice.typ", |t| {
        t.replace(
            "#show: gw.document",
            "#show: gw.document\n#read(\"/templates/leak.txt\")",
        )
    });
    symlink(
        outside.path().join("secret.txt"),
        q.path().join("templates/leak.txt"),
    )
    .unwrap();
    let o = gongwen(q.path(), &["build", "--no-site"]);
    let e = stderr(&o);
    assert!(!o.status.success());
    assert!(e.starts_with("templates/typst/notice.typ: error: typesetting failed: failed to load file (access denied)"), "{e}");
}

#[test]
fn oversized_files_and_paragraphs_are_refused_without_exhausting_memory() {
    let huge_list = format!(
        "title: 清单\nyear: 2024\ncategories:\n  - name: 甲\n    tasks:\n{}",
        "      - text: 很长的任务描述很长的任务描述很长的任务描述很长的任务描述。\n        lead: [甲局]\n".repeat(60_000)
    );
    assert!(huge_list.len() > 5 * 1024 * 1024);
    let long_paragraph = notice() + &"段".repeat(100_001);
    let p = project(&[
        ("units.yaml", "units:\n  - id: a\n    name: 甲局\n"),
        ("tasks/big.yaml", &huge_list),
        ("notices/long.md", &long_paragraph.replace("7号", "8号")),
    ]);
    let o = gongwen(p.path(), &["check"]);
    let e = stderr(&o);
    assert!(!o.status.success());
    assert!(
        e.contains("content/tasks/big.yaml: error: the task list is 7.")
            && e.contains("MB; gongwen reads files of at most 4.0 MB"),
        "{e}"
    );
    assert!(
        e.contains(
            "content/notices/long.md:11:1: error: a paragraph of more than 100000 characters"
        ),
        "{e}"
    );
}

/// A spreadsheet written with rust_xlsxwriter: the title, the header, and `rows`.
fn xlsx(path: &Path, rows: &[[&str; 4]], stray: Option<(u32, u16)>) {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("任务清单").unwrap();
    ws.write_string(0, 0, "清单").unwrap();
    for (c, h) in ["序号", "工作任务", "牵头单位", "配合单位"]
        .iter()
        .enumerate()
    {
        ws.write_string(1, c as u16, *h).unwrap();
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            ws.write_string(r as u32 + 2, c as u16, *v).unwrap();
        }
    }
    if let Some((r, c)) = stray {
        ws.write_string(r, c, "x").unwrap();
    }
    wb.save(path).unwrap();
}

#[test]
fn hostile_spreadsheets_get_clear_messages() {
    let p = fixture_with("tasks", &[]);
    let far = p.path().join("far.xlsx");
    xlsx(
        &far,
        &[["一、宣传", "", "", ""], ["1", "任务", "区交通局", ""]],
        Some((1_048_575, 16_383)),
    );
    let e = stderr(&gongwen(p.path(), &["import", far.to_str().unwrap()]));
    assert!(
        e.contains("error: a cell at row 1048576, column 16384 is beyond what gongwen reads"),
        "{e}"
    );
    // A zip bomb: a few KB that unpack to 200 MB.
    let bomb = p.path().join("bomb.xlsx");
    {
        use std::io::Write;
        let mut w = zip::ZipWriter::new(std::fs::File::create(&bomb).unwrap());
        w.start_file(
            "xl/worksheets/sheet1.xml",
            zip::write::SimpleFileOptions::default(),
        )
        .unwrap();
        let zeros = vec![b' '; 1 << 20];
        for _ in 0..200 {
            w.write_all(&zeros).unwrap();
        }
        w.finish().unwrap();
    }
    assert!(std::fs::metadata(&bomb).unwrap().len() < 2_000_000);
    let e = stderr(&gongwen(p.path(), &["import", bomb.to_str().unwrap()]));
    assert!(
        e.contains("error: the spreadsheet unpacks to far more than a table or document holds"),
        "{e}"
    );
    // A cell of 1,000 units splits quickly and right (it was cubic).
    let units: Vec<String> = (0..1000).map(|i| format!("单位{i}")).collect();
    let registry = format!(
        "units:\n{}groups:\n  - id: hx\n    name: 各行业协会、商会主管部门\n",
        units
            .iter()
            .enumerate()
            .map(|(i, u)| format!("  - id: u{i}\n    name: {u}\n"))
            .collect::<String>()
    );
    let p = project(&[("units.yaml", &registry)]);
    let cell = units.join("、") + "、各行业协会、商会主管部门";
    let csv = format!(
        "\u{feff}清单,,,\n年度,2024,,\n序号,工作任务,牵头单位,配合单位\n一、宣传,,,\n1,任务,\"{cell}\",\n"
    );
    std::fs::write(p.path().join("t.csv"), csv).unwrap();
    let o = gongwen(
        p.path(),
        &["import", p.path().join("t.csv").to_str().unwrap()],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let yaml = String::from_utf8_lossy(&o.stdout);
    assert!(
        yaml.contains("- 单位999\n") && yaml.contains("- 各行业协会、商会主管部门\n"),
        "{yaml}"
    );
}

#[test]
fn csv_cells_that_look_like_formulas_are_neutralised_and_come_back_unchanged() {
    let tasks = crate::common::fixture_text("tasks/content/tasks/2024.yaml")
        .replace(
            "text: 在车站刊播公益广告。",
            "text: \"=HYPERLINK(\\\"http://evil.example\\\",\\\"点我\\\")\"",
        )
        .replace("text: 开展明察暗访。", "text: \"-1+1 @sum 明察暗访\"");
    let p = fixture_with("tasks", &[("tasks/2024.yaml", &tasks)]);
    assert!(gongwen(p.path(), &["export"]).status.success());
    let csv = std::fs::read_to_string(p.path().join("out/tasks/2024.csv")).unwrap();
    assert!(
        csv.contains("\"'=HYPERLINK(") && csv.contains(",'-1+1 @sum 明察暗访,"),
        "{csv}"
    );
    assert!(!csv.contains(",=HYPERLINK"), "{csv}");
    let back = p.path().join("back.yaml");
    let o = gongwen(
        p.path(),
        &[
            "import",
            p.path().join("out/tasks/2024.csv").to_str().unwrap(),
            "--output",
            back.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let yaml = std::fs::read_to_string(back).unwrap();
    assert!(
        yaml.contains("=HYPERLINK(\\\"http://evil.example\\\",\\\"点我\\\")")
            || yaml.contains("=HYPERLINK(\"http://evil.example\",\"点我\")"),
        "{yaml}"
    );
    assert!(
        yaml.contains("-1+1 @sum 明察暗访") && !yaml.contains("'-1"),
        "{yaml}"
    );
}

#[test]
fn withdrawn_outputs_go_away_and_nothing_else_does() {
    let second = notice().replace("7号", "8号");
    let p = project(&[("notices/b.md", &second)]);
    assert!(gongwen(p.path(), &["build"]).status.success());
    let pdf = p.path().join("out/pdf");
    std::fs::write(pdf.join("我的文件.pdf"), "not gongwen's").unwrap();
    assert!(pdf.join("某府办发〔2024〕8号.pdf").is_file());
    std::fs::remove_file(p.path().join("content/notices/b.md")).unwrap();
    let o = gongwen(p.path(), &["build"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        String::from_utf8_lossy(&o.stdout).contains("removed"),
        "the removal is reported"
    );
    assert!(
        !pdf.join("某府办发〔2024〕8号.pdf").exists(),
        "the withdrawn notice's PDF is gone"
    );
    assert!(
        !p.path()
            .join("out/site/pdf/某府办发〔2024〕8号.pdf")
            .exists(),
        "and is not published"
    );
    assert!(
        pdf.join("我的文件.pdf").is_file(),
        "a file gongwen did not write stays"
    );
    assert!(pdf.join("某府办发〔2024〕7号.pdf").is_file());
}

#[cfg(unix)]
#[test]
fn outputs_are_readable_by_a_web_server_running_as_another_user() {
    use std::os::unix::fs::PermissionsExt;
    let p = project(&[]);
    assert!(gongwen(p.path(), &["build"]).status.success());
    for f in [
        "out/pdf/某府办发〔2024〕7号.pdf",
        "out/site/index.html",
        "out/site/pdf/某府办发〔2024〕7号.pdf",
    ] {
        let mode = std::fs::metadata(p.path().join(f))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o044, 0o044, "{f}: {mode:o}");
    }
    for d in ["out/site", "out/site/assets"] {
        let mode = std::fs::metadata(p.path().join(d))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o055, 0o055, "{d}: {mode:o}");
    }
}

#[test]
fn a_missing_project_folder_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nowhere");
    let o = crate::common::bin_in("en_US.UTF-8")
        .args(["--project", missing.to_str().unwrap(), "check"])
        .output()
        .unwrap();
    let e = stderr(&o);
    assert!(
        e.starts_with(&format!(
            "{}: error: the project folder cannot be opened",
            missing.display()
        )),
        "{e}"
    );
}

/// pdfinfo accepts the file: a whole PDF.
fn whole_pdf(path: &Path) -> bool {
    Command::new("pdfinfo")
        .arg(path)
        .output()
        .is_ok_and(|o| o.status.success())
}

#[cfg(unix)]
#[test]
fn builds_killed_at_random_moments_never_leave_half_a_file_or_no_site() {
    let p = tempfile::tempdir().unwrap();
    let made = Command::new("python3")
        .arg(crate::common::repo().join("scripts/gen-project.py"))
        .arg(p.path())
        .args(["60", "200", "--submissions"])
        .status()
        .expect("python3 runs scripts/gen-project.py");
    assert!(made.success());
    assert!(gongwen(p.path(), &["build"]).status.success());
    let out = p.path().join("out");
    // Kill at moments spread over a build (about 3-8 s here), in a fixed pseudo-random order.
    let mut seed: u64 = 0x5EED;
    for _ in 0..15 {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let delay = 50 + (seed >> 33) % 2500;
        let mut child = crate::common::bin_in("en_US.UTF-8")
            .args([
                "--project",
                p.path().to_str().unwrap(),
                "build",
                "--no-system-fonts",
            ])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(delay));
        let _ = child.kill();
        let _ = child.wait();
        assert!(
            out.join("site/index.html").is_file(),
            "no site after a kill at {delay} ms"
        );
        for f in files_below(&out.join("pdf")) {
            let name = f.to_string_lossy();
            // A temporary file is named by its file name (it may be in summaries/<year>/).
            let file = f
                .file_name()
                .map(|n| n.to_string_lossy())
                .unwrap_or_default();
            if !crate::common::is_leftover(&file) {
                assert!(
                    whole_pdf(&out.join("pdf").join(&f)),
                    "{name} is not a whole PDF after a kill at {delay} ms"
                );
            }
        }
    }
    assert!(gongwen(p.path(), &["build"]).status.success());
    let left: Vec<_> = files_below(&out)
        .into_iter()
        .filter(|f| {
            f.iter()
                .any(|c| crate::common::is_leftover(&c.to_string_lossy()))
        })
        .collect();
    assert!(left.is_empty(), "leftovers after the next build: {left:?}");
    let dirs: Vec<_> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert!(
        dirs.iter()
            .all(|d| !crate::common::is_leftover(&d.to_string_lossy())),
        "{dirs:?}"
    );
}

#[test]
fn a_damaged_font_in_font_path_is_found_by_check_not_by_a_failing_build() {
    let fonts = tempfile::tempdir().unwrap();
    let good =
        std::fs::read(crate::common::repo().join("assets/fonts/FandolKai-Regular.otf")).unwrap();
    std::fs::write(fonts.path().join("cut.otf"), &good[..300_000]).unwrap();
    let p = project(&[(
        "gongwen.yaml",
        "organ: 某某区人民政府办公室\nfonts:\n  body: [FandolKai]\n",
    )]);
    let o = gongwen(
        p.path(),
        &["check", "--font-path", fonts.path().to_str().unwrap()],
    );
    let e = stderr(&o);
    assert!(!o.status.success());
    assert!(
        e.starts_with(&format!(
            "{}: error: the font `FandolKai` cannot be used: the file is damaged or has no glyph outlines",
            fonts.path().join("cut.otf").display()
        )),
        "{e}"
    );
}

#[test]
fn names_with_hash_and_percent_link_right() {
    let n = notice().replace("某府办发〔2024〕7号", "某#办%发〔2024〕7号");
    let p = project(&[("notices/a.md", &n)]);
    let o = gongwen(p.path(), &["build"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let site = p.path().join("out/site");
    let page = std::fs::read_to_string(site.join("notices/a.html")).unwrap();
    let href = page
        .split("href=\"")
        .filter_map(|s| s.split('"').next())
        .find(|h| h.ends_with(".pdf"))
        .expect("a PDF link");
    assert!(href.contains("%23") && href.contains("%25"), "{href}");
    let decoded = percent_encoding::percent_decode_str(href.trim_start_matches("../"))
        .decode_utf8()
        .unwrap()
        .to_string();
    assert!(site.join(&decoded).is_file(), "{href} → {decoded}");
}

#[test]
fn hundreds_of_summaries_build_without_exhausting_a_stack() {
    // From about 230 documents a rayon worker used to nest document jobs on its stack until it
    // overflowed (exit 134). 260 small summaries, each a document of its own.
    let n = 260;
    let units: String = (1..=n)
        .map(|i| format!("  - id: u{i}\n    name: 第{i}单位\n"))
        .collect();
    let members: Vec<String> = (1..=n).map(|i| format!("u{i}")).collect();
    let registry = format!(
        "units:\n{units}groups:\n  - id: all\n    name: 各单位\n    members: [{}]\n",
        members.join(", ")
    );
    let tasks = "title: 2024年清单\nyear: 2024\ndue: 2024-12-31\ncategories:\n  - name: 甲\n    tasks:\n      - id: t1\n        text: 做好工作。\n        lead: [各单位]\n";
    let p = project(&[("units.yaml", &registry), ("tasks/2024.yaml", tasks)]);
    for i in 1..=n {
        let s = format!(
            "---\nunit: u{i}\ndate: 2024-12-20\ntasks:\n  - task: t1\n    status: 已完成\n    summary: 完成。\n---\n第{i}单位全年工作总结。\n"
        );
        let path = p.path().join(format!("content/submissions/2024/u{i}.md"));
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, s).unwrap();
    }
    let o = gongwen(p.path(), &["build", "--no-site"]);
    assert!(
        o.status.success(),
        "exit {:?}: {}",
        o.status.code(),
        stderr(&o)
    );
    let pdfs = files_below(&p.path().join("out/pdf/summaries/2024"));
    assert_eq!(pdfs.len(), n);
}

/// Output read by a program that stops reading (`gongwen check 2>&1 | head`): a closed pipe is
/// not a crash, so the exit code stays the command's (it was a panic's, 101).
#[test]
fn a_reader_that_goes_away_does_not_turn_the_exit_code_into_a_crash() {
    // Thousands of warnings: far more than a pipe holds, so writes go on after it is closed.
    let body = "各单位要抓好工作工作。\n\n".repeat(3000);
    let text = crate::common::notice_with("标题", &body);
    let p = project(&[("notices/w.md", &text)]);
    for (command, want) in [("check", 0), ("tasks", 0)] {
        for stream in ["stdout", "stderr"] {
            let mut c = crate::common::bin_in("en_US.UTF-8");
            c.args(["--project", &p.path().to_string_lossy(), command])
                .stdin(std::process::Stdio::null());
            let piped = || std::process::Stdio::piped();
            let null = || std::process::Stdio::null();
            match stream {
                "stdout" => c.stdout(piped()).stderr(null()),
                _ => c.stdout(null()).stderr(piped()),
            };
            let mut child = c.spawn().unwrap();
            // Close the reading end at once.
            drop(child.stdout.take());
            drop(child.stderr.take());
            let status = child.wait().unwrap();
            assert_eq!(status.code(), Some(want), "{command}, {stream} closed");
        }
    }
}
