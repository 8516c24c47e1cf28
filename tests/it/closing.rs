//! GB/T 9704 §7.3.5, §7.4 and §7.5 as a sweep: notices whose body grows one sentence at a time,
//! sealed and unsealed, with and without 附件说明, 附注 and 版记. For every one, read back with
//! `pdftotext -bbox`: the page holding the 成文日期 holds body text above it, no page is empty
//! (but the blank page §7.4 puts before a 版记), the 版记 lies at the foot of the last page, an even
//! one, and the pages are no more than the text needs.
//!
//! The suite builds a few steps of the sweep per configuration; `GONGWEN_SWEEP=all` builds every
//! step (scripts/sweep-closing.sh).

use std::path::Path;

use crate::bbox::{self, Line};
use crate::common::{gongwen, project, repo, stderr};

/// Characters of the generated body (none of them occurs in the head, closing or 版记).
const POOL: &str = "天地玄黄宇宙洪荒盈昃辰宿列张寒来暑往秋收冬藏闰余岁律吕调阳云腾致雨露结为霜金生丽水玉出昆冈剑巨阙珠称夜光果珍李柰菜重芥姜海咸河淡鳞潜羽翔";
/// Sentences in the longest body: about three pages.
const STEPS: usize = 44;
const DATE: &str = "2024年11月20日";
/// The bottom edge of the 版心: 37 mm margin and 225 mm of type area.
const TYPE_BOTTOM: f64 = 262.0;
/// The body's leading at 22 lines a page: 225 mm / 22 less the 三号 size (16 pt).
const LEADING: f64 = 225.0 / 22.0 - 16.0 * 25.4 / 72.0;

/// Sentence `i`: 9 to 40 characters with a comma, ending in a full stop.
fn sentence(i: usize) -> String {
    let pool: Vec<char> = POOL.chars().collect();
    let len = 9 + (i * 13) % 32;
    let mut s: Vec<char> = (0..len).map(|k| pool[(i * 7 + k) % pool.len()]).collect();
    s.insert(len / 2, '，');
    s.push('。');
    s.into_iter().collect()
}

/// The first `n` sentences in paragraphs of one to three sentences, a heading after the first.
fn body(n: usize) -> String {
    let mut out = String::new();
    let mut in_par = 0;
    let mut pars = 0;
    for i in 0..n {
        out.push_str(&sentence(i));
        in_par += 1;
        // Paragraphs of 1, 2, 3, 1, 2, 3 … sentences.
        if in_par == 1 + pars % 3 || i + 1 == n {
            out.push_str("\n\n");
            if i == 0 && n > 1 {
                out.push_str("## 工作要求\n\n");
            }
            in_par = 0;
            pars += 1;
        }
    }
    out
}

#[derive(Clone, Copy, Debug)]
struct Case {
    sealed: bool,
    attachment: bool,
    note: bool,
    colophon: bool,
}

fn cases() -> Vec<Case> {
    (0..16)
        .map(|k| Case {
            sealed: k & 1 == 0,
            attachment: k & 2 != 0,
            note: k & 4 != 0,
            colophon: k & 8 != 0,
        })
        .collect()
}

fn notice(number: usize, case: Case, sentences: usize) -> String {
    let mut front = format!(
        "number: 某府办发〔2024〕{number}号\ntitle: 某某区人民政府办公室关于做好年度工作总结的通知\nto: 各镇街，区级各部门\ndate: 2024-11-20\n"
    );
    if !case.sealed {
        front.push_str("sealed: false\n");
    }
    if case.attachment {
        front.push_str("attachments: [attachments/a.md]\n");
    }
    if case.note {
        front.push_str("note: （此件公开发布）\n");
    }
    if case.colophon {
        front.push_str("cc: 区委办公室，区人大常委会办公室\nprinted_by: 某某区人民政府办公室\nprinted_date: 2024-11-21\n");
    }
    format!("---\n{front}---\n{}", body(sentences))
}

/// Which steps this run builds: all, or three per configuration spread over the range.
fn steps(case_index: usize) -> Vec<usize> {
    if std::env::var("GONGWEN_SWEEP").is_ok_and(|v| v == "all") {
        (1..=STEPS).collect()
    } else {
        (0..3)
            .map(|k| 1 + (case_index * 5 + k * 15) % STEPS)
            .collect()
    }
}

#[test]
fn the_closing_never_stands_alone_and_the_colophon_ends_an_even_page() {
    let mut files: Vec<(String, String)> = vec![(
        "attachments/a.md".to_string(),
        "---\ntitle: 工作总结提纲\n---\n正文。\n".to_string(),
    )];
    let mut built = Vec::new();
    for (ci, case) in cases().into_iter().enumerate() {
        for n in steps(ci) {
            let number = files.len();
            files.push((format!("notices/n{number}.md"), notice(number, case, n)));
            built.push((number, case, n));
        }
    }
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let p = project(&refs);
    std::fs::remove_file(p.path().join("content/notices/a.md")).unwrap();
    let o = gongwen(p.path(), &["build", "--no-site"]);
    assert!(o.status.success(), "{}", stderr(&o));
    for (number, case, n) in built {
        let pdf = p
            .path()
            .join(format!("out/pdf/某府办发〔2024〕{number}号.pdf"));
        let what = format!("{case:?} with {n} sentences ({})", pdf.display());
        check_notice(&bbox::pages(&pdf), case, &what);
    }
}

fn is_body(l: &Line) -> bool {
    l.text().chars().any(|c| POOL.contains(c))
}

fn is_colophon(l: &Line) -> bool {
    let t = l.text();
    t.contains("抄送") || t.contains("印发")
}

fn numbered(page: &[Line]) -> bool {
    page.iter().any(|l| bbox::is_page_number(&l.text()))
}

fn check_notice(pages: &[Vec<Line>], case: Case, what: &str) {
    let date_page = pages
        .iter()
        .position(|p| p.iter().any(|l| l.text() == DATE))
        .unwrap_or_else(|| panic!("{what}: no 成文日期"));
    let date = pages[date_page].iter().find(|l| l.text() == DATE).unwrap();
    // §7.3.5: the 署名 and 成文日期 stay with the body.
    assert!(
        pages[date_page]
            .iter()
            .any(|l| is_body(l) && l.bottom() < date.top()),
        "{what}: page {} holds the 成文日期 without body text above it",
        date_page + 1
    );
    if case.note {
        assert!(
            pages[date_page]
                .iter()
                .any(|l| l.text() == "（此件公开发布）" && l.top() > date.bottom()),
            "{what}: the 附注 is not below the 成文日期"
        );
    }
    check_pages(pages, case, what);
    check_needed(pages, date_page, case, what);
}

/// No empty page but the one §7.4 puts before the 版记; the 版记 at the foot of the last page,
/// an even one; numbers on every page but that blank one and the 版记 page after it (§7.5).
fn check_pages(pages: &[Vec<Line>], case: Case, what: &str) {
    let last = pages.len() - 1;
    for (i, page) in pages.iter().enumerate() {
        if page.is_empty() {
            assert!(
                case.colophon && i + 1 == last,
                "{what}: page {} is empty",
                i + 1
            );
            assert!(
                !numbered(&pages[last]),
                "{what}: the 版记 page after a blank page is numbered"
            );
        } else if !(case.colophon && i == last && i > 0 && pages[i - 1].is_empty()) {
            assert!(numbered(page), "{what}: page {} has no number", i + 1);
        }
    }
    let colophon: Vec<(usize, &Line)> = pages
        .iter()
        .enumerate()
        .flat_map(|(i, p)| p.iter().filter(|l| is_colophon(l)).map(move |l| (i, l)))
        .collect();
    if !case.colophon {
        assert!(colophon.is_empty(), "{what}: a 版记 nobody asked for");
        return;
    }
    assert!(
        colophon.iter().all(|(i, _)| *i == last),
        "{what}: the 版记 is not on the last page"
    );
    assert!(
        (last + 1).is_multiple_of(2),
        "{what}: the 版记 is on page {}, an odd page",
        last + 1
    );
    let printed = colophon
        .iter()
        .find(|(_, l)| l.text().contains("印发"))
        .unwrap()
        .1;
    let lowest = pages[last]
        .iter()
        .filter(|l| !bbox::is_page_number(&l.text()))
        .map(Line::bottom)
        .fold(0.0, f64::max);
    assert!(
        printed.bottom() >= lowest - 0.1 && printed.bottom() > TYPE_BOTTOM - 12.0,
        "{what}: the 版记 is not at the foot of the page ({:.1} mm)",
        printed.bottom()
    );
}

/// No more pages than the text needs: body lines carried to the 成文日期's page went because the
/// closing did not fit below the page before (at the standard leading), and nothing but
/// attachments and the 版记 follows that page.
fn check_needed(pages: &[Vec<Line>], date_page: usize, case: Case, what: &str) {
    let here = &pages[date_page];
    let body_here: Vec<&Line> = here.iter().filter(|l| is_body(l)).collect();
    let first_body_page = pages.iter().position(|p| p.iter().any(is_body)).unwrap();
    if date_page > first_body_page && body_here.len() <= 4 {
        let before = &pages[date_page - 1];
        let free = TYPE_BOTTOM
            - before
                .iter()
                .filter(|l| !bbox::is_page_number(&l.text()))
                .map(Line::bottom)
                .fold(0.0, f64::max);
        let closing = here
            .iter()
            .filter(|l| !bbox::is_page_number(&l.text()) && !is_colophon(l))
            .map(Line::bottom)
            .fold(0.0, f64::max)
            - body_here[0].top();
        // The carried lines would have needed a leading above them too.
        assert!(
            closing + LEADING > free - 0.3,
            "{what}: {} body lines were carried to page {} though {closing:.1} mm fit in the {free:.1} mm left on the page before",
            body_here.len(),
            date_page + 1
        );
    }
    let after = (date_page + 1..pages.len())
        .filter(|&i| {
            pages[i]
                .iter()
                .any(|l| !bbox::is_page_number(&l.text()) && !is_colophon(l))
        })
        .count();
    assert_eq!(
        after,
        usize::from(case.attachment),
        "{what}: pages after the 成文日期 hold more than the attachment"
    );
}

/// Every document of the bundled example (notice, unit summaries, the year report with a chapter
/// per unit): a page holding a closing's date holds body text above it.
#[test]
fn no_page_of_the_example_holds_only_a_signature() {
    let out = tempfile::tempdir().unwrap();
    let o = gongwen(
        &repo(),
        &["build", "--no-site", "--out", out.path().to_str().unwrap()],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let pdfs: Vec<_> = crate::common::files_below(&out.path().join("pdf"))
        .into_iter()
        .filter(|f| f.extension().is_some_and(|e| e == "pdf"))
        .collect();
    assert!(pdfs.len() >= 5, "{pdfs:?}");
    for f in pdfs {
        check_signatures(&out.path().join("pdf").join(&f));
    }
}

/// A closing's date (a line of its own right of the centre, `2020年4月29日`) has a body line
/// (one starting at the left margin) above it on its page.
fn check_signatures(pdf: &Path) {
    let date = |t: &str| {
        let t = t.trim();
        t.ends_with('日') && t.contains('年') && t.contains('月') && t.chars().count() <= 11
    };
    for (i, page) in bbox::pages(pdf).iter().enumerate() {
        for l in page.iter().filter(|l| date(&l.text()) && l.x0() > 105.0) {
            assert!(
                page.iter().any(|b| b.bottom() < l.top() && b.x0() < 50.0),
                "{}: page {} holds the date {} with no body text above it",
                pdf.display(),
                i + 1,
                l.text()
            );
        }
    }
}
