//! Fonts: the embedded free fonts, and the office's own fonts where installed.
//!
//! For each GB/T 9704 role the first family configured in gongwen.yaml that is installed (or in a
//! `--font-path` folder) wins; otherwise the embedded Fandol font serves it. Only those families are
//! loaded, sorted by path, so output never depends on what else a machine has or on directory order.
//!
//! A character the role's fonts lack (common in names: 堃, 喆, 彧 are not in FandolFang) is drawn
//! with a fallback: any font in a `--font-path` folder, then the first installed of FALLBACKS.
//! The font check reports each such character as a warning, never silently.

use crate::i18n::t;
use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;

use typst::foundations::Bytes;
use typst::text::{Font, FontBook, FontInfo};
use typst::utils::LazyHash;
use typst_kit::fonts::FontStore;

use crate::diag::{Diagnostic, Diagnostics};

use crate::model::FontPrefs;
use crate::text::Role;

/// The embedded fonts (GPL with font exception; see assets/fonts/FANDOL-COPYING).
const EMBEDDED: [(&str, &[u8]); 5] = [
    (
        "FandolSong-Regular.otf",
        include_bytes!("../assets/fonts/FandolSong-Regular.otf"),
    ),
    (
        "FandolSong-Bold.otf",
        include_bytes!("../assets/fonts/FandolSong-Bold.otf"),
    ),
    (
        "FandolFang-Regular.otf",
        include_bytes!("../assets/fonts/FandolFang-Regular.otf"),
    ),
    (
        "FandolHei-Regular.otf",
        include_bytes!("../assets/fonts/FandolHei-Regular.otf"),
    ),
    (
        "FandolKai-Regular.otf",
        include_bytes!("../assets/fonts/FandolKai-Regular.otf"),
    ),
];

/// Installed CJK families used, in this order, for characters a role's own fonts lack.
const FALLBACKS: [&str; 8] = [
    "Noto Serif CJK SC",
    "Source Han Serif SC",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "SimSun",
    "SimSun-ExtB",
    "Noto Serif CJK TC",
    "MingLiU-ExtB",
];

/// Whether and how a role can draw a character.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Coverage {
    Own,
    /// Only a fallback family has it.
    Fallback(String),
    Missing,
}

/// The embedded family and weight standing in for each role.
fn embedded_for(role: Role) -> (&'static str, u16) {
    match role {
        // No free 小标宋 exists; bold 宋 is the closest in colour and shape.
        Role::Title => ("FandolSong", 700),
        Role::Body => ("FandolFang R", 400),
        Role::Hei => ("FandolHei", 400),
        Role::Kai => ("FandolKai", 400),
        Role::Song => ("FandolSong", 400),
    }
}

/// What serves one role.
#[derive(Debug, Clone)]
pub(crate) struct RoleFont {
    /// Family names in the order Typst tries them (chosen first, embedded fallback last).
    pub(crate) families: Vec<String>,
    pub(crate) weight: u16,
    /// Where the chosen font came from, for `gongwen fonts`.
    pub(crate) source: String,
    /// Book indices of the faces whose coverage decides whether a character can be drawn.
    faces: Vec<usize>,
    /// The fallback families (also at the end of `families`) and their faces.
    pub(crate) fallbacks: Vec<(String, usize)>,
    /// Families configured for the role in gongwen.yaml that were not found.
    pub(crate) not_found: Vec<String>,
}

/// The fonts of a run: loaded once, shared by every document and every check.
pub(crate) struct Fonts {
    store: FontStore,
    roles: BTreeMap<Role, RoleFont>,
    /// What the loaded fonts are, for deciding whether a document must be typeset again: the
    /// roles' families and the files they came from (path, size, modification time).
    identity: String,
}

impl Fonts {
    /// Loads the embedded fonts and the preferred families found on the system or in `extra_dirs`.
    /// `system` = false skips installed fonts (tests and reproducible builds across machines).
    pub(crate) fn load(prefs: &FontPrefs, extra_dirs: &[PathBuf], system: bool) -> Fonts {
        Fonts::load_checked(prefs, extra_dirs, system).0
    }

    /// `load`, and what is wrong with the fonts asked for: a --font-path folder that does not
    /// exist, a font file that is damaged (it is left out: Typst would fail or draw nothing).
    pub(crate) fn load_checked(
        prefs: &FontPrefs,
        extra_dirs: &[PathBuf],
        system: bool,
    ) -> (Fonts, Diagnostics) {
        let mut problems = Diagnostics::default();
        for dir in extra_dirs.iter().filter(|d| !d.is_dir()) {
            problems.push(
                Diagnostic::file_error(dir, t!("font-path-missing"))
                    .with_help(t!("font-path-missing-help")),
            );
        }
        let mut store = FontStore::new();
        for (_, data) in EMBEDDED {
            for font in Font::iter(Bytes::new(data)) {
                let info = font.info().clone();
                store.push((font, info));
            }
        }
        // name (any language, lowercased) → typst family name, and family → file, for the
        // preferred fonts found.
        let mut aliases: BTreeMap<String, String> = BTreeMap::new();
        let mut sources: BTreeMap<String, String> = BTreeMap::new();
        // Families of the --font-path folders, in path order: the first fallbacks.
        let mut from_dirs: Vec<String> = Vec::new();
        for (path, index, info, names) in preferred_faces(prefs, extra_dirs, system) {
            let Some(font) = usable(&path, index) else {
                problems.push(
                    Diagnostic::file_error(
                        &path,
                        t!("font-damaged", family = info.family.as_str()),
                    )
                    .with_help(t!("font-damaged-help")),
                );
                continue;
            };
            for n in names {
                aliases.entry(n).or_insert_with(|| info.family.clone());
            }
            if extra_dirs.iter().any(|d| path.starts_with(d)) && !from_dirs.contains(&info.family) {
                from_dirs.push(info.family.clone());
            }
            sources
                .entry(info.family.to_lowercase())
                .or_insert_with(|| path.display().to_string());
            store.push((font, info));
        }
        let fallbacks = fallback_families(&aliases, &from_dirs);
        let book = store.book();
        let fallbacks: Vec<(String, usize)> = fallbacks
            .into_iter()
            .filter_map(|f| faces_of(book, &f).map(|i| (f, i)))
            .collect();
        let roles = Role::ALL
            .into_iter()
            .map(|role| {
                let wanted = role_prefs(prefs, role);
                let chosen = wanted
                    .iter()
                    .find_map(|p| aliases.get(&p.to_lowercase()).cloned());
                let mut rf = role_font(book, role, chosen, &sources);
                rf.not_found = wanted
                    .iter()
                    .filter(|p| !aliases.contains_key(&p.to_lowercase()))
                    .cloned()
                    .collect();
                for (f, i) in &fallbacks {
                    if !rf.families.contains(f) {
                        rf.families.push(f.clone());
                        rf.fallbacks.push((f.clone(), *i));
                    }
                }
                (role, rf)
            })
            .collect();
        let identity = identity(&roles, &sources);
        (
            Fonts {
                store,
                roles,
                identity,
            },
            problems,
        )
    }

    /// The fonts' identity (see the field).
    pub(crate) fn identity(&self) -> &str {
        &self.identity
    }

    /// What serves each role, in role order.
    pub(crate) fn all(&self) -> impl Iterator<Item = (Role, &RoleFont)> {
        self.roles.iter().map(|(r, f)| (*r, f))
    }

    /// What serves `role`.
    pub(crate) fn role(&self, role: Role) -> &RoleFont {
        &self.roles[&role]
    }

    pub(crate) fn book(&self) -> &LazyHash<FontBook> {
        self.store.book()
    }

    pub(crate) fn font(&self, index: usize) -> Option<Font> {
        self.store.font(index)
    }

    /// Can the role's fonts draw `c`? White space and controls always count as drawable.
    #[cfg(test)]
    pub(crate) fn covers(&self, role: Role, c: char) -> bool {
        self.coverage(role, c) == Coverage::Own
    }

    /// Whether the role's own fonts draw `c`, or only a fallback does, or none.
    pub(crate) fn coverage(&self, role: Role, c: char) -> Coverage {
        if c.is_whitespace() || c.is_control() || matches!(c, '\u{feff}' | '\u{200b}'..='\u{200d}')
        {
            return Coverage::Own;
        }
        let book = self.store.book();
        let has = |i: usize| {
            book.info(i)
                .is_some_and(|info| info.coverage.contains(c as u32))
        };
        let rf = &self.roles[&role];
        if rf.faces.iter().any(|&i| has(i)) {
            return Coverage::Own;
        }
        match rf.fallbacks.iter().find(|(_, i)| has(*i)) {
            Some((family, _)) => Coverage::Fallback(family.clone()),
            None => Coverage::Missing,
        }
    }
}

/// The face `index` of the font file at `path`, loaded whole, if it parses and has outlines.
fn usable(path: &std::path::Path, index: u32) -> Option<Font> {
    let data = std::fs::read(path).ok()?;
    let face = ttf_parser::Face::parse(&data, index).ok()?;
    let tables = face.tables();
    if tables.glyf.is_none() && tables.cff.is_none() && tables.cff2.is_none() {
        return None;
    }
    // A glyph of the text the role prints must be drawable: a cut-off file parses but has none.
    let glyph = face.glyph_index('国').or_else(|| face.glyph_index('A'))?;
    let mut sink = Sink;
    face.outline_glyph(glyph, &mut sink)?;
    Font::new(Bytes::new(data), index)
}

/// Receives glyph outlines and discards them: drawing one proves the glyph data is readable.
struct Sink;

impl ttf_parser::OutlineBuilder for Sink {
    fn move_to(&mut self, _: f32, _: f32) {}
    fn line_to(&mut self, _: f32, _: f32) {}
    fn quad_to(&mut self, _: f32, _: f32, _: f32, _: f32) {}
    fn curve_to(&mut self, _: f32, _: f32, _: f32, _: f32, _: f32, _: f32) {}
    fn close(&mut self) {}
}

/// The faces of the families `prefs` names, found on the system or in `extra_dirs`, sorted by
/// path so the order never depends on the machine: (path, index, info, lowercased names).
fn preferred_faces(
    prefs: &FontPrefs,
    extra_dirs: &[PathBuf],
    system: bool,
) -> Vec<(PathBuf, u32, FontInfo, Vec<String>)> {
    let wanted: HashSet<String> = Role::ALL
        .iter()
        .flat_map(|r| role_prefs(prefs, *r))
        .map(|f| f.to_lowercase())
        .chain(FALLBACKS.iter().map(|f| f.to_lowercase()))
        .collect();
    let mut db = fontdb::Database::new();
    if system {
        db.load_system_fonts();
    }
    for dir in extra_dirs {
        db.load_fonts_dir(dir);
    }
    let mut found = Vec::new();
    for face in db.faces() {
        let names: Vec<String> = face
            .families
            .iter()
            .map(|(n, _)| n.to_lowercase())
            .collect();
        let path = match &face.source {
            fontdb::Source::File(p) | fontdb::Source::SharedFile(p, _) => p.clone(),
            fontdb::Source::Binary(_) => continue,
        };
        // Every font of a --font-path folder is wanted (as a fallback at least).
        let given = extra_dirs.iter().any(|d| path.starts_with(d));
        if !given && !names.iter().any(|n| wanted.contains(n)) {
            continue;
        }
        if let Some(Some(info)) = db.with_face_data(face.id, FontInfo::new) {
            found.push((path, face.index, info, names));
        }
    }
    found.sort_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
    found
}

/// What serves `role`: the `chosen` preferred family if one was found, the embedded one after it.
fn role_font(
    book: &FontBook,
    role: Role,
    chosen: Option<String>,
    sources: &BTreeMap<String, String>,
) -> RoleFont {
    let (embedded, weight) = embedded_for(role);
    let mut families = Vec::new();
    let source = match chosen {
        Some(f) => {
            let source = match sources.get(&f.to_lowercase()) {
                Some(file) => t!("font-from-file", family = f.as_str(), file = file.as_str()),
                None => t!("font-installed", family = f.as_str()),
            };
            families.push(f);
            source
        }
        None => t!("font-embedded", family = embedded),
    };
    families.push(embedded.to_string());
    let faces = families.iter().filter_map(|f| faces_of(book, f)).collect();
    RoleFont {
        families,
        weight,
        source,
        faces,
        fallbacks: Vec::new(),
        not_found: Vec::new(),
    }
}

/// The roles' families and the files of the installed ones, with their size and time.
fn identity(roles: &BTreeMap<Role, RoleFont>, sources: &BTreeMap<String, String>) -> String {
    let mut out = String::new();
    for (role, f) in roles {
        out.push_str(&format!("{role:?}={};", f.families.join(",")));
    }
    for file in sources.values() {
        let meta = std::fs::metadata(file).ok();
        let size = meta.as_ref().map_or(0, std::fs::Metadata::len);
        let time = meta
            .and_then(|m| m.modified().ok())
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos());
        out.push_str(&format!("{file}:{size}:{time};"));
    }
    out
}

/// The fallback families found: the --font-path folders' first, then FALLBACKS in order.
fn fallback_families(aliases: &BTreeMap<String, String>, from_dirs: &[String]) -> Vec<String> {
    let mut out: Vec<String> = from_dirs.to_vec();
    for f in FALLBACKS {
        if let Some(family) = aliases.get(&f.to_lowercase())
            && !out.contains(family)
        {
            out.push(family.clone());
        }
    }
    out
}

/// The book index of the regular face of `family` (any face if there is no regular one).
fn faces_of(book: &FontBook, family: &str) -> Option<usize> {
    book.select(&family.to_lowercase(), typst::text::FontVariant::default())
}

fn role_prefs(prefs: &FontPrefs, role: Role) -> &[String] {
    match role {
        Role::Title => &prefs.title,
        Role::Body => &prefs.body,
        Role::Hei => &prefs.hei,
        Role::Kai => &prefs.kai,
        Role::Song => &prefs.song,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_fonts_serve_every_role_and_cover_gb2312_text() {
        let fonts = Fonts::load(&FontPrefs::default(), &[], false);
        for role in Role::ALL {
            assert!(fonts.roles[&role].source.ends_with("（内置）"));
            for c in "沙营商办发〔2020〕3号，“一窗综办”—".chars() {
                assert!(fonts.covers(role, c), "{role:?} {c}");
            }
        }
        // A rare character outside GB2312 that Fandol does not draw.
        assert!(!fonts.covers(Role::Body, '𰻞'));
    }

    #[test]
    fn a_preferred_family_that_is_missing_falls_back() {
        let prefs = FontPrefs {
            body: vec!["仿宋_GB2312-not-here".into()],
            ..FontPrefs::default()
        };
        let fonts = Fonts::load(&prefs, &[], false);
        assert_eq!(fonts.roles[&Role::Body].families, ["FandolFang R"]);
    }
}
