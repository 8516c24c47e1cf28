//! Imported text as gongwen Markdown: headings, paragraphs with their line breaks, simple lists
//! and tables — every character the unit typed kept as text. Markdown's own marks in it are
//! escaped, so `*`, `#`, `<b>` or `1.` at a line's start mean what they meant in Word.

use crate::docx::import::read::{Block, Cell, Para};
use crate::rules::numbering::has_own_number;

/// Escapes what Markdown would read as markup, line by line; a line feed becomes a hard break.
pub(crate) fn escape(text: &str) -> String {
    let lines: Vec<String> = text
        .split('\n')
        .map(|l| escape_line(l.trim_matches(|c: char| c.is_whitespace())))
        .filter(|l| !l.is_empty())
        .collect();
    lines.join("\\\n")
}

fn escape_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    for c in line.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '&' | '!'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    // What only means something at a line's start: list and quote markers, setext and
    // thematic-break lines, ordered-list numbers ("1." "1)").
    let first = out.chars().next();
    if matches!(first, Some('-' | '+' | '=')) {
        out.insert(0, '\\');
    } else if first.is_some_and(|c| c.is_ascii_digit()) {
        let digits = out.chars().take_while(char::is_ascii_digit).count();
        if matches!(out[digits..].chars().next(), Some('.' | ')')) {
            out.insert(digits, '\\');
        }
    }
    out
}

/// The heading level a paragraph stands for: its style's outline level, a heading style's
/// name, or a short line starting with a GB/T heading number (一、 （一） 1. （1）) that does not
/// end like a sentence.
pub(crate) fn heading_level(p: &Para) -> Option<usize> {
    if let Some(o) = p.outline.filter(|o| *o < 9) {
        return Some((o + 1).min(4));
    }
    let text = p.text.trim();
    if text.is_empty() || text.contains('\n') {
        return None;
    }
    let lower = p.style.to_lowercase();
    for (level, names) in [
        (1, ["heading 1", "标题 1", "一级标题"]),
        (2, ["heading 2", "标题 2", "二级标题"]),
        (3, ["heading 3", "标题 3", "三级标题"]),
        (4, ["heading 4", "标题 4", "四级标题"]),
    ] {
        if names.contains(&lower.as_str()) {
            return Some(level);
        }
    }
    let sentence = text.ends_with(['。', '；', '，', '：', '.', ';']);
    if !has_own_number(text) || sentence || text.chars().count() > 40 {
        return None;
    }
    let first = text.chars().next()?;
    Some(match first {
        '（' | '(' if text.chars().nth(1).is_some_and(|c| c.is_ascii_digit()) => 4,
        '（' | '(' => 2,
        c if c.is_ascii_digit() => 3,
        _ => 1,
    })
}

fn table(rows: &[Vec<Cell>]) -> String {
    let cols = rows
        .iter()
        .map(|r| r.iter().map(|c| c.span.max(1)).sum::<usize>())
        .max()
        .unwrap_or(0);
    if cols == 0 {
        return String::new();
    }
    let cell_text = |c: &Cell| {
        if c.merged {
            String::new()
        } else {
            let t = c.text().replace("\n\n", " ").replace('\n', " ");
            escape_line(t.trim())
        }
    };
    let line = |r: &[Cell]| {
        let mut cells: Vec<String> = Vec::new();
        for c in r {
            cells.push(cell_text(c));
            cells.extend(std::iter::repeat_n(String::new(), c.span.max(1) - 1));
        }
        cells.resize(cols, String::new());
        format!("| {} |", cells.join(" | "))
    };
    let mut out = vec![line(&rows[0]), format!("|{}", " --- |".repeat(cols))];
    out.extend(rows[1..].iter().map(|r| line(r)));
    out.join("\n")
}

/// Blocks as a Markdown body.
pub(crate) fn body(blocks: &[Block]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut in_list = false;
    for b in blocks {
        match b {
            Block::Para(p) => {
                let text = escape(&p.text);
                if text.is_empty() {
                    continue;
                }
                if let Some(level) = heading_level(p) {
                    parts.push(format!(
                        "{} {}",
                        "#".repeat(level + 1),
                        text.replace("\\\n", " ")
                    ));
                    in_list = false;
                } else if p.list {
                    let item = format!("- {}", text.replace("\\\n", "\\\n  "));
                    match (in_list, parts.last_mut()) {
                        (true, Some(last)) => {
                            last.push('\n');
                            last.push_str(&item);
                        }
                        _ => parts.push(item),
                    }
                    in_list = true;
                } else {
                    parts.push(text);
                    in_list = false;
                }
            }
            Block::Table(rows) => {
                let t = table(rows);
                if !t.is_empty() {
                    parts.push(t);
                }
                in_list = false;
            }
        }
    }
    let mut s = parts.join("\n\n");
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::{self, Inline};

    fn round_trip(text: &str) -> String {
        let md = escape(text);
        let blocks = markdown::parse(&md, std::path::Path::new("t.md"), 1, &mut Vec::new())
            .unwrap_or_else(|e| panic!("{md:?}: {e}"));
        match blocks.as_slice() {
            [markdown::Block::Para(inlines)] => inlines
                .iter()
                .map(|i| match i {
                    Inline::Text(t) => t.clone(),
                    Inline::LineBreak => "\n".into(),
                    other => panic!("{md:?} gave {other:?}"),
                })
                .collect(),
            other => panic!("{text:?} → {md:?} → {other:?}"),
        }
    }

    #[test]
    fn marks_typed_in_word_stay_text() {
        for s in [
            "*强调* 与 **加粗** 和 _下划线_",
            "# 不是标题",
            "## 也不是",
            "- 不是列表",
            "+ 也不是",
            "1. 不是编号",
            "2020) 年",
            "> 不是引用",
            "<script>alert(1)</script> <b>粗</b>",
            "&amp; &#x20BB7; &lt;",
            "`代码` ~~删除~~ [链接](http://x) ![图](y)",
            "a | b | c",
            "反斜杠 \\ 和 \\*",
            "---",
            "===",
            "#panic() $x$ @ref <lbl>",
            "第一行\n第二行",
        ] {
            assert_eq!(round_trip(s), s, "{s:?}");
        }
    }

    #[test]
    fn headings_from_styles_outline_levels_and_numbers() {
        let p = |text: &str, style: &str, outline: Option<usize>| Para {
            text: text.into(),
            style: style.into(),
            outline,
            list: false,
        };
        assert_eq!(heading_level(&p("主要工作", "Heading 2", None)), Some(2));
        assert_eq!(heading_level(&p("主要工作", "标题 1", None)), Some(1));
        assert_eq!(heading_level(&p("主要工作", "Normal", Some(0))), Some(1));
        assert_eq!(heading_level(&p("一、主要工作", "Normal", None)), Some(1));
        assert_eq!(heading_level(&p("（二）宣传", "Normal", None)), Some(2));
        assert_eq!(heading_level(&p("3.培训", "Normal", None)), Some(3));
        assert_eq!(heading_level(&p("（4）督查", "Normal", None)), Some(4));
        assert_eq!(
            heading_level(&p("一、全年共开展督查三次，发现问题五个。", "Normal", None)),
            None
        );
        assert_eq!(heading_level(&p("普通段落", "Normal", None)), None);
    }
}
