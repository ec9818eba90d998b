//! `status-tutor audit [PATH]`: the audit's findings on stdout (lines or JSON), notes and
//! a summary on stderr, and the exit code: 0 no findings, 1 findings, 2 usage.
use crate::audit::output::{self, Style};
use crate::audit::rules;
use crate::audit::{selection, walk};
use crate::cli::AuditArgs;
use crate::commands::paint::no_color;
use crate::content::Course;
use crate::sanitize::printable;
use std::collections::BTreeMap;
use std::io::{self, IsTerminal, Write};

pub const CLEAN: u8 = 0;
pub const FINDINGS: u8 = 1;
pub const USAGE: u8 = 2;

/// Runs the audit `args` ask for, writing findings to `out`. `course` gives lesson titles
/// (a terminal only). Returns the exit code.
pub fn run(args: &AuditArgs, course: Option<&Course>, out: &mut impl Write) -> u8 {
    let say = |text: &str| {
        let _ = writeln!(io::stderr(), "{text}");
    };
    let chosen = match selection(&args.select, &args.ignore) {
        Ok(chosen) => chosen,
        Err(message) => {
            say(&format!("status-tutor audit: {message}"));
            return USAGE;
        }
    };
    if args.rules {
        let _ = write_rules(out);
        return CLEAN;
    }
    let root = args.path.clone().unwrap_or_else(|| ".".into());
    if !root.exists() {
        say(&format!("status-tutor audit: {}: no such file or folder", printable(&root.display().to_string())));
        return USAGE;
    }
    if args.tui && !io::stdout().is_terminal() {
        say("status-tutor audit: --tui needs a terminal");
        return USAGE;
    }
    let report = walk::audit_tree(&root, &chosen, args.tests);
    if args.tui {
        say(&output::summary(&report, chosen.len()));
        let found = !report.findings.is_empty();
        if let Err(e) = super::audit_tui::run(&root, report.findings, course) {
            say(&format!("status-tutor audit: {e}"));
        }
        return if found { FINDINGS } else { CLEAN };
    }
    let titles: Option<BTreeMap<String, String>> =
        course.map(|c| c.pages.iter().map(|p| (p.id.clone(), p.title.clone())).collect());
    let written = if args.json {
        output::write_json(&report.findings, out)
    } else {
        let colour = io::stdout().is_terminal() && !no_color();
        output::write_lines(&report.findings, &Style { colour, titles: titles.as_ref() }, out)
    };
    if let Err(e) = written
        && e.kind() != io::ErrorKind::BrokenPipe
    {
        say(&format!("status-tutor audit: {e}"));
    }
    say(&output::summary(&report, chosen.len()));
    if report.findings.is_empty() { CLEAN } else { FINDINGS }
}

/// The rules as a table: id, on by default, lesson page, why.
pub fn write_rules(out: &mut impl Write) -> io::Result<()> {
    for rule in rules::ALL {
        let on = if rule.default_on() { "on " } else { "off" };
        writeln!(out, "{:<26} {on} {:<26} {}", rule.id(), rule.page(), rule.why())?;
    }
    Ok(())
}
