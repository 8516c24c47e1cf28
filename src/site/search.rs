//! The site's search index: documents and a token → documents map, shipped as a .js file so it
//! loads from file://. Tokens: CJK runs as overlapping bigrams (a lone character as itself),
//! letter/digit runs as lower-case words — exactly what assets/search.js does to a query.

use std::borrow::Cow;

use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::text::is_ideograph;

#[derive(Serialize)]
/// A page as search finds it.
pub(crate) struct Doc {
    pub(crate) title: String,
    pub(crate) url: String,
    pub(crate) kind: String,
    pub(crate) text: String,
}

/// The documents and, as each is added, the documents (by number, ascending) that have each
/// token: ideograph pairs (most tokens) by their number, words by their text.
#[derive(Default)]
pub(crate) struct Index {
    docs: Vec<Doc>,
    ideographs: FxHashMap<u64, Vec<usize>>,
    words: FxHashMap<String, Vec<usize>>,
}

/// A token: an ideograph pair or a lone ideograph packed into one number (most tokens, so they
/// are hashed and compared as numbers), or a word, lower-cased (a slice of the text unless it had
/// capitals).
#[derive(Debug)]
enum Token<'t> {
    Ideographs(u64),
    Word(Cow<'t, str>),
}

impl Token<'_> {
    fn ideographs(first: char, second: Option<char>) -> Token<'static> {
        Token::Ideographs(((first as u64) << 32) | second.map_or(0, u64::from))
    }
}

/// Ideographs packed by `Token::ideographs` as text, as search.js makes them from a query.
fn ideographs_text(pair: u64) -> String {
    [(pair >> 32) as u32, pair as u32]
        .into_iter()
        .filter(|&c| c != 0)
        .filter_map(char::from_u32)
        .collect()
}

/// Calls `f` with every token of `text` in order.
fn each_token<'t>(text: &'t str, mut f: impl FnMut(Token<'t>)) {
    // The current run of ideographs (its last one, its length) and where the current word starts.
    let mut run: Option<(char, usize)> = None;
    let mut word: Option<usize> = None;
    let end_run = |run: &mut Option<(char, usize)>, f: &mut dyn FnMut(Token<'t>)| {
        if let Some((c, 1)) = run.take() {
            f(Token::ideographs(c, None));
        }
    };
    let end_word = |word: &mut Option<usize>, end: usize, f: &mut dyn FnMut(Token<'t>)| {
        if let Some(start) = word.take() {
            let w = &text[start..end];
            f(Token::Word(if w.bytes().any(|b| b.is_ascii_uppercase()) {
                Cow::Owned(w.to_ascii_lowercase())
            } else {
                Cow::Borrowed(w)
            }));
        }
    };
    for (i, c) in text.char_indices() {
        if is_ideograph(c) {
            end_word(&mut word, i, &mut f);
            run = Some(match run {
                Some((last, n)) => {
                    f(Token::ideographs(last, Some(c)));
                    (c, n + 1)
                }
                None => (c, 1),
            });
        } else if c.is_ascii_alphanumeric() {
            end_run(&mut run, &mut f);
            word.get_or_insert(i);
        } else {
            end_run(&mut run, &mut f);
            end_word(&mut word, i, &mut f);
        }
    }
    end_run(&mut run, &mut f);
    end_word(&mut word, text.len(), &mut f);
}

impl Index {
    /// Adds a document, its tokens noted at once (so a site's index is made while its pages are).
    pub(crate) fn add(&mut self, doc: Doc) {
        let id = self.docs.len();
        let (ideographs, words) = (&mut self.ideographs, &mut self.words);
        let mut note = |t: Token<'_>| {
            let ids = match t {
                Token::Ideographs(pair) => ideographs.entry(pair).or_default(),
                Token::Word(w) => {
                    if !words.contains_key(w.as_ref()) {
                        words.insert(w.to_string(), Vec::new());
                    }
                    words.get_mut(w.as_ref()).expect("inserted above")
                }
            };
            if ids.last() != Some(&id) {
                ids.push(id);
            }
        };
        each_token(&doc.title, &mut note);
        each_token(&doc.text, &mut note);
        self.docs.push(doc);
    }

    /// Token → the documents that have it, in token order.
    fn map(&self) -> Vec<(String, &[usize])> {
        let mut out: Vec<(String, &[usize])> = self
            .ideographs
            .iter()
            .map(|(&pair, ids)| (ideographs_text(pair), ids.as_slice()))
            .chain(
                self.words
                    .iter()
                    .map(|(w, ids)| (w.clone(), ids.as_slice())),
            )
            .collect();
        out.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        out
    }

    /// `window.GONGWEN_SEARCH = {...};` — JSON is valid JavaScript, and serde_json escapes
    /// everything a string literal needs.
    pub(crate) fn to_js(&self) -> String {
        #[derive(Serialize)]
        struct Out<'a> {
            docs: &'a [Doc],
            index: Sorted<'a>,
        }
        /// The token → documents pairs, written as one object in their order.
        struct Sorted<'a>(Vec<(String, &'a [usize])>);
        impl Serialize for Sorted<'_> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_map(self.0.iter().map(|(t, ids)| (t, ids)))
            }
        }
        let json = serde_json::to_string(&Out {
            docs: &self.docs,
            index: Sorted(self.map()),
        })
        .expect("index serializes");
        // `</script` never matters in a .js file, but keep the file safe to inline anyway.
        format!("window.GONGWEN_SEARCH = {};\n", json.replace("</", "<\\/"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        each_token(text, |t| {
            out.push(match t {
                Token::Ideographs(pair) => ideographs_text(pair),
                Token::Word(w) => w.into_owned(),
            })
        });
        out
    }

    #[test]
    fn bigrams_words_and_lone_characters() {
        assert_eq!(
            tokens("公交车 H5页面，局"),
            ["公交", "交车", "h5", "页面", "局"]
        );
        assert_eq!(tokens("Excel表HTML"), ["excel", "表", "html"]);
        assert_eq!(tokens(""), Vec::<String>::new());
        assert_eq!(tokens("𠀀𠀁 a"), ["𠀀𠀁", "a"]);
    }

    #[test]
    fn every_token_lists_each_document_having_it_once_in_order() {
        // Documents sharing tokens, some more than once.
        let words = ["公交", "车站", "Excel", "h5", "数据", "局"];
        let mut index = Index::default();
        for i in 0..100 {
            let text: Vec<&str> = (0..(i % 7))
                .map(|k| words[(i * 3 + k) % words.len()])
                .collect();
            index.add(Doc {
                title: format!("文{}", i % 5),
                url: String::new(),
                kind: String::new(),
                text: text.join(" "),
            });
        }
        let mut expected: std::collections::BTreeMap<String, Vec<usize>> = Default::default();
        for (id, d) in index.docs.iter().enumerate() {
            for t in tokens(&d.title).into_iter().chain(tokens(&d.text)) {
                let ids = expected.entry(t).or_default();
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
        }
        let got: Vec<(String, Vec<usize>)> = index
            .map()
            .into_iter()
            .map(|(t, ids)| (t, ids.to_vec()))
            .collect();
        assert_eq!(got, expected.into_iter().collect::<Vec<_>>());
    }
}
