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
}

impl Context {
    /// Every context, in the order the help overlay lists them.
    pub const ALL: [Context; 15] = [
        Context::Global,
        Context::Welcome,
        Context::Reader,
        Context::Contents,
        Context::Search,
        Context::Help,
        Context::QuizIntro,
        Context::Quiz,
        Context::QuizTyping,
        Context::QuizFeedback,
        Context::Results,
        Context::Review,
        Context::Confirm,
        Context::TooSmall,
        Context::Practice,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Context::Global => "Everywhere",
            Context::Welcome => "Welcome (reading keys work too)",
            Context::Reader => "Reading",
            Context::Contents => "Contents (after Tab)",
            Context::Search => "Search",
            Context::Help => "This help",
            Context::QuizIntro => "Quiz: before a round",
            Context::Quiz => "Quiz: a question",
            Context::QuizTyping => "Quiz: type the code",
            Context::QuizFeedback => "Quiz: after an answer",
            Context::Results => "Quiz results",
            Context::Review => "Quiz review",
            Context::Confirm => "Confirm",
            Context::TooSmall => "Terminal too small",
            Context::Practice => "Practice",
        }
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
    /// How the help overlay writes the keys.
    pub label: &'static str,
    pub action: Action,
    pub description: &'static str,
    /// A short word for the status bar, when the binding deserves a hint there.
    pub hint: Option<&'static str>,
}

use Context as C;
use Key::{AnyChoice, AnyDigit, AnyPrintable, Char, Code, Ctrl};

const fn bind(
    context: Context,
    keys: &'static [Key],
    label: &'static str,
    action: Action,
    description: &'static str,
    hint: Option<&'static str>,
) -> Binding {
    Binding { context, keys, label, action, description, hint }
}

pub const BINDINGS: &[Binding] = &[
    bind(C::Global, &[Ctrl('c')], "Ctrl-C", Action::ForceQuit, "quit at once (progress is already saved)", None),
    bind(
        C::Welcome,
        &[Code(KeyCode::Enter), Char(' ')],
        "Enter",
        Action::Open,
        "start reading, or continue where you left off",
        Some("read"),
    ),
    bind(C::Welcome, &[Char('t')], "t", Action::StartQuiz, "go straight to the quiz", None),
    bind(C::Welcome, &[Char('x')], "x", Action::Practice, "practice: write views, a real Django answers", None),
    bind(C::Welcome, &[Char('R')], "R", Action::StartReview, "review the questions due (spaced review)", None),
    bind(C::Welcome, &[Char('?')], "?", Action::Help, "help: every key", Some("help")),
    bind(C::Welcome, &[Char('q')], "q", Action::Quit, "quit", Some("quit")),
    bind(C::Reader, &[Code(KeyCode::Up), Char('k')], "↑ k", Action::Up, "scroll up", None),
    bind(C::Reader, &[Code(KeyCode::Down), Char('j')], "↓ j", Action::Down, "scroll down", Some("scroll")),
    bind(C::Reader, &[Code(KeyCode::PageUp), Char('b')], "PgUp b", Action::PageUp, "one screen up", None),
    bind(C::Reader, &[Code(KeyCode::PageDown), Char(' ')], "PgDn Space", Action::PageDown, "one screen down", None),
    bind(C::Reader, &[Code(KeyCode::Home), Char('g')], "Home g", Action::Top, "top of the page", None),
    bind(C::Reader, &[Code(KeyCode::End), Char('G')], "End G", Action::Bottom, "bottom of the page", None),
    bind(C::Reader, &[Code(KeyCode::Left), Char('p')], "← p", Action::PrevPage, "previous page", None),
    bind(C::Reader, &[Code(KeyCode::Right)], "→", Action::NextPage, "next page", Some("page")),
    bind(
        C::Reader,
        &[Char('n')],
        "n",
        Action::NextMatch,
        "next search match, across pages (no search: next page)",
        None,
    ),
    bind(C::Reader, &[Char('N')], "N", Action::PrevMatch, "previous match of the last search", None),
    bind(
        C::Reader,
        &[Code(KeyCode::Backspace), Ctrl('o')],
        "Bksp Ctrl-O",
        Action::Back,
        "back to where you were before a jump, a search or a link",
        None,
    ),
    bind(
        C::Reader,
        &[Code(KeyCode::Tab), Code(KeyCode::BackTab)],
        "Tab",
        Action::SwitchFocus,
        "switch between contents and page",
        Some("contents"),
    ),
    bind(C::Reader, &[AnyDigit], "4 0 4", Action::Digit(0), "type a status code to jump to its page", None),
    bind(C::Reader, &[Char('/')], "/", Action::Search, "search titles and text", Some("search")),
    bind(C::Reader, &[Char('s')], "s", Action::ToggleSidebar, "show or hide the contents", None),
    bind(C::Reader, &[Char('x')], "x", Action::Practice, "practice: write the view (this page's exercise)", None),
    bind(
        C::Reader,
        &[Char('v')],
        "v",
        Action::ToggleVerified,
        "expand or fold the verified requests under the code samples",
        None,
    ),
    bind(
        C::Reader,
        &[Char('t')],
        "t",
        Action::StartQuiz,
        "test your knowledge: the quiz (or only this page's questions)",
        Some("quiz"),
    ),
    bind(C::Reader, &[Char('R')], "R", Action::StartReview, "review the questions due (spaced review)", None),
    bind(C::Reader, &[Char('?')], "?", Action::Help, "help: every key", Some("help")),
    bind(
        C::Reader,
        &[Code(KeyCode::Esc)],
        "Esc",
        Action::Close,
        "cancel a code being typed, a message or the search (never quits)",
        None,
    ),
    bind(C::Reader, &[Char('q')], "q", Action::Quit, "quit (you will come back to this spot)", Some("quit")),
    bind(C::Contents, &[Code(KeyCode::Up), Char('k')], "↑ k", Action::Up, "previous entry", None),
    bind(C::Contents, &[Code(KeyCode::Down), Char('j')], "↓ j", Action::Down, "next entry", Some("choose")),
    bind(C::Contents, &[Code(KeyCode::Home), Char('g')], "Home g", Action::Top, "first entry", None),
    bind(C::Contents, &[Code(KeyCode::End), Char('G')], "End G", Action::Bottom, "last entry", None),
    bind(C::Contents, &[Code(KeyCode::Enter)], "Enter", Action::Open, "open the selected entry", Some("open")),
    bind(
        C::Contents,
        &[Code(KeyCode::Tab), Code(KeyCode::BackTab)],
        "Tab",
        Action::SwitchFocus,
        "back to the page",
        Some("page"),
    ),
    bind(C::Contents, &[Code(KeyCode::Esc)], "Esc", Action::Close, "leave the contents", Some("close")),
    bind(C::Contents, &[Char('s')], "s", Action::ToggleSidebar, "show or hide the contents", None),
    bind(C::Contents, &[AnyDigit], "4 0 4", Action::Digit(0), "type a status code to jump to its page", None),
    bind(C::Contents, &[Char('/')], "/", Action::Search, "search titles and text", None),
    bind(C::Contents, &[Char('?')], "?", Action::Help, "help: every key", Some("help")),
    bind(C::Contents, &[Char('q')], "q", Action::Quit, "quit", Some("quit")),
    bind(C::Search, &[Code(KeyCode::Up)], "↑", Action::Up, "previous result", None),
    bind(C::Search, &[Code(KeyCode::Down)], "↓", Action::Down, "next result", Some("results")),
    bind(C::Search, &[Code(KeyCode::Enter)], "Enter", Action::Open, "jump to the selected result", Some("jump")),
    bind(C::Search, &[Code(KeyCode::Backspace)], "Backspace", Action::Backspace, "delete a character", None),
    bind(C::Search, &[Code(KeyCode::Esc)], "Esc", Action::Close, "close the search", Some("close")),
    bind(C::Search, &[AnyPrintable], "text", Action::Type(' '), "type to search; results update as you type", None),
    bind(C::Help, &[Code(KeyCode::Up), Char('k')], "↑ k", Action::Up, "scroll up", None),
    bind(C::Help, &[Code(KeyCode::Down), Char('j')], "↓ j", Action::Down, "scroll down", Some("scroll")),
    bind(C::Help, &[Code(KeyCode::PageUp), Char('b')], "PgUp b", Action::PageUp, "one screen up", None),
    bind(C::Help, &[Code(KeyCode::PageDown), Char(' ')], "PgDn Space", Action::PageDown, "one screen down", None),
    bind(C::Help, &[Code(KeyCode::Home), Char('g')], "Home g", Action::Top, "top", None),
    bind(C::Help, &[Code(KeyCode::End), Char('G')], "End G", Action::Bottom, "bottom", None),
    bind(
        C::Help,
        &[Code(KeyCode::Esc), Char('?'), Char('q')],
        "Esc ? q",
        Action::Close,
        "close the help",
        Some("close"),
    ),
    bind(C::QuizIntro, &[Code(KeyCode::Enter), Char(' ')], "Enter", Action::Open, "start the round", Some("start")),
    bind(C::QuizIntro, &[Code(KeyCode::Up), Char('k')], "↑ k", Action::Up, "scroll up", None),
    bind(C::QuizIntro, &[Code(KeyCode::Down), Char('j')], "↓ j", Action::Down, "scroll down", None),
    bind(
        C::QuizIntro,
        &[Char('t')],
        "t",
        Action::StartQuiz,
        "only the questions of the page (or section) you came from, when offered",
        None,
    ),
    bind(C::QuizIntro, &[Char('?')], "?", Action::Help, "help: every key", Some("help")),
    bind(C::QuizIntro, &[Char('q'), Code(KeyCode::Esc)], "q Esc", Action::Quit, "back to the lessons", Some("lessons")),
    bind(C::Quiz, &[AnyChoice], "1-9 a-d", Action::Pick(0), "answer (multiple select: toggle)", Some("answer")),
    bind(C::Quiz, &[Code(KeyCode::Up), Char('k')], "↑ k", Action::Up, "move the cursor up", None),
    bind(C::Quiz, &[Code(KeyCode::Down), Char('j')], "↓ j", Action::Down, "move the cursor down", None),
    bind(C::Quiz, &[Char(' ')], "Space", Action::Toggle, "multiple select: toggle the choice under the cursor", None),
    bind(C::Quiz, &[Code(KeyCode::Enter)], "Enter", Action::Open, "submit the answer", Some("submit")),
    bind(C::Quiz, &[Char('s')], "s", Action::Skip, "skip (counts as wrong)", Some("skip")),
    bind(C::Quiz, &[Char('p')], "p", Action::Pause, "pause the round (t resumes it, also after quitting)", None),
    bind(C::Quiz, &[Char('?')], "?", Action::Help, "help: every key", None),
    bind(
        C::Quiz,
        &[Char('q'), Code(KeyCode::Esc)],
        "q Esc",
        Action::Quit,
        "leave the quiz (asks first)",
        Some("leave"),
    ),
    bind(C::QuizTyping, &[AnyDigit], "0-9", Action::Digit(0), "type the status code", Some("type")),
    bind(C::QuizTyping, &[Code(KeyCode::Backspace)], "Backspace", Action::Backspace, "delete a digit", None),
    bind(C::QuizTyping, &[Code(KeyCode::Enter)], "Enter", Action::Open, "submit", Some("submit")),
    bind(C::QuizTyping, &[Char('s')], "s", Action::Skip, "skip (counts as wrong)", Some("skip")),
    bind(C::QuizTyping, &[Char('p')], "p", Action::Pause, "pause the round (t resumes it, also after quitting)", None),
    bind(C::QuizTyping, &[Char('?')], "?", Action::Help, "help: every key", None),
    bind(
        C::QuizTyping,
        &[Char('q'), Code(KeyCode::Esc)],
        "q Esc",
        Action::Quit,
        "leave the quiz (asks first)",
        Some("leave"),
    ),
    bind(
        C::QuizFeedback,
        &[Code(KeyCode::Enter), Char(' ')],
        "Enter",
        Action::Open,
        "next question (or the results)",
        Some("next"),
    ),
    bind(
        C::QuizFeedback,
        &[Char('r')],
        "r",
        Action::ReadPage,
        "read the page that teaches it; t comes back here",
        Some("read the page"),
    ),
    bind(
        C::QuizFeedback,
        &[Char('p')],
        "p",
        Action::Pause,
        "pause the round (t resumes it, also after quitting)",
        None,
    ),
    bind(C::QuizFeedback, &[Code(KeyCode::Up), Char('k')], "↑ k", Action::Up, "scroll up", None),
    bind(C::QuizFeedback, &[Code(KeyCode::Down), Char('j')], "↓ j", Action::Down, "scroll down", None),
    bind(C::QuizFeedback, &[Char('?')], "?", Action::Help, "help: every key", None),
    bind(
        C::QuizFeedback,
        &[Char('q'), Code(KeyCode::Esc)],
        "q Esc",
        Action::Quit,
        "leave the quiz (asks first)",
        Some("leave"),
    ),
    bind(C::Results, &[Char('v')], "v", Action::Review, "review every answer", Some("review")),
    bind(C::Results, &[Char('m')], "m", Action::RetryMissed, "retry only the missed questions", Some("retry missed")),
    bind(C::Results, &[Char('n')], "n", Action::NewRound, "start a new round", Some("new round")),
    bind(C::Results, &[Code(KeyCode::Up), Char('k')], "↑ k", Action::Up, "scroll up", None),
    bind(C::Results, &[Code(KeyCode::Down), Char('j')], "↓ j", Action::Down, "scroll down", None),
    bind(C::Results, &[Char('?')], "?", Action::Help, "help: every key", None),
    bind(C::Results, &[Char('q'), Code(KeyCode::Esc)], "q Esc", Action::Quit, "back to the lessons", Some("lessons")),
    bind(
        C::Review,
        &[Code(KeyCode::Right), Char('n'), Code(KeyCode::Enter)],
        "→ n",
        Action::NextPage,
        "next answer",
        Some("next"),
    ),
    bind(C::Review, &[Code(KeyCode::Left), Char('p')], "← p", Action::PrevPage, "previous answer", Some("previous")),
    bind(C::Review, &[Char('r')], "r", Action::ReadPage, "read the page that teaches it", Some("read")),
    bind(C::Review, &[Code(KeyCode::Up), Char('k')], "↑ k", Action::Up, "scroll up", None),
    bind(C::Review, &[Code(KeyCode::Down), Char('j')], "↓ j", Action::Down, "scroll down", None),
    bind(C::Review, &[Char('m')], "m", Action::RetryMissed, "retry only the missed questions", None),
    bind(C::Review, &[Char('?')], "?", Action::Help, "help: every key", None),
    bind(C::Review, &[Char('q'), Code(KeyCode::Esc)], "q Esc", Action::Quit, "back to the results", Some("results")),
    bind(C::Confirm, &[Char('y'), Code(KeyCode::Enter)], "y Enter", Action::Confirm, "yes", Some("yes")),
    bind(C::Confirm, &[Char('n'), Code(KeyCode::Esc)], "n Esc", Action::Decline, "no, go back", Some("no")),
    bind(C::TooSmall, &[Char('q')], "q", Action::Quit, "quit (nothing else works until it is larger)", Some("quit")),
    bind(C::Practice, &[Code(KeyCode::Up), Char('k')], "↑ k", Action::Up, "previous exercise", None),
    bind(C::Practice, &[Code(KeyCode::Down), Char('j')], "↓ j", Action::Down, "next exercise", Some("exercise")),
    bind(C::Practice, &[Code(KeyCode::PageUp), Char('b')], "PgUp b", Action::PageUp, "scroll the details up", None),
    bind(
        C::Practice,
        &[Code(KeyCode::PageDown), Char(' ')],
        "PgDn Space",
        Action::PageDown,
        "scroll the details down",
        None,
    ),
    bind(C::Practice, &[Char('e')], "e", Action::Edit, "edit the file in $VISUAL / $EDITOR", Some("edit")),
    bind(C::Practice, &[Char('r')], "r", Action::RunChecks, "run the checks now", Some("run")),
    bind(C::Practice, &[Char('h')], "h", Action::Hint, "the next hint", Some("hint")),
    bind(
        C::Practice,
        &[Char('s')],
        "s",
        Action::ShowSolution,
        "show or hide the solution (asks first until three failed runs)",
        Some("solution"),
    ),
    bind(C::Practice, &[Char('l')], "l", Action::OpenLesson, "read the lesson it practises", Some("lesson")),
    bind(C::Practice, &[Char('S')], "S", Action::Setup, "set up Django in the workspace (practice setup)", None),
    bind(C::Practice, &[Char('?')], "?", Action::Help, "help: every key", None),
    bind(C::Practice, &[Char('q'), Code(KeyCode::Esc)], "q Esc", Action::Quit, "back to the lessons", Some("lessons")),
];

/// The action for `key` in `context`: global bindings first, then the context's own, then
/// (on the welcome screen) the reader's, which open the page and act on it.
pub fn action_for(context: Context, key: KeyEvent) -> Option<Action> {
    let fallback = (context == Context::Welcome).then_some(Context::Reader);
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

/// (keys, word) pairs for the status bar of a context.
pub fn hints(context: Context) -> impl Iterator<Item = (&'static str, &'static str)> {
    bindings(context).filter_map(|b| b.hint.map(|h| (b.label, h)))
}
