//! Line-end punctuation as Word and WPS set it (允许标点溢出边界, on by default in Chinese layouts;
//! W3C clreq line-end adjustment), asserted as a rule on a paragraph of our own rather than on the
//! seed: every line of it ends at a mark, in each of the situations a 28-character line meets.
//!
//! - a closing mark after a full line hangs into the margin, so the line keeps it;
//! - a closing mark that fits in the line's last cell stays inside;
//! - two adjacent marks take one cell together (标点挤压), at a line end too;
//! - an opening mark never ends a line, a closing one never starts one.

use crate::bbox::{self, Line};
use crate::common::{gongwen, project, stderr};

/// Characters without marks, none of them in the notice's head or date.
const POOL: &str = "春夏秋冬东西南北山川河海星辰风雨雷电江湖草木花果鸟兽虫鱼金银铜铁松竹";
/// The body grid: 28 characters on 156 mm, the first line of a paragraph indented two.
const TYPE_WIDTH: f64 = 156.0;
/// One cell of the grid: a 三号 character, 16 pt.
const CELL: f64 = 16.0 * bbox::MM;

fn run(n: usize, from: usize) -> String {
    let pool: Vec<char> = POOL.chars().collect();
    (0..n).map(|k| pool[(from + k) % pool.len()]).collect()
}

/// The paragraph's lines as Word breaks them, and whether each line's last mark hangs.
fn lines() -> Vec<(String, bool)> {
    vec![
        // After the two-character indent: 26 cells, then a comma that hangs.
        (format!("{}，", run(26, 0)), true),
        // 27 characters and a full stop in the 28th cell.
        (format!("{}。", run(27, 3)), false),
        // 28 characters and a 、 that hangs.
        (format!("{}、", run(28, 6)), true),
        // A pair at the line end: ）； take one cell, so the line holds 28 cells exactly.
        (format!("{}（{}）；", run(21, 9), run(5, 12)), false),
        // 27 characters: the opening quote that would be the 28th goes to the next line.
        (run(27, 15), false),
        (format!("“{}”，", run(26, 18)), false),
        // The paragraph's last line: 28 characters and a hanging full stop.
        (format!("{}。", run(28, 21)), true),
    ]
}

/// The paragraph as one text: the next line's opening quote follows the 27 characters.
fn paragraph() -> String {
    lines().into_iter().map(|(l, _)| l).collect()
}

#[test]
fn line_end_marks_hang_or_stay_inside_as_word_sets_them() {
    let notice = format!(
        "---\nnumber: 某府办发〔2024〕9号\ntitle: 某某区人民政府办公室关于标点的通知\nto: 各镇街\ndate: 2024-11-20\nsealed: false\n---\n{}\n",
        paragraph()
    );
    let p = project(&[("notices/a.md", &notice)]);
    let o = gongwen(p.path(), &["build", "--no-site"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let pdf = p.path().join("out/pdf/某府办发〔2024〕9号.pdf");
    // The signature may carry the last line to page 2 (§7.3.5); lines are read on every page.
    let pages = bbox::pages(&pdf);
    let is_ours = |l: &&Line| l.text().chars().any(|c| POOL.contains(c));
    let got: Vec<&Line> = pages.iter().flatten().filter(is_ours).collect();
    let want = lines();
    let texts: Vec<String> = got.iter().map(|l| l.text()).collect();
    let want_texts: Vec<&str> = want.iter().map(|(l, _)| l.as_str()).collect();
    assert_eq!(texts, want_texts, "the lines as Word breaks them");

    // The left edge of the grid: where the lines after the first start.
    let left = got[1].x0();
    let right = left + TYPE_WIDTH;
    for (line, (text, hangs)) in got.iter().zip(&want) {
        let end = line.x1();
        let last = text.chars().last().unwrap();
        if *hangs {
            // The mark's box begins at the edge and reaches into the margin.
            assert!(
                end > right + 2.0,
                "{text}: the {last} does not hang ({end:.1} mm, edge {right:.1} mm)"
            );
        } else {
            // pdftotext boxes a half-wide mark (标点挤压) at the font's full width: a pair ending the
            // line reaches half a cell past the edge on paper though the ink stays inside.
            let pair = text
                .chars()
                .rev()
                .take(2)
                .all(|c| "，。、；：”’）》".contains(c));
            let slack = if pair { CELL / 2.0 } else { 0.0 };
            assert!(
                end < right + slack + 0.5,
                "{text}: the line reaches {end:.1} mm, past the edge at {right:.1} mm"
            );
        }
        // Every line but the paragraph's last fills the measure.
        assert!(end > right - 0.5, "{text}: ends short at {end:.1} mm");
    }
}
