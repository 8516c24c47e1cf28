//! Keeping false positives quiet: words the project allows (`proofread: allow:`), and
//! `gongwen: allow <rule>` comments in the source (`<!-- … -->` in Markdown, `# …` in YAML) on the
//! line of a finding, or alone on the line before it.

use std::collections::HashMap;
use std::ops::Range;

/// Whether the flagged bytes `span` of `text` lie inside an occurrence of an allowed word.
pub(crate) fn covered(text: &str, span: &Range<usize>, words: &[String]) -> bool {
    words.iter().any(|w| {
        text.match_indices(w.as_str())
            .any(|(at, w)| at <= span.start && span.end <= at + w.len())
    })
}

/// The rules a line's findings may break: none named means every rule.
pub(crate) type Allowed = HashMap<usize, Vec<String>>;

/// The `gongwen: allow` directives of a file, by the line they apply to.
pub(crate) fn directives(source: &str) -> Allowed {
    let mut out: Allowed = HashMap::new();
    for (i, line) in source.lines().enumerate() {
        let Some(at) = line.find("gongwen:") else {
            continue;
        };
        let before = &line[..at];
        let opener = before
            .rfind("<!--")
            .map(|o| (o, 4))
            .or_else(|| before.rfind('#').map(|o| (o, 1)));
        let Some((open, len)) = opener else { continue };
        if !before[open + len..].trim().is_empty() {
            continue;
        }
        let Some(rest) = line[at + "gongwen:".len()..]
            .trim_start()
            .strip_prefix("allow")
        else {
            continue;
        };
        let rest = rest.split("-->").next().unwrap_or(rest);
        let rules: Vec<String> = rest
            .split(|c: char| c.is_whitespace() || c == ',' || c == '，')
            .filter(|t| !t.is_empty())
            .map(String::from)
            .collect();
        let alone = line[..open].trim().is_empty();
        let lines = if alone {
            vec![i + 1, i + 2]
        } else {
            vec![i + 1]
        };
        for l in lines {
            out.entry(l).or_default().extend(rules.iter().cloned());
            if rules.is_empty() {
                // An empty list allows everything: keep it empty.
                out.insert(l, Vec::new());
            }
        }
    }
    out
}

/// Whether the directives allow `rule` on `line`.
pub(crate) fn allows(allowed: &Allowed, line: usize, rule: &str) -> bool {
    allowed
        .get(&line)
        .is_some_and(|rules| rules.is_empty() || rules.iter().any(|r| r == rule))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_cover_a_finding_only_whole() {
        let words = vec!["研究研究".to_string()];
        assert!(covered("要研究研究再定", &(3..15), &words));
        assert!(!covered("要研究研究再定", &(3..18), &words));
        assert!(!covered("优化优化", &(0..12), &words));
    }

    #[test]
    fn directives_on_the_line_or_alone_before_it() {
        let src = "甲甲 <!-- gongwen: allow repeated-word -->\n<!-- gongwen: allow dash, title-stop -->\n乙\n丙\ntitle: 丁  # gongwen: allow\n说 gongwen: allow x\n";
        let d = directives(src);
        assert!(allows(&d, 1, "repeated-word"));
        assert!(!allows(&d, 1, "dash"));
        assert!(allows(&d, 2, "dash") && allows(&d, 3, "title-stop"));
        assert!(!allows(&d, 4, "dash"));
        assert!(allows(&d, 5, "anything"));
        assert!(!allows(&d, 6, "x"), "not in a comment");
    }
}
