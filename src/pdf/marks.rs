//! Full-width marks of running text as calls to the layout library (gongwen.typ `mp`, `mq`, `mh`
//! on the 28-character grid, `th` in tables), each mark its own string literal.
//!
//! Word and WPS set Chinese text so: two adjacent marks take one 字 together on the grid
//! (标点挤压), and a closing mark at a line end may hang into the margin when that lets the line
//! keep one more character (允许标点溢出边界, on by default in Chinese layouts; W3C clreq's
//! line-end adjustment). Typst has neither, so those marks become calls here. A mark keeps its own
//! literal so that its glyph's span leads back to it: the refit pass (`refit.rs`) turns a hanging
//! `mh` into an inline `mc` where the mark fitted in the line's last cell. Marks Typst sets as
//! Word does (an opening mark, a closing one before another closing one) stay plain text.

use crate::pdf::escape::push_string;

/// Marks after which a line may not start (they close something).
const CLOSING: &str = "，。、；：！？”’》）〕】」』";
/// Marks before which a line may not end.
const OPENING: &str = "“‘《（〔【「『";

pub(crate) fn is_closing(c: char) -> bool {
    CLOSING.contains(c)
}

pub(crate) fn is_mark(c: char) -> bool {
    is_closing(c) || OPENING.contains(c)
}

/// Where text is set: on the body's 28-character grid, or in a table cell (marks at full width).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Measure {
    Grid,
    Table,
}

/// `s` as Typst markup (a run of `#"…"` literals and mark calls) inside a content block `[…]`.
pub(crate) fn content(s: &str, measure: Measure) -> String {
    let mut out = String::from("[");
    push(&mut out, s, measure, false);
    out.push(']');
    out
}

/// Builds the markup: plain text gathers into literals, marks that need it become calls.
struct Emitter<'a> {
    out: &'a mut String,
    text: String,
    /// Whether the glyph set last ended a text run without anything making up for its tracking
    /// (a call starts a new text run, so the text before it loses its tracking).
    lost: bool,
}

impl Emitter<'_> {
    fn text(&mut self, c: char) {
        self.text.push(c);
        self.lost = true;
    }

    fn call(&mut self, name: &str, args: &str, mark: char) {
        if !self.text.is_empty() {
            self.out.push('#');
            push_string(self.out, &self.text);
            self.text.clear();
        }
        self.out.push('#');
        self.out.push_str(name);
        self.out.push_str(args);
        self.out.push_str("[#");
        push_string(self.out, &mark.to_string());
        self.out.push(']');
        self.lost = false;
    }

    /// Trackings to make up for: the lost one, if any, plus `own`.
    fn k(&self, own: f64) -> f64 {
        own + if self.lost { 1.0 } else { 0.0 }
    }

    fn finish(self, empty: bool) {
        if !self.text.is_empty() || empty {
            self.out.push('#');
            push_string(self.out, &self.text);
        }
    }
}

/// Appends `s` as Typst markup. `after_text`: a glyph was set just before `s` in the same line.
pub(crate) fn push(out: &mut String, s: &str, measure: Measure, after_text: bool) {
    let chars: Vec<char> = s.chars().collect();
    let mut e = Emitter {
        out,
        text: String::new(),
        lost: after_text,
    };
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        // A closing mark may hang where a line may break after it.
        let hangs = |at: usize| chars.get(at + 1).is_none_or(|&n| !is_closing(n));
        let paired = measure == Measure::Grid && chars.get(i + 1).is_some_and(|&n| is_mark(n));
        if !is_mark(c) {
            e.text(c);
        } else if paired {
            let b = chars[i + 1];
            // The text before the pair lost its tracking when `mp` began a run of its own: the
            // second mark makes up for it, with its own.
            let k = e.k(1.0);
            e.call("mp", "", c);
            if is_closing(b) && hangs(i + 1) {
                e.call("mh", &format!("(0.5, {k})"), b);
            } else {
                e.call("mq", &format!("({k})"), b);
            }
            i += 1;
        } else if is_closing(c) && hangs(i) {
            match measure {
                Measure::Grid => {
                    let k = e.k(1.0);
                    e.call("mh", &format!("(1, {k})"), c);
                }
                Measure::Table => e.call("th", "", c),
            }
        } else {
            e.text(c);
        }
        i += 1;
    }
    e.finish(s.is_empty());
}

/// The inline counterpart of a hanging mark call (same length, so source offsets stay put).
pub(crate) fn inline_name(hanging: &str) -> Option<&'static str> {
    match hanging {
        "mh" => Some("mc"),
        "th" => Some("tc"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_without_marks_is_one_literal() {
        assert_eq!(content("通知如下", Measure::Grid), r##"[#"通知如下"]"##);
        assert_eq!(content("", Measure::Grid), r##"[#""]"##);
    }

    #[test]
    fn a_closing_mark_may_hang_and_carries_the_lost_tracking() {
        assert_eq!(
            content("甲，乙", Measure::Grid),
            r##"[#"甲"#mh(1, 2)[#"，"]#"乙"]"##
        );
        // An opening mark is set by Typst as Word sets it.
        assert_eq!(
            content("按照《通知》", Measure::Grid)
                .matches("#mh")
                .count(),
            1
        );
        assert!(content("按照《通知》", Measure::Grid).starts_with(r##"[#"按照《通知""##));
    }

    #[test]
    fn adjacent_marks_pair_up_on_the_grid_and_a_closing_second_one_hangs() {
        assert_eq!(
            content("件），我", Measure::Grid),
            r##"[#"件"#mp[#"）"]#mh(0.5, 2)[#"，"]#"我"]"##
        );
        assert_eq!(
            content("知》（渝", Measure::Grid),
            r##"[#"知"#mp[#"》"]#mq(2)[#"（"]#"渝"]"##
        );
        // Three marks: a pair (its second one followed by a closing mark cannot hang) and one.
        assert_eq!(
            content("）。”", Measure::Grid),
            r##"[#mp[#"）"]#mq(1)[#"。"]#mh(1, 1)[#"”"]]"##
        );
    }

    #[test]
    fn tables_keep_marks_full_width_and_let_the_last_hang() {
        assert_eq!(
            content("深化“放管服”、", Measure::Table),
            r##"[#"深化“放管服”"#th[#"、"]]"##
        );
    }

    #[test]
    fn marks_stay_string_literals() {
        // Untrusted text around marks is still only ever a string literal.
        assert_eq!(
            content("#x\"，", Measure::Grid),
            r##"[#"#x\""#mh(1, 2)[#"，"]]"##
        );
    }
}
