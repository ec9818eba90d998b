//! README.md cannot drift from the program: every key in its key list does something on
//! the screen it is listed for (the key table, `status_tutor::keys`), every command and
//! flag in its command-line block exists in clap's command tree (`status_tutor::cli::Cli`),
//! and its test command is the one CI runs.
use clap::CommandFactory;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use status_tutor::cli::Cli;
use status_tutor::keys::{self, Context};

const README: &str = include_str!("../README.md");
const CI: &str = include_str!("../.ci/run");

/// The text of the README section titled `## {title}`, up to the next `## ` heading.
fn section(title: &str) -> &'static str {
    let heading = format!("## {title}\n");
    let start = README.find(&heading).unwrap_or_else(|| panic!("README has no section {title:?}")) + heading.len();
    let rest = &README[start..];
    &rest[..rest.find("\n## ").map_or(rest.len(), |end| end + 1)]
}

/// The first fenced block (```...```) of a section.
fn first_block(text: &str) -> &str {
    let open = text.find("```").expect("a fenced block");
    let body = &text[open..];
    let body = &body[body.find('\n').expect("a line after the fence") + 1..];
    &body[..body.find("```").expect("a closing fence")]
}

/// The spans between backticks in `text`.
fn backticked(text: &str) -> Vec<&str> {
    text.split('`').skip(1).step_by(2).collect()
}

// ---------------------------------------------------------------------------- keys

/// The key context a README "Where" cell names: a help title, or its start before " (".
fn context(where_: &str) -> Context {
    Context::ALL
        .into_iter()
        .find(|c| c.title() == where_ || c.title().strip_prefix(where_).is_some_and(|rest| rest.starts_with(" (")))
        .unwrap_or_else(|| panic!("README lists keys for {where_:?}, which is no screen of the key table"))
}

/// A key as README writes it, as the terminal delivers it.
fn key(name: &str) -> KeyEvent {
    let plain = |code| KeyEvent::new(code, KeyModifiers::NONE);
    if let Some(letter) = name.strip_prefix("Ctrl-") {
        let mut chars = letter.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            return KeyEvent::new(KeyCode::Char(c.to_ascii_lowercase()), KeyModifiers::CONTROL);
        }
    }
    let code = match name {
        "↑" => KeyCode::Up,
        "↓" => KeyCode::Down,
        "←" => KeyCode::Left,
        "→" => KeyCode::Right,
        "PgUp" => KeyCode::PageUp,
        "PgDn" => KeyCode::PageDown,
        "Home" => KeyCode::Home,
        "End" => KeyCode::End,
        "Enter" => KeyCode::Enter,
        "Esc" => KeyCode::Esc,
        "Tab" => KeyCode::Tab,
        "Backspace" => KeyCode::Backspace,
        "Space" => KeyCode::Char(' '),
        _ => {
            let mut chars = name.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) => KeyCode::Char(c),
                _ => panic!("README's key list names {name:?}, which is not a key this test can read"),
            }
        }
    };
    plain(code)
}

/// (where, key) for every key in README's key table.
fn readme_keys() -> Vec<(&'static str, &'static str)> {
    let rows = section("Keys").lines().filter(|line| line.starts_with('|')).skip(2); // header, rule
    rows.flat_map(|row| {
        let cells: Vec<&str> = row.split('|').map(str::trim).collect();
        let (where_, keys) = (cells[1], cells[2]);
        backticked(keys).into_iter().map(move |k| (where_, k))
    })
    .collect()
}

#[test]
fn every_key_in_the_readme_does_something_on_its_screen() {
    let listed = readme_keys();
    assert!(listed.len() >= 20, "README's key table was not found whole: {listed:?}");
    let missing: Vec<String> = listed
        .iter()
        .filter(|(where_, name)| keys::action_for(context(where_), key(name)).is_none())
        .map(|(where_, name)| format!("{where_}: `{name}`"))
        .collect();
    assert!(missing.is_empty(), "README lists keys that the key table does not bind:\n{}", missing.join("\n"));
}

#[test]
fn the_key_reader_refuses_what_the_table_does_not_bind() {
    // The check above must be able to fail: a key no screen binds, and one bound elsewhere.
    assert!(keys::action_for(context("Reading"), key("Ctrl-Z")).is_none());
    assert!(keys::action_for(context("Practice"), key("4")).is_none());
    assert!(keys::action_for(context("Reading"), key("4")).is_some());
}

// ---------------------------------------------------------------------------- commands

/// The flags (`--name`) written anywhere in `text`.
fn flags(text: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find("--") {
        let before = text.len() - rest.len() + at;
        let tail = &rest[at + 2..];
        let end =
            tail.find(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')).unwrap_or(tail.len());
        let preceded_by_word = text[..before].chars().next_back().is_some_and(|c| c.is_alphanumeric());
        if end > 0 && !preceded_by_word {
            found.push(&tail[..end]);
        }
        rest = &tail[end..];
    }
    found
}

/// Whether `command` or one of the commands above it takes `--flag`.
fn takes(path: &[clap::Command], flag: &str) -> bool {
    path.iter().rev().any(|command| {
        command
            .get_arguments()
            .any(|arg| arg.get_long() == Some(flag) || arg.get_all_aliases().is_some_and(|a| a.contains(&flag)))
    })
}

/// Every command path and flag README's command-line block names, checked against clap.
/// Returns the problems found.
fn check_command_block(block: &str) -> Vec<String> {
    let mut root = Cli::command();
    root.build();
    let mut problems = Vec::new();
    let mut path = vec![root.clone()];
    for line in block.lines() {
        let indent = line.len() - line.trim_start().len();
        let text = line.trim_start();
        // A usage (the text before two spaces) and what it does (after).
        let usage = text.split("  ").next().unwrap_or("");
        if indent == 0 && text.starts_with("status-tutor") {
            path = vec![root.clone()];
            for word in usage.split_whitespace().skip(1) {
                let is_name = word.chars().all(|c| c.is_ascii_lowercase() || c == '-') && !word.starts_with('-');
                let current = path.last().expect("the root").clone();
                if !is_name || current.get_subcommands().next().is_none() {
                    continue;
                }
                match current.find_subcommand(word) {
                    Some(sub) => path.push(sub.clone()),
                    None => {
                        problems.push(format!("`{usage}`: {word:?} is not a command of {:?}", current.get_name()));
                        break;
                    }
                }
            }
        } else if indent == 0 && text.starts_with("--") {
            path = vec![root.clone()]; // the options of the tutorial itself
        }
        for flag in flags(text) {
            if !takes(&path, flag) {
                let names: Vec<&str> = path.iter().map(clap::Command::get_name).collect();
                problems.push(format!("--{flag} (in {line:?}) is not an option of `{}`", names.join(" ")));
            }
        }
    }
    problems
}

#[test]
fn every_command_and_flag_in_the_readme_exists() {
    let block = first_block(section("Command line"));
    assert!(block.lines().filter(|l| l.starts_with("status-tutor ")).count() >= 10, "{block}");
    let problems = check_command_block(block);
    assert!(problems.is_empty(), "README's command line names what the CLI does not have:\n{}", problems.join("\n"));
}

#[test]
fn the_command_check_finds_a_command_or_flag_that_does_not_exist() {
    let problems = check_command_block(
        "status-tutor reveiw                  spaced review\n\
         status-tutor quiz --plane            plain\n\
         status-tutor practice chek [ID]      one exercise\n\
         --colour-scheme X                    colours\n",
    );
    assert_eq!(problems.len(), 4, "{problems:#?}");
    assert!(check_command_block("status-tutor quiz --plain --seed N   ok\n      --json   ok\n").is_empty());
}

// ---------------------------------------------------------------------------- test command

#[test]
fn the_readme_test_command_is_the_one_ci_runs() {
    let block = first_block(section("Run it, test it"));
    let test = block
        .lines()
        .map(|line| line.split('#').next().unwrap_or("").trim())
        .find(|command| command.starts_with("cargo test"))
        .expect("README gives a test command");
    assert!(CI.lines().any(|line| line.trim() == test), "README tests with `{test}`, .ci/run does not:\n{CI}");
}
