//! The key table, and the app driven by real key events through it (not raw actions),
//! so a screen without bindings cannot go unnoticed.
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use status_tutor::app::{App, Screen};
use status_tutor::cli::ThemeName;
use status_tutor::content::{CourseFiles, embedded, load};
use status_tutor::keys::{self, Action, BINDINGS, Context, Key};
use status_tutor::progress::Progress;
use status_tutor::quiz::Phase;
use status_tutor::theme::Theme;
use std::collections::HashSet;
use std::path::Path;

fn app() -> App {
    let files = CourseFiles::read_dir(Path::new("tests/ui-course")).expect("fixture course is readable");
    let course = load(&files).expect("fixture course is valid").course;
    App::new(course, Theme::new(ThemeName::Dark, false), Progress::default(), Rect::new(0, 0, 100, 30))
}

/// Presses a key the way the event loop does: through the table of the current screen.
fn press(app: &mut App, code: KeyCode) -> bool {
    let action = keys::action_for(app.context(), KeyEvent::new(code, KeyModifiers::NONE));
    action.is_some_and(|a| app.update(a))
}

fn phase(app: &App) -> Phase {
    app.quiz.as_ref().expect("a quiz").session.phase().clone()
}

#[test]
fn no_key_is_bound_twice_on_one_screen() {
    for context in Context::ALL {
        let mut seen = HashSet::new();
        for binding in keys::bindings(context) {
            for key in binding.keys {
                assert!(seen.insert(format!("{key:?}")), "{key:?} is bound twice in {context:?}");
            }
        }
    }
}

#[test]
fn every_screen_has_a_way_out_and_help_lists_it() {
    for context in Context::ALL.into_iter().filter(|c| *c != Context::Global) {
        let exits = [Action::Quit, Action::Close, Action::Decline];
        assert!(keys::bindings(context).any(|b| exits.contains(&b.action)), "{context:?} has no key that leaves it");
        assert!(keys::hints(context).next().is_some(), "{context:?} shows no hints");
    }
}

#[test]
fn ctrl_c_quits_from_every_screen() {
    let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    for context in Context::ALL {
        assert_eq!(keys::action_for(context, ctrl_c), Some(Action::ForceQuit), "{context:?}");
    }
}

#[test]
fn typed_families_deliver_what_was_typed() {
    let key = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
    assert_eq!(keys::action_for(Context::Reader, key('4')), Some(Action::Digit(4)));
    assert_eq!(keys::action_for(Context::Quiz, key('3')), Some(Action::Pick(2)));
    assert_eq!(keys::action_for(Context::Quiz, key('b')), Some(Action::Pick(1)));
    assert_eq!(keys::action_for(Context::Search, key('q')), Some(Action::Type('q')), "q types in the search");
    assert_eq!(keys::action_for(Context::QuizTyping, key('7')), Some(Action::Digit(7)));
    assert!(BINDINGS.iter().any(|b| b.keys.contains(&Key::AnyPrintable)));
}

#[test]
fn a_whole_quiz_by_keyboard() {
    let mut app = app();
    app.quiz_options.seed = 3;
    app.quiz_options.count = None;
    assert!(press(&mut app, KeyCode::Char('t')), "t opens the quiz from the welcome");
    assert_eq!(app.screen, Screen::Quiz);
    assert_eq!(phase(&app), Phase::Intro);
    assert!(press(&mut app, KeyCode::Enter), "Enter starts the round");
    let mut asked = 0;
    while matches!(phase(&app), Phase::Asking { .. }) {
        asked += 1;
        assert!(press(&mut app, KeyCode::Char('s')), "s skips, in every kind of question");
        assert!(matches!(phase(&app), Phase::Feedback { .. }));
        assert!(press(&mut app, KeyCode::Enter), "Enter goes on");
    }
    assert_eq!(asked, 4);
    assert_eq!(phase(&app), Phase::Results);
    assert!(press(&mut app, KeyCode::Char('v')));
    assert!(matches!(phase(&app), Phase::Review { index: 0 }));
    assert!(press(&mut app, KeyCode::Char('n')), "n is the next answer in the review");
    assert!(matches!(phase(&app), Phase::Review { index: 1 }));
    assert!(press(&mut app, KeyCode::Char('q')));
    assert_eq!(phase(&app), Phase::Results);
    assert!(press(&mut app, KeyCode::Char('m')), "m retries the missed questions");
    assert_eq!(phase(&app), Phase::Intro);
    assert!(press(&mut app, KeyCode::Char('q')), "q leaves from the intro");
    assert!(app.quiz.is_none());
    assert_eq!(app.screen, Screen::Reader);
}

#[test]
fn leaving_a_round_by_keyboard_asks_first() {
    let mut app = app();
    press(&mut app, KeyCode::Char('t'));
    press(&mut app, KeyCode::Enter);
    assert!(press(&mut app, KeyCode::Esc));
    assert_eq!(app.context(), Context::Confirm);
    assert!(press(&mut app, KeyCode::Char('n')));
    assert!(matches!(phase(&app), Phase::Asking { .. }));
    press(&mut app, KeyCode::Char('q'));
    assert!(press(&mut app, KeyCode::Char('y')));
    assert_eq!(phase(&app), Phase::Results);
}

#[test]
fn reading_by_keyboard() {
    let mut app = app();
    assert!(press(&mut app, KeyCode::Enter));
    assert_eq!(app.screen, Screen::Reader);
    assert!(press(&mut app, KeyCode::Char('n')));
    assert_eq!(app.page, 1);
    assert!(press(&mut app, KeyCode::Char('?')));
    assert_eq!(app.context(), Context::Help);
    assert!(press(&mut app, KeyCode::Esc));
    assert!(press(&mut app, KeyCode::Char('/')));
    assert!(press(&mut app, KeyCode::Char('q')), "typing q in the search does not quit");
    assert!(!app.should_quit());
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('q'));
    assert!(app.should_quit());
}

/// The actions a letter stands for, over every screen but yes/no questions (where n is no).
fn meanings(letter: char) -> HashSet<String> {
    BINDINGS
        .iter()
        .filter(|b| b.context != Context::Confirm && b.keys.contains(&Key::Char(letter)))
        .map(|b| format!("{:?}", b.action))
        .collect()
}

#[test]
fn p_n_and_s_each_mean_one_thing() {
    assert_eq!(meanings('p'), HashSet::from(["PrevPage".to_string()]), "p is previous (page or answer)");
    // n: the next match in the reader, the next answer, the next exercise not done.
    assert_eq!(meanings('n'), HashSet::from(["NextMatch".to_string(), "NextPage".to_string()]));
    assert_eq!(meanings('s'), HashSet::from(["Skip".to_string()]), "s skips a question");
}

#[test]
fn no_letter_means_three_things() {
    for letter in ('a'..='z').chain('A'..='Z') {
        let found = meanings(letter);
        assert!(found.len() <= 2, "{letter} means {found:?}");
    }
}

#[test]
fn the_right_arrow_is_always_the_next_page() {
    for binding in BINDINGS.iter().filter(|b| b.keys.contains(&Key::Code(KeyCode::Right))) {
        assert_eq!(binding.action, Action::NextPage, "→ in {:?}", binding.context);
    }
}

#[test]
fn every_scrolling_screen_has_the_half_and_whole_page_keys() {
    for context in Context::ALL {
        let has = |action: Action, key: char| {
            keys::action_for(context, KeyEvent::new(KeyCode::Char(key), KeyModifiers::CONTROL)) == Some(action)
        };
        if keys::bindings(context).any(|b| b.action == Action::PageDown) {
            assert!(has(Action::HalfPageDown, 'd') && has(Action::HalfPageUp, 'u'), "Ctrl-D/U in {context:?}");
            assert!(has(Action::PageDown, 'f') && has(Action::PageUp, 'b'), "Ctrl-F/B in {context:?}");
        }
    }
}

#[test]
fn labels_name_every_key_bound() {
    for binding in BINDINGS.iter().filter(|b| b.family.is_none()) {
        let label = binding.label();
        for key in binding.keys {
            assert!(label.split(' ').any(|k| k == keys::key_name(*key)), "{label} misses {key:?}");
        }
    }
    let welcome_open = keys::bindings(Context::Welcome).find(|b| b.action == Action::Open).expect("Enter");
    assert_eq!(welcome_open.label(), "Enter Space");
}

#[test]
fn ctrl_d_scrolls_half_of_what_a_page_down_does() {
    let course = load(&embedded::files()).expect("the built-in course").course;
    let mut app = App::new(course, Theme::new(ThemeName::Dark, false), Progress::default(), Rect::new(0, 0, 80, 24));
    let long = (0..app.course.pages.len())
        .max_by_key(|&p| {
            app.open_page(p, 0);
            app.document.lines.len()
        })
        .expect("a page");
    app.open_page(long, 0);
    let ctrl = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL);
    let act = |app: &mut App, c| keys::action_for(app.context(), ctrl(c)).is_some_and(|a| app.update(a));
    assert!(act(&mut app, 'f'));
    let screen = app.scroll;
    app.open_page(long, 0);
    assert!(act(&mut app, 'd'));
    assert_eq!(app.scroll, screen / 2, "half of {screen}");
    assert!(act(&mut app, 'u'));
    assert_eq!(app.scroll, 0);
}

#[test]
fn esc_in_the_contents_closes_the_list() {
    let mut app = app();
    press(&mut app, KeyCode::Enter);
    assert!(app.areas().sidebar.is_some(), "docked at 100 columns");
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.context(), Context::Contents);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.context(), Context::Reader);
    assert!(app.areas().sidebar.is_none(), "the list is closed, not only unfocused");
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.context(), Context::Contents, "Tab opens it again");
    assert!(app.areas().sidebar.is_some());
}
