//! The outline of a body: headings numbered 一、 → （一） → 1. → （1） (GB/T 9704 §7.3.3), written
//! in the right form, at the level their Markdown gives them, without a level skipped, in
//! sequence under each higher heading, and none left empty. Paragraphs that start with a number
//! of their own (run-in headings, as in documents pasted from Word) are part of the outline.

use crate::check::proofread::catalog::{Hit, Rule};
use crate::i18n::t;
use crate::rules::numbering::heading_number;
use crate::text::Part;

/// A heading number as written: its level by form, its value, its length in bytes, and the right
/// form when it is written wrong (一. → 一、).
#[derive(Debug, PartialEq)]
struct Number {
    level: u8,
    value: usize,
    len: usize,
    right: Option<String>,
}

const CN: &str = "零一二三四五六七八九十百";

fn cn_value(s: &str) -> usize {
    let (mut total, mut digit) = (0, 0);
    for c in s.chars() {
        match c {
            '十' => {
                total += digit.max(1) * 10;
                digit = 0;
            }
            '百' => {
                total += digit.max(1) * 100;
                digit = 0;
            }
            _ => digit = CN.chars().position(|d| d == c).unwrap_or(0),
        }
    }
    total + digit
}

/// The number a heading or paragraph starts with, if any.
fn own_number(text: &str) -> Option<Number> {
    let take = |s: &str, f: fn(char) -> bool| -> usize {
        s.chars().take_while(|c| f(*c)).map(char::len_utf8).sum()
    };
    let is_cn = |c: char| CN.contains(c);
    let cn = take(text, is_cn);
    if cn > 0 {
        let value = cn_value(&text[..cn]);
        let after = text[cn..].chars().next()?;
        let right = format!("{}、", &text[..cn]);
        return match after {
            '、' => Some(Number {
                level: 1,
                value,
                len: cn + 3,
                right: None,
            }),
            '.' | '．' => Some(Number {
                level: 1,
                value,
                len: cn + after.len_utf8(),
                right: Some(right),
            }),
            _ => None,
        };
    }
    let Some(open) = text.chars().next().filter(|c| *c == '（' || *c == '(') else {
        return arabic(text);
    };
    let open = open.len_utf8();
    let rest = &text[open..];
    let (inner, level) = match take(rest, is_cn) {
        0 => (take(rest, |c| c.is_ascii_digit()).min(3), 4),
        n => (n, 2),
    };
    let close = rest[inner..]
        .chars()
        .next()
        .filter(|c| *c == '）' || *c == ')');
    let (Some(close), true) = (close, inner > 0) else {
        return arabic(text);
    };
    let digits = &rest[..inner];
    let value = if level == 2 {
        cn_value(digits)
    } else {
        digits.parse().ok()?
    };
    let mut len = open + inner + close.len_utf8();
    let extra = text[len..].chars().next().filter(|c| "、.．".contains(*c));
    len += extra.map_or(0, char::len_utf8);
    let wrong = open == 1 || close == ')' || extra.is_some();
    let right = wrong.then(|| format!("（{digits}）"));
    Some(Number {
        level,
        value,
        len,
        right,
    })
}

/// 1. (level 3), or 1、 written for it.
fn arabic(text: &str) -> Option<Number> {
    let n: usize = text.chars().take_while(char::is_ascii_digit).count();
    if n == 0 || n > 2 {
        return None;
    }
    let mut rest = text[n..].chars();
    let mark = rest.next()?;
    let next = rest.next();
    let value = text[..n].parse().ok()?;
    match mark {
        '.' | '．' if next.is_some_and(|c| !c.is_ascii_digit()) => Some(Number {
            level: 3,
            value,
            len: n + mark.len_utf8(),
            right: None,
        }),
        '、' => Some(Number {
            level: 3,
            value,
            len: n + 3,
            right: Some(format!("{}.", &text[..n])),
        }),
        _ => None,
    }
}

/// The outline's state: how many items each level has had under the current higher ones.
#[derive(Default)]
struct Outline {
    counters: [usize; 4],
    top: Option<u8>,
    hits: Vec<(usize, Hit)>,
}

impl Outline {
    /// An item of `level` at run `at`, with the number written (None: gongwen numbers it).
    fn item(&mut self, at: usize, level: u8, number: Option<&Number>) {
        let l = usize::from(level) - 1;
        let span = 0..number.map_or(0, |n| n.len);
        if let Some(top) = self.top
            && self.counters[l] == 0
            && let Some(missing) = (usize::from(top) - 1..l).find(|&k| self.counters[k] == 0)
        {
            let parent = (0..l).rev().find(|&k| self.counters[k] > 0).unwrap_or(0);
            self.hits.push((
                at,
                Hit::new(
                    Rule::HeadingSkip,
                    span.clone(),
                    t!(
                        "pr-heading-skip",
                        heading = heading_number(level, 1),
                        parent = heading_number(parent as u8 + 1, self.counters[parent]),
                        missing = heading_number(missing as u8 + 1, 1),
                    ),
                    t!("pr-heading-skip-help"),
                ),
            ));
        }
        self.top = Some(self.top.map_or(level, |t| t.min(level)));
        let expected = self.counters[l] + 1;
        let value = number.map_or(expected, |n| n.value);
        if value != expected {
            let message = if value > expected {
                t!(
                    "pr-heading-skips",
                    number = heading_number(level, value),
                    skipped = heading_number(level, expected)
                )
            } else {
                t!(
                    "pr-heading-again",
                    number = heading_number(level, value),
                    previous = heading_number(level, expected - 1)
                )
            };
            self.hits.push((
                at,
                Hit::new(
                    Rule::HeadingSequence,
                    span,
                    message,
                    t!(
                        "pr-heading-order-help",
                        expected = heading_number(level, expected)
                    ),
                ),
            ));
        }
        self.counters[l] = value;
        for c in &mut self.counters[l + 1..] {
            *c = 0;
        }
    }
}

/// Checks the outline of one body, given its runs in order; hits are (run index, hit).
pub(crate) fn check(body: &[(Part, &str)]) -> Vec<(usize, Hit)> {
    let mut outline = Outline::default();
    let mut open_heading: Option<(usize, u8)> = None;
    for (at, &(part, text)) in body.iter().enumerate() {
        let number = own_number(text);
        if let Some(n) = &number
            && matches!(part, Part::Heading(_) | Part::Para)
            && let Some(right) = &n.right
        {
            outline.hits.push((
                at,
                Hit::new(
                    Rule::HeadingForm,
                    0..n.len,
                    t!("pr-heading-form", written = &text[..n.len]),
                    t!("pr-heading-form-help", right = right.as_str()),
                )
                .fix(right.clone()),
            ));
        }
        match part {
            Part::Heading(level) => {
                empty_before(&mut outline, &mut open_heading, body, Some(level));
                open_heading = Some((at, level));
                let fits = number.as_ref().filter(|n| n.level == level);
                if let Some(n) = number.as_ref().filter(|n| n.level != level) {
                    outline.hits.push((at, level_mismatch(level, n, text)));
                }
                outline.item(at, level, fits);
            }
            Part::Para => {
                open_heading = None;
                if let Some(n) = &number {
                    outline.item(at, n.level, Some(n));
                }
            }
            _ => open_heading = None,
        }
    }
    empty_before(&mut outline, &mut open_heading, body, None);
    outline.hits
}

fn level_mismatch(level: u8, n: &Number, text: &str) -> Hit {
    Hit::new(
        Rule::HeadingLevel,
        0..n.len,
        t!(
            "pr-heading-level",
            marks = "#".repeat(usize::from(level) + 1),
            level = heading_number(level, 1),
            written = &text[..n.len]
        ),
        t!(
            "pr-heading-level-help",
            marks = "#".repeat(usize::from(n.level) + 1),
            level = heading_number(n.level, 1)
        ),
    )
}

/// The open heading is empty when the next heading is of its level or higher (or the body ends).
fn empty_before(
    outline: &mut Outline,
    open: &mut Option<(usize, u8)>,
    body: &[(Part, &str)],
    next: Option<u8>,
) {
    if let Some((at, level)) = *open
        && next.is_none_or(|n| n <= level)
    {
        outline.hits.push((
            at,
            Hit::new(
                Rule::EmptySection,
                0..body[at].1.len(),
                t!("pr-empty-section", heading = body[at].1),
                t!("pr-empty-section-help"),
            ),
        ));
    }
    *open = None;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules(body: &[(Part, &str)]) -> Vec<(usize, &'static str, Option<String>)> {
        check(body)
            .into_iter()
            .map(|(at, h)| (at, h.rule.name(), h.fix))
            .collect()
    }

    const H1: Part = Part::Heading(1);
    const H2: Part = Part::Heading(2);
    const P: Part = Part::Para;

    #[test]
    fn numbers_as_written() {
        assert_eq!(
            own_number("三、甲").map(|n| (n.level, n.value)),
            Some((1, 3))
        );
        assert_eq!(own_number("十二、甲").map(|n| n.value), Some(12));
        assert_eq!(own_number("（二十一）甲").map(|n| n.value), Some(21));
        assert_eq!(
            own_number("（3）甲").map(|n| (n.level, n.value)),
            Some((4, 3))
        );
        assert_eq!(
            own_number("12.甲").map(|n| (n.level, n.value)),
            Some((3, 12))
        );
        assert_eq!(
            own_number("一.甲").and_then(|n| n.right),
            Some("一、".into())
        );
        assert_eq!(
            own_number("（一）、甲").and_then(|n| n.right),
            Some("（一）".into())
        );
        assert_eq!(
            own_number("(1)甲").and_then(|n| n.right),
            Some("（1）".into())
        );
        assert_eq!(own_number("2、甲").and_then(|n| n.right), Some("2.".into()));
        for s in [
            "一体化推进",
            "2020年工作",
            "1.5亿元",
            "十分重要",
            "（试行）",
            "（2020）",
        ] {
            assert_eq!(own_number(s), None, "{s}");
        }
    }

    #[test]
    fn generated_and_hand_numbers_in_order_pass() {
        let body = [
            (P, "导语。"),
            (H1, "总体要求"),
            (P, "正文。"),
            (H1, "二、主要任务"),
            (H2, "（一）加强领导"),
            (P, "1.明确责任。"),
            (P, "2.强化督查。"),
            (H2, "完善机制"),
            (P, "1.建立台账。"),
            (Part::Other, "（1）列表里的不算"),
        ];
        assert_eq!(rules(&body), []);
    }

    #[test]
    fn wrong_forms_levels_skips_gaps_and_repeats() {
        let body = [
            (H1, "一.总体要求"),
            (P, "正文。"),
            (Part::Heading(2), "三、错级"),
            (P, "正文。"),
            (H1, "二、主要任务"),
            (P, "1.跳过了（一）。"),
            (P, "3.缺了2。"),
            (P, "3.又是3。"),
        ];
        assert_eq!(
            rules(&body),
            [
                (0, "heading-form", Some("一、".to_string())),
                (2, "heading-level", None),
                (5, "heading-skip", None),
                (6, "heading-sequence", None),
                (7, "heading-sequence", None),
            ]
        );
    }

    #[test]
    fn a_numbering_that_does_not_restart_under_a_new_heading() {
        let body = [
            (H1, "一、甲"),
            (H2, "（一）子"),
            (P, "正文。"),
            (H1, "二、乙"),
            (H2, "（二）丑"),
            (P, "正文。"),
        ];
        assert_eq!(rules(&body), [(4, "heading-sequence", None)]);
    }

    #[test]
    fn empty_sections() {
        let body = [
            (H1, "总体要求"),
            (H1, "主要任务"),
            (H2, "加强领导"),
            (P, "正文。"),
            (H2, "完善机制"),
        ];
        assert_eq!(
            rules(&body),
            [(0, "empty-section", None), (4, "empty-section", None)]
        );
    }
}
