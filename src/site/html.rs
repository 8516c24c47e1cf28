//! User text → HTML that can only ever be text: every text node is escaped, structure comes from
//! our block model (raw HTML in Markdown was already turned into text), and the result passes
//! through ammonia with a short allow-list as a second line of defence.

use std::collections::HashSet;
use std::fmt::Write;

use crate::markdown::{Block, Inline};

pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

pub(crate) fn inlines(items: &[Inline]) -> String {
    let mut out = String::new();
    for i in items {
        match i {
            Inline::Text(t) => out.push_str(&escape(t)),
            Inline::Strong(c) => {
                let _ = write!(out, "<strong>{}</strong>", inlines(c));
            }
            Inline::Emph(c) => {
                let _ = write!(out, "<em>{}</em>", inlines(c));
            }
            Inline::LineBreak => out.push_str("<br>"),
        }
    }
    out
}

fn push_blocks(out: &mut String, items: &[Block], root: &str) {
    for b in items {
        match b {
            Block::Heading {
                level,
                number,
                content,
            } => {
                let tag = level + 2;
                let class = if *level == 1 {
                    "h-1"
                } else if *level == 2 {
                    "h-2"
                } else {
                    "h-3"
                };
                let _ = write!(
                    out,
                    "<h{tag} class=\"{class}\">{}{}</h{tag}>",
                    escape(number),
                    inlines(content)
                );
            }
            Block::Para(c) => {
                let _ = write!(out, "<p>{}</p>", inlines(c));
            }
            Block::List { ordered, items } => {
                let tag = if *ordered { "ol" } else { "ul" };
                let _ = write!(out, "<{tag}>");
                for item in items {
                    out.push_str("<li>");
                    push_blocks(out, item, root);
                    out.push_str("</li>");
                }
                let _ = write!(out, "</{tag}>");
            }
            Block::Table { header, rows } => {
                out.push_str("<div class=\"table-wrap\"><table><thead><tr>");
                for h in header {
                    let _ = write!(out, "<th>{}</th>", inlines(h));
                }
                out.push_str("</tr></thead><tbody>");
                for r in rows {
                    out.push_str("<tr>");
                    for c in r {
                        let _ = write!(out, "<td>{}</td>", inlines(c));
                    }
                    out.push_str("</tr>");
                }
                out.push_str("</tbody></table></div>");
            }
            Block::Quote(inner) => {
                out.push_str("<blockquote>");
                push_blocks(out, inner, root);
                out.push_str("</blockquote>");
            }
            Block::Literal(t) => {
                let _ = write!(out, "<pre>{}</pre>", escape(t));
            }
            Block::Image(image) => {
                let _ = write!(
                    out,
                    "<figure><img src=\"{root}{}/{}\" alt=\"{}\" loading=\"lazy\"><figcaption>{}</figcaption></figure>",
                    crate::paths::SITE_MEDIA,
                    escape(&image.media),
                    escape(&image.alt),
                    escape(&image.alt)
                );
            }
        }
        out.push('\n');
    }
}

/// Blocks as sanitized HTML, for a page `root` (its way up to the site's top, e.g. `../`) below
/// the top: pictures are linked from there.
pub(crate) fn blocks(items: &[Block], root: &str) -> String {
    let mut out = String::new();
    push_blocks(&mut out, items, root);
    sanitize(&out)
}

/// Only the elements our converter makes survive; no attributes but `class`, no links, no URLs.
pub(crate) fn sanitize(html: &str) -> String {
    let tags: HashSet<&str> = [
        "p",
        "strong",
        "em",
        "br",
        "h3",
        "h4",
        "h5",
        "h6",
        "ul",
        "ol",
        "li",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "blockquote",
        "pre",
        "div",
        "figure",
        "figcaption",
        "img",
    ]
    .into_iter()
    .collect();
    // Pictures keep their own (relative) source and alt text; no URL scheme is allowed, so a
    // source can only be a file of the site.
    let img: HashSet<&str> = ["src", "alt", "loading"].into_iter().collect();
    ammonia::Builder::default()
        .tags(tags)
        .tag_attributes([("img", img)].into_iter().collect())
        .generic_attributes(["class"].into_iter().collect())
        .link_rel(None)
        .url_schemes(HashSet::new())
        .clean(html)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown;
    use std::path::Path;

    #[test]
    fn hostile_markdown_stays_text() {
        let md = "<script>alert(1)</script>\n\n[点我](javascript:alert(1)) <img src=x onerror=alert(1)> **粗**\n";
        let b = markdown::parse(md, Path::new("x.md"), 1, &mut Vec::new()).unwrap();
        let html = blocks(&b, "");
        assert!(
            !html.contains("<script") && !html.contains("<img") && !html.contains("javascript:"),
            "{html}"
        );
        assert!(
            html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{html}"
        );
        assert!(html.contains("<strong>粗</strong>"), "{html}");
    }

    #[test]
    fn sanitize_drops_what_we_never_make() {
        assert_eq!(
            sanitize("<p onclick=\"x()\">a<a href=\"javascript:y\">b</a></p>"),
            "<p>ab</p>"
        );
    }
}
