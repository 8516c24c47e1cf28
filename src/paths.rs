//! The one place file and page names are decided: where content is read from, where every
//! output goes, and the site's URLs. Everything else asks here.

use std::path::{Path, PathBuf};

/// The project's settings, relative to the project folder.
pub(crate) const CONFIG: &str = "content/gongwen.yaml";
/// The registry of units and groups.
pub(crate) const UNITS: &str = "content/units.yaml";
/// Folders of content, relative to the project folder.
pub(crate) const NOTICES: &str = "content/notices";
pub(crate) const TASKS: &str = "content/tasks";
pub(crate) const SUBMISSIONS: &str = "content/submissions";
/// Where attachment paths in a notice are relative to.
pub(crate) const CONTENT: &str = "content";
/// Project overrides of the built-in templates.
pub(crate) const TEMPLATES_TYPST: &str = "templates/typst";
pub(crate) const TEMPLATES_HTML: &str = "templates/html";
pub(crate) const TEMPLATES_SITE: &str = "templates/site";
/// The default output folder, and its parts.
pub(crate) const OUT: &str = "out";
pub(crate) const OUT_PDF: &str = "pdf";
/// The record of what each PDF and .docx was made from (see fingerprint.rs), in the output folder.
pub(crate) const FINGERPRINTS: &str = ".gongwen-fingerprints";
/// The site's folder of pictures named by bodies (named by their content).
pub(crate) const SITE_MEDIA: &str = "media";
pub(crate) const OUT_SITE: &str = "site";
pub(crate) const OUT_DOCX: &str = "docx";
/// The fill-in forms of `gongwen new submission --docx`, relative to the project folder.
pub(crate) const OUT_FORMS: &str = "out/forms";
pub(crate) const OUT_TASKS: &str = "out/tasks";

/// A file name from a document's 发文字号 or a name. Characters file systems forbid become their
/// full-width forms (甲/乙局 → 甲／乙局), as a Chinese reader would write them; a name Windows
/// reserves (CON, NUL, …) or one ending in a dot or space is kept usable. Names that still
/// collide are caught by the checks.
pub(crate) fn file_name(stem: &str, ext: &str) -> String {
    let mut clean: String = stem
        .trim()
        .chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => {
                char::from_u32(c as u32 + 0xFEE0).unwrap_or('_')
            }
            c if c.is_control() => '_',
            c => c,
        })
        .collect();
    while clean.ends_with(['.', ' ']) {
        clean.pop();
    }
    let base = clean.split('.').next().unwrap_or("").to_ascii_uppercase();
    let reserved = matches!(base.as_str(), "CON" | "PRN" | "AUX" | "NUL")
        || (base.len() == 4
            && (base.starts_with("COM") || base.starts_with("LPT"))
            && base.ends_with(|c: char| c.is_ascii_digit()));
    if clean.is_empty() || reserved {
        clean.insert(0, '_');
    }
    format!("{clean}.{ext}")
}

/// A notice's PDF, relative to out/pdf: named after its 发文字号, or its file name without one.
pub(crate) fn notice_pdf(number: Option<&str>, slug: &str) -> PathBuf {
    notice_file(number, slug, "pdf")
}

/// A notice's output of kind `ext` (pdf, docx), relative to that kind's folder.
pub(crate) fn notice_file(number: Option<&str>, slug: &str, ext: &str) -> PathBuf {
    PathBuf::from(file_name(number.unwrap_or(slug), ext))
}

/// A year-end summary's PDF, relative to out/pdf.
pub(crate) fn summary_pdf(year: i32, unit_name: &str) -> PathBuf {
    summary_file(year, unit_name, "pdf")
}

/// A year-end summary's output of kind `ext`, relative to that kind's folder.
pub(crate) fn summary_file(year: i32, unit_name: &str, ext: &str) -> PathBuf {
    Path::new("summaries")
        .join(year.to_string())
        .join(file_name(unit_name, ext))
}

/// The year report's PDF, relative to out/pdf. `list` is given when the year has several task
/// lists, each with its report.
pub(crate) fn report_pdf(year: i32, list: Option<&str>) -> PathBuf {
    report_file(year, list, "pdf")
}

/// The year report's output of kind `ext`, relative to that kind's folder.
pub(crate) fn report_file(year: i32, list: Option<&str>, ext: &str) -> PathBuf {
    PathBuf::from(file_name(
        &format!("{}-年度工作总结汇编", report_stem(year, list)),
        ext,
    ))
}

/// `2020`, or `2020-<list>` when the year has several lists.
fn report_stem(year: i32, list: Option<&str>) -> String {
    match list {
        Some(l) => format!("{year}-{l}"),
        None => year.to_string(),
    }
}

/// A unit's fill-in form for its year-end summary, relative to the project folder.
pub(crate) fn form_file(year: i32, unit_name: &str) -> PathBuf {
    Path::new(OUT_FORMS)
        .join(year.to_string())
        .join(file_name(unit_name, "docx"))
}

/// A task list's spreadsheets, relative to the export folder.
pub(crate) fn task_sheet(slug: &str, ext: &str) -> PathBuf {
    PathBuf::from(file_name(slug, ext))
}

/// A new submission's file, relative to the project folder.
pub(crate) fn submission_file(year: i32, unit_id: &str) -> PathBuf {
    Path::new(SUBMISSIONS)
        .join(year.to_string())
        .join(file_name(unit_id, "md"))
}

/// Site URLs, relative to the site's root (every link in the site is relative).
pub(crate) mod url {
    use super::*;

    use percent_encoding::{AsciiSet, CONTROLS, utf8_percent_encode};

    /// What a path segment of a relative URL cannot hold as is. Chinese stays readable (browsers
    /// and HTML accept it); `#`, `%`, `?` and the like would end or garble the link.
    const SEGMENT: &AsciiSet = &CONTROLS
        .add(b' ')
        .add(b'"')
        .add(b'#')
        .add(b'%')
        .add(b'<')
        .add(b'>')
        .add(b'?')
        .add(b'[')
        .add(b'\\')
        .add(b']')
        .add(b'^')
        .add(b'`')
        .add(b'{')
        .add(b'|')
        .add(b'}')
        .add(b'/');

    /// A path inside the site as a URL: `/`-separated, each segment encoded.
    fn of(path: &Path) -> String {
        path.iter()
            .map(|p| utf8_percent_encode(&p.to_string_lossy(), SEGMENT).to_string())
            .collect::<Vec<_>>()
            .join("/")
    }

    /// `folder/<name>.html`, encoded.
    fn page(folder: &str, name: &str) -> String {
        of(&Path::new(folder).join(file_name(name, "html")))
    }

    pub(crate) fn notice(slug: &str) -> String {
        page("notices", slug)
    }
    pub(crate) fn task(list: &str, number: usize) -> String {
        page("tasks", &format!("{list}-{number}"))
    }
    /// The task table, at a list's section (its id is the list's slug).
    pub(crate) fn tasks(list: &str) -> String {
        format!("tasks.html#{}", utf8_percent_encode(list, SEGMENT))
    }
    pub(crate) fn unit(id: &str) -> String {
        page("units", id)
    }
    pub(crate) fn submission(year: i32, unit_id: &str) -> String {
        page(&format!("summaries/{year}"), unit_id)
    }
    pub(crate) fn report(year: i32, list: Option<&str>) -> String {
        page("reports", &super::report_stem(year, list))
    }
    /// A PDF in the site: the site carries a copy of out/pdf under pdf/.
    pub(crate) fn pdf(rel: &Path) -> String {
        format!("{}/{}", super::OUT_PDF, of(rel))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_keep_chinese_and_lose_separators() {
        assert_eq!(
            file_name("沙营商办发〔2020〕3号", "pdf"),
            "沙营商办发〔2020〕3号.pdf"
        );
        assert_eq!(file_name("甲/乙局", "pdf"), "甲／乙局.pdf");
        assert_eq!(file_name("a/b:c", "pdf"), "a／b：c.pdf");
        assert_eq!(file_name("con", "html"), "_con.html");
        assert_eq!(file_name("COM1", "pdf"), "_COM1.pdf");
        assert_eq!(file_name("报告. ", "pdf"), "报告.pdf");
        assert_eq!(url::notice("A#办%1"), "notices/A%23%E5%8A%9E%251.html");
        assert_eq!(url::pdf(Path::new("A#1.pdf")), "pdf/A%231.pdf");
        assert_eq!(
            url::pdf(&report_pdf(2020, None)),
            "pdf/2020-%E5%B9%B4%E5%BA%A6%E5%B7%A5%E4%BD%9C%E6%80%BB%E7%BB%93%E6%B1%87%E7%BC%96.pdf"
        );
    }
}
