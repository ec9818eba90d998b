//! Messages and hints name keys through the key table (`keys::key_for`), never typed by
//! hand: a key written into a string drifts when the table changes ("s shows the
//! solution" after the solution moved to `H`). This reads the sources for the shapes a
//! hand-typed key takes in a message.
use std::fs;
use std::path::{Path, PathBuf};

/// Where on-screen text is written.
const ROOTS: &[&str] = &["src/app", "src/lines", "src/ui", "src/commands", "src/practice", "src/progress"];

/// Single keys and named keys as the learner sees them.
const NAMED: &[&str] = &["Enter", "Esc", "Tab", "Space", "Backspace"];

/// Verbs that follow a key in a message: "t resumes it", "q goes back".
const VERBS: &[&str] = &[
    "goes", "resumes", "reviews", "starts", "comes", "opens", "runs", "reruns", "shows", "gives", "quits", "cancels",
    "retries", "skips", "pauses", "edits", "closes", "leaves", "back", "or",
];

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("source folder").flatten() {
        let path = entry.path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The string literals of a line of code (comments left out).
fn literals(line: &str) -> Vec<&str> {
    let code = line.trim_start();
    if code.starts_with("//") {
        return Vec::new();
    }
    line.split('"').skip(1).step_by(2).collect()
}

fn is_key(word: &str) -> bool {
    let mut chars = word.chars();
    let single =
        matches!((chars.next(), chars.next()), (Some(c), None) if c.is_ascii_alphabetic() || "%?/".contains(c));
    single || NAMED.contains(&word)
}

/// What in `text` looks like a key typed by hand, if anything.
fn hand_typed(text: &str) -> Option<String> {
    let words: Vec<&str> = text.split(' ').collect();
    for (i, pair) in words.windows(2).enumerate() {
        let (key, next) = (pair[0].trim_start_matches('('), pair[1].trim_end_matches([',', '.', ';', ')']));
        let after_press = i > 0 && words[i - 1].eq_ignore_ascii_case("press");
        let opens_clause = i == 0 || words[i - 1].ends_with([':', ';', ',', '.', '?', '!']) || pair[0].starts_with('(');
        if is_key(key) && (opens_clause && VERBS.contains(&next)) {
            return Some(format!("{key} {next}"));
        }
        if after_press && is_key(key) {
            return Some(format!("press {key}"));
        }
    }
    let last = words.last().copied().unwrap_or_default().trim_end_matches(['.', ';', ')']);
    (words.len() > 1 && words[words.len() - 2].eq_ignore_ascii_case("press") && is_key(last))
        .then(|| format!("press {last}"))
}

#[test]
fn no_message_types_a_key_by_hand() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ROOTS {
        sources(&root.join(dir), &mut files);
    }
    assert!(files.len() > 20, "the scan finds the sources: {files:?}");
    let mut found = Vec::new();
    for file in files {
        let text = fs::read_to_string(&file).expect("readable source");
        // Unit tests may spell out what a message says.
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        for (n, line) in code.lines().enumerate() {
            for literal in literals(line) {
                if let Some(what) = hand_typed(literal) {
                    found.push(format!("{}:{}: \"{what}\" in {literal:?}", file.display(), n + 1));
                }
            }
            // A key drawn in the key style must come from the table too.
            let styled_literal = line.split("Span::styled(\"").nth(1).and_then(|rest| rest.split('"').next());
            // (a drawn cursor, "▏", is not a key)
            let drawn_key = styled_literal.is_some_and(|l| l.chars().any(|c| c.is_ascii_graphic()));
            if drawn_key && line.contains(", theme.key)") {
                found.push(format!("{}:{}: a literal drawn as a key: {}", file.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(found.is_empty(), "keys typed by hand (use keys::key_for):\n{}", found.join("\n"));
}

#[test]
fn the_scan_catches_the_shapes_it_looks_for() {
    // Guards the scan itself: with the patterns broken, the test above would pass on nothing.
    assert_eq!(hand_typed("That was the last hint: s shows the solution").as_deref(), Some("s shows"));
    assert_eq!(hand_typed("Reading for the quiz: press t to go back to it").as_deref(), Some("press t"));
    assert_eq!(hand_typed("Enlarge the window, or press q to quit.").as_deref(), Some("press q"));
    assert_eq!(hand_typed("Type the three digits, then press Enter").as_deref(), Some("press Enter"));
    assert_eq!(hand_typed("A round is waiting: t goes back to it first").as_deref(), Some("t goes"));
    assert_eq!(hand_typed("the rest are not reached (z pauses it instead)").as_deref(), Some("z pauses"));
    assert_eq!(hand_typed("Stuck? h gives a hint").as_deref(), Some("h gives"));
    assert_eq!(hand_typed("a page of a book"), None);
    assert_eq!(hand_typed("{quiz} goes back"), None);
}

/// The key table's own descriptions are fixed text: where one names another key ("t comes
/// back here"), that key must be bound where the learner will press it (on the binding's
/// screen or, back in the lessons, the reader).
#[test]
fn a_key_named_in_the_help_is_bound() {
    use crossterm::event::{KeyCode, KeyEvent};
    use status_tutor::keys::{Action, BINDINGS, Context, action_for};
    let mut named = 0;
    for binding in BINDINGS {
        let Some(found) = hand_typed(binding.description) else { continue };
        named += 1;
        let key = found.trim_start_matches("press ").split(' ').next().unwrap_or_default();
        let Some(c) = key.chars().next().filter(|_| key.chars().count() == 1) else { continue };
        let event = KeyEvent::from(KeyCode::Char(c));
        // "t resumes it", "t comes back here": back to the round, from the lessons.
        if found.ends_with(" resumes") || found.ends_with(" comes") {
            let back = action_for(Context::Reader, event);
            assert_eq!(back, Some(Action::StartQuiz), "{:?}: {:?}", binding.context, binding.description);
        }
        let bound = [binding.context, Context::Reader].iter().any(|ctx| action_for(*ctx, event).is_some());
        assert!(
            bound,
            "{:?}: {:?} names {key}, bound neither there nor in the reader",
            binding.context, binding.description
        );
    }
    assert!(named > 0, "the table's descriptions name a key somewhere (the scan works)");
}
