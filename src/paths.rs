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
pub(crate) const OUT_SITE: &str = "site";
pub(crate) const OUT_TASKS: &str = "out/tasks";

/// A file name from a document's 发文字号 or a name: characters Windows forbids become `_`.
pub(crate) fn file_name(stem: &str, ext: &str) -> String {
    let clean: String = stem
        .trim()
        .chars()
        .map(|c| {
            if matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') || c.is_control() {
                '_'
            } else {
                c
            }
        })
        .collect();
    format!("{clean}.{ext}")
}

/// A notice's PDF, relative to out/pdf: named after its 发文字号, or its file name without one.
pub(crate) fn notice_pdf(number: Option<&str>, slug: &str) -> PathBuf {
    PathBuf::from(file_name(number.unwrap_or(slug), "pdf"))
}

/// A year-end summary's PDF, relative to out/pdf.
pub(crate) fn summary_pdf(year: i32, unit_name: &str) -> PathBuf {
    Path::new("summaries")
        .join(year.to_string())
        .join(file_name(unit_name, "pdf"))
}

/// The year report's PDF, relative to out/pdf.
pub(crate) fn report_pdf(year: i32) -> PathBuf {
    PathBuf::from(file_name(&format!("{year}-年度工作总结汇编"), "pdf"))
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

    /// A path inside the site as a URL, `/`-separated.
    fn of(path: &Path) -> String {
        path.iter()
            .map(|p| p.to_string_lossy())
            .collect::<Vec<_>>()
            .join("/")
    }

    pub(crate) fn notice(slug: &str) -> String {
        format!("notices/{}", file_name(slug, "html"))
    }
    pub(crate) fn task(list: &str, number: usize) -> String {
        format!("tasks/{}", file_name(&format!("{list}-{number}"), "html"))
    }
    pub(crate) fn tasks(list: &str) -> String {
        format!("tasks.html#{list}")
    }
    pub(crate) fn unit(id: &str) -> String {
        format!("units/{}", file_name(id, "html"))
    }
    pub(crate) fn submission(year: i32, unit_id: &str) -> String {
        format!("summaries/{year}/{}", file_name(unit_id, "html"))
    }
    pub(crate) fn report(year: i32) -> String {
        format!("reports/{year}.html")
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
        assert_eq!(file_name("a/b:c", "pdf"), "a_b_c.pdf");
        assert_eq!(url::pdf(&report_pdf(2020)), "pdf/2020-年度工作总结汇编.pdf");
    }
}
