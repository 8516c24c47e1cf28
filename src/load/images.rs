//! The pictures a body names: each must be a PNG, JPEG, GIF or WebP file inside the project,
//! beside the Markdown file or below it, of a bounded size. A missing or unreadable picture is an
//! error naming the line; a picture is never dropped silently.

use crate::i18n::t;
use std::path::{Component, Path, PathBuf};

use crate::diag::{Diagnostic, Diagnostics};
use crate::limits;
use crate::markdown::{Block, Image};
use crate::root::Root;

/// Checks every image of `blocks` (read from the project file `md`) and fills in its file,
/// pixels and media name.
pub(crate) fn resolve(root: &Root, md: &Path, blocks: &mut [Block], errors: &mut Diagnostics) {
    for b in blocks {
        match b {
            Block::Image(image) => {
                if let Err(d) = check(root, md, image) {
                    errors.push(*d);
                }
            }
            Block::List { items, .. } => {
                for item in items {
                    resolve(root, md, item, errors);
                }
            }
            Block::Quote(inner) => resolve(root, md, inner, errors),
            _ => {}
        }
    }
}

fn check(root: &Root, md: &Path, image: &mut Image) -> Result<(), Box<Diagnostic>> {
    let fail = |msg: String, help: String| {
        Box::new(Diagnostic::error(image.location.clone(), msg).with_help(help))
    };
    let src = image.src.trim();
    let rel = relative(md, src).ok_or_else(|| {
        fail(
            t!("picture-not-beside", src = src),
            t!("picture-not-beside-help"),
        )
    })?;
    let found = root
        .resolve(&rel)
        .map_err(|d| {
            fail(
                t!("picture-outside", src = src, reason = d.message),
                t!("picture-outside-help"),
            )
        })?
        .ok_or_else(|| fail(t!("picture-missing", src = src), t!("picture-missing-help")))?;
    let unreadable = |e: std::io::Error| {
        fail(
            t!("picture-unreadable", src = src, reason = e.to_string()),
            t!("picture-unreadable-help"),
        )
    };
    let meta = std::fs::metadata(&found).map_err(unreadable)?;
    if !meta.is_file() || meta.len() > limits::IMAGE_BYTES {
        return Err(fail(
            t!(
                "picture-too-large",
                src = src,
                limit = limits::IMAGE_BYTES >> 20
            ),
            t!("picture-too-large-help"),
        ));
    }
    let bytes = std::fs::read(&found).map_err(unreadable)?;
    let hash = crate::fingerprint::hash(&bytes);
    root.note_read(&rel, hash);
    let (kind, ext) = match imagesize::image_type(&bytes) {
        Ok(imagesize::ImageType::Png) => ("PNG", "png"),
        Ok(imagesize::ImageType::Jpeg) => ("JPEG", "jpg"),
        Ok(imagesize::ImageType::Gif) => ("GIF", "gif"),
        Ok(imagesize::ImageType::Webp) => ("WebP", "webp"),
        _ => {
            return Err(fail(t!("picture-kind", src = src), t!("picture-kind-help")));
        }
    };
    let size = imagesize::blob_size(&bytes).map_err(|_| {
        fail(
            t!("picture-damaged", kind = kind, src = src),
            t!("picture-damaged-help"),
        )
    })?;
    let (w, h) = (size.width as u64, size.height as u64);
    if w == 0 || h == 0 || w * h > limits::IMAGE_PIXELS {
        return Err(fail(
            t!("picture-pixels", src = src, width = w, height = h),
            t!("picture-pixels-help"),
        ));
    }
    image.file = rel.to_string_lossy().replace('\\', "/");
    image.pixels = (w as u32, h as u32);
    image.media = format!("{hash:016x}.{ext}");
    Ok(())
}

/// A file name a picture has: not content to read, not clutter to warn about.
pub(crate) fn is_picture_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    [".png", ".jpg", ".jpeg", ".gif", ".webp"]
        .iter()
        .any(|e| lower.ends_with(e))
}

/// `src` relative to the folder of `md`, when it stays in it or below (no `..`, no absolute
/// path, no URL).
fn relative(md: &Path, src: &str) -> Option<PathBuf> {
    if src.is_empty() || src.contains(':') || src.starts_with('/') || src.starts_with('\\') {
        return None;
    }
    let src = Path::new(src);
    if !src
        .components()
        .all(|c| matches!(c, Component::Normal(_) | Component::CurDir))
    {
        return None;
    }
    Some(md.parent().unwrap_or(Path::new("")).join(src))
}

/// FNV-1a: a stable name for a picture's bytes, the same from run to run and machine to machine.
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pictures_are_found_beside_the_file_and_never_outside_it() {
        let md = Path::new("content/submissions/2020/jtj.md");
        assert_eq!(
            relative(md, "photo.jpg"),
            Some(PathBuf::from("content/submissions/2020/photo.jpg"))
        );
        assert_eq!(
            relative(md, "./img/a.png"),
            Some(PathBuf::from("content/submissions/2020/./img/a.png"))
        );
        for bad in [
            "../../../etc/passwd",
            "/etc/passwd",
            "C:\\x.jpg",
            "https://x/a.jpg",
            "",
            "img/../../a.png",
        ] {
            assert_eq!(relative(md, bad), None, "{bad}");
        }
        assert_ne!(
            crate::fingerprint::hash(b"a"),
            crate::fingerprint::hash(b"b")
        );
    }
}
