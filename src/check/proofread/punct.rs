//! Punctuation by GB/T 15834: full-width marks in Chinese text, curly quotes, pairs that close,
//! quotes nested “‘…’”, no 、 before 等, no two stops in a row, no stop at the end of a title,
//! and the 破折号 as two dashes (——).

use crate::check::proofread::catalog::{Hit, Rule};
use crate::i18n::t;
use crate::text::{is_ideograph, is_wide};

type Chars = [(usize, char)];

fn char_at(chars: &Chars, i: Option<usize>) -> Option<char> {
    i.and_then(|i| chars.get(i)).map(|c| c.1)
}

fn end_of(chars: &Chars, i: usize, text: &str) -> usize {
    chars.get(i + 1).map_or(text.len(), |c| c.0)
}

/// Closing marks of Chinese text, after which a half-width mark is still in Chinese text.
fn chinese_before(c: Option<char>) -> bool {
    c.is_some_and(|c| is_ideograph(c) || "）》”’】〕」』".contains(c))
}

fn full_width(c: char) -> char {
    match c {
        ',' => '，',
        '.' => '。',
        ';' => '；',
        ':' => '：',
        '?' => '？',
        '!' => '！',
        '(' => '（',
        _ => '）',
    }
}

/// Half-width , . ; : ? ! ( ) in Chinese text.
pub(crate) fn half_width(text: &str, out: &mut Vec<Hit>) {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut paired = Vec::new();
    for (i, &(at, c)) in chars.iter().enumerate() {
        let prev = char_at(&chars, i.checked_sub(1));
        let next = char_at(&chars, Some(i + 1));
        let hit = match c {
            ',' | ';' | '?' | '!' | ':' => chinese_before(prev),
            // 一. at the start is a heading number written wrong: heading-form's.
            '.' if chars[..i].iter().all(|x| is_numeral(x.1)) => false,
            '.' => {
                prev.is_some_and(is_ideograph)
                    && next.is_none_or(|n| is_ideograph(n) || n.is_whitespace())
            }
            '(' => {
                let close = chars[i..].iter().position(|x| x.1 == ')').map(|p| i + p);
                let inner: String = chars[i + 1..close.unwrap_or(i + 1)]
                    .iter()
                    .map(|x| x.1)
                    .collect();
                let after = close.and_then(|j| char_at(&chars, Some(j + 1)));
                // A heading's own number at the start, (一) or (1), is the heading rule's.
                let number = i == 0 && !inner.is_empty() && inner.chars().all(is_numeral);
                let chinese = inner.chars().any(is_ideograph)
                    || (prev.is_some_and(is_ideograph) && after.is_some_and(is_ideograph));
                let hit = close.is_some() && chinese && !number;
                if hit {
                    paired.extend(close);
                }
                hit || (close.is_none()
                    && (prev.is_some_and(is_ideograph) || next.is_some_and(is_ideograph)))
            }
            ')' => paired.contains(&i),
            _ => false,
        };
        if hit {
            let wide = full_width(c);
            out.push(
                Hit::new(
                    Rule::HalfWidthPunct,
                    at..at + 1,
                    t!("pr-half-width", mark = c.to_string()),
                    t!("pr-half-width-help", wide = wide.to_string()),
                )
                .fix(wide.to_string()),
            );
        }
    }
}

fn is_numeral(c: char) -> bool {
    c.is_ascii_digit() || "一二三四五六七八九十百零".contains(c)
}

/// Straight quotes " and ' next to Chinese text; the fix opens and closes in turn.
pub(crate) fn straight_quotes(text: &str, out: &mut Vec<Hit>) {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let (mut doubles, mut singles) = (0, 0);
    for (i, &(at, c)) in chars.iter().enumerate() {
        let count = match c {
            '"' => &mut doubles,
            '\'' => &mut singles,
            _ => continue,
        };
        let open = *count % 2 == 0;
        *count += 1;
        let prev = char_at(&chars, i.checked_sub(1));
        let next = char_at(&chars, Some(i + 1));
        if !(prev.is_some_and(is_wide) || next.is_some_and(is_wide)) {
            continue;
        }
        let curly = match (c, open) {
            ('"', true) => '“',
            ('"', false) => '”',
            (_, true) => '‘',
            _ => '’',
        };
        out.push(
            Hit::new(
                Rule::StraightQuote,
                at..at + 1,
                t!("pr-straight-quote", mark = c.to_string()),
                t!("pr-straight-quote-help", curly = curly.to_string()),
            )
            .fix(curly.to_string()),
        );
    }
}

const PAIRS: [(char, char); 8] = [
    ('“', '”'),
    ('‘', '’'),
    ('《', '》'),
    ('（', '）'),
    ('〔', '〕'),
    ('【', '】'),
    ('「', '」'),
    ('『', '』'),
];

/// Quotes and brackets that do not close (or close what was not opened), and quotes nested in
/// the wrong order: “ outside, ‘ inside.
pub(crate) fn pairs(text: &str, out: &mut Vec<Hit>) {
    let mut open: Vec<(usize, char)> = Vec::new();
    for (at, c) in text.char_indices() {
        if let Some(&(_, close)) = PAIRS.iter().find(|p| p.0 == c) {
            nesting(&open, at, c, out);
            open.push((at, close));
        } else if PAIRS.iter().any(|p| p.1 == c) {
            match open.iter().rposition(|o| o.1 == c) {
                Some(k) => {
                    for (at, close) in open.drain(k..).skip(1) {
                        unclosed(text, at, close, out);
                    }
                }
                None => {
                    let opener = PAIRS.iter().find(|p| p.1 == c).map_or(c, |p| p.0);
                    out.push(Hit::new(
                        Rule::Unbalanced,
                        at..at + c.len_utf8(),
                        t!(
                            "pr-unopened",
                            mark = c.to_string(),
                            opener = opener.to_string()
                        ),
                        t!(
                            "pr-unopened-help",
                            mark = c.to_string(),
                            opener = opener.to_string()
                        ),
                    ));
                }
            }
        }
    }
    for (at, close) in open {
        unclosed(text, at, close, out);
    }
}

fn unclosed(text: &str, at: usize, close: char, out: &mut Vec<Hit>) {
    let c = text[at..].chars().next().unwrap_or(close);
    out.push(Hit::new(
        Rule::Unbalanced,
        at..at + c.len_utf8(),
        t!("pr-unclosed", mark = c.to_string()),
        t!(
            "pr-unclosed-help",
            mark = c.to_string(),
            close = close.to_string()
        ),
    ));
}

/// A quote opened where it may not be: ‘ outside any “, or “ directly inside “.
fn nesting(open: &[(usize, char)], at: usize, c: char, out: &mut Vec<Hit>) {
    let quote = open
        .iter()
        .rev()
        .find(|o| o.1 == '”' || o.1 == '’')
        .map(|o| o.1);
    let wrong = match c {
        '‘' => quote.is_none(),
        '“' => quote == Some('”'),
        _ => false,
    };
    if wrong {
        let (msg, help) = if c == '‘' {
            (t!("pr-single-outside"), t!("pr-single-outside-help"))
        } else {
            (t!("pr-double-inside"), t!("pr-double-inside-help"))
        };
        out.push(Hit::new(
            Rule::QuoteNesting,
            at..at + c.len_utf8(),
            msg,
            help,
        ));
    }
}

/// 、 before 等: the list ends at 等 without the enumeration comma.
pub(crate) fn comma_before_deng(text: &str, out: &mut Vec<Hit>) {
    for (at, _) in text.match_indices("、等") {
        out.push(
            Hit::new(
                Rule::CommaBeforeDeng,
                at..at + "、等".len(),
                t!("pr-comma-before-deng"),
                t!("pr-comma-before-deng-help"),
            )
            .fix("等"),
        );
    }
}

const STOPS: &str = "，、；：。";

/// Two stops in a row (，。 or 。。); ？！ together are allowed.
pub(crate) fn double_stop(text: &str, out: &mut Vec<Hit>) {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i + 1 < chars.len() {
        let (a, b) = (chars[i].1, chars[i + 1].1);
        let stop = |c: char| crate::text::one_of(c, STOPS);
        let mark = |c: char| stop(c) || c == '？' || c == '！';
        if mark(a) && mark(b) && (stop(a) || stop(b)) {
            let span = chars[i].0..end_of(&chars, i + 1, text);
            let mut hit = Hit::new(
                Rule::DoubleStop,
                span,
                t!("pr-double-stop", marks = format!("{a}{b}")),
                t!("pr-double-stop-help"),
            );
            if a == b {
                hit = hit.fix(a.to_string());
            }
            out.push(hit);
            i += 2;
        } else {
            i += 1;
        }
    }
}

/// A title or heading that ends with a stop.
pub(crate) fn title_stop(text: &str, out: &mut Vec<Hit>) {
    let trimmed = text.trim_end();
    if let Some(c) = trimmed.chars().last()
        && (STOPS.contains(c) || ",.;:".contains(c))
    {
        let at = trimmed.len() - c.len_utf8();
        out.push(
            Hit::new(
                Rule::TitleStop,
                at..trimmed.len(),
                t!("pr-title-stop", mark = c.to_string()),
                t!("pr-title-stop-help"),
            )
            .fix(""),
        );
    }
}

/// The 破折号 is two dashes: `--` or a lone `—` between Chinese words is one typed wrong.
pub(crate) fn dash(text: &str, out: &mut Vec<Hit>) {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let hyphen = |c: char| matches!(c, '-' | '－' | '–');
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].1;
        let run = chars[i..]
            .iter()
            .take_while(|x| {
                if c == '—' {
                    x.1 == '—'
                } else {
                    hyphen(x.1)
                }
            })
            .count();
        if run == 0 {
            i += 1;
            continue;
        }
        let prev = char_at(&chars, i.checked_sub(1));
        let next = char_at(&chars, Some(i + run));
        let chinese = prev.is_some_and(is_ideograph) || next.is_some_and(is_ideograph);
        let both = prev.is_some_and(is_ideograph) && next.is_some_and(is_ideograph);
        let span = chars[i].0..end_of(&chars, i + run - 1, text);
        if c != '—' && run >= 2 && chinese {
            out.push(
                Hit::new(
                    Rule::Dash,
                    span,
                    t!(
                        "pr-dash-typed",
                        written = &text[chars[i].0..end_of(&chars, i + run - 1, text)]
                    ),
                    t!("pr-dash-typed-help"),
                )
                .fix("——"),
            );
        } else if c == '—' && run == 1 && both {
            out.push(Hit::new(
                Rule::Dash,
                span,
                t!("pr-dash-single"),
                t!("pr-dash-single-help"),
            ));
        }
        i += run;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::check::proofread::catalog::found_in as run;

    fn found(f: fn(&str, &mut Vec<Hit>), s: &str) -> Vec<String> {
        run(f, s).into_iter().map(|h| h.0).collect()
    }

    #[test]
    fn half_width_marks_in_chinese_text() {
        assert_eq!(
            run(half_width, "完成任务,下一步;加强管理."),
            [
                (",".to_string(), Some("，".to_string())),
                (";".into(), Some("；".into())),
                (".".into(), Some("。".into()))
            ]
        );
        assert_eq!(found(half_width, "实施方案(试行)"), ["(", ")"]);
        assert_eq!(found(half_width, "时间:2020年"), [":"]);
    }

    #[test]
    fn half_width_marks_in_latin_text_and_numbers_are_right() {
        for s in [
            "see GB/T 9704-2012, p. 3; ok?",
            "1.工作要求",
            "一.总体要求",
            "比例为1:2，上午9:30",
            "f(x) = 1,000.5",
            "(1)加强领导",
            "附件1.xlsx",
        ] {
            assert_eq!(found(half_width, s), Vec::<String>::new(), "{s}");
        }
    }

    #[test]
    fn straight_quotes_open_and_close() {
        assert_eq!(
            run(straight_quotes, "推行\"一窗综办\"改革"),
            [
                ("\"".to_string(), Some("“".to_string())),
                ("\"".into(), Some("”".into()))
            ]
        );
        assert_eq!(
            found(straight_quotes, "He said \"hi\", it's fine"),
            Vec::<String>::new()
        );
    }

    #[test]
    fn pairs_that_do_not_close_and_quotes_nested_wrong() {
        assert_eq!(found(pairs, "按照《通知》（试行精神"), ["（"]);
        assert_eq!(found(pairs, "解决“来回跑问题"), ["“"]);
        assert_eq!(found(pairs, "试行）精神"), ["）"]);
        assert_eq!(found(pairs, "他说‘好’"), ["‘"]);
        assert_eq!(found(pairs, "他说“要“好””"), ["“"]);
        for s in [
            "他说“要‘好’”",
            "“学习《通知》精神”",
            "《关于“放管服”改革的通知》（渝府发〔2020〕5号）",
            "（一）",
        ] {
            assert_eq!(found(pairs, s), Vec::<String>::new(), "{s}");
        }
    }

    #[test]
    fn enumeration_comma_before_deng_and_double_stops() {
        assert_eq!(
            run(comma_before_deng, "北京、上海、等地"),
            [("、等".to_string(), Some("等".to_string()))]
        );
        assert_eq!(
            found(comma_before_deng, "北京、上海等地"),
            Vec::<String>::new()
        );
        assert_eq!(
            run(double_stop, "完成。。下一步，。"),
            [
                ("。。".to_string(), Some("。".to_string())),
                ("，。".into(), None)
            ]
        );
        assert_eq!(found(double_stop, "真的吗？！……好。"), Vec::<String>::new());
    }

    #[test]
    fn titles_end_without_a_stop() {
        assert_eq!(
            run(title_stop, "关于做好工作的通知。"),
            [("。".to_string(), Some(String::new()))]
        );
        assert_eq!(found(title_stop, "怎样做好工作？"), Vec::<String>::new());
        assert_eq!(
            found(title_stop, "关于做好工作的通知"),
            Vec::<String>::new()
        );
    }

    #[test]
    fn dashes() {
        assert_eq!(
            run(dash, "目标--全面完成"),
            [("--".to_string(), Some("——".to_string()))]
        );
        assert_eq!(found(dash, "目标—全面完成"), ["—"]);
        for s in [
            "目标——全面完成",
            "2月3日—10日",
            "GB/T 9704-2012",
            "a -- b",
            "第1-3项",
        ] {
            assert_eq!(found(dash, s), Vec::<String>::new(), "{s}");
        }
    }
}
