//! Markdown bodies → a small block model shared by the Typst and HTML renderers.
//!
//! Only what an official document needs survives: paragraphs, four numbered heading levels, lists,
//! tables, quotes, emphasis. Raw HTML and code stay literal text; images become their alt text.
//! Heading numbers (一、 （一） 1. （1）) are generated here so PDF and HTML agree.

use std::path::Path;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::diag::{Diagnostic, LineIndex, Location};

#[derive(Debug, Clone, PartialEq)]
pub enum Inline {
    Text(String),
    Strong(Vec<Inline>),
    Emph(Vec<Inline>),
    LineBreak,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// `level` 1..=4 (Markdown `##`..`#####`); `number` is the generated or kept prefix.
    Heading {
        level: u8,
        number: String,
        content: Vec<Inline>,
    },
    Para(Vec<Inline>),
    List {
        ordered: bool,
        items: Vec<Vec<Block>>,
    },
    Table {
        header: Vec<Vec<Inline>>,
        rows: Vec<Vec<Vec<Inline>>>,
    },
    Quote(Vec<Block>),
    /// Code blocks and block HTML: shown as the literal text they are.
    Literal(String),
}

/// Plain text of inlines (for HTML ids, search, and measuring).
pub fn plain(inlines: &[Inline]) -> String {
    let mut s = String::new();
    for i in inlines {
        match i {
            Inline::Text(t) => s.push_str(t),
            Inline::Strong(c) | Inline::Emph(c) => s.push_str(&plain(c)),
            Inline::LineBreak => s.push('\n'),
        }
    }
    s
}

const CN_DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/// 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五.
pub fn chinese_number(n: usize) -> String {
    match n {
        0..=9 => CN_DIGITS[n].to_string(),
        10..=19 => format!("十{}", if n == 10 { "" } else { CN_DIGITS[n - 10] }),
        20..=99 => format!(
            "{}十{}",
            CN_DIGITS[n / 10],
            if n.is_multiple_of(10) {
                ""
            } else {
                CN_DIGITS[n % 10]
            }
        ),
        100..=999 => {
            let rest = n % 100;
            let tail = match rest {
                0 => String::new(),
                1..=9 => format!("零{}", CN_DIGITS[rest]),
                10..=19 => format!("一{}", chinese_number(rest)),
                _ => chinese_number(rest),
            };
            format!("{}百{}", CN_DIGITS[n / 100], tail)
        }
        _ => n.to_string(),
    }
}

fn heading_number(level: u8, n: usize) -> String {
    match level {
        1 => format!("{}、", chinese_number(n)),
        2 => format!("（{}）", chinese_number(n)),
        3 => format!("{n}."),
        _ => format!("（{n}）"),
    }
}

/// Does the heading already carry a number of its own (一、 （一） 1. （1） 第一章 …)?
fn has_own_number(text: &str) -> bool {
    let t = text.trim_start();
    let cn = |c: char| "零一二三四五六七八九十百".contains(c);
    let mut chars = t.chars();
    match chars.next() {
        Some('（') | Some('(') => {
            let inner: String = chars.take_while(|c| *c != '）' && *c != ')').collect();
            !inner.is_empty()
                && (inner.chars().all(cn) || inner.chars().all(|c| c.is_ascii_digit()))
        }
        Some('第') => true,
        Some(c) if cn(c) => t.chars().find(|c| !cn(*c)) == Some('、'),
        Some(c) if c.is_ascii_digit() => {
            matches!(
                t.chars().find(|c| !c.is_ascii_digit()),
                Some('.') | Some('．') | Some('、')
            )
        }
        _ => false,
    }
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x2E80..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF | 0x20000..=0x3FFFF)
}

/// Deeper nesting is certainly a mistake (or an attack), and every renderer walks it recursively.
const MAX_DEPTH: usize = 32;

struct Builder {
    /// Stack of open containers: each holds the blocks and the inline run being built.
    stack: Vec<Frame>,
    counters: [usize; 4],
}

#[derive(Default)]
struct Frame {
    kind: FrameKind,
    blocks: Vec<Block>,
    inlines: Vec<Inline>,
    /// Finished list items or table cells, for list and table frames.
    items: Vec<Vec<Block>>,
    cells: Vec<Vec<Inline>>,
    rows: Vec<Vec<Vec<Inline>>>,
    header: Vec<Vec<Inline>>,
}

#[derive(Default, PartialEq)]
enum FrameKind {
    #[default]
    Root,
    Para,
    Heading(u8),
    Strong,
    Emph,
    List(bool),
    Item,
    Quote,
    Table,
    Cell,
    Literal,
    Skip,
}

impl Builder {
    fn top(&mut self) -> &mut Frame {
        self.stack.last_mut().expect("root frame")
    }

    fn push(&mut self, kind: FrameKind) {
        self.stack.push(Frame {
            kind,
            ..Frame::default()
        });
    }

    fn text(&mut self, t: &str) {
        let inlines = &mut self.top().inlines;
        if let Some(Inline::Text(prev)) = inlines.last_mut() {
            prev.push_str(t);
        } else {
            inlines.push(Inline::Text(t.to_string()));
        }
    }

    /// A soft line break joins Chinese text without a space (a space would show in the PDF).
    fn soft_break(&mut self) {
        let prev = match self.top().inlines.last() {
            Some(Inline::Text(t)) => t.chars().last(),
            _ => None,
        };
        if prev.is_some_and(|c| !is_cjk(c)) {
            self.text(" ");
        } else {
            self.top().inlines.push(Inline::Text(String::new()));
        }
    }

    /// Closes a frame, putting what it built into its parent.
    fn pop(&mut self) {
        let frame = self.stack.pop().expect("frame to close");
        let inlines = clean(frame.inlines);
        let parent = self.top();
        match frame.kind {
            FrameKind::Para => {
                if !inlines.is_empty() {
                    parent.blocks.push(Block::Para(inlines));
                }
            }
            FrameKind::Heading(level) => {
                let level = level.clamp(1, 4);
                let text = plain(&inlines);
                let idx = level as usize - 1;
                self.counters[idx] += 1;
                for c in &mut self.counters[idx + 1..] {
                    *c = 0;
                }
                let number = if has_own_number(&text) {
                    String::new()
                } else {
                    heading_number(level, self.counters[idx])
                };
                self.top().blocks.push(Block::Heading {
                    level,
                    number,
                    content: inlines,
                });
            }
            FrameKind::Strong => parent.inlines.push(Inline::Strong(inlines)),
            FrameKind::Emph => parent.inlines.push(Inline::Emph(inlines)),
            FrameKind::List(ordered) => parent.blocks.push(Block::List {
                ordered,
                items: frame.items,
            }),
            FrameKind::Item => {
                let mut blocks = frame.blocks;
                if !inlines.is_empty() {
                    blocks.push(Block::Para(inlines));
                }
                parent.items.push(blocks);
            }
            FrameKind::Quote => parent.blocks.push(Block::Quote(frame.blocks)),
            FrameKind::Table => parent.blocks.push(Block::Table {
                header: frame.header,
                rows: frame.rows,
            }),
            FrameKind::Cell => parent.cells.push(inlines),
            FrameKind::Literal => {
                let text = plain(&inlines);
                let text = text.trim_end_matches('\n');
                if !text.is_empty() {
                    parent.blocks.push(Block::Literal(text.to_string()));
                }
            }
            FrameKind::Root | FrameKind::Skip => {}
        }
    }
}

/// Drops empty text runs (left by soft breaks) and merges neighbours.
fn clean(inlines: Vec<Inline>) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::with_capacity(inlines.len());
    for i in inlines {
        match (out.last_mut(), i) {
            (_, Inline::Text(t)) if t.is_empty() => {}
            (Some(Inline::Text(prev)), Inline::Text(t)) => prev.push_str(&t),
            (_, other) => out.push(other),
        }
    }
    out
}

/// Parses a body that starts on line `first_line` of `file`.
pub fn parse(body: &str, file: &Path, first_line: usize) -> Result<Vec<Block>, Diagnostic> {
    let index = LineIndex::new(body, first_line);
    let mut b = Builder {
        stack: vec![Frame::default()],
        counters: [0; 4],
    };
    let parser = Parser::new_ext(body, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH);
    for (event, range) in parser.into_offset_iter() {
        if b.stack.len() > MAX_DEPTH {
            let (line, col) = index.position(range.start);
            return Err(Diagnostic::error(
                Location::new(file, line, col),
                format!("lists or quotes nested more than {MAX_DEPTH} levels deep"),
            )
            .with_help("an official document needs a few levels at most; flatten the structure"));
        }
        match event {
            Event::Start(tag) => match tag {
                Tag::Paragraph => {
                    // Inside list items and cells the text stays in the enclosing frame.
                    b.push(FrameKind::Para)
                }
                Tag::Heading { level, .. } => {
                    let n = level as u8;
                    if n == 1 {
                        let (line, col) = index.position(range.start);
                        return Err(Diagnostic::error(
                            Location::new(file, line, col),
                            "a `#` heading in the body: the document title belongs in the front matter",
                        )
                        .with_help("put the title in `title:`; use `##` for 一、 headings, `###` for （一）, `####` for 1., `#####` for （1）"));
                    }
                    if n > 5 {
                        let (line, col) = index.position(range.start);
                        return Err(Diagnostic::error(
                            Location::new(file, line, col),
                            "GB/T 9704 has four heading levels; this is a fifth",
                        )
                        .with_help("use `##` to `#####`"));
                    }
                    b.push(FrameKind::Heading(n - 1))
                }
                Tag::Strong => b.push(FrameKind::Strong),
                Tag::Emphasis | Tag::Strikethrough => b.push(FrameKind::Emph),
                Tag::List(start) => b.push(FrameKind::List(start.is_some())),
                Tag::Item => b.push(FrameKind::Item),
                Tag::BlockQuote(_) => b.push(FrameKind::Quote),
                Tag::CodeBlock(_) | Tag::HtmlBlock => b.push(FrameKind::Literal),
                Tag::Table(_) => b.push(FrameKind::Table),
                Tag::TableHead | Tag::TableRow => {}
                Tag::TableCell => b.push(FrameKind::Cell),
                // Links keep their text; images their alt text; the targets are dropped so a
                // document never points anywhere its reader did not see.
                Tag::Link { .. } | Tag::Image { .. } => {}
                _ => b.push(FrameKind::Skip),
            },
            Event::End(end) => match end {
                TagEnd::TableHead => {
                    let t = b.top();
                    t.header = std::mem::take(&mut t.cells);
                }
                TagEnd::TableRow => {
                    let t = b.top();
                    let row = std::mem::take(&mut t.cells);
                    t.rows.push(row);
                }
                TagEnd::Link | TagEnd::Image => {}
                _ => b.pop(),
            },
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => b.text(&t),
            Event::SoftBreak => b.soft_break(),
            Event::HardBreak => b.top().inlines.push(Inline::LineBreak),
            Event::Rule => {}
            _ => {}
        }
    }
    Ok(b.stack.pop().map(|f| f.blocks).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Vec<Block> {
        parse(s, Path::new("t.md"), 1).unwrap()
    }

    #[test]
    fn chinese_numbers() {
        assert_eq!(chinese_number(1), "一");
        assert_eq!(chinese_number(10), "十");
        assert_eq!(chinese_number(14), "十四");
        assert_eq!(chinese_number(30), "三十");
        assert_eq!(chinese_number(99), "九十九");
        assert_eq!(chinese_number(105), "一百零五");
        assert_eq!(chinese_number(110), "一百一十");
    }

    #[test]
    fn headings_are_numbered_per_level() {
        let b = p("## 甲\n\n### 子\n\n### 丑\n\n## 乙\n\n### 寅\n\n#### 卯\n\n##### 辰\n");
        let nums: Vec<_> = b
            .iter()
            .map(|b| match b {
                Block::Heading { number, .. } => number.clone(),
                _ => String::new(),
            })
            .collect();
        assert_eq!(
            nums,
            ["一、", "（一）", "（二）", "二、", "（一）", "1.", "（1）"]
        );
    }

    #[test]
    fn own_numbers_are_kept() {
        let b = p("## 三、自带编号\n");
        assert_eq!(
            b,
            vec![Block::Heading {
                level: 1,
                number: String::new(),
                content: vec![Inline::Text("三、自带编号".into())]
            }]
        );
        assert!(has_own_number("（二）甲"));
        assert!(has_own_number("12. 甲"));
        assert!(!has_own_number("一体化推进"));
        assert!(!has_own_number("2020年工作"));
    }

    #[test]
    fn soft_breaks_join_chinese_without_space() {
        assert_eq!(
            p("第一行\n第二行\n"),
            vec![Block::Para(vec![Inline::Text("第一行第二行".into())])]
        );
        assert_eq!(
            p("word\nnext\n"),
            vec![Block::Para(vec![Inline::Text("word next".into())])]
        );
    }

    #[test]
    fn markup_and_html_stay_text() {
        let b = p("<script>x</script>\n\n正文 <b>粗</b> `#panic()` [链接](javascript:alert(1))\n");
        assert_eq!(b[0], Block::Literal("<script>x</script>".into()));
        assert_eq!(
            b[1],
            Block::Para(vec![Inline::Text("正文 <b>粗</b> #panic() 链接".into())])
        );
    }

    #[test]
    fn title_heading_is_an_error_with_position() {
        let e = parse("正文\n\n# 标题\n", Path::new("n.md"), 10).unwrap_err();
        assert!(
            e.to_string().starts_with("n.md:12:1: error: a `#` heading"),
            "{e}"
        );
    }

    #[test]
    fn absurd_nesting_is_an_error_not_a_crash() {
        let deep = ">".repeat(10_000) + " 深";
        let e = parse(&deep, Path::new("d.md"), 1).unwrap_err();
        assert!(e.to_string().starts_with("d.md:1:"), "{e}");
        assert!(e.to_string().contains("nested more than 32 levels"), "{e}");
    }

    #[test]
    fn tables_and_lists() {
        let b = p("| a | b |\n|---|---|\n| 1 | 2 |\n\n- x\n- y\n");
        assert!(
            matches!(&b[0], Block::Table { header, rows } if header.len() == 2 && rows.len() == 1)
        );
        assert!(matches!(&b[1], Block::List { ordered: false, items } if items.len() == 2));
    }
}
