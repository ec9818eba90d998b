//! The model, driven by key actions through `update`: navigation, search, jump by code,
//! resume, the sidebar, mouse, and the quiz inside the app.
#[path = "support/fixed_clock.rs"]
mod fixed_clock;
use crossterm::event::{KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use fixed_clock::FixedClock;
use ratatui::layout::Rect;
use status_tutor::app::{App, Focus, Overlay, Screen};
use status_tutor::cli::ThemeName;
use status_tutor::content::{CourseFiles, load};
use status_tutor::keys::Action;
use status_tutor::progress::Progress;
use status_tutor::quiz::Phase;
use status_tutor::theme::Theme;
use std::path::Path;

fn app_with(progress: Progress, width: u16, height: u16) -> App {
    let files = CourseFiles::read_dir(Path::new("tests/ui-course")).expect("fixture course is readable");
    let course = load(&files).expect("fixture course is valid").course;
    let mut app = App::new(course, Theme::new(ThemeName::Dark, false), progress, Rect::new(0, 0, width, height));
    app.clock = Box::new(FixedClock);
    app
}

/// Reading the first page in a short terminal, so pages scroll.
fn reading() -> App {
    let mut app = app_with(Progress::default(), 80, 12);
    assert!(app.update(Action::Open).changed());
    app
}

fn page_id(app: &App) -> &str {
    &app.course.pages[app.page].id
}

#[test]
fn welcome_then_reading_the_first_page() {
    let mut app = app_with(Progress::default(), 80, 24);
    assert_eq!(app.screen, Screen::Welcome);
    let _ = app.update(Action::Open);
    assert_eq!(app.screen, Screen::Reader);
    assert_eq!(page_id(&app), "text");
    assert!(app.progress.welcomed);
}

#[test]
fn scrolling_stays_inside_the_page() {
    let mut app = reading();
    let _ = app.update(Action::NextPage); // "code" is longer than 11 lines
    assert!(!app.update(Action::Up).changed(), "scrolling up at the top changes nothing");
    assert!(app.update(Action::Down).changed());
    assert_eq!(app.scroll, 1);
    let _ = app.update(Action::Bottom);
    let bottom = app.scroll;
    assert_eq!(bottom, app.document.lines.len() - 11);
    assert!(!app.update(Action::Down).changed(), "no scrolling past the end");
    let _ = app.update(Action::Top);
    assert_eq!(app.scroll, 0);
    let _ = app.update(Action::PageDown);
    assert_eq!(app.scroll, 9, "a screenful minus two lines of overlap");
}

#[test]
fn next_and_previous_pages() {
    let mut app = reading();
    let _ = app.update(Action::NextPage);
    assert_eq!(page_id(&app), "code");
    let _ = app.update(Action::PrevPage);
    assert_eq!(page_id(&app), "text");
    assert!(!app.update(Action::PrevPage).changed(), "nothing before the first page");
    for _ in 0..10 {
        let _ = app.update(Action::NextPage);
    }
    assert_eq!(page_id(&app), "table");
    let _ = app.update(Action::NextPage);
    assert!(app.message.as_deref().is_some_and(|m| m.contains("last page")));
}

#[test]
fn typing_a_status_code_jumps_to_its_page() {
    let mut app = reading();
    for d in [4, 0] {
        let _ = app.update(Action::Digit(d));
    }
    assert_eq!(app.digits, "40");
    let _ = app.update(Action::Digit(4));
    assert_eq!(page_id(&app), "table", "404 is taught on the table page");
    assert!(app.digits.is_empty());
    for d in [9, 9, 9] {
        let _ = app.update(Action::Digit(d));
    }
    assert_eq!(page_id(&app), "table", "an unknown code does not move");
    assert!(app.message.as_deref().is_some_and(|m| m.contains("999")));
}

#[test]
fn another_key_clears_a_half_typed_code() {
    let mut app = reading();
    let _ = app.update(Action::Digit(2));
    let _ = app.update(Action::Down);
    assert!(app.digits.is_empty());
}

#[test]
fn search_jumps_to_the_matching_page_and_line() {
    let mut app = reading();
    let _ = app.update(Action::Search);
    for c in "fit the width".chars() {
        let _ = app.update(Action::Type(c));
    }
    let Overlay::Search(state) = &app.overlay else { panic!("search is open") };
    assert_eq!(state.hits.len(), 1);
    let _ = app.update(Action::Open);
    assert_eq!(app.overlay, Overlay::None);
    assert_eq!(page_id(&app), "table");
}

#[test]
fn search_ranks_title_matches_first_and_escape_closes() {
    let mut app = reading();
    let _ = app.update(Action::Search);
    for c in "code".chars() {
        let _ = app.update(Action::Type(c));
    }
    let Overlay::Search(state) = &app.overlay else { panic!("search is open") };
    assert_eq!(app.course.pages[state.hits[0].page].id, "code");
    let _ = app.update(Action::Backspace);
    let _ = app.update(Action::Close);
    assert_eq!(app.overlay, Overlay::None);
    assert_eq!(page_id(&app), "text", "closing the search does not move");
}

#[test]
fn sidebar_moves_over_pages_and_opens_them() {
    let mut app = reading();
    let _ = app.update(Action::SwitchFocus);
    assert_eq!(app.focus, Focus::Sidebar);
    let _ = app.update(Action::Down);
    let _ = app.update(Action::Down);
    let _ = app.update(Action::Open);
    assert_eq!(page_id(&app), "cards");
    assert_eq!(app.focus, Focus::Page);
}

#[test]
fn resume_at_the_saved_page_and_scroll() {
    let progress = Progress { welcomed: true, last_page: Some("code".into()), scroll: 3, ..Progress::default() };
    let mut app = app_with(progress, 80, 12);
    assert_eq!(app.screen, Screen::Welcome, "the welcome says where you left off");
    let _ = app.update(Action::Open);
    assert_eq!(page_id(&app), "code");
    assert_eq!(app.scroll, 3);
}

#[test]
fn a_page_is_read_once_its_end_was_seen() {
    let mut app = reading();
    let _ = app.update(Action::NextPage);
    assert!(!app.is_read(app.page));
    let _ = app.update(Action::Bottom);
    assert!(app.is_read(app.page));
    assert!(app.progress.edits() > 0, "the change is recorded for the saver");
    assert!(app.progress.pages_read.contains("code"));
}

#[test]
fn mouse_wheel_scrolls_and_a_click_opens_a_contents_entry() {
    let mut app = app_with(Progress::default(), 120, 12);
    let _ = app.update(Action::Open);
    let _ = app.update(Action::NextPage);
    let mouse = |kind, column, row| MouseEvent { kind, column, row, modifiers: KeyModifiers::NONE };
    assert!(app.on_mouse(mouse(MouseEventKind::ScrollDown, 60, 5)).changed());
    assert_eq!(app.scroll, 3);
    // Row 0 is the section heading, rows 1.. the pages: row 5 is the fifth page.
    assert!(app.on_mouse(mouse(MouseEventKind::Down(MouseButton::Left), 5, 5)).changed());
    assert_eq!(page_id(&app), "table");
}

#[test]
fn quitting_from_the_reader() {
    let mut app = reading();
    let _ = app.update(Action::Quit);
    assert!(app.should_quit());
}

fn start_quiz(app: &mut App) {
    app.quiz_options.seed = 42;
    app.quiz_options.count = None;
    let _ = app.update(Action::StartQuiz);
    assert_eq!(app.screen, Screen::Quiz);
    let _ = app.update(Action::Open);
}

fn phase(app: &App) -> Phase {
    app.quiz.as_ref().expect("a quiz").session.phase().clone()
}

#[test]
fn a_whole_round_in_the_app_is_scored_and_saved() {
    let mut app = reading();
    start_quiz(&mut app);
    for _ in 0..4 {
        assert!(matches!(phase(&app), Phase::Asking { .. }));
        let _ = app.update(Action::Skip);
        assert!(matches!(phase(&app), Phase::Feedback { .. }));
        let _ = app.update(Action::Open);
    }
    assert_eq!(phase(&app), Phase::Results);
    let best = app.progress.quiz.best.as_ref().expect("the round was recorded");
    assert_eq!((best.correct, best.total), (0, 4));
    assert_eq!(best.date, "2026-11-25T10:00:00Z");
    assert_eq!(app.progress.quiz.history.len(), 1);
    assert!(app.progress.edits() > 0, "the change is recorded for the saver");
    let _ = app.update(Action::Quit);
    assert!(app.quiz.is_none());
    assert_eq!(app.screen, Screen::Reader);
}

#[test]
fn leaving_mid_round_asks_first() {
    let mut app = reading();
    start_quiz(&mut app);
    let _ = app.update(Action::Quit);
    assert!(app.quiz.as_ref().is_some_and(|q| q.confirm_leave));
    let _ = app.update(Action::Decline);
    assert!(matches!(phase(&app), Phase::Asking { .. }));
    let _ = app.update(Action::Quit);
    let _ = app.update(Action::Confirm);
    assert_eq!(phase(&app), Phase::Results);
    assert!(app.progress.quiz.best.is_none(), "a round left before any answer is not recorded");
}

#[test]
fn reading_the_teaching_page_returns_to_the_same_point() {
    let mut app = reading();
    start_quiz(&mut app);
    let _ = app.update(Action::Skip);
    let before = phase(&app);
    let Phase::Feedback { index, .. } = before else { panic!("feedback") };
    let teaching = app.quiz.as_ref().expect("quiz").session.round()[index].question.page.clone();
    let _ = app.update(Action::ReadPage);
    assert_eq!(app.screen, Screen::Reader);
    assert_eq!(page_id(&app), teaching);
    let _ = app.update(Action::StartQuiz);
    assert_eq!(app.screen, Screen::Quiz);
    assert_eq!(phase(&app), before);
}

#[test]
fn submitting_nothing_is_refused_with_a_reason() {
    let mut app = reading();
    start_quiz(&mut app);
    // Skip to the multiple select: nothing toggled yet.
    while !matches!(phase(&app), Phase::Asking { input: status_tutor::quiz::Draft::Multiple { .. }, .. }) {
        let _ = app.update(Action::Skip);
        let _ = app.update(Action::Open);
    }
    let before = phase(&app);
    let _ = app.update(Action::Open);
    assert_eq!(phase(&app), before);
    assert!(app.message.as_deref().is_some_and(|m| m.contains("Choose an answer")));
}
