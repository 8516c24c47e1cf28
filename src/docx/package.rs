//! The post-pass over the package docx-rs writes: what docx-rs 0.4.22 cannot say, its schema
//! order mistakes, and reproducibility.
//!
//! - a table whose style repeats its header gets `w:tblHeader` on its first row (docx-rs has no
//!   way to write it), so Word and WPS repeat the header on every page;
//! - the children of property elements are put in the order wml.xsd requires (`schema.rs`);
//! - a style defined twice keeps its last definition (docx-rs always writes a bare `Normal`);
//! - `w14:paraId`/`w14:textId` are dropped: docx-rs numbers them from a per-thread counter, so
//!   they would depend on which thread built the document;
//! - a JPEG, GIF or WebP picture gets its own extension and content type (docx-rs names every
//!   picture .png);
//! - the parts are zipped again in the same order with a fixed timestamp, so the same input
//!   gives the same bytes.

use std::io::{Cursor, Read, Write};

use crate::docx::schema;
use crate::docx::xml::{self, Element, Node};

/// Table styles whose tables repeat their first row on every page.
pub(crate) const HEADER_TABLE_STYLES: &[&str] = &[crate::docx::style::TABLE];

/// The finished package.
pub(crate) fn finish(raw: &[u8]) -> Result<Vec<u8>, String> {
    let mut zin = zip::ZipArchive::new(Cursor::new(raw)).map_err(|e| e.to_string())?;
    let mut parts = Vec::with_capacity(zin.len());
    for i in 0..zin.len() {
        let mut f = zin.by_index(i).map_err(|e| e.to_string())?;
        if f.is_dir() {
            continue;
        }
        let name = f.name().map_err(|e| e.to_string())?.to_string();
        let mut data = Vec::new();
        f.read_to_end(&mut data).map_err(|e| e.to_string())?;
        parts.push((name, data));
    }
    name_media(&mut parts);
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default())
        .unix_permissions(0o644);
    for (name, mut data) in parts {
        if (name.starts_with("word/") && name.ends_with(".xml")) || name == CUSTOM {
            let text = String::from_utf8(data).map_err(|e| format!("{name}: {e}"))?;
            data = fix_part(&name, &text)?.into_bytes();
        }
        out.start_file(name, opts).map_err(|e| e.to_string())?;
        out.write_all(&data).map_err(|e| e.to_string())?;
    }
    let cursor = out.finish().map_err(|e| e.to_string())?;
    Ok(cursor.into_inner())
}

/// A picture's extension and content type from its first bytes, when it is not a PNG.
fn media_kind(data: &[u8]) -> Option<(&'static str, &'static str)> {
    if data.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some(("jpeg", "image/jpeg"))
    } else if data.starts_with(b"GIF8") {
        Some(("gif", "image/gif"))
    } else if data.len() > 12 && data.starts_with(b"RIFF") && &data[8..12] == b"WEBP" {
        Some(("webp", "image/webp"))
    } else {
        None
    }
}

/// docx-rs names every picture `media/<id>.png`: a JPEG, GIF or WebP of a body gets its own
/// extension, the relationship that points at it follows, and the content type is declared.
fn name_media(parts: &mut [(String, Vec<u8>)]) {
    let mut renamed: Vec<(String, String, &'static str, &'static str)> = Vec::new();
    for (name, data) in parts.iter_mut() {
        if let (Some(stem), Some((ext, mime))) = (
            name.strip_prefix("word/media/")
                .and_then(|n| n.strip_suffix(".png")),
            media_kind(data),
        ) {
            let stem = stem.to_string();
            *name = format!("word/media/{stem}.{ext}");
            renamed.push((
                format!("media/{stem}.png\""),
                format!("media/{stem}.{ext}\""),
                ext,
                mime,
            ));
        }
    }
    if renamed.is_empty() {
        return;
    }
    for (name, data) in parts.iter_mut() {
        if name.starts_with("word/_rels/") {
            let mut text = String::from_utf8_lossy(data).into_owned();
            for (from, to, ..) in &renamed {
                text = text.replace(from.as_str(), to);
            }
            *data = text.into_bytes();
        } else if name == "[Content_Types].xml" {
            let mut text = String::from_utf8_lossy(data).into_owned();
            let mut seen: Vec<&str> = Vec::new();
            for (_, _, ext, mime) in &renamed {
                let decl = format!("<Default Extension=\"{ext}\" ContentType=\"{mime}\" />");
                if !seen.contains(ext) && !text.contains(&format!("Extension=\"{ext}\"")) {
                    text = text.replacen("</Types>", &format!("{decl}</Types>"), 1);
                }
                seen.push(ext);
            }
            *data = text.into_bytes();
        }
    }
}

/// One part of word/, fixed.
pub(crate) fn fix_part(name: &str, text: &str) -> Result<String, String> {
    let mut part = xml::parse(text).map_err(|e| format!("{name}: {e}"))?;
    part.root.walk_mut(&mut |e| {
        e.attrs
            .retain(|(k, _)| k != "w14:paraId" && k != "w14:textId");
    });
    if name == "word/styles.xml" {
        dedupe_styles(&mut part.root);
        default_normal(&mut part.root);
    }
    if name == CUSTOM {
        sort_properties(&mut part.root);
    }
    part.root.walk_mut(&mut |e| {
        if e.name == "w:tbl" {
            repeat_header(e);
        }
    });
    part.root.walk_mut(&mut reorder);
    Ok(xml::write(&part))
}

/// The custom document properties (docx-rs writes them in hash-map order).
const CUSTOM: &str = "docProps/custom.xml";

/// Custom properties in name order, numbered from 2 as the format requires.
fn sort_properties(props: &mut Element) {
    let key = |n: &Node| match n {
        Node::Element(e) => e.attr("name").unwrap_or("").to_string(),
        Node::Text(_) => String::new(),
    };
    props.children.sort_by_key(key);
    for (i, p) in props.elements_mut().enumerate() {
        for (k, v) in &mut p.attrs {
            if k == "pid" {
                *v = (i + 2).to_string();
            }
        }
    }
}

/// Keeps the last definition of each style id, where the first one stood.
fn dedupe_styles(styles: &mut Element) {
    let id = |n: &Node| match n {
        Node::Element(e) if e.name == "w:style" => e.attr("w:styleId").map(str::to_string),
        _ => None,
    };
    let mut kept: Vec<Node> = Vec::with_capacity(styles.children.len());
    for n in std::mem::take(&mut styles.children) {
        match id(&n) {
            Some(new) => match kept.iter().position(|k| id(k).as_deref() == Some(&new)) {
                Some(i) => kept[i] = n,
                None => kept.push(n),
            },
            None => kept.push(n),
        }
    }
    styles.children = kept;
}

/// Makes Normal the default paragraph style (docx-rs cannot say so): a paragraph without a
/// style is then body text in Word, WPS and every reader.
fn default_normal(styles: &mut Element) {
    for s in styles.elements_mut() {
        if s.name == "w:style" && s.attr("w:styleId") == Some("Normal") {
            s.attrs.retain(|(k, _)| k != "w:default");
            s.attrs.push(("w:default".into(), "1".into()));
        }
    }
}

/// Marks the first row of a table whose style repeats its header.
fn repeat_header(tbl: &mut Element) {
    let style = tbl
        .child("w:tblPr")
        .and_then(|p| p.child("w:tblStyle"))
        .and_then(|s| s.attr("w:val"));
    if !style.is_some_and(|s| HEADER_TABLE_STYLES.contains(&s)) {
        return;
    }
    let Some(row) = tbl.child_mut("w:tr") else {
        return;
    };
    let props = row.child_or_insert("w:trPr");
    if props.child("w:tblHeader").is_none() {
        props
            .children
            .push(Node::Element(Element::new("w:tblHeader")));
    }
}

/// Sorts an element's children into the order its schema sequence gives (stable: children the
/// sequence does not name keep their place relative to each other, after the named ones).
fn reorder(e: &mut Element) {
    let Some(seq) = schema::sequence(&e.name) else {
        return;
    };
    let key = |n: &Node| match n {
        Node::Element(c) => schema::rank(seq, &c.name).unwrap_or(usize::MAX),
        Node::Text(_) => usize::MAX,
    };
    if e.children.windows(2).all(|w| key(&w[0]) <= key(&w[1])) {
        return;
    }
    e.children.sort_by_key(key);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn properties_are_put_in_schema_order() {
        let got = fix_part(
            "word/document.xml",
            r#"<w:document><w:body><w:sectPr><w:docGrid /><w:pgSz /><w:footerReference w:id="a" /></w:sectPr><w:p w14:paraId="0001"><w:r><w:t>x</w:t><w:rPr><w:sz w:val="32" /><w:rFonts w:eastAsia="仿宋_GB2312" /></w:rPr></w:r></w:p></w:body></w:document>"#,
        )
        .unwrap();
        assert_eq!(
            got,
            r#"<w:document><w:body><w:p><w:r><w:rPr><w:rFonts w:eastAsia="仿宋_GB2312" /><w:sz w:val="32" /></w:rPr><w:t>x</w:t></w:r></w:p><w:sectPr><w:footerReference w:id="a" /><w:pgSz /><w:docGrid /></w:sectPr></w:body></w:document>"#
        );
    }

    #[test]
    fn header_rows_are_marked_only_in_header_tables() {
        let table = |style: &str| {
            format!(
                r#"<w:tbl><w:tblPr><w:tblStyle w:val="{style}" /></w:tblPr><w:tr><w:tc /></w:tr><w:tr><w:trPr><w:cantSplit /></w:trPr><w:tc /></w:tr></w:tbl>"#
            )
        };
        let got = fix_part("word/document.xml", &table(crate::docx::style::TABLE)).unwrap();
        assert_eq!(got.matches("<w:tblHeader />").count(), 1, "{got}");
        assert!(got.contains("<w:tr><w:trPr><w:tblHeader /></w:trPr><w:tc /></w:tr>"));
        let plain = fix_part("word/document.xml", &table("Other")).unwrap();
        assert!(!plain.contains("tblHeader"));
    }

    #[test]
    fn custom_properties_are_written_in_name_order() {
        let got = fix_part(
            CUSTOM,
            r#"<Properties><property fmtid="x" pid="2" name="b"><vt:lpwstr>2</vt:lpwstr></property><property fmtid="x" pid="3" name="a"><vt:lpwstr>1</vt:lpwstr></property></Properties>"#,
        )
        .unwrap();
        assert_eq!(
            got,
            r#"<Properties><property fmtid="x" pid="2" name="a"><vt:lpwstr>1</vt:lpwstr></property><property fmtid="x" pid="3" name="b"><vt:lpwstr>2</vt:lpwstr></property></Properties>"#
        );
    }

    #[test]
    fn a_style_defined_twice_keeps_its_last_definition() {
        let got = fix_part(
            "word/styles.xml",
            r#"<w:styles><w:style w:styleId="Normal"><w:name w:val="Normal" /></w:style><w:style w:styleId="A" /><w:style w:styleId="Normal"><w:name w:val="Normal" /><w:rPr><w:sz w:val="32" /></w:rPr></w:style></w:styles>"#,
        )
        .unwrap();
        assert_eq!(
            got,
            r#"<w:styles><w:style w:styleId="Normal" w:default="1"><w:name w:val="Normal" /><w:rPr><w:sz w:val="32" /></w:rPr></w:style><w:style w:styleId="A" /></w:styles>"#
        );
    }

    #[test]
    fn a_jpeg_picture_is_named_and_declared_as_one() {
        let mut parts = vec![
            (
                "[Content_Types].xml".to_string(),
                br#"<Types><Default Extension="png" ContentType="image/png" /></Types>"#.to_vec(),
            ),
            (
                "word/_rels/document.xml.rels".to_string(),
                br#"<Relationship Id="rIdImage1" Target="media/rIdImage1.png" />"#.to_vec(),
            ),
            (
                "word/media/rIdImage1.png".to_string(),
                vec![0xFF, 0xD8, 0xFF, 0xE0, 0],
            ),
            (
                "word/media/rIdImage2.png".to_string(),
                b"\x89PNG\r\n".to_vec(),
            ),
        ];
        name_media(&mut parts);
        let names: Vec<&str> = parts.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            names[2..],
            ["word/media/rIdImage1.jpeg", "word/media/rIdImage2.png"]
        );
        assert!(String::from_utf8_lossy(&parts[1].1).contains("Target=\"media/rIdImage1.jpeg\""));
        assert!(
            String::from_utf8_lossy(&parts[0].1)
                .contains(r#"<Default Extension="jpeg" ContentType="image/jpeg" />"#)
        );
    }
}
