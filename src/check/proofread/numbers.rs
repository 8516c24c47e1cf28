//! Numbers and dates by GB/T 15835 (and 发文字号 by GB/T 9704) in running text: years written
//! in full, ranges of years and dates with the 一字线 (2020—2021年), no leading zeros in dates,
//! and cited 发文字号 with the year in 〔〕 and no leading zero.

use crate::check::proofread::catalog::{Hit, Rule};
use crate::i18n::t;
use crate::text::is_ideograph;

type Chars = [(usize, char)];

/// The digits starting at `i`: how many.
fn digits(chars: &Chars, i: usize) -> usize {
    chars[i.min(chars.len())..]
        .iter()
        .take_while(|c| c.1.is_ascii_digit())
        .count()
}

fn byte(chars: &Chars, i: usize, text: &str) -> usize {
    chars.get(i).map_or(text.len(), |c| c.0)
}

fn is(chars: &Chars, i: usize, set: &str) -> bool {
    chars.get(i).is_some_and(|c| crate::text::one_of(c.1, set))
}

/// Where numbers start: a digit after something that is not a digit, a Latin letter or a mark
/// that makes it part of a code (GB/T 9704-2012, v1.2).
fn number_starts(chars: &Chars) -> impl Iterator<Item = usize> + '_ {
    (0..chars.len()).filter(move |&i| {
        chars[i].1.is_ascii_digit()
            && i.checked_sub(1).is_none_or(|p| {
                let c = chars[p].1;
                !(c.is_ascii_alphanumeric() || "-/._ ".contains(c))
            })
    })
}

/// Years shortened to two digits: 20年4月, 20年度 (20年 alone may be twenty years).
pub(crate) fn short_years(text: &str, out: &mut Vec<Hit>) {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for i in number_starts(&chars) {
        let n = digits(&chars, i);
        let after = i + n;
        let month = is(&chars, after, "年") && {
            let m = digits(&chars, after + 1);
            (1..=2).contains(&m) && is(&chars, after + 1 + m, "月")
        };
        let of_year = is(&chars, after, "年") && is(&chars, after + 1, "度");
        if n == 2 && (month || of_year) {
            let span = chars[i].0..byte(&chars, after + 1, text);
            out.push(Hit::new(
                Rule::YearShort,
                span.clone(),
                t!("pr-year-short", written = &text[span]),
                t!("pr-year-short-help"),
            ));
        }
    }
}

/// Ranges of years, months or days joined with a hyphen or tilde: 2020-2021年 → 2020—2021年.
pub(crate) fn ranges(text: &str, out: &mut Vec<Hit>) {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for i in number_starts(&chars) {
        let n = digits(&chars, i);
        let dash = i + n;
        if !is(&chars, dash, "-－–~") || n > 4 {
            continue;
        }
        let m = digits(&chars, dash + 1);
        let unit = dash + 1 + m;
        if m == 0 || m > 4 || !is(&chars, unit, "年月日") {
            continue;
        }
        // 2020-04-29年 is not a range; nor is a range inside Latin text.
        if is(&chars, unit, "年") && (n != 4 || m != 4) {
            continue;
        }
        let span = chars[i].0..byte(&chars, unit + 1, text);
        let fixed = format!(
            "{}—{}",
            &text[chars[i].0..chars[dash].0],
            &text[byte(&chars, dash + 1, text)..span.end]
        );
        out.push(
            Hit::new(
                Rule::YearRange,
                span.clone(),
                t!(
                    "pr-year-range",
                    written = &text[span],
                    mark = chars[dash].1.to_string()
                ),
                t!("pr-year-range-help", fixed = fixed.as_str()),
            )
            .fix(fixed),
        );
    }
}

/// Dates with a leading zero: 2020年04月09日 → 2020年4月9日.
pub(crate) fn leading_zeros(text: &str, out: &mut Vec<Hit>) {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut next_free = 0;
    let starts: Vec<usize> = number_starts(&chars).collect();
    for i in starts {
        if i < next_free {
            continue;
        }
        let mut j = i;
        let mut parts = Vec::new();
        for unit in ["年", "月", "日"] {
            let n = digits(&chars, j);
            if n > 0 && is(&chars, j + n, unit) {
                parts.push((
                    &text[byte(&chars, j, text)..byte(&chars, j + n, text)],
                    unit,
                ));
                j += n + 1;
            } else if !parts.is_empty() {
                break;
            }
        }
        let zero = parts
            .iter()
            .any(|(n, unit)| *unit != "年" && n.len() > 1 && n.starts_with('0'));
        if parts.len() < 2 || !zero {
            continue;
        }
        let span = chars[i].0..byte(&chars, j, text);
        let fixed: String = parts
            .iter()
            .map(|(n, unit)| {
                let n = n.trim_start_matches('0');
                format!("{}{unit}", if n.is_empty() { "0" } else { n })
            })
            .collect();
        out.push(
            Hit::new(
                Rule::DateLeadingZero,
                span.clone(),
                t!("pr-date-zero", written = &text[span]),
                t!("pr-date-zero-help", fixed = fixed.as_str()),
            )
            .fix(fixed),
        );
        next_free = j;
    }
}

const OPENERS: &str = "[［【(（〈〔";
const CLOSERS: &str = "]］】)）〉〕";

/// 发文字号 in running text with the year in [] or () (not 〔〕), 第 before the number, or a
/// leading zero: only the bracketed part is flagged, the 机关代字 before it is the writer's.
pub(crate) fn document_numbers(text: &str, out: &mut Vec<Hit>) {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for i in 1..chars.len() {
        if !is(&chars, i, OPENERS) || !is_ideograph(chars[i - 1].1) || digits(&chars, i + 1) != 4 {
            continue;
        }
        let close = i + 5;
        if !is(&chars, close, CLOSERS) {
            continue;
        }
        let di = usize::from(is(&chars, close + 1, "第"));
        let n = digits(&chars, close + 1 + di);
        let end = close + 1 + di + n;
        if n == 0 || !is(&chars, end, "号") {
            continue;
        }
        let year = &text[byte(&chars, i + 1, text)..byte(&chars, close, text)];
        let seq = &text[byte(&chars, close + 1 + di, text)..byte(&chars, end, text)];
        let right_brackets = chars[i].1 == '〔' && chars[close].1 == '〕';
        if right_brackets && di == 0 && !seq.starts_with('0') {
            continue;
        }
        let span = chars[i].0..byte(&chars, end + 1, text);
        let seq = seq.trim_start_matches('0');
        let fixed = format!("〔{year}〕{}号", if seq.is_empty() { "0" } else { seq });
        let written = &text[span.clone()];
        let message = if !right_brackets {
            t!(
                "pr-docno-brackets",
                written = written,
                brackets = format!("{}{}", chars[i].1, chars[close].1)
            )
        } else if di == 1 {
            t!("pr-docno-di", written = written)
        } else {
            t!("pr-docno-zero", written = written)
        };
        out.push(
            Hit::new(
                Rule::DocnoForm,
                span.clone(),
                message,
                t!("pr-docno-help", fixed = fixed.as_str()),
            )
            .fix(fixed),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::check::proofread::catalog::found_in as run;

    fn none(f: fn(&str, &mut Vec<Hit>), s: &str) {
        assert_eq!(run(f, s), [], "{s}");
    }

    #[test]
    fn two_digit_years() {
        assert_eq!(run(short_years, "于20年4月底前完成").len(), 1);
        assert_eq!(run(short_years, "20年度工作总结")[0].0, "20年");
        none(short_years, "近20年来，工作20年4个月");
        none(short_years, "2020年4月");
        none(short_years, "version v20年4月");
    }

    #[test]
    fn ranges_take_the_em_dash() {
        assert_eq!(
            run(ranges, "2020-2021年工作"),
            [("2020-2021年".to_string(), Some("2020—2021年".to_string()))]
        );
        assert_eq!(run(ranges, "于4~5月完成")[0].1.as_deref(), Some("4—5月"));
        none(ranges, "2020—2021年");
        none(ranges, "GB/T 9704-2012");
        none(ranges, "GB/T 15834-2011年版");
        none(ranges, "ISO 8601-2019年");
        none(ranges, "2020-04-29");
    }

    #[test]
    fn dates_without_leading_zeros() {
        assert_eq!(
            run(leading_zeros, "于2020年04月09日印发"),
            [(
                "2020年04月09日".to_string(),
                Some("2020年4月9日".to_string())
            )]
        );
        assert_eq!(
            run(leading_zeros, "于4月09日前")[0].1.as_deref(),
            Some("4月9日")
        );
        none(leading_zeros, "2020年4月29日，2020年10月");
        none(leading_zeros, "编号07月报");
    }

    #[test]
    fn document_numbers_in_text() {
        assert_eq!(
            run(document_numbers, "按照渝府发[2020]5号文件"),
            [("[2020]5号".to_string(), Some("〔2020〕5号".to_string()))]
        );
        assert_eq!(
            run(document_numbers, "（渝府发（2020）05号）")[0]
                .1
                .as_deref(),
            Some("〔2020〕5号")
        );
        assert_eq!(
            run(document_numbers, "渝府发〔2020〕第5号")[0].1.as_deref(),
            Some("〔2020〕5号")
        );
        none(document_numbers, "（渝营商办发〔2020〕5号）");
        none(document_numbers, "于（2020年）完成，第5号");
        none(document_numbers, "see (2020)5号");
    }
}
