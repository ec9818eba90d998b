//! Reader keys through real key events: Esc cancels and never quits, a too-small
//! terminal ignores everything but q, the jump list, n/N after a search, the help opening
//! at the current screen's keys, and the welcome screen's keys.
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::Rect;
use status_tutor::app::{App, Focus, Overlay, Screen};
use status_tutor::cli::ThemeName;
use status_tutor::content::{CourseFiles, load};
use status_tutor::keys::{self, Context};
use status_tutor::progress::Progress;
use status_tutor::theme::Theme;
use std::path::Path;

fn app(width: u16, height: u16) -> App {
    let files = CourseFiles::read_dir(Path::new("tests/ui-course")).expect("fixture course is readable");
    let course = load(&files).expect("fixture course is valid").course;
    App::new(course, Theme::new(ThemeName::Dark, false), Progress::default(), Rect::new(0, 0, width, height))
}

fn key_with(app: &mut App, code: KeyCode, modifiers: KeyModifiers) -> bool {
    let action = keys::action_for(app.context(), KeyEvent::new(code, modifiers));
    action.is_some_and(|a| app.update(a).changed())
}

fn press(app: &mut App, code: KeyCode) -> bool {
    key_with(app, code, KeyModifiers::NONE)
}

fn typing(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

fn page_id(app: &App) -> &str {
    &app.course.pages[app.page].id
}

fn reading(width: u16, height: u16) -> App {
    let mut app = app(width, height);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.screen, Screen::Reader);
    app
}

#[test]
fn esc_cancels_and_never_quits() {
    for width in [80, 120] {
        let mut app = reading(width, 24);
        // A code being typed.
        press(&mut app, KeyCode::Char('4'));
        assert_eq!(app.digits, "4");
        assert!(press(&mut app, KeyCode::Esc));
        assert!(app.digits.is_empty() && !app.should_quit(), "Esc cancels the code at {width}");
        press(&mut app, KeyCode::Char('0'));
        press(&mut app, KeyCode::Char('4'));
        assert_eq!(page_id(&app), "text", "the cancelled 4 is not part of the next code");
        press(&mut app, KeyCode::Esc);
        // A message.
        typing(&mut app, "999");
        assert!(app.message.is_some());
        press(&mut app, KeyCode::Esc);
        assert!(app.message.is_none() && !app.should_quit(), "Esc dismisses a message at {width}");
        // The contents focused (docked at 120, floating at 80).
        press(&mut app, KeyCode::Tab);
        assert_eq!(app.focus, Focus::Sidebar);
        press(&mut app, KeyCode::Esc);
        assert_eq!(app.focus, Focus::Page, "Esc leaves the contents at {width}");
        assert!(!app.should_quit(), "Esc in the contents does not quit at {width}");
        // Search and help.
        press(&mut app, KeyCode::Char('/'));
        press(&mut app, KeyCode::Esc);
        assert_eq!(app.overlay, Overlay::None);
        press(&mut app, KeyCode::Char('?'));
        press(&mut app, KeyCode::Esc);
        assert_eq!(app.overlay, Overlay::None);
        // The bare reader: Esc says how to quit, and only q does.
        assert!(press(&mut app, KeyCode::Esc));
        assert!(!app.should_quit());
        assert!(app.message.as_deref().is_some_and(|m| m.contains("q quits")));
        press(&mut app, KeyCode::Char('q'));
        assert!(app.should_quit(), "q quits at {width}");
    }
}

#[test]
fn esc_never_quits_from_the_welcome_either() {
    let mut app = app(80, 24);
    press(&mut app, KeyCode::Esc);
    assert!(!app.should_quit());
    press(&mut app, KeyCode::Char('q'));
    assert!(app.should_quit());
}

#[test]
fn a_terminal_too_small_ignores_every_key_but_q() {
    let mut app = app(30, 8);
    assert_eq!(app.context(), Context::TooSmall);
    for code in [KeyCode::Char('?'), KeyCode::Char('4'), KeyCode::Char('t'), KeyCode::Enter, KeyCode::Char('/')] {
        assert!(!press(&mut app, code), "{code:?} changed something");
    }
    assert_eq!((app.screen, &app.overlay, app.digits.as_str()), (Screen::Welcome, &Overlay::None, ""));
    assert!(app.quiz.is_none());
    let click =
        MouseEvent { kind: MouseEventKind::Down(MouseButton::Left), column: 2, row: 2, modifiers: KeyModifiers::NONE };
    assert!(!app.on_mouse(click).changed(), "a click on the hidden screen does nothing");
    app.resize(80, 24);
    press(&mut app, KeyCode::Enter);
    app.resize(20, 5);
    press(&mut app, KeyCode::Char('t'));
    assert_eq!(app.screen, Screen::Reader);
    press(&mut app, KeyCode::Char('q'));
    assert!(app.should_quit());
}

#[test]
fn back_returns_from_a_code_a_search_and_the_contents() {
    let mut app = reading(120, 12);
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Down);
    let before = (app.page, app.scroll);
    assert_eq!(page_id(&app), "code");
    typing(&mut app, "404");
    assert_eq!(page_id(&app), "table");
    assert!(press(&mut app, KeyCode::Backspace));
    assert_eq!((app.page, app.scroll), before, "Backspace goes back to the exact spot");
    // Search.
    press(&mut app, KeyCode::Char('/'));
    typing(&mut app, "HTTPStatus");
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    assert_ne!((app.page, app.scroll), before);
    assert!(key_with(&mut app, KeyCode::Char('o'), KeyModifiers::CONTROL));
    assert_eq!((app.page, app.scroll), before, "Ctrl-O goes back after a search");
    // The contents.
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    assert_eq!(page_id(&app), "cards");
    press(&mut app, KeyCode::Backspace);
    assert_eq!((app.page, app.scroll), before);
    // Nothing further back than where reading started.
    press(&mut app, KeyCode::Backspace);
    assert!(app.message.as_deref().is_some_and(|m| m.contains("Nothing to go back")));
}

#[test]
fn n_and_shift_n_go_through_the_matches_across_pages() {
    let mut app = reading(80, 12);
    // Without a search, n is the next page, as it always was.
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(page_id(&app), "code");
    press(&mut app, KeyCode::Char('p'));
    press(&mut app, KeyCode::Char('/'));
    typing(&mut app, "status");
    press(&mut app, KeyCode::Enter);
    let first = (app.page, app.scroll);
    let mut seen = vec![first];
    for _ in 0..8 {
        assert!(press(&mut app, KeyCode::Char('n')));
        assert!(app.found.as_deref() == Some("status"), "the match is marked");
        seen.push((app.page, app.scroll));
    }
    let pages: std::collections::BTreeSet<usize> = seen.iter().map(|s| s.0).collect();
    assert!(pages.len() >= 3, "n crosses pages: {seen:?}");
    assert!(seen.windows(2).any(|w| w[1].0 < w[0].0), "n wraps around to the first page: {seen:?}");
    let there = (app.page, app.scroll);
    press(&mut app, KeyCode::Char('n'));
    press(&mut app, KeyCode::Char('N'));
    assert_eq!((app.page, app.scroll), there, "N undoes n");
    // Esc forgets the search; n is the next page again.
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Esc);
    assert!(app.last_search.is_none());
}

#[test]
fn help_opens_at_the_keys_of_its_screen_and_pages() {
    let mut app = reading(80, 24);
    press(&mut app, KeyCode::Char('?'));
    let Overlay::Help { scroll: reading_at } = app.overlay else { panic!("help is open") };
    assert!(reading_at > 0, "the reader's keys are not the first in the help");
    press(&mut app, KeyCode::PageDown);
    let Overlay::Help { scroll } = app.overlay else { panic!() };
    assert!(scroll > reading_at + 5, "PgDn scrolls a screenful");
    press(&mut app, KeyCode::Char('G'));
    let Overlay::Help { scroll: bottom } = app.overlay else { panic!() };
    press(&mut app, KeyCode::Char('g'));
    assert_eq!(app.overlay, Overlay::Help { scroll: 0 });
    press(&mut app, KeyCode::End);
    assert_eq!(app.overlay, Overlay::Help { scroll: bottom });
    press(&mut app, KeyCode::Home);
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('t'));
    press(&mut app, KeyCode::Char('?'));
    let Overlay::Help { scroll: quiz_at } = app.overlay else { panic!() };
    assert!(quiz_at > reading_at, "from the quiz, the help opens at the quiz's keys");
}

#[test]
fn the_welcome_screen_keys_all_work() {
    // Every reading key opens the page and acts on it.
    let mut a = app(80, 24);
    press(&mut a, KeyCode::Right);
    assert_eq!((a.screen, page_id(&a)), (Screen::Reader, "code"));
    let mut a = app(80, 24);
    press(&mut a, KeyCode::Char('/'));
    assert_eq!(a.context(), Context::Search);
    let mut a = app(80, 24);
    press(&mut a, KeyCode::Tab);
    assert_eq!((a.screen, a.focus), (Screen::Reader, Focus::Sidebar));
    let mut a = app(80, 24);
    typing(&mut a, "404");
    assert_eq!(page_id(&a), "table");
    let mut a = app(80, 12);
    press(&mut a, KeyCode::Down);
    assert_eq!((a.screen, a.scroll), (Screen::Reader, 1));
}

#[test]
fn the_sidebar_choice_is_remembered() {
    let mut shown = reading(120, 30);
    assert!(shown.areas().sidebar.is_some(), "docked by default at 120 columns");
    press(&mut shown, KeyCode::Char('c'));
    assert!(shown.areas().sidebar.is_none());
    assert_eq!(shown.progress.sidebar, Some(false));
    assert!(shown.progress.edits() > 0, "the choice is saved");
    // The next launch starts with it hidden, at any width.
    let files = CourseFiles::read_dir(Path::new("tests/ui-course")).expect("fixture course is readable");
    let course = load(&files).expect("fixture course is valid").course;
    let mut next =
        App::new(course, Theme::new(ThemeName::Dark, false), shown.progress.clone(), Rect::new(0, 0, 120, 30));
    press(&mut next, KeyCode::Enter);
    assert!(next.areas().sidebar.is_none(), "hidden, as left");
}

#[test]
fn old_progress_files_load_and_the_new_preferences_round_trip() {
    let old: Progress =
        toml::from_str("version = 1\nwelcomed = true\nlast_page = \"text\"\n").expect("an old file loads");
    assert_eq!((old.theme.as_deref(), old.sidebar), (None, None));
    let mut new = old.clone();
    new.theme = Some("high-contrast".to_string());
    new.sidebar = Some(true);
    let text = toml::to_string(&new).expect("serialises");
    let back: Progress = toml::from_str(&text).expect("reads back");
    assert_eq!(back, new);
    assert!(!toml::to_string(&old).expect("serialises").contains("theme"), "unset stays out of the file");
}
