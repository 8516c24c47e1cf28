//! Repeated words: 优化优化, 的的. A repetition counts only where it is whole words (jieba), so
//! 目的的 (目的 + 的) and 为了了解 (为了 + 了解) are not one; single characters only when they are
//! function words nobody doubles; and reduplications that are words (研究研究, 一步一步, 的的确确)
//! are left alone.

use crate::check::proofread::catalog::{Hit, Rule};
use crate::i18n::t;
use crate::rules::segment::word_bounds;
use crate::text::is_ideograph;

/// Function words that are never doubled in written Chinese: 的的 or 了了 is a slip.
const FUNCTION_WORDS: &str = "的了在和与及或是对把被将为于并从向之其而由";

/// Two-character verbs and adjectives whose doubling is a word (研究研究: "look into it").
const REDUPLICATIONS: &[&str] = &[
    "研究", "讨论", "学习", "考虑", "商量", "了解", "检查", "介绍", "打扫", "整理", "休息", "活动",
    "锻炼", "交流", "沟通", "琢磨", "收拾", "比较", "认识", "准备", "尝试", "熟悉", "体验", "关心",
    "帮助", "总结", "梳理", "分析", "议论", "打听", "思考", "雪白", "通红", "笔直", "冰凉", "火红",
];

/// Longest repeated unit looked for, in characters.
const MAX_UNIT: usize = 4;

pub(crate) fn check(text: &str, out: &mut Vec<Hit>) {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let candidates = candidates(&chars);
    if candidates.is_empty() {
        return;
    }
    let bounds = word_bounds(text);
    let is_bound = |b: usize| bounds.binary_search(&b).is_ok();
    let byte = |i: usize| chars.get(i).map_or(text.len(), |c| c.0);
    let mut next_free = 0;
    for (i, k) in candidates {
        if i < next_free {
            continue;
        }
        let (a, m, e) = (byte(i), byte(i + k), byte(i + 2 * k));
        // A doubled word ends where a word ends and its second copy starts a word; its first
        // copy may be glued into a compound (工作总结|总结). One character must stand alone
        // (目的|的 is not 的的).
        let whole = is_bound(m) && is_bound(e) && (is_bound(a) || k > 1);
        if !whole || legitimate(&chars, i, k) {
            continue;
        }
        let unit = &text[a..m];
        out.push(
            Hit::new(
                Rule::RepeatedWord,
                a..e,
                t!("pr-repeated", word = unit, written = &text[a..e]),
                t!("pr-repeated-help", word = unit),
            )
            .fix(unit),
        );
        next_free = i + 2 * k;
    }
}

/// Places where `k` characters are followed by the same `k` (all ideographs): (index, k).
fn candidates(chars: &[(usize, char)]) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    for i in 0..chars.len() {
        for k in 1..=MAX_UNIT {
            if i + 2 * k > chars.len() {
                break;
            }
            let (first, second) = (&chars[i..i + k], &chars[i + k..i + 2 * k]);
            let same = first.iter().zip(second).all(|(x, y)| x.1 == y.1);
            let ideographs = first.iter().all(|c| is_ideograph(c.1));
            let kind = k > 1 || FUNCTION_WORDS.contains(first[0].1);
            if same && ideographs && kind {
                found.push((i, k));
                break;
            }
        }
    }
    found
}

/// Reduplications that are words: AABB (的的确确, 实实在在), 一X一X (一步一步), and the list.
fn legitimate(chars: &[(usize, char)], i: usize, k: usize) -> bool {
    let c = |j: usize| chars.get(j).map(|c| c.1);
    if k == 1 {
        let pair_before = i >= 2 && c(i - 2).is_some() && c(i - 2) == c(i - 1);
        let pair_after = c(i + 2).is_some() && c(i + 2) == c(i + 3);
        return pair_before || pair_after;
    }
    let unit: String = chars[i..i + k].iter().map(|c| c.1).collect();
    unit.starts_with('一') || REDUPLICATIONS.contains(&unit.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hits(s: &str) -> Vec<(String, Option<String>)> {
        let mut out = Vec::new();
        check(s, &mut out);
        out.into_iter()
            .map(|h| (s[h.span].to_string(), h.fix))
            .collect()
    }

    #[test]
    fn doubled_words_and_function_words() {
        assert_eq!(
            hits("重庆市优化优化营商环境工作领导小组办公室"),
            [("优化优化".to_string(), Some("优化".to_string()))]
        );
        assert_eq!(
            hits("加强工作的的要求"),
            [("的的".into(), Some("的".into()))]
        );
        assert_eq!(hits("任务完成了了。"), [("了了".into(), Some("了".into()))]);
        assert_eq!(hits("推进营商环境营商环境建设").len(), 1);
        // The first copy glued into a compound (营商环境|环境).
        assert_eq!(
            hits("持续优化营商环境环境。"),
            [("环境环境".to_string(), Some("环境".to_string()))]
        );
    }

    #[test]
    fn reduplications_and_word_boundaries_are_not_repetitions() {
        for s in [
            "我们常常看看，研究研究，各个单位人人参与",
            "达到目的的手段",
            "为了了解情况",
            "的的确确、实实在在地推进",
            "一步一步推进，一个一个落实",
            "北京、上海、广州等等",
            "天天向上，年年有余",
            "优化，优化",
            "abab 1212",
        ] {
            assert_eq!(hits(s), [], "{s}");
        }
    }
}
