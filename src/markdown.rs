//! Markdown bodies → a small block model shared by the Typst and HTML renderers.
//!
//! Only what an official document needs survives: paragraphs, four numbered heading levels, lists,
//! tables, quotes, emphasis, and images (a figure after the paragraph that names them, captioned
//! with their alt text). Raw HTML and code stay literal text.
//! Heading numbers (一、 （一） 1. （1）) are generated here so PDF and HTML agree.

use crate::i18n::t;
use std::path::Path;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::diag::{Diagnostic, LineIndex, Location};
use crate::limits;
use crate::rules::numbering::{has_own_number, heading_number};
use crate::text::{Part, Role, SourceText, is_wide, roles};

// Serialize: the .docx fingerprints hash views that hold these (fingerprint::of_value).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub(crate) enum Inline {
    Text(String),
    Strong(Vec<Inline>),
    Emph(Vec<Inline>),
    LineBreak,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub(crate) enum Block {
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
    Image(Image),
}

/// A picture the body names (`![说明](photo.jpg)`), set as a figure captioned with its alt text.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub(crate) struct Image {
    /// As written, relative to the Markdown file.
    pub(crate) src: String,
    pub(crate) alt: String,
    /// Where it is named, for messages only: no output depends on it.
    #[serde(skip)]
    pub(crate) location: Location,
    /// Filled in when it is loaded (load::images): the file relative to the project, its size in
    /// pixels, and its name in the site's media folder.
    pub(crate) file: String,
    pub(crate) pixels: (u32, u32),
    pub(crate) media: String,
}

/// Plain text of inlines (for HTML ids, search, and measuring).
pub(crate) fn plain(inlines: &[Inline]) -> String {
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

/// Deeper nesting is certainly a mistake (or an attack), and every renderer walks it recursively.
const MAX_DEPTH: usize = 32;

struct Builder {
    /// Stack of open containers: each holds the blocks and the inline run being built.
    stack: Vec<Frame>,
    /// Images met inside a paragraph (or cell): set after it, in the next block container.
    pending: Vec<Block>,
    /// The images being read: where each starts and its target.
    images: Vec<(String, Location)>,
    counters: [usize; 4],
    /// Inside a table's header row (printed in 黑体).
    in_head: bool,
    /// Counts block boundaries, so a recorded text knows whether it continues the previous one.
    block_seq: usize,
    recorded_seq: Option<usize>,
    /// The lines of the HTML block being read, with their offsets: its comments are dropped
    /// when it ends.
    html: Vec<(String, usize)>,
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
    Image,
    Skip,
}

impl Builder {
    /// The typefaces text at this point is printed in: 一、 headings and table heads in 黑体,
    /// （一） headings in 楷体, the rest in 仿宋.
    fn roles(&self) -> &'static [Role] {
        let heading = self.stack.iter().rev().find_map(|f| match f.kind {
            FrameKind::Heading(level) => Some(level),
            _ => None,
        });
        match heading {
            Some(1) => roles::HEI,
            Some(2) => roles::KAI,
            Some(_) => roles::BODY,
            None if self.in_head => roles::HEI,
            None => roles::BODY,
        }
    }

    fn top(&mut self) -> &mut Frame {
        self.stack.last_mut().expect("root frame")
    }

    /// What the text at this point is part of: a heading, a top-level paragraph, or another block
    /// (a picture's caption too, though Markdown writes it inside a paragraph).
    fn part(&self) -> Part {
        if self.stack.iter().any(|f| f.kind == FrameKind::Image) {
            return Part::Other;
        }
        match self.stack.get(1).map(|f| &f.kind) {
            Some(FrameKind::Heading(level)) => Part::Heading(*level),
            Some(FrameKind::Para) => Part::Para,
            _ if self.stack.iter().any(|f| f.kind == FrameKind::Literal) => Part::Literal,
            _ => Part::Other,
        }
    }

    /// Records a text that will be printed, with where it stands.
    fn record(&mut self, printed: &mut Vec<SourceText>, location: Location, text: &str) {
        printed.push(SourceText {
            location,
            text: text.to_string(),
            roles: self.roles(),
            part: self.part(),
            joined: self.recorded_seq == Some(self.block_seq),
        });
        self.recorded_seq = Some(self.block_seq);
    }

    fn push(&mut self, kind: FrameKind) {
        if !matches!(kind, FrameKind::Strong | FrameKind::Emph) {
            self.block_seq += 1;
        }
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
        if prev.is_some_and(|c| !is_wide(c)) {
            self.text(" ");
        } else {
            self.top().inlines.push(Inline::Text(String::new()));
        }
    }

    /// Closes a frame, putting what it built into its parent.
    fn pop(&mut self) {
        let frame = self.stack.pop().expect("frame to close");
        if !matches!(frame.kind, FrameKind::Strong | FrameKind::Emph) {
            self.block_seq += 1;
        }
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
            FrameKind::Image => {
                if let Some((src, location)) = self.images.pop() {
                    self.pending.push(Block::Image(Image {
                        src,
                        alt: plain(&inlines).trim().to_string(),
                        location,
                        file: String::new(),
                        pixels: (0, 0),
                        media: String::new(),
                    }));
                }
            }
            FrameKind::Root | FrameKind::Skip => {}
        }
        // Pictures follow the paragraph that names them, in the nearest container of blocks.
        if !self.pending.is_empty()
            && matches!(
                self.top().kind,
                FrameKind::Root | FrameKind::Item | FrameKind::Quote
            )
        {
            let pending = std::mem::take(&mut self.pending);
            self.top().blocks.extend(pending);
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

/// The byte ranges of `s` left when its closed HTML comments `<!-- … -->` are taken out. An
/// unclosed `<!--` stays text: a forgotten `-->` must not hide the rest of a document.
fn outside_comments(s: &str) -> Vec<std::ops::Range<usize>> {
    let mut keep = Vec::new();
    let mut from = 0;
    while let Some(open) = s[from..].find("<!--").map(|i| from + i) {
        let Some(close) = s[open + 4..].find("-->").map(|i| open + 4 + i + 3) else {
            break;
        };
        if open > from {
            keep.push(from..open);
        }
        from = close;
    }
    if from < s.len() {
        keep.push(from..s.len());
    }
    keep
}

/// Parses a body that starts on line `first_line` of `file`.
/// Every text node is recorded in `printed` with its position and the typeface it is printed in,
/// after entities are decoded (`&#x20BB7;` is checked as the character it prints). HTML comments
/// are not printed: they hold notes and `gongwen: allow` directives.
pub(crate) fn parse(
    body: &str,
    file: &Path,
    first_line: usize,
    printed: &mut Vec<SourceText>,
) -> Result<Vec<Block>, Diagnostic> {
    let index = LineIndex::new(body, first_line);
    let mut b = Builder {
        stack: vec![Frame::default()],
        pending: Vec::new(),
        images: Vec::new(),
        counters: [0; 4],
        in_head: false,
        block_seq: 0,
        recorded_seq: None,
        html: Vec::new(),
    };
    let at = |offset: usize| {
        let (line, col) = index.position(offset);
        Location::new(file, line, col)
    };
    let parser = Parser::new_ext(body, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH);
    // A link definition (`[注]: 说明`, or a footnote written `[^1]: 说明`) prints nothing, and
    // gongwen prints no link targets, so its text would vanish without a word.
    let first_definition = parser
        .reference_definitions()
        .iter()
        .map(|(_, d)| d.span.start)
        .min();
    if let Some(start) = first_definition {
        return Err(Diagnostic::error(at(start), t!("markdown-link-definition"))
            .with_help(t!("markdown-link-definition-help")));
    }
    // Where the current paragraph starts, and how many characters it has so far.
    let (mut para_start, mut para_chars) = (0, 0);
    for (event, range) in parser.into_offset_iter() {
        if matches!(event, Event::Start(Tag::Paragraph)) {
            (para_start, para_chars) = (range.start, 0);
        }
        if b.stack.len() > MAX_DEPTH {
            return Err(Diagnostic::error(
                at(range.start),
                t!("markdown-too-deep", levels = MAX_DEPTH),
            )
            .with_help(t!("markdown-too-deep-help")));
        }
        if let Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) = &event {
            para_chars += t.chars().count();
            if para_chars > limits::PARAGRAPH_CHARS {
                return Err(Diagnostic::error(
                    at(para_start),
                    t!("paragraph-too-long", limit = limits::PARAGRAPH_CHARS),
                )
                .with_help(t!("paragraph-too-long-help")));
            }
        }
        match event {
            Event::Start(Tag::Image { dest_url, .. }) => {
                b.images.push((dest_url.to_string(), at(range.start)));
                b.push(FrameKind::Image);
            }
            Event::Start(tag) => b
                .start(tag)
                .map_err(|(msg, help)| Diagnostic::error(at(range.start), msg).with_help(help))?,
            Event::End(TagEnd::HtmlBlock) => b.end_html(printed, &at),
            Event::End(end) => b.end(end),
            Event::Html(t) => b.html.push((t.to_string(), range.start)),
            Event::InlineHtml(t) if t.starts_with("<!--") => {}
            Event::Text(t) | Event::Code(t) | Event::InlineHtml(t) => {
                b.record(printed, at(range.start), &t);
                b.text(&t)
            }
            Event::SoftBreak => b.soft_break(),
            Event::HardBreak => b.top().inlines.push(Inline::LineBreak),
            _ => {}
        }
    }
    let mut blocks = b.stack.pop().map(|f| f.blocks).unwrap_or_default();
    blocks.append(&mut b.pending);
    Ok(blocks)
}

impl Builder {
    /// Opens the frame a tag starts; a heading GB/T 9704 has no level for is an error.
    fn start(&mut self, tag: Tag) -> Result<(), (String, String)> {
        if !matches!(
            tag,
            Tag::Strong | Tag::Emphasis | Tag::Strikethrough | Tag::Link { .. } | Tag::Image { .. }
        ) {
            self.item_text_to_para();
        }
        match tag {
            // Inside list items and cells the text stays in the enclosing frame.
            Tag::Paragraph => self.push(FrameKind::Para),
            Tag::Heading { level, .. } => {
                let n = level as u8;
                if n == 1 {
                    return Err((t!("heading-one"), t!("heading-one-help")));
                }
                if n > 5 {
                    return Err((t!("heading-five"), t!("heading-five-help")));
                }
                self.push(FrameKind::Heading(n - 1))
            }
            Tag::Strong => self.push(FrameKind::Strong),
            Tag::Emphasis | Tag::Strikethrough => self.push(FrameKind::Emph),
            Tag::List(start) => self.push(FrameKind::List(start.is_some())),
            Tag::Item => self.push(FrameKind::Item),
            Tag::BlockQuote(_) => self.push(FrameKind::Quote),
            Tag::CodeBlock(_) | Tag::HtmlBlock => self.push(FrameKind::Literal),
            Tag::Table(_) => self.push(FrameKind::Table),
            Tag::TableHead => self.in_head = true,
            Tag::TableRow => {}
            Tag::TableCell => self.push(FrameKind::Cell),
            // Links keep their text; the targets are dropped so a document never points
            // anywhere its reader did not see.
            Tag::Link { .. } => {}
            _ => self.push(FrameKind::Skip),
        }
        Ok(())
    }

    /// A tight list item holds its text directly, not in a paragraph: before a block nested in
    /// the item (a sublist) the text so far becomes the item's paragraph, so it stays first.
    fn item_text_to_para(&mut self) {
        let top = self.top();
        if matches!(top.kind, FrameKind::Item) && !top.inlines.is_empty() {
            let inlines = clean(std::mem::take(&mut top.inlines));
            if !inlines.is_empty() {
                top.blocks.push(Block::Para(inlines));
            }
        }
    }

    /// Ends an HTML block: what is outside its comments is printed as literal text.
    fn end_html(&mut self, printed: &mut Vec<SourceText>, at: &dyn Fn(usize) -> Location) {
        let lines = std::mem::take(&mut self.html);
        let mut starts = Vec::with_capacity(lines.len());
        let mut joined = String::new();
        for (t, _) in &lines {
            starts.push(joined.len());
            joined.push_str(t);
        }
        // What is left between and after comments is often just their line ends.
        for keep in outside_comments(&joined) {
            if joined[keep.clone()].trim().is_empty() {
                continue;
            }
            // Back to the source: the line the kept text starts on, and its offset there.
            let i = starts.partition_point(|&s| s <= keep.start) - 1;
            let location = at(lines[i].1 + keep.start - starts[i]);
            self.record(printed, location, &joined[keep.clone()]);
            self.text(&joined[keep]);
        }
        self.end(TagEnd::HtmlBlock);
    }

    fn end(&mut self, end: TagEnd) {
        match end {
            TagEnd::TableHead => {
                self.in_head = false;
                let t = self.top();
                t.header = std::mem::take(&mut t.cells);
            }
            TagEnd::TableRow => {
                let t = self.top();
                let row = std::mem::take(&mut t.cells);
                t.rows.push(row);
            }
            TagEnd::Link => {}
            _ => self.pop(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Vec<Block> {
        parse(s, Path::new("t.md"), 1, &mut Vec::new()).unwrap()
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
        let e = parse("正文\n\n# 标题\n", Path::new("n.md"), 10, &mut Vec::new()).unwrap_err();
        assert!(
            e.to_string()
                .starts_with("n.md:12:1: 错误: 正文中有 `#` 标题"),
            "{e}"
        );
    }

    #[test]
    fn absurd_nesting_is_an_error_not_a_crash() {
        let deep = ">".repeat(10_000) + " 深";
        let e = parse(&deep, Path::new("d.md"), 1, &mut Vec::new()).unwrap_err();
        assert!(e.to_string().starts_with("d.md:1:"), "{e}");
        assert!(e.to_string().contains("嵌套超过 32 层"), "{e}");
    }

    #[test]
    fn tables_and_lists() {
        let b = p("| a | b |\n|---|---|\n| 1 | 2 |\n\n- x\n- y\n");
        assert!(
            matches!(&b[0], Block::Table { header, rows } if header.len() == 2 && rows.len() == 1)
        );
        assert!(matches!(&b[1], Block::List { ordered: false, items } if items.len() == 2));
    }

    #[test]
    fn a_link_definition_is_an_error_not_a_vanished_line() {
        let e = parse(
            "正文[^1]。\n\n[^1]: 脚注内容\n",
            Path::new("n.md"),
            6,
            &mut Vec::new(),
        )
        .unwrap_err();
        assert!(e.to_string().starts_with("n.md:8:1: 错误: "), "{e}");
        // Escaped, it is text.
        let b = p("\\[注]: 说明\n");
        assert!(
            matches!(&b[0], Block::Para(t) if plain(t) == "[注]: 说明"),
            "{b:?}"
        );
    }

    #[test]
    fn a_tight_items_text_comes_before_its_sublist() {
        let b = p("- 外层一\n  1. 内层二\n- 外层三\n");
        let Block::List { items, .. } = &b[0] else {
            panic!("{b:?}")
        };
        assert!(
            matches!(&items[0][0], Block::Para(t) if plain(t) == "外层一"),
            "{items:?}"
        );
        assert!(matches!(&items[0][1], Block::List { ordered: true, items } if items.len() == 1));
        assert!(matches!(&items[1][..], [Block::Para(t)] if plain(t) == "外层三"));
    }

    #[test]
    fn every_text_is_recorded_where_it_stands_after_entities_are_decoded() {
        let mut printed = Vec::new();
        parse(
            "正文&#x20BB7;\n\n## 一级\n\n### 二级\n\n| 表头 |\n|---|\n| 格 |\n",
            Path::new("t.md"),
            5,
            &mut printed,
        )
        .unwrap();
        let got: Vec<_> = printed
            .iter()
            .map(|t| (t.location.line, t.location.column, t.text.as_str(), t.roles))
            .collect();
        assert_eq!(
            got,
            [
                (5, 1, "正文", roles::BODY),
                (5, 3, "𠮷", roles::BODY),
                (7, 4, "一级", roles::HEI),
                (9, 5, "二级", roles::KAI),
                (11, 3, "表头", roles::HEI),
                (13, 3, "格", roles::BODY),
            ]
        );
    }

    #[test]
    fn html_comments_are_not_printed_but_an_unclosed_one_is() {
        let mut printed = Vec::new();
        let b = parse(
            "正文<!-- gongwen: allow repeated-word -->\n\n<!-- 注释\n两行 -->\n\n段落\n\n<div>留</div><!-- 去 -->\n\n<!-- 未闭合\n",
            Path::new("t.md"),
            1,
            &mut printed,
        )
        .unwrap();
        assert_eq!(
            b,
            vec![
                Block::Para(vec![Inline::Text("正文".into())]),
                Block::Para(vec![Inline::Text("段落".into())]),
                Block::Literal("<div>留</div>".into()),
                Block::Literal("<!-- 未闭合".into()),
            ]
        );
        let texts: Vec<_> = printed
            .iter()
            .map(|t| (t.location.line, t.location.column, t.text.trim_end()))
            .collect();
        assert_eq!(
            texts,
            [
                (1, 1, "正文"),
                (6, 1, "段落"),
                (8, 1, "<div>留</div>"),
                (10, 1, "<!-- 未闭合")
            ]
        );
    }

    #[test]
    fn texts_know_their_block_and_whether_they_continue_the_previous_one() {
        let mut printed = Vec::new();
        parse(
            "第一行\n第二**粗**行\n\n## 标题\n\n- 项\n\n> 引\n\n前![图注](a.png)后\n",
            Path::new("t.md"),
            1,
            &mut printed,
        )
        .unwrap();
        let got: Vec<_> = printed
            .iter()
            .map(|t| (t.text.as_str(), t.part, t.joined))
            .collect();
        assert_eq!(
            got,
            [
                ("第一行", Part::Para, false),
                ("第二", Part::Para, true),
                ("粗", Part::Para, true),
                ("行", Part::Para, true),
                ("标题", Part::Heading(1), false),
                ("项", Part::Other, false),
                ("引", Part::Other, false),
                ("前", Part::Para, false),
                ("图注", Part::Other, false),
                ("后", Part::Para, false),
            ]
        );
    }
}
