//! Chinese word segmentation: jieba's general dictionary plus the compounds of government writing
//! it would split (营商|环境), shared by title breaking and proofreading.

use std::sync::OnceLock;

use jieba_rs::Jieba;

const WORDS: &str = include_str!("../../assets/words.txt");

/// The segmenter, built once.
pub(crate) fn jieba() -> &'static Jieba {
    static J: OnceLock<Jieba> = OnceLock::new();
    J.get_or_init(|| {
        let mut j = Jieba::new();
        let _ = j.load_dict(&mut std::io::BufReader::new(WORDS.as_bytes()));
        j
    })
}

/// The byte offsets where the words of `s` begin, and `s.len()`: from the dictionary alone (no
/// guessing of unknown words), so the same text always splits the same way.
pub(crate) fn word_bounds(s: &str) -> Vec<usize> {
    let mut bounds = vec![0];
    let mut at = 0;
    for w in jieba().cut(s, false) {
        at += w.word.len();
        bounds.push(at);
    }
    bounds
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_follow_words() {
        let s = "优化营商环境";
        assert_eq!(word_bounds(s), [0, 6, 18]);
        assert_eq!(word_bounds(""), [0]);
    }
}
