//! What a redraw decision costs against a redraw: run under callgrind to count
//! instructions (stable under load, unlike time). Ignored in normal runs:
//!
//! `valgrind --tool=callgrind target/debug/deps/redraw_cost-* --ignored --exact <name>`
//! with `REDRAW_COST_EVENTS=0` and `=1000`: the difference over 1000 is the cost per event.
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;
use status_tutor::app::App;
use status_tutor::cli::ThemeName;
use status_tutor::content::{embedded, load};
use status_tutor::keys::Action;
use status_tutor::progress::Progress;
use status_tutor::theme::Theme;

fn events() -> usize {
    std::env::var("REDRAW_COST_EVENTS").ok().and_then(|n| n.parse().ok()).unwrap_or(10)
}

fn app(practice: bool) -> (App, tempfile::TempDir) {
    let course = load(&embedded::files()).expect("the built-in course").course;
    let theme = Theme::new(ThemeName::Dark, false);
    let mut app = App::new(course, theme, Progress::default(), Rect::new(0, 0, 200, 60));
    let dir = tempfile::tempdir().expect("tempdir");
    app.practice_options.workspace = Some(dir.path().to_path_buf());
    app.update(if practice { Action::Practice } else { Action::Open });
    (app, dir)
}

/// Keys that change nothing (up at the top): all `update` does is decide "no redraw".
fn decide(practice: bool) {
    let (mut app, _dir) = app(practice);
    for _ in 0..events() {
        assert!(!app.update(if practice { Action::PageUp } else { Action::Up }));
    }
}

/// The same screen drawn once per event, as "redraw after every event" would.
fn redraw(practice: bool) {
    let (app, _dir) = app(practice);
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("backend");
    for _ in 0..events() {
        terminal.draw(|frame| frame.render_widget(&app, frame.area())).expect("draw");
    }
}

#[test]
#[ignore = "a measurement: run under callgrind"]
fn decide_reader() {
    decide(false);
}

#[test]
#[ignore = "a measurement: run under callgrind"]
fn decide_practice() {
    decide(true);
}

#[test]
#[ignore = "a measurement: run under callgrind"]
fn redraw_reader() {
    redraw(false);
}

#[test]
#[ignore = "a measurement: run under callgrind"]
fn redraw_practice() {
    redraw(true);
}
