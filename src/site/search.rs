//! The site's search index: documents and a token → documents map, shipped as a .js file so it
//! loads from file://. Tokens: CJK runs as overlapping bigrams (a lone character as itself),
//! letter/digit runs as lower-case words — exactly what assets/search.js does to a query.

use std::borrow::Cow;
use std::collections::BTreeMap;

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

    /// Token → the documents (by number) that have it. Each document's tokens are found on
    /// every core (a large project's pages hold megabytes of text), then merged in order.
    fn map(&self) -> BTreeMap<String, Vec<usize>> {
        use rayon::prelude::*;
        let per_doc: Vec<Vec<Cow<'_, str>>> = self
            .docs
            .par_iter()
            .map(|doc| {
                let mut seen: Vec<Cow<'_, str>> = tokens(&doc.title)
                    .into_iter()
                    .chain(tokens(&doc.text))
                    .collect();
                seen.sort_unstable();
                seen.dedup();
                seen
            })
            .collect();
        let mut index: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (id, seen) in per_doc.into_iter().enumerate() {
            for t in seen {
                match index.get_mut(t.as_ref()) {
                    Some(docs) => docs.push(id),
                    None => {
                        index.insert(t.into_owned(), vec![id]);
                    }
                }
            }
        }
        index
    }

    /// `window.GONGWEN_SEARCH = {...};` — JSON is valid JavaScript, and serde_json escapes
    /// everything a string literal needs.
    pub(crate) fn to_js(&self) -> String {
        #[derive(Serialize)]
        struct Out<'a> {
            docs: &'a [Doc],
            index: &'a BTreeMap<String, Vec<usize>>,
        }
        let json = serde_json::to_string(&Out {
            docs: &self.docs,
            index: &self.map(),
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
}
