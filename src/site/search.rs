//! The site's search index: documents and a token → documents map, shipped as a .js file so it
//! loads from file://. Tokens: CJK runs as overlapping bigrams (a lone character as itself),
//! letter/digit runs as lower-case words — exactly what assets/search.js does to a query.

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

/// The documents and the token → documents map.
#[derive(Default)]
pub(crate) struct Index {
    docs: Vec<Doc>,
    index: BTreeMap<String, Vec<usize>>,
}

pub(crate) fn tokens(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut run: Vec<char> = Vec::new();
    let mut word = String::new();
    let flush_run = |run: &mut Vec<char>, out: &mut Vec<String>| {
        if run.len() == 1 {
            out.push(run[0].to_string());
        }
        for w in run.windows(2) {
            out.push(w.iter().collect());
        }
        run.clear();
    };
    let flush_word = |word: &mut String, out: &mut Vec<String>| {
        if !word.is_empty() {
            out.push(word.to_lowercase());
            word.clear();
        }
    };
    for c in text.chars() {
        if is_ideograph(c) {
            flush_word(&mut word, &mut out);
            run.push(c);
        } else if c.is_ascii_alphanumeric() {
            flush_run(&mut run, &mut out);
            word.push(c);
        } else {
            flush_run(&mut run, &mut out);
            flush_word(&mut word, &mut out);
        }
    }
    flush_run(&mut run, &mut out);
    flush_word(&mut word, &mut out);
    out
}

impl Index {
    pub(crate) fn add(&mut self, doc: Doc) {
        let id = self.docs.len();
        let mut seen: Vec<String> = tokens(&doc.title)
            .into_iter()
            .chain(tokens(&doc.text))
            .collect();
        seen.sort();
        seen.dedup();
        for t in seen {
            self.index.entry(t).or_default().push(id);
        }
        self.docs.push(doc);
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
            index: &self.index,
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
    }
}
