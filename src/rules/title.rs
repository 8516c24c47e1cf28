//! Breaking a document title into centred lines without splitting a word (GB/T 9704 §7.3.1).
//!
//! Rule: the issuing organ's name, when the title starts with it, stands on its own line(s);
//! the rest fills lines greedily at word boundaries (jieba segmentation) up to the line width.
//! This gives the inverted-trapezoid shape issued titles have, and keeps 营商环境, 2020年 … whole.

use crate::rules::segment::jieba;
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

/// Words of `s`, with digits kept together with a following measure word (2020年).
fn words(s: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for w in jieba().cut(s, true).into_iter().map(|t| t.word) {
        let glue = out
            .last()
            .is_some_and(|p: &String| p.chars().all(|c| c.is_ascii_alphanumeric()))
            && w.chars().count() == 1
            && "年月日号个项条次期".contains(w);
        // Closing punctuation never starts a line.
        let closing = w
            .chars()
            .next()
            .is_some_and(|c| "，。、；：？！）》」』”’〕".contains(c));
        if (glue || closing) && !out.is_empty() {
            out.last_mut().unwrap().push_str(w);
        } else {
            out.push(w.to_string());
        }
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

fn fill(text: &str, max_em: f64) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for w in words(text) {
        let candidate = format!("{line}{w}");
        if !line.is_empty() && width_em(&candidate) > max_em {
            lines.push(std::mem::take(&mut line));
            line = w;
        } else {
            line = candidate;
        }
        // A single word longer than a line is split by characters: better than overflowing.
        while width_em(&line) > max_em {
            let mut head = String::new();
            for c in line.chars() {
                if width_em(&format!("{head}{c}")) > max_em {
                    break;
                }
                head.push(c);
            }
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
}
