//! The loop draws only when a handler answers `Update::Changed`: here, through the public
//! interface, a key that changes the view says so, an action its screen ignores or a
//! scroll at the end says not, a finished practice run says so; and, over long random
//! walks through every screen, whenever a handler said `NotChanged` the frame drawn
//! anyway is the frame already on screen (so no screen can stop redrawing silently).
#[path = "support/drawn.rs"]
mod drawn;
#[path = "support/fixed_clock.rs"]
mod fixed_clock;

use fixed_clock::FixedClock;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use status_tutor::app::{App, Overlay, Screen, Update};
use status_tutor::cli::ThemeName;
use status_tutor::content::{embedded, load};
use status_tutor::keys::{Action, BINDINGS, Context};
use status_tutor::practice::report::Report;
use status_tutor::practice::runner::{Job, RunId, Runner};
use status_tutor::progress::Progress;
use status_tutor::theme::Theme;
use status_tutor::tui;
use std::cell::RefCell;
use std::rc::Rc;

/// Keeps the runs the app started; the test finishes them.
struct FakeRunner(Rc<RefCell<Vec<RunId>>>);

impl Runner for FakeRunner {
    fn start(&mut self, run: RunId, _job: Job) {
        self.0.borrow_mut().push(run);
    }
    fn cancel(&mut self, _run: RunId) {}
}

/// The built-in course at 100x30 (it has exercises), a fixed clock and a fake runner.
fn app() -> (App, Rc<RefCell<Vec<RunId>>>, tempfile::TempDir) {
    let course = load(&embedded::files()).expect("the built-in course").course;
    let mut app = App::new(course, Theme::new(ThemeName::Dark, false), Progress::default(), Rect::new(0, 0, 100, 30));
    app.clock = Box::new(FixedClock);
    let runs = Rc::new(RefCell::new(Vec::new()));
    app.runner = Some(Box::new(FakeRunner(Rc::clone(&runs))));
    let dir = tempfile::tempdir().expect("tempdir");
    app.practice_options.workspace = Some(dir.path().join("ws"));
    (app, runs, dir)
}

fn passed() -> Report {
    Report::parse(r#"{"version": 1, "checks": [{"index": 0, "request": "GET /", "passed": true, "status": 200}]}"#)
        .expect("report")
}

#[test]
fn a_key_that_changes_the_view_reports_a_change() {
    let (mut app, _runs, _dir) = app();
    assert_eq!(app.update(Action::Open), Update::Changed, "the welcome opens the reader");
    let before = drawn::draw(&app);
    assert_eq!(app.update(Action::Down), Update::Changed);
    assert_eq!(app.scroll, 1);
    assert_ne!(drawn::draw(&app), before, "the change is on screen");
    assert_eq!(app.update(Action::Help), Update::Changed);
    assert!(matches!(app.overlay, Overlay::Help { .. }));
}

#[test]
fn a_key_bound_to_nothing_or_released_reports_no_change_and_a_resize_a_change() {
    use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
    let (mut app, _runs, _dir) = app();
    let _ = app.update(Action::Open);
    let key = |code| Event::Key(KeyEvent::new(code, KeyModifiers::NONE));
    assert_eq!(tui::handle(&mut app, key(KeyCode::F(12))), Update::NotChanged, "F12 is bound to nothing");
    assert_eq!(tui::handle(&mut app, key(KeyCode::Char('j'))), Update::Changed, "j scrolls down");
    let mut release = KeyEvent::new(KeyCode::Char('j'), KeyModifiers::NONE);
    release.kind = KeyEventKind::Release;
    assert_eq!(tui::handle(&mut app, Event::Key(release)), Update::NotChanged, "a key's release");
    assert_eq!(tui::handle(&mut app, Event::FocusGained), Update::NotChanged);
    assert_eq!(tui::handle(&mut app, Event::Resize(90, 28)), Update::Changed);
    assert_eq!((app.size.width, app.size.height), (90, 28));
}

#[test]
fn an_action_the_screen_ignores_or_a_scroll_at_its_end_reports_no_change() {
    let (mut app, _runs, _dir) = app();
    let _ = app.update(Action::Open);
    assert_eq!(app.update(Action::Up), Update::NotChanged, "up at the top of the page");
    assert_eq!(app.update(Action::Hint), Update::NotChanged, "a practice action in the reader");
    let _ = app.update(Action::Bottom);
    assert_eq!(app.update(Action::Down), Update::NotChanged, "down at the end of the page");
    assert_eq!(app.update(Action::Bottom), Update::NotChanged, "the end again");
    let _ = app.update(Action::Help);
    let _ = app.update(Action::Top);
    assert_eq!(app.update(Action::Up), Update::NotChanged, "up at the top of the help");
    let _ = app.update(Action::Close);
    let _ = app.update(Action::Progress);
    assert_eq!(app.screen, Screen::Progress);
    assert_eq!(app.update(Action::Top), Update::NotChanged, "the top of the progress screen");
    let _ = app.update(Action::Close);
    let _ = app.update(Action::Practice);
    assert_eq!(app.screen, Screen::Practice);
    // The message practice opened with ("here is the list") goes with the next key: a change.
    assert!(app.message.is_some());
    assert_eq!(app.update(Action::PageUp), Update::Changed, "the message went away");
    assert_eq!(app.update(Action::PageUp), Update::NotChanged, "the practice details at their top");
    assert_eq!(app.update(Action::ToggleVerified), Update::NotChanged, "a reader action in practice");
}

#[test]
fn a_practice_result_arriving_reports_a_change_and_a_file_of_no_exercise_none() {
    let (mut app, runs, dir) = app();
    let _ = app.update(Action::Practice);
    assert_eq!(app.update(Action::RunChecks), Update::Changed, "the run starts: a spinner");
    let run = *runs.borrow().last().expect("a run started");
    assert_eq!(app.tick(), Update::Changed, "the spinner moves on the practice screen");
    let before = drawn::draw(&app);
    assert_eq!(app.run_finished(run, Ok(passed())), Update::Changed);
    assert!(!app.practice_running());
    assert_ne!(drawn::draw(&app), before, "the result is on screen");
    assert_eq!(app.tick(), Update::NotChanged, "no run, no spinner");
    let unrelated = dir.path().join("ws/exercises/notes.py");
    assert_eq!(app.file_saved(&unrelated), Update::NotChanged, "a save of no exercise's file");
}

/// Every action the key table binds (read from it, so a new action is walked too), digits,
/// choices and typing included (the walk picks among them). Force-quit ends the walk, and
/// the families are added by hand with a few values each.
fn all_actions() -> Vec<Action> {
    use Action::*;
    let mut actions: Vec<Action> = Vec::new();
    for binding in BINDINGS {
        let family = matches!(binding.action, Digit(_) | Pick(_) | Type(_));
        if !family && binding.action != ForceQuit && !actions.contains(&binding.action) {
            actions.push(binding.action);
        }
    }
    assert!(actions.contains(&Discard) && actions.contains(&HalfPageDown), "the table is read: {actions:?}");
    actions.extend((0..10).map(Digit));
    actions.extend((0..4).map(Pick));
    actions.extend(['s', 't', 'a', '4'].map(Type));
    // Scrolling is most of what a learner does: weigh it so walks reach the ends.
    actions.extend([Down, Down, Up, PageDown, PageUp, Bottom, Top]);
    actions
}

/// A random walk of `steps` actions from `seed`, with runs finished now and then, as the
/// loop would see them. Returns how often a handler answered `NotChanged`.
fn walk(seed: u64, start: &[Action], steps: usize) -> usize {
    let (mut app, runs, _dir) = app();
    for &action in start {
        let _ = app.update(action);
    }
    let actions = all_actions();
    let mut state = seed;
    let mut next = move |bound: usize| {
        state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((state >> 33) as usize) % bound
    };
    let mut shown: Buffer = drawn::draw(&app);
    let mut unchanged = 0;
    for step in 0..steps {
        let (update, what) = if next(8) == 0 && !runs.borrow().is_empty() {
            let run = runs.borrow_mut().remove(0);
            (app.run_finished(run, Ok(passed())), format!("run {run:?} finished"))
        } else {
            let mut action = actions[next(actions.len())];
            // The help and the search box take most keys: leave them often, to see the rest.
            if matches!(app.context(), Context::Help | Context::Search) && next(3) == 0 {
                action = Action::Close;
            }
            // Quitting the tutorial would end the walk: those screens go back instead.
            if action == Action::Quit && matches!(app.context(), Context::Reader | Context::Contents | Context::Welcome)
            {
                action = Action::Back;
            }
            let context = app.context();
            let answer = app.update(action);
            // The loop carries out requests (the editor, setup, the watcher) and redraws.
            let requested = Update::from(!std::mem::take(&mut app.requests).is_empty());
            (answer | requested, format!("{action:?} in {context:?}"))
        };
        let frame = drawn::draw(&app);
        if update == Update::NotChanged {
            unchanged += 1;
            assert!(
                frame == shown,
                "seed {seed}, step {step}: {what} answered NotChanged but the screen changed:\n{}\n---\n{}",
                drawn::rows(&shown).join("\n"),
                drawn::rows(&frame).join("\n")
            );
        }
        assert!(!app.should_quit(), "seed {seed}, step {step}: {what} quit");
        shown = frame;
    }
    unchanged
}

#[test]
fn whenever_a_handler_says_nothing_changed_the_screen_is_the_same() {
    let starts: [&[Action]; 4] =
        [&[Action::Open], &[Action::Practice], &[Action::StartQuiz, Action::Open], &[Action::Open, Action::Progress]];
    let unchanged: usize = (1..=8).map(|seed| walk(seed, starts[seed as usize % 4], 300)).sum();
    // The walks must have met many no-change answers, or they proved nothing.
    assert!(unchanged > 100, "only {unchanged} NotChanged answers in the walks");
}
