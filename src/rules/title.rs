//! Breaking a document title into centred lines without splitting a word (GB/T 9704 §7.3.1).
//!
//! Rule: the issuing organ's name, when the title starts with it, stands on its own line(s);
//! the rest fills lines greedily at word boundaries (jieba segmentation) up to the line width.
//! This gives the inverted-trapezoid shape issued titles have, and keeps 营商环境, 2020年 … whole.

use crate::rules::segment;
use crate::text::is_wide;

/// Title lines are at most this wide, in ems of the 2号 title (156 mm / 22 pt ≈ 20.1).
pub(crate) const TITLE_MAX_EM: f64 = 20.0;

/// Width of a text in ems of its own size: CJK and full-width characters one em, others half,
/// plus a quarter em where CJK meets Latin (as the typesetter adds).
pub(crate) fn width_em(s: &str) -> f64 {
    let mut w = 0.0;
    let mut prev: Option<bool> = None;
    for c in s.chars() {
        let wide = is_wide(c);
        w += if wide { 1.0 } else { 0.5 };
        if let Some(p) = prev
            && p != wide
            && !c.is_whitespace()
        {
            w += 0.25;
        }
        prev = Some(wide);
    }
    w
}

/// Marks that open a phrase: a line never ends with one (避头尾).
const OPENING: &str = "（《“‘〔【「『〈";
/// Marks that close a phrase or a clause: a line never starts with one.
const CLOSING: &str = "，。、；：？！）》」』”’〕】〉";

/// The mark that closes a phrase opened by `c`.
fn closer(c: char) -> Option<char> {
    let i = OPENING.chars().position(|o| o == c)?;
    "）》”’〕】」』〉".chars().nth(i)
}

/// Words of `s`, with digits kept together with a following measure word (2020年), closing marks
/// with the word before them and opening marks with the word after them.
fn words(s: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut opening = String::new();
    for w in segment::cut(s, true) {
        if w.chars().all(|c| OPENING.contains(c)) {
            opening.push_str(w);
            continue;
        }
        let glue = opening.is_empty()
            && out
                .last()
                .is_some_and(|p: &String| p.chars().all(|c| c.is_ascii_alphanumeric()))
            && w.chars().count() == 1
            && "年月日号个项条次期".contains(w);
        let closing = opening.is_empty() && w.chars().next().is_some_and(|c| CLOSING.contains(c));
        match out.last_mut() {
            Some(last) if glue || closing => last.push_str(w),
            _ => out.push(std::mem::take(&mut opening) + w),
        }
    }
    if !opening.is_empty() {
        match out.last_mut() {
            Some(last) => last.push_str(&opening),
            None => out.push(opening),
        }
    }
    out
}

/// The words with each bracketed phrase （…） 《…》 “…” made one unit, where it fits on a line:
/// a reader takes it as one name, so a title keeps it whole when it can.
fn units(words: Vec<String>, max_em: f64) -> Vec<String> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let close = words[i].chars().next().and_then(closer);
        let end = close.and_then(|c| (i..words.len()).find(|&j| words[j].contains(c)));
        if let Some(j) = end {
            let phrase = words[i..=j].concat();
            if j > i && width_em(&phrase) <= max_em {
                out.push(phrase);
                i = j + 1;
                continue;
            }
        }
        out.push(words[i].clone());
        i += 1;
    }
    out
}

/// Breaks `title` into lines no wider than `max_em` ems. `organ` is the issuing organ.
pub(crate) fn break_lines(title: &str, organ: &str, max_em: f64) -> Vec<String> {
    let title = title.trim();
    if width_em(title) <= max_em {
        return vec![title.to_string()];
    }
    let mut lines = Vec::new();
    let mut rest = title;
    if !organ.is_empty()
        && rest.len() > organ.len()
        && let Some(after) = rest.strip_prefix(organ)
    {
        lines.extend(fill(organ, max_em));
        rest = after;
    }
    lines.extend(fill(rest, max_em));
    lines
}

/// The longest start of `word` that fits in `max_em`, never ending with an opening mark nor
/// leaving a closing mark to start the rest.
fn split_head(word: &str, max_em: f64) -> String {
    let chars: Vec<char> = word.chars().collect();
    let mut n = 0;
    while n < chars.len() && width_em(&chars[..=n].iter().collect::<String>()) <= max_em {
        n += 1;
    }
    let fits = n.max(1);
    while n > 1
        && (OPENING.contains(chars[n - 1]) || chars.get(n).is_some_and(|c| CLOSING.contains(*c)))
    {
        n -= 1;
    }
    let n = if n <= 1 { fits } else { n };
    chars[..n].iter().collect()
}

fn fill(text: &str, max_em: f64) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for w in units(words(text), max_em) {
        let candidate = format!("{line}{w}");
        if !line.is_empty() && width_em(&candidate) > max_em {
            lines.push(std::mem::take(&mut line));
            line = w;
        } else {
            line = candidate;
        }
        // A single word longer than a line is split by characters: better than overflowing.
        while width_em(&line) > max_em {
            let head = split_head(&line, max_em);
            line = line[head.len()..].to_string();
            lines.push(head);
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_titles_stay_on_one_line() {
        assert_eq!(
            break_lines("关于召开会议的通知", "某办公室", 20.0),
            ["关于召开会议的通知"]
        );
    }

    #[test]
    fn organ_first_then_words_kept_whole() {
        let t = "沙坪坝区优化营商环境工作领导小组办公室关于加快推进2020年对标国际先进优化营商环境有关工作的通知";
        let lines = break_lines(t, "沙坪坝区优化营商环境工作领导小组办公室", 20.0);
        assert_eq!(lines.concat(), t);
        assert_eq!(lines[0], "沙坪坝区优化营商环境工作领导小组办公室");
        assert!(lines.iter().all(|l| width_em(l) <= 20.0), "{lines:?}");
        assert!(
            !lines
                .iter()
                .any(|l| l.ends_with("营商") || l.ends_with("2020")),
            "{lines:?}"
        );
        assert_eq!(lines.len(), 3);
    }

    #[test]
    fn no_line_starts_with_closing_punctuation() {
        let t = "关于进一步做好防汛抗旱、安全生产和森林防火工作的紧急通知（第二批）";
        for l in break_lines(t, "", 10.0) {
            assert!(!l.starts_with('）') && !l.starts_with('、'), "{l}");
        }
    }

    /// No line ends with an opening mark or starts with a closing one, and a bracketed phrase
    /// that fits on a line is never split, whatever the line width and the phrase's place.
    #[test]
    fn marks_stay_with_their_words_and_bracketed_phrases_stay_whole() {
        let phrases = [
            "（示例）",
            "（征求意见稿）",
            "《营商环境条例》",
            "“放管服”",
            "（2024年修订）",
        ];
        let stems = [
            "区交通局2020年度工作总结",
            "关于印发某某区优化营商环境若干措施",
            "某某区人民政府办公室关于进一步做好年度目标考核",
        ];
        for stem in stems {
            for phrase in phrases {
                for tail in ["", "的通知", "工作的实施方案"] {
                    let t = format!("{stem}{phrase}{tail}");
                    for max in 6..=22 {
                        let max = f64::from(max);
                        let lines = break_lines(&t, "", max);
                        assert_eq!(lines.concat(), t);
                        for (i, l) in lines.iter().enumerate() {
                            let last = l.chars().last().unwrap();
                            assert!(
                                i + 1 == lines.len() || !OPENING.contains(last),
                                "{max}: {lines:?}"
                            );
                            assert!(
                                !CLOSING.contains(l.chars().next().unwrap()),
                                "{max}: {lines:?}"
                            );
                        }
                        if width_em(phrase) <= max {
                            assert!(
                                lines.iter().any(|l| l.contains(phrase)),
                                "{phrase} split at {max}: {lines:?}"
                            );
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn a_bracketed_phrase_goes_to_the_next_line_whole() {
        assert_eq!(
            break_lines("区交通局2020年度优化营商环境工作总结（示例）", "", 20.0),
            ["区交通局2020年度优化营商环境工作总结", "（示例）"]
        );
    }
}
