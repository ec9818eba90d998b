//! The key table: which key does what, per screen. The help overlay and the status-bar
//! hints are generated from this same table, so they can never drift from the behaviour.
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// What the learner asked for, independent of the key that asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Quit,
    ForceQuit,
    Up,
    Down,
    PageUp,
    PageDown,
    /// Half a screen, as Ctrl-U / Ctrl-D in less and vim.
    HalfPageUp,
    HalfPageDown,
    Top,
    Bottom,
    PrevPage,
    NextPage,
    SwitchFocus,
    Open,
    Digit(u8),
    Search,
    Help,
    ToggleSidebar,
    StartQuiz,
    Close,
    Type(char),
    Backspace,
    /// A single choice by number or letter (1-9, a-d) in the quiz.
    Pick(u8),
    Toggle,
    Skip,
    ReadPage,
    Review,
    RetryMissed,
    NewRound,
    Confirm,
    Decline,
    /// Practice: open the exercise file in the editor.
    Edit,
    /// Practice: run the checks now.
    RunChecks,
    /// Practice: the next hint.
    Hint,
    /// Practice: show or hide the reference solution.
    ShowSolution,
    /// Practice: read the lesson page the exercise practises.
    OpenLesson,
    /// Open practice mode (from the reader: this page's exercise).
    Practice,
    /// Practice: set up Django in the workspace (`practice setup`).
    Setup,
    /// Fold or expand the verified requests under the code samples.
    ToggleVerified,
    /// Back to where the learner was before a jump (jump list).
    Back,
    /// The next and previous match of the last search.
    NextMatch,
    PrevMatch,
    /// Spaced review: a round of the questions due.
    StartReview,
    /// Put the quiz round aside (resumed by the next quiz, also after quitting).
    Pause,
    /// The progress screen: progress as a whole.
    Progress,
    /// Throw away the paused round instead of resuming it.
    Discard,
}

/// The screens (and overlays) that read keys differently.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// Active everywhere, before the screen's own keys.
    Global,
    Welcome,
    Reader,
    /// The contents sidebar has focus.
    Contents,
    Search,
    Help,
    QuizIntro,
    /// A paused round, before it is resumed.
    QuizResume,
    Quiz,
    /// Typing a status code in the quiz: digits are the answer.
    QuizTyping,
    /// The verdict on an answer is shown.
    QuizFeedback,
    Results,
    /// Going through the answers of a finished round.
    Review,
    Confirm,
    /// "Terminal too small" is shown: only quitting works.
    TooSmall,
    /// Practice mode: the exercise list and the current exercise.
    Practice,
    /// The progress screen (`%`).
    Progress,
}

impl Context {
    /// Every context, in the order the help overlay lists them.
    pub const ALL: [Context; 17] = [
        Context::Global,
        Context::Welcome,
        Context::Reader,
        Context::Contents,
        Context::Search,
        Context::Help,
        Context::QuizIntro,
        Context::QuizResume,
        Context::Quiz,
        Context::QuizTyping,
        Context::QuizFeedback,
        Context::Results,
        Context::Review,
        Context::Confirm,
        Context::TooSmall,
        Context::Practice,
        Context::Progress,
    ];

    /// The context whose keys also work here, after the context's own: the welcome
    /// screen takes every reading key (it opens the page, then acts on it).
    pub fn falls_back_to(self) -> Option<Context> {
        (self == Context::Welcome).then_some(Context::Reader)
    }

    /// The heading of the context's keys in the help and docs/keys.md; the keys that
    /// open a screen come from the table.
    pub fn title(self) -> String {
        // "% or P": every key of the binding that opens the screen.
        let opened_by = |context: Context, action: Action| {
            bindings(context).find(|b| b.action == action).map(|b| b.label().replace(' ', " or ")).unwrap_or_default()
        };
        let fixed = match self {
            Context::Contents => return format!("Contents (after {})", key_for(Context::Reader, Action::SwitchFocus)),
            Context::Review => {
                return format!("Quiz: your answers, one by one ({})", opened_by(Context::Results, Action::Review));
            }
            Context::Progress => return format!("Your progress ({})", opened_by(Context::Reader, Action::Progress)),
            Context::Global => "Everywhere",
            Context::Welcome => "Welcome (reading keys work too)",
            Context::Reader => "Reading",
            Context::Search => "Search",
            Context::Help => "This help",
            Context::QuizIntro => "Quiz: before a round",
            Context::QuizResume => "Quiz: a paused round",
            Context::Quiz => "Quiz: a question",
            Context::QuizTyping => "Quiz: type the code",
            Context::QuizFeedback => "Quiz: after an answer",
            Context::Results => "Quiz results",
            Context::Confirm => "Confirm",
            Context::TooSmall => "Terminal too small",
            Context::Practice => "Practice",
        };
        fixed.to_owned()
    }
}

/// A key, or a family of keys, as the table matches it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Code(KeyCode),
    Char(char),
    Ctrl(char),
    /// 0-9, delivered as `Action::Digit`.
    AnyDigit,
    /// 1-9 and a-d, delivered as `Action::Pick` (0-based).
    AnyChoice,
    /// Any printable character, delivered as `Action::Type`.
    AnyPrintable,
}

pub struct Binding {
    pub context: Context,
    pub keys: &'static [Key],
    /// How a family of keys (digits, choices, text) is written; single keys name themselves.
    pub family: Option<&'static str>,
    pub action: Action,
    pub description: &'static str,
    /// A short word for the status bar, when the binding deserves a hint there.
    pub hint: Option<&'static str>,
}

mod doc;
mod table;
use Key::{AnyChoice, AnyDigit, AnyPrintable, Char, Code, Ctrl};
pub use doc::markdown;
pub use table::BINDINGS;

/// The action for `key` in `context`: global bindings first, then the context's own, then
/// (on the welcome screen) the reader's, which open the page and act on it.
pub fn action_for(context: Context, key: KeyEvent) -> Option<Action> {
    let fallback = context.falls_back_to();
    [Some(Context::Global), Some(context), fallback].into_iter().flatten().find_map(|ctx| {
        BINDINGS
            .iter()
            .filter(|b| b.context == ctx)
            .find_map(|b| b.keys.iter().find_map(|k| matches(*k, key, b.action)))
    })
}

/// The action a binding gives for this key event, with the typed character filled in.
fn matches(pattern: Key, event: KeyEvent, action: Action) -> Option<Action> {
    let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
    let alt = event.modifiers.contains(KeyModifiers::ALT);
    match (pattern, event.code) {
        (Ctrl(c), KeyCode::Char(e)) if ctrl && e.eq_ignore_ascii_case(&c) => Some(action),
        _ if ctrl || alt => None,
        (Code(code), e) if code == e => Some(action),
        (Char(c), KeyCode::Char(e)) if c == e => Some(action),
        (AnyDigit, KeyCode::Char(e)) => e.to_digit(10).map(|d| Action::Digit(d as u8)),
        (AnyChoice, KeyCode::Char(e @ '1'..='9')) => Some(Action::Pick(e as u8 - b'1')),
        (AnyChoice, KeyCode::Char(e @ 'a'..='d')) => Some(Action::Pick(e as u8 - b'a')),
        (AnyPrintable, KeyCode::Char(e)) if !e.is_control() => Some(Action::Type(e)),
        _ => None,
    }
}

/// The bindings of one context, in table order (for the help overlay).
pub fn bindings(context: Context) -> impl Iterator<Item = &'static Binding> {
    BINDINGS.iter().filter(move |b| b.context == context)
}

/// The first key bound to `action` in `context` (or globally, or in the context it falls
/// back to), for a message that names it: typed by hand, it would drift when the table
/// changes.
pub fn key_for(context: Context, action: Action) -> String {
    [Some(Context::Global), Some(context), context.falls_back_to()]
        .into_iter()
        .flatten()
        .find_map(|ctx| bindings(ctx).find(|b| b.action == action))
        .map(Binding::first_label)
        .unwrap_or_default()
}

/// (keys, word) pairs for the status bar of a context: the first key of each hinted
/// binding (the help lists them all).
pub fn hints(context: Context) -> impl Iterator<Item = (String, &'static str)> {
    bindings(context).filter_map(|b| b.hint.map(|h| (b.first_label(), h)))
}

impl Binding {
    /// Every key of the binding, as the help and docs/keys.md write them ("Enter Space").
    pub fn label(&self) -> String {
        match self.family {
            Some(family) => family.to_owned(),
            None => self.keys.iter().map(|k| key_name(*k)).collect::<Vec<_>>().join(" "),
        }
    }

    /// The first key only, for the status bar where room is short.
    pub fn first_label(&self) -> String {
        match (self.family, self.keys.first()) {
            (Some(family), _) => family.to_owned(),
            (None, Some(key)) => key_name(*key),
            (None, None) => String::new(),
        }
    }
}

/// How one key is written to the learner.
pub fn key_name(key: Key) -> String {
    let named = match key {
        Ctrl(c) => return format!("Ctrl-{}", c.to_ascii_uppercase()),
        Char(' ') => "Space",
        Char(c) => return c.to_string(),
        Code(KeyCode::Up) => "↑",
        Code(KeyCode::Down) => "↓",
        Code(KeyCode::Left) => "←",
        Code(KeyCode::Right) => "→",
        Code(KeyCode::PageUp) => "PgUp",
        Code(KeyCode::PageDown) => "PgDn",
        Code(KeyCode::Home) => "Home",
        Code(KeyCode::End) => "End",
        Code(KeyCode::Enter) => "Enter",
        Code(KeyCode::Esc) => "Esc",
        Code(KeyCode::Tab) => "Tab",
        Code(KeyCode::BackTab) => "Shift-Tab",
        Code(KeyCode::Backspace) => "Backspace",
        Code(other) => return format!("{other:?}"),
        AnyDigit => "0-9",
        AnyChoice => "1-9 a-d",
        AnyPrintable => "text",
    };
    named.to_owned()
}

/// The keys a newcomer needs first (quit, help, search): the help lists them at the top
/// of every screen's keys, so they show wherever it opens.
/// Their rank: quit, then help, then search.
pub fn essential(action: Action) -> Option<usize> {
    [Action::Quit, Action::Help, Action::Search].iter().position(|a| *a == action)
}
