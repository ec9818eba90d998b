//! The verified requests under the code samples: folded to one line each, expanded with `v`
//! (the app is the one writer of that state), and the reading position kept across the toggle.
use ratatui::layout::Rect;
use status_tutor::app::App;
use status_tutor::cli::ThemeName;
use status_tutor::content::{embedded, load};
use status_tutor::keys::{Action, Context, action_for};
use status_tutor::progress::Progress;
use status_tutor::theme::Theme;
use status_tutor::ui::text::plain;

fn reading(page: &str) -> App {
    reading_at(page, 30)
}

fn reading_at(page: &str, height: u16) -> App {
    let course = load(&embedded::files()).expect("the built-in course loads").course;
    let index = course.page_index(page).expect("the page exists");
    let mut app =
        App::new(course, Theme::new(ThemeName::Dark, true), Progress::default(), Rect::new(0, 0, 100, height));
    app.open_page(index, 0);
    app
}

fn lines(app: &App) -> Vec<String> {
    app.document.lines.iter().map(|l| plain(&l.spans)).collect()
}

#[test]
fn folded_by_default_one_line_per_request() {
    let app = reading("401-unauthorized");
    let text = lines(&app);
    // the source's sample: two requests, one line each, the 401 with no challenge
    let first = text.iter().position(|l| l.contains("GET /api/protected/ → 401 Unauthorized")).expect("its 401");
    assert!(text[..first].iter().any(|l| l.starts_with("verified against a real Django: 4 request(s)")));
    assert!(text[first + 1].contains("GET /api/protected/ · logged-in user → 200 OK"), "{:#?}", &text[first..]);
    // the fixed sample's 401 names its challenge on the same single line
    assert!(text.iter().any(|l| l.contains("→ 401 Unauthorized · WWW-Authenticate")), "{text:#?}");
    assert!(!text.iter().any(|l| l.contains("no header: WWW-Authenticate")), "details are folded");
}

#[test]
fn v_expands_every_sample_and_folds_again() {
    let mut app = reading("401-unauthorized");
    let folded = app.document.lines.len();
    let key = crossterm::event::KeyEvent::from(crossterm::event::KeyCode::Char('v'));
    let action = action_for(Context::Reader, key).expect("v is bound in the reader");
    assert_eq!(action, Action::ToggleVerified);
    assert!(app.update(action));
    assert!(app.verified_expanded);
    let text = lines(&app);
    assert!(app.document.lines.len() > folded);
    assert!(text.iter().any(|l| l.contains("no header: WWW-Authenticate")), "the source's 401 check is shown");
    assert!(text.iter().any(|l| l.contains("sends: Authorization: Basic")), "the request headers are shown");
    assert!(app.update(action));
    assert_eq!(app.document.lines.len(), folded);
}

#[test]
fn the_line_at_the_top_stays_at_the_top() {
    let mut app = reading_at("drf-401-or-403", 10);
    let text = lines(&app);
    // scroll to the first line after the sample's verified list
    let after = text.iter().position(|l| l.starts_with("What the verified requests show")).expect("the list heading");
    app.scroll = after;
    assert!(app.update(Action::ToggleVerified));
    assert_eq!(lines(&app)[app.scroll], "What the verified requests show");
    assert!(app.scroll > after, "the expanded requests above pushed it down");
    assert!(app.update(Action::ToggleVerified));
    assert_eq!(app.scroll, after);
}

#[test]
fn a_sample_proven_by_test_classes_names_them() {
    let app = reading("testing-status-codes");
    // the line may wrap: compare the words
    let text = lines(&app).join(" ").split_whitespace().collect::<Vec<_>>().join(" ");
    for class in ["ArticleStatusTests", "WhatClientsReallyGet", "ProfileTests"] {
        assert!(text.contains(&format!("tests/django runs {class} against a real Django")), "{class} missing");
    }
}
