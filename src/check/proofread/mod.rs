//! Proofreading (校对): the slips that get a 公文 sent back, found in every printed text of the
//! project as the one reader of printed text recorded it (`SourceText`), and in the structure of
//! the bodies. Each rule family is a module of pure functions; this module runs them over the
//! project and turns what they find into warnings with file:line:col, the rule's name and,
//! where safe, the fix. Warnings never change the text.

mod catalog;
mod citations;
mod headings;
mod names;
mod numbers;
mod punct;
mod repeated;
mod review;
mod runs;
mod silence;

use crate::i18n::t;
use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use crate::check::placeholder;
use crate::diag::{Diagnostic, Diagnostics, Location, did_you_mean, display_path};
use crate::limits;
use crate::model::{AttachmentKind, Notice, Project};
use crate::root::Root;
use crate::text::{Part, SourceText};

use catalog::Hit;
pub(crate) use catalog::Rule;
use runs::Run;

/// Proofreads the project: warnings for what the rules find, and errors for rule names in
/// `proofread: skip:` that do not exist.
pub(crate) fn check(project: &Project) -> Diagnostics {
    let mut pass = Pass::new(project);
    let mut out = pass.settings_errors();
    pass.texts(&project.config_printed, false);
    pass.texts(&project.registry.printed, false);
    for list in &project.task_lists {
        pass.texts(&list.printed, true);
    }
    let mut documents = HashSet::new();
    for notice in &project.notices {
        pass.notice(notice);
        for a in &notice.attachments {
            if let AttachmentKind::Document(d) = &a.kind
                && documents.insert(d.title_at.file.clone())
            {
                let runs = pass.texts(&d.printed, true);
                pass.outline(&runs);
            }
        }
    }
    for s in project.submissions.values().flatten() {
        let runs = pass.texts(&s.printed, true);
        pass.outline(&runs);
    }
    out.extend(pass.finish());
    out
}

struct Pass<'p> {
    project: &'p Project,
    skip: HashSet<Rule>,
    units: names::UnitNames,
    cited: citations::Register,
    found: Vec<Diagnostic>,
}

impl<'p> Pass<'p> {
    fn new(project: &'p Project) -> Self {
        let mut cited = citations::Register::default();
        for n in &project.notices {
            if let Some(number) = &n.number {
                cited.own(
                    &n.title,
                    number,
                    t!("pr-the-notice", file = display_path(&n.file)),
                );
            }
        }
        Pass {
            project,
            skip: project
                .config
                .proofread
                .skip
                .iter()
                .filter_map(|(name, _)| Rule::named(name))
                .collect(),
            units: names::UnitNames::new(&project.registry),
            cited,
            found: Vec::new(),
        }
    }

    /// Unknown rule names under `proofread: skip:`.
    fn settings_errors(&self) -> Diagnostics {
        let mut out = Diagnostics::default();
        for (name, at) in &self.project.config.proofread.skip {
            if Rule::named(name).is_none() {
                let names = Rule::ALL.iter().map(|r| r.name());
                let help = match did_you_mean(name, names) {
                    Some(s) => t!("did-you-mean", name = s),
                    None => t!("pr-rule-unknown-help"),
                };
                out.push(
                    Diagnostic::error(at.clone(), t!("pr-rule-unknown", name = name.as_str()))
                        .with_help(help),
                );
            }
        }
        out
    }

    /// A finding, unless its rule is skipped in this project.
    fn add(&mut self, location: Location, hit: Hit, from: Option<&str>) {
        if self.skip.contains(&hit.rule) {
            return;
        }
        let mut d = Diagnostic::warning(location, hit.message)
            .with_help(hit.help)
            .with_rule(hit.rule.name());
        if let (Some(to), Some(from)) = (hit.fix, from) {
            d = d.with_fix(from, to);
        }
        self.found.push(d);
    }

    /// A finding in a run, unless an allowed word covers it.
    fn add_in(&mut self, run: &Run, hit: Hit) {
        if silence::covered(&run.text, &hit.span, &self.project.config.proofread.allow) {
            return;
        }
        let from = run.text[hit.span.clone()].to_string();
        self.add(run.location(hit.span.start), hit, Some(&from));
    }

    /// Runs the text rules over each text; `units`: also look for units written off their
    /// registry names (not in the registry itself). Returns the runs for the structural checks.
    fn texts<'t>(&mut self, texts: &'t [SourceText], units: bool) -> Vec<Run<'t>> {
        let runs = runs::runs(texts);
        for run in &runs {
            // A scaffold's placeholder is reported by its own check, and is no text to read.
            if run.part == Part::Literal || run.text.contains(placeholder::MARK) {
                continue;
            }
            let mut hits = Vec::new();
            text_rules(run, &mut hits);
            if units {
                self.units.check(&run.text, &mut hits);
            }
            for c in citations::cited(&run.text) {
                let source = run.location(c.span.start).to_string();
                hits.extend(self.cited.cite(&c, source));
            }
            for hit in hits {
                self.add_in(run, hit);
            }
        }
        runs
    }

    /// The outline of a body: headings and run-in numbers, and empty sections.
    fn outline(&mut self, runs: &[Run]) {
        let body = body_of(runs);
        for (i, hit) in headings::check(&items(&body)) {
            self.add_in(body[i], hit);
        }
    }

    fn notice(&mut self, n: &Notice) {
        let runs = self.texts(&n.printed, true);
        self.outline(&runs);
        let body = body_of(&runs);
        let items = items(&body);
        for f in names::organ(n) {
            self.add(n.place(f.key), f.hit, None);
        }
        for (i, hit) in names::attachment_titles(n) {
            self.add(n.attachments[i].at.clone(), hit, None);
        }
        if let Some((i, hit)) = review::closing(&items) {
            self.add_in(body[i], hit);
        }
        let names: Vec<&str> = n.attachments.iter().map(|a| a.name.as_str()).collect();
        for m in review::attachments(&items, &n.title, &names) {
            match m {
                review::Mention::Body(i, hit) => self.add_in(body[i], hit),
                review::Mention::Attachments(hit) => self.add(n.place("attachments"), hit, None),
            }
        }
        match review::salutation(n.to.as_deref(), &items) {
            Some(Ok(hit)) => self.add(n.place("to"), hit, None),
            Some(Err((i, hit))) => self.add_in(body[i], hit),
            None => {}
        }
    }

    /// The findings in order, each once, without those a `gongwen: allow` comment silences.
    fn finish(self) -> Diagnostics {
        let mut found = self.found;
        let key = |d: &Diagnostic| (d.file.clone(), d.line, d.rule(), d.message.clone());
        found.sort_by_key(key);
        found.dedup_by(|a, b| key(a) == key(b));
        let mut by_file: BTreeMap<PathBuf, Vec<Diagnostic>> = BTreeMap::new();
        for d in found {
            by_file.entry(d.file.clone()).or_default().push(d);
        }
        let mut out = Diagnostics::default();
        for (file, found) in by_file {
            let allowed = allowed_in(&self.project.root, &file);
            let mut per_rule: BTreeMap<&'static str, usize> = BTreeMap::new();
            for d in found {
                let silenced = match (d.line, d.rule()) {
                    (Some((line, _)), Some(rule)) => silence::allows(&allowed, line, rule),
                    _ => false,
                };
                if silenced {
                    continue;
                }
                let listed = d.rule().is_none_or(|rule| {
                    let n = per_rule.entry(rule).or_default();
                    *n += 1;
                    *n <= MAX_PER_RULE
                });
                if listed {
                    out.push(d);
                }
            }
            // A pasted text can repeat one slip thousands of times: the first ones show it.
            for (rule, n) in per_rule.into_iter().filter(|&(_, n)| n > MAX_PER_RULE) {
                out.push(
                    Diagnostic::file_warning(&file, t!("pr-more", n = n - MAX_PER_RULE))
                        .with_help(t!("pr-more-help"))
                        .with_rule(rule),
                );
            }
        }
        out
    }
}

/// Findings of one rule listed per file; the rest are counted.
const MAX_PER_RULE: usize = 20;

/// The `gongwen: allow` comments of a file with findings (read again only then: comments are
/// not printed text, so the reader of printed text does not keep them). The file was read once
/// already, so it is inside the project and within the limits.
fn allowed_in(root: &Root, file: &Path) -> silence::Allowed {
    crate::load::source::read(root, file, &t!("what-file"), limits::YAML_BYTES)
        .map(|s| silence::directives(&s))
        .unwrap_or_default()
}

/// The rules that read one text at a time.
fn text_rules(run: &Run, hits: &mut Vec<Hit>) {
    let t = run.text.as_str();
    repeated::check(t, hits);
    punct::half_width(t, hits);
    punct::straight_quotes(t, hits);
    punct::pairs(t, hits);
    punct::comma_before_deng(t, hits);
    punct::double_stop(t, hits);
    punct::dash(t, hits);
    if run.title || matches!(run.part, Part::Heading(_)) {
        punct::title_stop(t, hits);
    }
    numbers::short_years(t, hits);
    numbers::ranges(t, hits);
    numbers::leading_zeros(t, hits);
    numbers::document_numbers(t, hits);
}

/// The runs of a document's body (not its fields).
fn body_of<'r, 't>(runs: &'r [Run<'t>]) -> Vec<&'r Run<'t>> {
    runs.iter().filter(|r| r.part != Part::Field).collect()
}

fn items<'r>(body: &[&'r Run]) -> Vec<(Part, &'r str)> {
    body.iter().map(|r| (r.part, r.text.as_str())).collect()
}
