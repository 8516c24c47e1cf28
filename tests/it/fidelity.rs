//! The acceptance reference: the bundled notice against the issued text in seeds/.
//! The seed is text extracted from the issued PDF; its line breaks are the original layout and a
//! text line starting with a space right after another text line begins a new page.

use crate::common::{gongwen, repo};

fn norm(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// "— 3 —": GB/T 9704 page numbers stand between dashes; a bare number is a table's 序号.
fn is_page_number(s: &str) -> bool {
    let t = s
        .trim_start_matches(['—', '-', '–'])
        .trim_end_matches(['—', '-', '–']);
    t.len() < s.len() && !t.is_empty() && t.chars().all(|c| c.is_ascii_digit())
}

/// The seed's pages, each a list of whitespace-free lines.
fn seed_pages(text: &str) -> Vec<Vec<String>> {
    let mut pages: Vec<Vec<String>> = Vec::new();
    let mut cur: Vec<String> = Vec::new();
    let mut prev_text = false;
    for line in text.split('\n') {
        if norm(line).is_empty() {
            prev_text = false;
            continue;
        }
        if line.starts_with(' ')
            && (prev_text || (pages.is_empty() && cur.is_empty()))
            && !cur.is_empty()
        {
            pages.push(std::mem::take(&mut cur));
        }
        cur.push(norm(line));
        prev_text = true;
    }
    if !cur.is_empty() {
        pages.push(cur);
    }
    pages
}

/// The PDF's lines per page, read the way the seed was: words in the order the PDF draws them
/// (`pdftotext -raw -bbox`), a new line wherever the baseline changes. This keeps a table row
/// together as the seed has it (number, text lines, then the unit cells sharing a baseline), and
/// keeps whole the visual lines poppler would otherwise split where 标点挤压 makes two glyphs'
/// nominal boxes overlap. The table attachment is turned a quarter on portrait pages (GB/T 9704
/// §8); on those pages a baseline runs up the page, so lines change where its x does.
fn pdf_pages(pdf: &std::path::Path) -> Vec<Vec<String>> {
    crate::pdf::drawn_pages(pdf)
        .iter()
        .map(|p| {
            p.drawn_lines()
                .into_iter()
                .map(|l| norm(&l))
                .filter(|l| !l.is_empty() && !is_page_number(l))
                .collect::<Vec<_>>()
        })
        .filter(|p: &Vec<String>| !p.is_empty())
        .collect()
}

/// Length of the longest common subsequence of two line lists: lines reproduced in order.
fn lcs(a: &[String], b: &[String]) -> usize {
    let mut prev = vec![0usize; b.len() + 1];
    for x in a {
        let mut cur = vec![0usize; b.len() + 1];
        for (j, y) in b.iter().enumerate() {
            cur[j + 1] = if x == y {
                prev[j] + 1
            } else {
                prev[j + 1].max(cur[j])
            };
        }
        prev = cur;
    }
    prev[b.len()]
}

/// The lines of `a` and `b` aligned: `(Some, Some)` for a line both have in the longest common
/// subsequence, `(Some, None)` for a line only `a` has, `(None, Some)` for one only `b` has.
fn align<'s>(a: &'s [String], b: &'s [String]) -> Vec<(Option<&'s str>, Option<&'s str>)> {
    let mut t = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            t[i][j] = if a[i] == b[j] {
                t[i + 1][j + 1] + 1
            } else {
                t[i + 1][j].max(t[i][j + 1])
            };
        }
    }
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            out.push((Some(a[i].as_str()), Some(b[j].as_str())));
            (i, j) = (i + 1, j + 1);
        } else if j == b.len() || (i < a.len() && t[i + 1][j] >= t[i][j + 1]) {
            out.push((Some(a[i].as_str()), None));
            i += 1;
        } else {
            out.push((None, Some(b[j].as_str())));
            j += 1;
        }
    }
    out
}

/// Prints the issued lines not reproduced (`-`) beside the lines set instead (`+`), the pages run
/// together as the count has them: what `cargo test fidelity -- --nocapture` shows to find the
/// cause of each miss.
fn print_misses(want: &[String], got: &[String]) {
    for pair in align(want, got) {
        match pair {
            (Some(w), None) => println!("  - {w}"),
            (None, Some(g)) => println!("  + {g}"),
            (Some(w), Some(_)) => println!("    {w}"),
            _ => {}
        }
    }
}

/// The built notice's pages and the seed's pages.
fn build_seed() -> (Vec<Vec<String>>, Vec<Vec<String>>) {
    let out = tempfile::tempdir().unwrap();
    let o = gongwen(&repo(), &["build", "--out", out.path().to_str().unwrap()]);
    assert!(o.status.success(), "{}", crate::common::stderr(&o));
    let pdf = out.path().join("pdf/沙营商办发〔2020〕3号.pdf");
    let built = pdf_pages(&pdf);
    let seed = seed_pages(
        &std::fs::read_to_string(repo().join("seeds/000_75d8874fccb9b7d9.txt")).unwrap(),
    );
    (built, seed)
}

#[test]
fn attachment_table_reproduces_the_issued_pages_4_to_7() {
    let (built, seed) = build_seed();
    assert_eq!(
        built.len(),
        7,
        "the table takes the same four pages as issued"
    );
    let want: Vec<String> = seed[3..7].concat();
    let got: Vec<String> = built[3..].concat();
    let m = lcs(&want, &got);
    let pct = 100.0 * m as f64 / want.len() as f64;
    println!("pages 4-7: {m}/{} lines ({pct:.1}%)", want.len());
    print_misses(&want, &got);
    for page in &built[4..7] {
        assert_eq!(
            page.first().unwrap(),
            "序号工作任务牵头单位配合单位",
            "the header repeats on every page"
        );
    }
    // Cells break their lines as Word does (a line takes in the closing marks after it only where
    // compressing its own marks makes room: …确保可操作、 but …改革成/效。), in columns and at a
    // line pitch measured from the issued table (TableLayout's defaults). The two lines left: row
    // 18 of the issued table sets its two unit cells on different baselines, which its other
    // one-line rows do not.
    assert!(
        m >= 114,
        "only {m}/{} of the issued lines reproduced",
        want.len()
    );
}

#[test]
fn notice_reproduces_the_issued_pages_1_to_3() {
    let (built, seed) = build_seed();

    // The notice occupies the same three pages; the attachment starts on page 4.
    assert_eq!(
        built[3].first().map(String::as_str),
        Some("附件"),
        "page 4 starts the attachment"
    );
    let mut matched = 0;
    let mut total = 0;
    for page in 0..3 {
        // The red 发文机关标志 is not in the seed's text; drop it from page 1.
        let skip =
            usize::from(page == 0 && built[0][0] == "沙坪坝区优化营商环境工作领导小组办公室");
        let got = &built[page][skip..];
        let m = lcs(&seed[page], got);
        println!(
            "page {}: {m}/{} seed lines reproduced",
            page + 1,
            seed[page].len()
        );
        matched += m;
        total += seed[page].len();
    }
    let pct = 100.0 * matched as f64 / total as f64;
    println!("pages 1-3: {matched}/{total} lines ({pct:.1}%)");
    // Page ends as issued: the grid holds 22 lines and single lines are not pushed over.
    assert_eq!(
        built[0].last().unwrap(),
        "贯彻落实全市对标国家部委以及北京、上海、广州等其他省"
    );
    assert_eq!(
        built[1].last().unwrap(),
        "环境方面出现的懒政怠政、不作为、乱作为情况，通过督查报告"
    );
    assert_eq!(built[2].last().unwrap(), "2020年4月29日");
    // Every issued line, with line-end punctuation hanging as Word sets it.
    assert_eq!(
        matched, total,
        "only {pct:.1}% of the issued lines reproduced"
    );
}

#[test]
fn lcs_counts_lines_in_order() {
    let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    assert_eq!(lcs(&s(&["a", "b", "c"]), &s(&["a", "x", "c"])), 2);
    assert_eq!(lcs(&s(&["a", "b"]), &s(&["b", "a"])), 1);
}
