//! How findings are written: one line each (`file:line:col: rule: message [lesson: page]`),
//! or JSON. Everything that came from the audited tree is made printable first.
use super::{Finding, Report};
use crate::sanitize::printable;
use crossterm::style::Stylize;
use std::collections::BTreeMap;
use std::io::{self, Write};

/// Colour and lesson titles, for a terminal; none when piped.
pub struct Style<'a> {
    pub colour: bool,
    /// Page id -> lesson title.
    pub titles: Option<&'a BTreeMap<String, String>>,
}

pub fn write_lines(findings: &[Finding], style: &Style<'_>, out: &mut impl Write) -> io::Result<()> {
    for finding in findings {
        let place = format!("{}:{}:{}:", printable(&finding.file), finding.line, finding.col);
        let lesson = match style.titles.and_then(|t| t.get(finding.page)) {
            Some(title) => format!("[lesson: {} \u{2014} {}]", finding.page, printable(title)),
            None => format!("[lesson: {}]", finding.page),
        };
        let message = printable(&finding.message);
        if style.colour {
            writeln!(out, "{} {}: {} {}", place.bold(), finding.rule.yellow().bold(), message, lesson.dark_grey())?;
        } else {
            writeln!(out, "{place} {}: {message} {lesson}", finding.rule)?;
        }
    }
    Ok(())
}

/// A JSON array, one object per finding: file, line, col, rule, message, page, source.
pub fn write_json(findings: &[Finding], out: &mut impl Write) -> io::Result<()> {
    let clean: Vec<Finding> = findings
        .iter()
        .map(|f| Finding {
            file: printable(&f.file).into_owned(),
            message: printable(&f.message).into_owned(),
            source: printable(&f.source).into_owned(),
            ..f.clone()
        })
        .collect();
    serde_json::to_writer_pretty(&mut *out, &clean)?;
    writeln!(out)
}

/// The closing summary (for stderr), after the notes on files skipped or read in part.
pub fn summary(report: &Report, rules: usize) -> String {
    let mut text = String::new();
    for note in &report.notes {
        text.push_str(&format!("note: {}\n", printable(note)));
    }
    if report.files > 0 && !report.django {
        text.push_str("note: no file here imports django or rest_framework; is this a Django project?\n");
    }
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    text.push_str(&format!(
        "{} in {} ({} checked)",
        plural(report.findings.len(), "finding"),
        plural(report.files, "Python file"),
        plural(rules, "rule")
    ));
    text
}
