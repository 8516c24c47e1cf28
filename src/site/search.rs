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

/// The documents; the token → documents map is made from them when the index is written.
#[derive(Default)]
pub(crate) struct Index {
    docs: Vec<Doc>,
}

/// The tokens of `text`, as slices of it where they can be (only a word with capitals is
/// lower-cased into a new string): indexing every page this way allocates for new tokens only.
pub(crate) fn tokens<'t>(text: &'t str) -> Vec<Cow<'t, str>> {
    let mut out = Vec::new();
    // The byte ranges of the current run of ideographs, and where the current word starts.
    let mut run: Vec<(usize, usize)> = Vec::new();
    let mut word: Option<usize> = None;
    let flush_run = |run: &mut Vec<(usize, usize)>, out: &mut Vec<Cow<'t, str>>| {
        if let [(a, b)] = run[..] {
            out.push(Cow::Borrowed(&text[a..b]));
        }
        for w in run.windows(2) {
            out.push(Cow::Borrowed(&text[w[0].0..w[1].1]));
        }
        run.clear();
    };
    let flush_word = |word: &mut Option<usize>, end: usize, out: &mut Vec<Cow<'t, str>>| {
        if let Some(start) = word.take() {
            let w = &text[start..end];
            out.push(if w.bytes().any(|b| b.is_ascii_uppercase()) {
                Cow::Owned(w.to_ascii_lowercase())
            } else {
                Cow::Borrowed(w)
            });
        }
    };
    for (i, c) in text.char_indices() {
        if is_ideograph(c) {
            flush_word(&mut word, i, &mut out);
            run.push((i, i + c.len_utf8()));
        } else if c.is_ascii_alphanumeric() {
            flush_run(&mut run, &mut out);
            word.get_or_insert(i);
        } else {
            flush_run(&mut run, &mut out);
            flush_word(&mut word, i, &mut out);
        }
    }
    flush_run(&mut run, &mut out);
    flush_word(&mut word, text.len(), &mut out);
    out
}

impl Index {
    pub(crate) fn add(&mut self, doc: Doc) {
        self.docs.push(doc);
    }

    /// Token → the documents (by number, ascending) that have it, in token order. Chunks of
    /// documents are indexed on every core (a large project's pages hold megabytes of text) and
    /// merged in order: each chunk's numbers ascend and the chunks are in order, so appending
    /// keeps every list ascending. Hashed, not a tree: a tree compares strings on every lookup.
    fn map(&self) -> Vec<(Cow<'_, str>, Vec<usize>)> {
        use rayon::prelude::*;
        const CHUNK: usize = 32;
        let parts: Vec<FxHashMap<Cow<'_, str>, Vec<usize>>> = self
            .docs
            .par_chunks(CHUNK)
            .enumerate()
            .map(|(chunk, docs)| {
                let mut map: FxHashMap<Cow<'_, str>, Vec<usize>> = FxHashMap::default();
                for (i, doc) in docs.iter().enumerate() {
                    let id = chunk * CHUNK + i;
                    for t in tokens(&doc.title).into_iter().chain(tokens(&doc.text)) {
                        let ids = map.entry(t).or_default();
                        if ids.last() != Some(&id) {
                            ids.push(id);
                        }
                    }
                }
                map
            })
            .collect();
        let mut parts = parts.into_iter();
        let mut all = parts.next().unwrap_or_default();
        for part in parts {
            for (t, ids) in part {
                all.entry(t).or_default().extend(ids);
            }
        }
        let mut out: Vec<_> = all.into_iter().collect();
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
        struct Sorted<'a>(Vec<(Cow<'a, str>, Vec<usize>)>);
        impl Serialize for Sorted<'_> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_map(self.0.iter().map(|(t, ids)| (t.as_ref(), ids)))
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

    #[test]
    fn bigrams_words_and_lone_characters() {
        assert_eq!(
            tokens("公交车 H5页面，局"),
            ["公交", "交车", "h5", "页面", "局"]
        );
        assert_eq!(tokens("Excel表HTML"), ["excel", "表", "html"]);
        assert_eq!(tokens(""), Vec::<Cow<str>>::new());
    }

    #[test]
    fn every_token_lists_each_document_having_it_once_in_order_across_chunks() {
        // More documents than one chunk holds, sharing tokens in different documents.
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
                let ids = expected.entry(t.into_owned()).or_default();
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
        }
        let got: Vec<(String, Vec<usize>)> = index
            .map()
            .into_iter()
            .map(|(t, ids)| (t.into_owned(), ids))
            .collect();
        assert_eq!(got, expected.into_iter().collect::<Vec<_>>());
    }
}
