//! User text → Typst code that can only ever be text.
//!
//! Every piece of user text becomes a Typst string literal (`"…"` with `\` and `"` escaped), and
//! structure becomes calls to the layout library's functions. Nothing the user writes is ever
//! parsed as Typst markup or code, so `#read(...)`, `$x$`, `<label>` and friends print as typed.

use std::fmt::Write;

use crate::markdown::{Block, Inline};
use crate::pdf::marks::{self, Measure};

/// A Typst string literal holding `s` exactly.
pub(crate) fn string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    push_string(&mut out, s);
    out
}

pub(crate) fn push_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            // Other control characters would be invalid in a literal; keep them as escapes.
            c if c.is_control() => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Tera escape function for Typst templates: every `{{ value }}` becomes a string literal.
pub(crate) fn tera_escape(input: &str, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    out.write_all(string(input).as_bytes())
}

/// Inline content as a Typst content block: `[#"text"#strong[#"bold"]]`, full-width marks as
/// calls (see `marks`).
pub(crate) fn inlines(items: &[Inline], measure: Measure) -> String {
    let mut out = String::from("[");
    push_inlines(&mut out, items, measure, false);
    out.push(']');
    out
}

fn push_inlines(out: &mut String, items: &[Inline], measure: Measure, mut after_text: bool) {
    for i in items {
        match i {
            Inline::Text(t) => marks::push(out, t, measure, after_text),
            Inline::Strong(c) => {
                out.push_str("#strong[");
                push_inlines(out, c, measure, after_text);
                out.push(']');
            }
            Inline::Emph(c) => {
                out.push_str("#emph[");
                push_inlines(out, c, measure, after_text);
                out.push(']');
            }
            Inline::LineBreak => out.push_str("#linebreak()"),
        }
        after_text = !matches!(i, Inline::LineBreak);
    }
}

/// Blocks as calls to the layout library (`gw-heading`, `gw-par`, …), one per line.
pub(crate) fn blocks(items: &[Block]) -> String {
    let mut out = String::new();
    push_blocks(&mut out, items);
    out
}

fn push_blocks(out: &mut String, items: &[Block]) {
    for b in items {
        match b {
            Block::Heading {
                level,
                number,
                content,
            } => {
                let _ = write!(
                    out,
                    "#gw-heading({level}, {}, {})",
                    string(number),
                    inlines(content, Measure::Grid)
                );
            }
            Block::Para(content) => {
                out.push_str("#gw-par(");
                out.push_str(&inlines(content, Measure::Grid));
                out.push(')');
            }
            Block::List { ordered, items } => {
                // Each item as (its first paragraph's text, the blocks after it): the marker
                // starts that paragraph, and a paragraph inside another one is dropped by Typst.
                let _ = write!(out, "#gw-list({ordered}, (");
                for item in items {
                    let (first, rest) = match item.split_first() {
                        Some((Block::Para(content), rest)) => {
                            (inlines(content, Measure::Grid), rest)
                        }
                        _ => ("[]".to_string(), &item[..]),
                    };
                    let _ = write!(out, "({first}, [");
                    push_blocks(out, rest);
                    out.push_str("]), ");
                }
                out.push_str("))");
            }
            Block::Table { header, rows } => {
                out.push_str("#gw-table((");
                for h in header {
                    out.push_str(&inlines(h, Measure::Table));
                    out.push_str(", ");
                }
                out.push_str("), (");
                for row in rows {
                    out.push('(');
                    for cell in row {
                        out.push_str(&inlines(cell, Measure::Table));
                        out.push_str(", ");
                    }
                    out.push_str("), ");
                }
                out.push_str("))");
            }
            Block::Quote(inner) => {
                out.push_str("#gw-quote[");
                push_blocks(out, inner);
                out.push(']');
            }
            Block::Literal(text) => {
                out.push_str("#gw-literal(");
                push_string(out, text);
                out.push(')');
            }
            Block::Image(image) => {
                // The picture's content hash: a new picture under the same name changes the
                // source, so the document is typeset again (see pdf::fingerprint).
                let _ = writeln!(out, "// picture {}", image.media);
                let (w, h) = crate::rules::figure::size(image.pixels);
                let _ = write!(
                    out,
                    "#gw-figure({}, {w:.1}mm, {h:.1}mm, ",
                    string(&format!("/{}", image.file))
                );
                push_string(out, &image.alt);
                out.push(')');
            }
        }
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn string_escapes_quotes_backslashes_and_controls() {
        assert_eq!(string(r#"a"b\c"#), r#""a\"b\\c""#);
        assert_eq!(string("x\ny\u{7}"), "\"x\\ny\\u{7}\"");
    }

    #[test]
    fn inline_markup_is_wrapped_as_strings() {
        let s = inlines(
            &[
                Inline::Text("#panic()".into()),
                Inline::Strong(vec![Inline::Text("$x$".into())]),
            ],
            Measure::Grid,
        );
        assert_eq!(s, r##"[#"#panic()"#strong[#"$x$"]]"##);
    }
}
