//! Our Typst `World`: sources in memory, fonts shared by every document, a fixed date, no
//! packages, and file reads confined to the project folder.

use crate::i18n::t;
use std::sync::{Arc, OnceLock};

use chrono::{Datelike, NaiveDate};
use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

use crate::fonts::Fonts;
use crate::root::Root;

/// The path of the layout library inside every document's world.
pub(crate) const LIBRARY_PATH: &str = "/gongwen.typ";
const MAIN_PATH: &str = "/main.typ";
/// What the refit pass decided (`refit::Fit`), as a module the layout library imports.
const FIT_PATH: &str = "/fit.typ";

fn library() -> &'static LazyHash<Library> {
    static LIB: OnceLock<LazyHash<Library>> = OnceLock::new();
    LIB.get_or_init(|| LazyHash::new(Library::default()))
}

pub(crate) fn file_id(path: &str) -> FileId {
    RootedPath::new(
        VirtualRoot::Project,
        VirtualPath::new(path).expect("valid virtual path"),
    )
    .intern()
}

/// The layout library as a parsed source, made once and shared by every document's world
/// (parsing it for each of 200 summaries cost more than their PDF export's deflate).
pub(crate) fn library_source(text: &str) -> Source {
    Source::new(file_id(LIBRARY_PATH), text.to_string())
}

/// The Typst world of one document: its generated source and the layout library in memory, the
/// run's fonts, a fixed date, and reads confined to the project.
pub(crate) struct DocWorld {
    fonts: Arc<Fonts>,
    main: Source,
    /// The generated document as the template gave it (the refit pass edits copies of it).
    first_main: Arc<str>,
    layout: Source,
    fit: Source,
    root: Root,
    today: NaiveDate,
}

impl DocWorld {
    /// `main` is the generated document; `layout` the GB/T 9704 library (see `library_source`);
    /// `today` the date Typst's `datetime.today()` answers, so output never depends on the wall
    /// clock.
    pub(crate) fn new(
        fonts: Arc<Fonts>,
        main: String,
        layout: &Source,
        root: Root,
        today: NaiveDate,
    ) -> Self {
        DocWorld {
            fonts,
            first_main: main.as_str().into(),
            main: Source::new(file_id(MAIN_PATH), main),
            layout: layout.clone(),
            fit: Source::new(file_id(FIT_PATH), crate::pdf::refit::Fit::first_module()),
            root,
            today,
        }
    }

    /// The same world with another main source and fit module.
    pub(crate) fn with(&self, main: String, fit: String) -> Self {
        DocWorld {
            fonts: self.fonts.clone(),
            main: Source::new(file_id(MAIN_PATH), main),
            first_main: self.first_main.clone(),
            layout: self.layout.clone(),
            fit: Source::new(file_id(FIT_PATH), fit),
            root: self.root.clone(),
            today: self.today,
        }
    }

    pub(crate) fn main(&self) -> &Source {
        &self.main
    }

    pub(crate) fn first_main(&self) -> &str {
        &self.first_main
    }

    pub(crate) fn fit(&self) -> &str {
        self.fit.text()
    }

    fn memory(&self, id: FileId) -> Option<&Source> {
        [&self.main, &self.layout, &self.fit]
            .into_iter()
            .find(|s| s.id() == id)
    }
}

impl World for DocWorld {
    fn library(&self) -> &LazyHash<Library> {
        library()
    }

    fn book(&self) -> &LazyHash<FontBook> {
        self.fonts.book()
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if let Some(source) = self.memory(id) {
            Ok(source.clone())
        } else {
            let bytes = self.file(id)?;
            let text = String::from_utf8(bytes.to_vec()).map_err(|_| FileError::InvalidUtf8)?;
            Ok(Source::new(id, text))
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if let Some(s) = self.memory(id) {
            return Ok(Bytes::from_string(s.text().to_string()));
        }
        let path = id.get();
        if let VirtualRoot::Package(spec) = path.root() {
            return Err(FileError::Other(Some(
                t!("typst-no-packages", spec = spec.to_string()).into(),
            )));
        }
        // Virtual paths cannot climb above the root; links out of the project are refused too.
        let real = path
            .vpath()
            .realize(self.root.path())
            .map_err(|_| FileError::AccessDenied)?;
        let resolved = real
            .canonicalize()
            .map_err(|e| FileError::from_io(e, &real))?;
        if !self.root.contains(&resolved) {
            return Err(FileError::AccessDenied);
        }
        std::fs::read(&resolved)
            .map(Bytes::new)
            .map_err(|e| FileError::from_io(e, &real))
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.font(index)
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        Datetime::from_ymd(
            self.today.year(),
            self.today.month() as u8,
            self.today.day() as u8,
        )
    }
}
