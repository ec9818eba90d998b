//! Talking to the person at the terminal on stderr: a message nobody can read is dropped
//! (eprintln! panics when stderr is closed or its terminal is gone), and text from
//! outside goes through the sanitiser first.
use crate::sanitize::printable;
use std::io::{self, IsTerminal, Write};

/// One line on stderr, as written (the caller sanitised what came from outside).
pub fn say(line: &str) {
    let _ = writeln!(io::stderr(), "{line}");
}

/// `status-tutor: <message>`, sanitised.
pub fn error(message: &str) {
    say(&format!("status-tutor: {}", printable(message)));
}

/// `status-tutor: warning: <warning>`, sanitised (a warning may quote a path).
pub fn warn(warning: &str) {
    say(&format!("status-tutor: warning: {}", printable(warning)));
}

/// A reader that went away (`status-tutor list | head -1`) is a quiet success: it had
/// what it wanted. `None` then; any other failure is the error message.
pub fn quietly<T>(result: io::Result<T>) -> Result<Option<T>, String> {
    match result {
        Ok(value) => Ok(Some(value)),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(None),
        Err(e) => Err(e.to_string()),
    }
}

/// Asks a yes/no question on the terminal. Without one there is nobody to ask: the
/// caller must say `--yes` (`command` names the command in that message).
pub fn confirm(question: &str, command: &str) -> Result<bool, String> {
    if !io::stdin().is_terminal() {
        return Err(format!("{command}: no terminal to ask on; add --yes to go ahead without asking"));
    }
    let _ = write!(io::stderr(), "{question} [y/N] ");
    let mut answer = String::new();
    io::stdin().read_line(&mut answer).map_err(|e| e.to_string())?;
    Ok(matches!(answer.trim(), "y" | "Y" | "yes"))
}
