//! Renderer-neutral views: each document as every output shows it, built once from the checked
//! project and the year reports. The PDF and the site (and any later backend) render these; the
//! wording rules of GB/T 9704 are applied here and nowhere else.

pub(crate) mod notice;
pub(crate) mod report;
pub(crate) mod submission;

pub(crate) use notice::NoticeView;
pub(crate) use report::ReportView;
pub(crate) use submission::SubmissionView;
