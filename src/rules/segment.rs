//! Chinese word segmentation: jieba's general dictionary plus the compounds of government writing
//! it would split (营商|环境), shared by title breaking and proofreading.
//!
//! jieba builds a trie of its 349,045 words before it can cut anything: ~80 ms of a core in
//! every process, longer than typesetting a short notice. But cutting a text reads only the
//! dictionary's words found in that text, and the total of all frequencies (a word's weight is
//! its frequency over that total). So the dictionary ships sorted (`assets/jieba-dict.txt`, made
//! by `scripts/jieba-dict.py`), the words a text holds are found by binary search, and each cut
//! runs in a jieba holding just those words and one entry no text can contain that carries the
//! rest of the total: the same words as the whole dictionary gives, in microseconds.

use std::ops::Range;
use std::sync::OnceLock;

use jieba_rs::Jieba;

/// jieba's `dict.txt`, one `word frequency` per line, sorted by bytes.
const DICT: &str = include_str!("../../assets/jieba-dict.txt");
/// The sum of `DICT`'s frequencies (checked by a test).
const DICT_TOTAL: usize = 60_101_964;
/// Our compounds: `word frequency tag` lines, added to jieba's (a word in both takes ours).
const WORDS: &str = include_str!("../../assets/words.txt");
/// Stands for every dictionary word the text does not hold: jieba's regular expressions cut a
/// NUL out of any run of words, so the segmenter never matches it.
const REST: &str = "\0";

/// Where each line of `DICT` starts (made once: a scan of 4 MB, ~1 ms).
fn lines() -> &'static [u32] {
    static LINES: OnceLock<Vec<u32>> = OnceLock::new();
    LINES.get_or_init(|| {
        let ends = DICT.bytes().enumerate().filter(|&(_, b)| b == b'\n');
        std::iter::once(0)
            .chain(ends.map(|(i, _)| i + 1))
            .filter(|&i| i < DICT.len())
            .map(|i| i as u32)
            .collect()
    })
}

/// The word and the frequency of the line starting at `start`.
fn entry(start: u32) -> (&'static str, usize) {
    let line = &DICT[start as usize..];
    let line = &line[..line.find('\n').unwrap_or(line.len())];
    let (word, freq) = line.split_once(' ').unwrap_or((line, ""));
    (word, freq.parse().unwrap_or(0))
}

fn word(start: u32) -> &'static str {
    let line = &DICT[start as usize..];
    &line[..line.find(' ').unwrap_or(line.len())]
}

/// Within `range` (lines, all starting with a prefix of `prefix`), the lines whose word starts
/// with `prefix`: the words are sorted, so they are consecutive, the word `prefix` itself first.
fn narrow(range: Range<usize>, prefix: &str) -> Range<usize> {
    let lines = &lines()[range.clone()];
    let from = lines.partition_point(|&l| word(l) < prefix);
    let to = from + lines[from..].partition_point(|&l| word(l).starts_with(prefix));
    range.start + from..range.start + to
}

/// The frequency of `w` in jieba's dictionary, if it is there.
fn frequency(w: &str) -> Option<usize> {
    let found = narrow(0..lines().len(), w);
    let (first, freq) = entry(*lines().get(found.start)?);
    (!found.is_empty() && first == w).then_some(freq)
}

/// Our compounds as (word, frequency), and the total of every frequency once they are added
/// (a compound replaces the dictionary's frequency of the same word): worked out once.
fn compounds() -> &'static (Vec<(&'static str, usize)>, usize) {
    static COMPOUNDS: OnceLock<(Vec<(&'static str, usize)>, usize)> = OnceLock::new();
    COMPOUNDS.get_or_init(|| {
        let words: Vec<(&str, usize)> = WORDS
            .lines()
            .filter_map(|l| {
                let mut parts = l.split_whitespace();
                Some((parts.next()?, parts.next()?.parse().ok()?))
            })
            .collect();
        let total = words.iter().fold(DICT_TOTAL, |total, &(w, f)| {
            total + f - frequency(w).unwrap_or(0)
        });
        (words, total)
    })
}

/// A jieba knowing every dictionary word (and compound) that occurs in `text`, with the whole
/// dictionary's total.
fn segmenter(text: &str) -> Jieba {
    let mut found: Vec<(&str, usize)> = Vec::new();
    let starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    for (n, &i) in starts.iter().enumerate() {
        // The dictionary words starting with ever longer prefixes of text[i..].
        let mut range = 0..lines().len();
        for j in starts[n + 1..].iter().copied().chain([text.len()]) {
            range = narrow(range, &text[i..j]);
            let Some(&first) = lines().get(range.start).filter(|_| !range.is_empty()) else {
                break;
            };
            if let (w, f) = entry(first)
                && w == &text[i..j]
            {
                found.push((w, f));
            }
        }
    }
    found.sort_unstable();
    found.dedup();
    let (compounds, total) = compounds();
    for &(w, f) in compounds {
        if text.contains(w) {
            found.retain(|&(x, _)| x != w);
            found.push((w, f));
        }
    }
    let mut dict = String::new();
    let held: usize = found.iter().map(|(_, f)| f).sum();
    for (w, f) in found {
        dict.push_str(&format!("{w} {f}\n"));
    }
    dict.push_str(&format!("{REST} {}\n", total - held));
    let mut j = Jieba::empty();
    // Every line is a word and a number, so loading cannot fail.
    let _ = j.load_dict(&mut dict.as_bytes());
    j
}

/// The words of `s` in order (with `hmm`, runs of characters no word covers are grouped by
/// jieba's hidden Markov model).
pub(crate) fn cut(s: &str, hmm: bool) -> Vec<&str> {
    segmenter(s)
        .cut(s, hmm)
        .into_iter()
        .map(|t| t.word)
        .collect()
}

/// The byte offsets where the words of `s` begin, and `s.len()`: from the dictionary alone (no
/// guessing of unknown words), so the same text always splits the same way.
pub(crate) fn word_bounds(s: &str) -> Vec<usize> {
    let mut bounds = vec![0];
    let mut at = 0;
    for w in cut(s, false) {
        at += w.len();
        bounds.push(at);
    }
    bounds
}

#[cfg(test)]
mod tests {
    use super::*;

    /// jieba as it comes, with our compounds: what `cut` must agree with.
    fn whole() -> Jieba {
        let mut j = Jieba::new();
        j.load_dict(&mut WORDS.as_bytes()).unwrap();
        j
    }

    #[test]
    fn bounds_follow_words() {
        let s = "优化营商环境";
        assert_eq!(word_bounds(s), [0, 6, 18]);
        assert_eq!(word_bounds(""), [0]);
    }

    #[test]
    fn the_shipped_dictionary_is_jiebas_sorted() {
        let mut previous = "";
        let mut total = 0;
        let mut count = 0;
        for line in DICT.lines() {
            let (word, freq) = line.split_once(' ').unwrap();
            assert!(
                previous < word,
                "{previous} before {word}: not sorted or twice"
            );
            assert!(!word.contains(char::is_whitespace) && !word.contains(REST));
            total += freq.parse::<usize>().unwrap();
            count += 1;
            previous = word;
        }
        assert_eq!(total, DICT_TOTAL);
        let jieba = format!("{:?}", Jieba::new());
        assert!(
            jieba.contains(&format!("records_len: {count}, total_freq: {total}")),
            "{jieba}"
        );
        assert_eq!(frequency("营商"), Some(3));
        assert_eq!(frequency("中国"), Some(129_470));
        assert_eq!(frequency("龢"), Some(732));
        assert_eq!(frequency("1号店"), Some(3));
        assert_eq!(frequency("营商环"), None);
        assert_eq!(frequency("\u{10FFFF}"), None);
        assert_eq!(narrow(0..lines().len(), "营商环").len(), 0);
        assert!(narrow(0..lines().len(), "中国").len() > 100);
    }

    /// Texts to cut: the issued notice line by line and whole, the example's content files, and
    /// strings made of dictionary words, compounds, digits, Latin and punctuation in random
    /// order (a fixed seed), so words meet across every kind of boundary.
    fn texts() -> Vec<String> {
        let seed = include_str!("../../seeds/000_75d8874fccb9b7d9.txt");
        let mut texts: Vec<String> = seed.lines().map(str::to_string).collect();
        texts.push(seed.replace('\n', ""));
        texts.push(include_str!("../../content/notices/2020-3.md").to_string());
        texts.push(include_str!("../../content/tasks/2020.yaml").to_string());
        let words: Vec<&str> = DICT.lines().filter_map(|l| l.split(' ').next()).collect();
        let extra = [
            "，",
            "。",
            "2020",
            "年",
            "GB/T",
            " ",
            "（",
            "）",
            "的",
            "了",
            "营商环境",
        ];
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = |n: usize| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1);
            (state >> 33) as usize % n
        };
        for _ in 0..400 {
            let mut s = String::new();
            for _ in 0..1 + next(12) {
                match next(3) {
                    0 => s.push_str(extra[next(extra.len())]),
                    // Cut a word in two so its halves stand next to other words.
                    1 => {
                        let w: Vec<char> = words[next(words.len())].chars().collect();
                        s.extend(&w[next(w.len())..]);
                    }
                    _ => s.push_str(words[next(words.len())]),
                }
            }
            texts.push(s);
        }
        texts
    }

    #[test]
    fn cuts_as_the_whole_dictionary_does() {
        let whole = whole();
        for text in texts() {
            for hmm in [false, true] {
                let expected: Vec<&str> =
                    whole.cut(&text, hmm).into_iter().map(|t| t.word).collect();
                assert_eq!(cut(&text, hmm), expected, "{text:?}, hmm: {hmm}");
            }
        }
    }
}
