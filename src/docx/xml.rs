//! A small XML tree for the package post-pass: a part is parsed (quick-xml), changed where
//! docx-rs cannot say what we need, and written back. Text and attribute values are kept exactly
//! as they were escaped, so everything the post-pass does not touch is written back unchanged.

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

/// An element: its qualified name (`w:rPr`), attributes with their escaped values, children.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Element {
    pub(crate) name: String,
    pub(crate) attrs: Vec<(String, String)>,
    pub(crate) children: Vec<Node>,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Node {
    Element(Element),
    /// Character data, still escaped (entity references included).
    Text(String),
}

/// A parsed part: the XML declaration as written, and the root element.
#[derive(Debug, Clone)]
pub(crate) struct Part {
    pub(crate) decl: Option<String>,
    pub(crate) root: Element,
}

impl Element {
    pub(crate) fn new(name: &str) -> Self {
        Element {
            name: name.to_string(),
            attrs: Vec::new(),
            children: Vec::new(),
        }
    }

    pub(crate) fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// The child elements, in order.
    pub(crate) fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|c| match c {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    pub(crate) fn elements_mut(&mut self) -> impl Iterator<Item = &mut Element> {
        self.children.iter_mut().filter_map(|c| match c {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    pub(crate) fn child(&self, name: &str) -> Option<&Element> {
        self.elements().find(|e| e.name == name)
    }

    pub(crate) fn child_mut(&mut self, name: &str) -> Option<&mut Element> {
        self.elements_mut().find(|e| e.name == name)
    }

    /// The child `name`, added (at the end) when missing.
    pub(crate) fn child_or_insert(&mut self, name: &str) -> &mut Element {
        let at = self
            .children
            .iter()
            .position(|c| matches!(c, Node::Element(e) if e.name == name));
        let i = match at {
            Some(i) => i,
            None => {
                self.children.push(Node::Element(Element::new(name)));
                self.children.len() - 1
            }
        };
        match &mut self.children[i] {
            Node::Element(e) => e,
            Node::Text(_) => unreachable!("index of an element"),
        }
    }

    /// Calls `f` on this element and every element below it, parents first.
    pub(crate) fn walk_mut(&mut self, f: &mut impl FnMut(&mut Element)) {
        f(self);
        for c in self.elements_mut() {
            c.walk_mut(f);
        }
    }
}

fn start(s: &BytesStart) -> Result<Element, String> {
    let name = s.name().as_ref().to_string();
    let mut attrs = Vec::new();
    for a in s.attributes() {
        let a = a.map_err(|e| e.to_string())?;
        let k = a.key.as_ref().to_string();
        let v = a.value.to_string();
        attrs.push((k, v));
    }
    Ok(Element {
        name,
        attrs,
        children: Vec::new(),
    })
}

/// Parses a part written by docx-rs (or by us).
pub(crate) fn parse(text: &str) -> Result<Part, String> {
    let mut reader = Reader::from_str(text);
    let mut decl = None;
    let mut stack: Vec<Element> = Vec::new();
    let mut root = None;
    loop {
        let event = reader.read_event().map_err(|e| e.to_string())?;
        match event {
            Event::Decl(d) => {
                decl = Some((*d).to_string());
            }
            Event::Start(s) => stack.push(start(&s)?),
            Event::Empty(s) => {
                let e = start(&s)?;
                match stack.last_mut() {
                    Some(parent) => parent.children.push(Node::Element(e)),
                    None => root = Some(e),
                }
            }
            Event::End(_) => {
                let e = stack.pop().ok_or("unbalanced end tag")?;
                match stack.last_mut() {
                    Some(parent) => parent.children.push(Node::Element(e)),
                    None => root = Some(e),
                }
            }
            Event::Text(t) => push_text(&mut stack, &t),
            Event::GeneralRef(r) => {
                push_text(&mut stack, &format!("&{};", &*r));
            }
            Event::CData(c) => {
                let escaped = quick_xml::escape::escape(&*c).to_string();
                push_text(&mut stack, &escaped);
            }
            Event::Eof => break,
            Event::Comment(_) | Event::PI(_) | Event::DocType(_) => {}
        }
    }
    match (root, stack.is_empty()) {
        (Some(root), true) => Ok(Part { decl, root }),
        _ => Err("the part has no complete root element".into()),
    }
}

fn push_text(stack: &mut [Element], text: &str) {
    if let Some(parent) = stack.last_mut() {
        if let Some(Node::Text(prev)) = parent.children.last_mut() {
            prev.push_str(text);
        } else {
            parent.children.push(Node::Text(text.to_string()));
        }
    }
}

fn write_element(e: &Element, out: &mut String) {
    out.push('<');
    out.push_str(&e.name);
    for (k, v) in &e.attrs {
        out.push(' ');
        out.push_str(k);
        out.push_str("=\"");
        out.push_str(v);
        out.push('"');
    }
    if e.children.is_empty() {
        out.push_str(" />");
        return;
    }
    out.push('>');
    for c in &e.children {
        match c {
            Node::Element(child) => write_element(child, out),
            Node::Text(t) => out.push_str(t),
        }
    }
    out.push_str("</");
    out.push_str(&e.name);
    out.push('>');
}

/// The part as text again.
pub(crate) fn write(part: &Part) -> String {
    let mut out = String::new();
    if let Some(d) = &part.decl {
        out.push_str("<?");
        out.push_str(d);
        out.push_str("?>");
    }
    write_element(&part.root, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_is_not_touched_is_written_back_unchanged() {
        let text = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:p a="x &amp; y"><w:r><w:t xml:space="preserve">1 &lt; 2 &amp; “引号”</w:t></w:r><w:br /></w:p>"#;
        let part = parse(text).unwrap();
        assert_eq!(write(&part), text);
        assert_eq!(part.root.attr("a"), Some("x &amp; y"));
    }

    #[test]
    fn broken_parts_are_errors() {
        assert!(parse("<a><b></a>").is_err());
        assert!(parse("<a>").is_err());
    }
}
