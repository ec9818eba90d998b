//! Which theme to use: `--theme`, else `STATUS_TUTOR_THEME`, else the last `--theme` (saved
//! in the progress file), else the terminal's background as it reports it (OSC 11),
//! else dark. `decided` and `from_reply` are pure; `Question` asks the terminal.
use crate::cli::ThemeName;
use clap::ValueEnum;

/// The terminal's background, as far as it told us.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Background {
    Dark,
    Light,
}

/// What the terminal said to the background question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reply {
    /// Its background.
    Background(Background),
    /// Only DA1: it does not report its background.
    NoBackground,
    /// Nothing before the deadline.
    Silent,
}

/// Where the choice came from (said in tests and warnings).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Flag,
    Environment,
    Saved,
    Terminal,
    Default,
}

/// A theme name as written in the environment or the progress file (`high-contrast`).
pub fn parse(name: &str) -> Option<ThemeName> {
    ThemeName::from_str(name.trim(), true).ok()
}

/// The name written back into the progress file.
pub fn name(theme: ThemeName) -> String {
    theme.to_possible_value().map_or_else(|| "dark".to_string(), |v| v.get_name().to_string())
}

/// The choice when something other than the terminal makes it: the flag, the environment,
/// the saved choice. `None`: the terminal is to be asked.
pub fn decided(flag: Option<ThemeName>, env: Option<&str>, saved: Option<&str>) -> Option<(ThemeName, Source)> {
    if let Some(theme) = flag {
        return Some((theme, Source::Flag));
    }
    // An unknown name is ignored, as if unset (a typo should not cost the learner colours).
    if let Some(theme) = env.and_then(parse) {
        return Some((theme, Source::Environment));
    }
    saved.and_then(parse).map(|theme| (theme, Source::Saved))
}

/// The theme for the background the terminal reported, dark when it said nothing.
pub fn from_reply(reply: Option<Reply>) -> (ThemeName, Source) {
    match reply {
        Some(Reply::Background(Background::Light)) => (ThemeName::Light, Source::Terminal),
        Some(Reply::Background(Background::Dark)) => (ThemeName::Dark, Source::Terminal),
        _ => (ThemeName::Dark, Source::Default),
    }
}

/// The name a silent terminal is remembered by (`Progress::silent_terminal`): another
/// terminal is asked again.
pub fn terminal_name(term: Option<&str>, program: Option<&str>) -> String {
    format!("{} {}", term.unwrap_or_default(), program.unwrap_or_default()).trim().to_string()
}

/// How long a silent terminal is not asked again. A week: a slow link whose answer came
/// after the deadline is asked again then, and the launches between do not wait.
pub const SILENT_FOR_SECS: i64 = 7 * 24 * 3600;

/// Whether `terminal` was found silent (`saved`, at `since`) less than a week before
/// `now`, so it is not asked. A time in the future (a clock set back) counts as stale.
pub fn silent_lately(saved: Option<&str>, since: Option<i64>, terminal: &str, now: i64) -> bool {
    let age = since.and_then(|since| now.checked_sub(since)); // a hand-edited time may overflow
    saved == Some(terminal) && age.is_some_and(|age| (0..SILENT_FOR_SECS).contains(&age))
}

/// The background an OSC 11 reply describes: `ESC ] 11 ; rgb:RRRR/GGGG/BBBB` ended by BEL
/// or ST, 1 to 4 hex digits per channel. Other bytes around it (the DA1 reply) are ignored.
pub fn parse_reply(bytes: &[u8]) -> Option<Background> {
    let text = String::from_utf8_lossy(bytes);
    let start = text.find("]11;")? + 4;
    let body = text[start..].split(['\x07', '\x1b']).next()?;
    let channels = body.strip_prefix("rgb:").or_else(|| body.strip_prefix("rgba:"))?;
    let mut level = channels.split('/').take(3).map(|hex| {
        let value = u32::from_str_radix(hex, 16).ok()?;
        let max = (1u32 << (4 * hex.len().clamp(1, 4))) - 1;
        (1..=4).contains(&hex.len()).then(|| f64::from(value) / f64::from(max))
    });
    let (r, g, b) = (level.next()??, level.next()??, level.next()??);
    // Perceived brightness; mid-grey and above reads as a light background.
    let luma = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    Some(if luma > 0.5 { Background::Light } else { Background::Dark })
}

/// The background question (OSC 11), followed by a device-attributes query (DA1) that
/// every terminal answers, so the wait ends as soon as the answers are in. It is sent
/// before the course is decoded and answered after, so the round trip costs no time of
/// its own. The terminal is in raw mode meanwhile (no echo of the reply); `answer` or
/// dropping the question waits for the reply, so it never reaches the shell or the
/// tutorial's input.
#[cfg(unix)]
pub struct Question {
    tty: std::fs::File,
    deadline: std::time::Instant,
    reply: Vec<u8>,
    waited: bool,
}

#[cfg(unix)]
impl Question {
    /// Asks, from `/dev/tty`; gives up on the answer `timeout` from now.
    pub fn send(timeout: std::time::Duration) -> Option<Question> {
        use std::io::Write;
        let tty = std::fs::OpenOptions::new().read(true).write(true).open("/dev/tty").ok()?;
        crossterm::terminal::enable_raw_mode().ok()?;
        let deadline = std::time::Instant::now() + timeout;
        let mut question = Question { tty, deadline, reply: Vec::new(), waited: false };
        if question.tty.write_all(b"\x1b]11;?\x07\x1b[c").and_then(|()| question.tty.flush()).is_err() {
            // Nothing was asked, so there is nothing to read: only raw mode to leave.
            question.waited = true;
            let _ = crossterm::terminal::disable_raw_mode();
            return None;
        }
        Some(question)
    }

    /// What the terminal said before the deadline.
    pub fn answer(mut self) -> Reply {
        self.wait();
        match parse_reply(&self.reply) {
            Some(background) => Reply::Background(background),
            None if self.reply.is_empty() => Reply::Silent,
            None => Reply::NoBackground,
        }
    }

    /// Reads until both replies are in or the deadline passes; then leaves raw mode.
    fn wait(&mut self) {
        use rustix::event::{PollFd, PollFlags, Timespec, poll};
        use std::io::Read;
        if std::mem::replace(&mut self.waited, true) {
            return;
        }
        // Capped: keys held down (or a paste) at launch are not an answer to wait for.
        while !answered(&self.reply) && self.reply.len() < 4096 {
            // Past the deadline the poll does not wait: what already came is still read.
            let left = self.deadline.saturating_duration_since(std::time::Instant::now());
            let wait = Timespec {
                tv_sec: i64::try_from(left.as_secs()).unwrap_or(0),
                tv_nsec: i64::from(left.subsec_nanos()),
            };
            let mut fds = [PollFd::new(&self.tty, PollFlags::IN)];
            if !matches!(poll(&mut fds, Some(&wait)), Ok(n) if n > 0) {
                break;
            }
            let mut buf = [0u8; 256];
            match self.tty.read(&mut buf) {
                Ok(n) if n > 0 => self.reply.extend_from_slice(&buf[..n]),
                _ => break,
            }
        }
        let _ = crossterm::terminal::disable_raw_mode();
    }
}

#[cfg(unix)]
impl Drop for Question {
    fn drop(&mut self) {
        self.wait();
    }
}

/// No terminal to ask.
#[cfg(not(unix))]
pub struct Question;

#[cfg(not(unix))]
impl Question {
    pub fn send(_timeout: std::time::Duration) -> Option<Question> {
        None
    }

    pub fn answer(self) -> Reply {
        Reply::Silent
    }
}

/// Whether the DA1 reply (`ESC [ ? ... c`), which comes after the OSC 11 one, has arrived.
fn answered(reply: &[u8]) -> bool {
    let text = String::from_utf8_lossy(reply);
    text.find("\x1b[?").is_some_and(|at| text[at..].contains('c'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_flag_then_the_environment_then_the_saved_choice_then_the_terminal() {
        assert_eq!(decided(Some(ThemeName::Light), Some("dark"), Some("dark")), Some((ThemeName::Light, Source::Flag)));
        assert_eq!(
            decided(None, Some("HIGH-contrast"), Some("light")),
            Some((ThemeName::HighContrast, Source::Environment))
        );
        assert_eq!(decided(None, Some("neon"), Some("light")), Some((ThemeName::Light, Source::Saved)));
        assert_eq!(decided(None, None, None), None, "nothing chose: the terminal is asked");
        assert_eq!(decided(None, None, Some("bogus")), None);
        assert_eq!(from_reply(Some(Reply::Background(Background::Light))), (ThemeName::Light, Source::Terminal));
        assert_eq!(from_reply(Some(Reply::Background(Background::Dark))), (ThemeName::Dark, Source::Terminal));
        assert_eq!(from_reply(Some(Reply::Silent)), (ThemeName::Dark, Source::Default));
        assert_eq!(from_reply(None), (ThemeName::Dark, Source::Default));
        assert_eq!(terminal_name(Some("xterm-256color"), None), "xterm-256color");
        assert_eq!(terminal_name(Some("xterm-256color"), Some("vscode")), "xterm-256color vscode");
        let (week, now) = (SILENT_FOR_SECS, 1_800_000_000);
        assert!(silent_lately(Some("xterm"), Some(now - 60), "xterm", now));
        assert!(!silent_lately(Some("xterm"), Some(now - week), "xterm", now), "asked again after a week");
        assert!(!silent_lately(Some("xterm"), Some(now + 60), "xterm", now), "a clock set back");
        assert!(!silent_lately(Some("xterm"), None, "xterm", now), "a file from before the date was kept");
        assert!(!silent_lately(Some("xterm"), Some(now), "kitty", now), "another terminal");
        assert!(!silent_lately(Some("xterm"), Some(i64::MIN), "xterm", now), "no overflow");
        assert_eq!(parse(&name(ThemeName::HighContrast)), Some(ThemeName::HighContrast));
    }

    #[test]
    fn replies_in_every_width_and_terminator() {
        assert_eq!(parse_reply(b"\x1b]11;rgb:ffff/ffff/ffff\x07\x1b[?62;c"), Some(Background::Light));
        assert_eq!(parse_reply(b"\x1b]11;rgb:0000/2b2b/3636\x1b\\"), Some(Background::Dark));
        assert_eq!(parse_reply(b"\x1b]11;rgb:fd/f6/e3\x07"), Some(Background::Light));
        assert_eq!(parse_reply(b"\x1b]11;rgba:1717/1414/2121/ffff\x07"), Some(Background::Dark));
        assert_eq!(parse_reply(b"\x1b[?62;c"), None, "no OSC 11 support: only DA1 came back");
        assert_eq!(parse_reply(b"\x1b]11;rgb:zz/00/00\x07"), None);
        assert_eq!(parse_reply(b""), None);
        assert!(answered(b"\x1b]11;rgb:0/0/0\x07\x1b[?1;2c"));
        assert!(!answered(b"\x1b]11;rgb:0/0/0\x07"));
    }
}
