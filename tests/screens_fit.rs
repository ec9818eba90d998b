//! Screens keep what matters whatever the size: the leave dialog's answer line at 40x10,
//! the cue to press → at the end of a page, a verified request's ✓ in the colour of right.
#[path = "support/drawn.rs"]
mod drawn;
use drawn::{draw, rows};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use status_tutor::app::App;
use status_tutor::cli::ThemeName;
use status_tutor::content::{embedded, load};
use status_tutor::keys::Action;
use status_tutor::progress::Progress;
use status_tutor::theme::Theme;

fn app(width: u16, height: u16) -> App {
    let course = load(&embedded::files()).expect("the built-in course is valid").course;
    App::new(course, Theme::new(ThemeName::Dark, false), Progress::default(), Rect::new(0, 0, width, height))
}

#[test]
fn at_40x10_the_leave_dialog_shows_its_answer_line_inside_the_box() {
    let mut app = app(40, 10);
    app.start_quiz();
    app.update(Action::Open);
    app.update(Action::Quit);
    let screen = rows(&draw(&app));
    let answer = screen.iter().position(|r| r.contains("y leave") && r.contains("n keep going"));
    let bottom = screen.iter().rposition(|r| r.starts_with('└'));
    assert!(answer.is_some() && answer < bottom, "{}", screen.join("\n"));
    assert!(screen.iter().any(|r| r.contains("pauses it")), "the text stays too:\n{}", screen.join("\n"));
}

#[test]
fn the_end_of_a_page_names_the_next_one_beside_the_right_arrow() {
    let mut app = app(80, 24);
    app.update(Action::Open);
    let next = app.course.pages[1].title.split(" - ").next().unwrap_or_default().to_string();
    assert!(!rows(&draw(&app))[23].contains("→ next:"), "not before the end");
    app.update(Action::Bottom);
    let status = rows(&draw(&app))[23].clone();
    assert!(status.contains(&format!("→ next: {next}")), "{status}");
}

#[test]
fn a_verified_requests_mark_is_the_colour_of_right_even_beside_a_500() {
    let mut app = app(120, 40);
    app.update(Action::Open);
    let theme = Theme::new(ThemeName::Dark, false);
    assert_ne!(theme.right.fg, theme.status(500).fg, "the themes tell them apart");
    let mut checked = 0;
    for page in 0..app.course.pages.len() {
        app.open_page(page, 0);
        for line in &app.document.lines {
            for span in line.spans.iter().filter(|s| s.content.trim() == "✓") {
                assert_eq!(span.style.fg, theme.right.fg, "page {page}: {line:?}");
                checked += 1;
            }
        }
    }
    assert!(checked > 0, "the built-in course has verified requests");
}

/// Cells drawn with the same colour for the text and its background.
fn invisible(buffer: &Buffer) -> Vec<(u16, u16, String)> {
    let area = buffer.area;
    (area.top()..area.bottom())
        .flat_map(|y| (area.left()..area.right()).map(move |x| (x, y)))
        .filter_map(|(x, y)| {
            let cell = &buffer[(x, y)];
            let hidden =
                cell.bg != ratatui::style::Color::Reset && cell.fg == cell.bg && !cell.symbol().trim().is_empty();
            hidden.then(|| (x, y, cell.symbol().to_string()))
        })
        .collect()
}

#[test]
fn high_contrast_selections_never_draw_white_on_white() {
    let course = load(&embedded::files()).expect("the built-in course is valid").course;
    let theme = Theme::new(ThemeName::HighContrast, false);
    let mut app = App::new(course, theme, Progress::default(), Rect::new(0, 0, 100, 30));
    let dir = tempfile::tempdir().expect("tempdir");
    app.practice_options.workspace = Some(dir.path().to_path_buf());
    app.update(Action::Practice);
    assert_eq!(app.screen, status_tutor::app::Screen::Practice);
    assert_eq!(invisible(&draw(&app)), vec![], "the practice list");
    app.update(Action::Quit);
    app.update(Action::SwitchFocus);
    assert_eq!(invisible(&draw(&app)), vec![], "the contents");
    app.update(Action::StartQuiz);
    app.update(Action::Open);
    app.update(Action::Down);
    assert_eq!(invisible(&draw(&app)), vec![], "a quiz question's cursor");
}

/// Underlined cells that are box borders or blanks trailing a row's text.
fn stray_underlines(buffer: &Buffer) -> Vec<String> {
    let area = buffer.area;
    let mut found = Vec::new();
    for y in area.top()..area.bottom() {
        let cells: Vec<_> = (area.left()..area.right()).map(|x| &buffer[(x, y)]).collect();
        let last_text = cells.iter().rposition(|c| !c.symbol().trim().is_empty()).unwrap_or(0);
        for (x, cell) in cells.iter().enumerate() {
            let underlined = cell.modifier.contains(ratatui::style::Modifier::UNDERLINED);
            let border = "│╭╮╰╯─┌┐└┘".contains(cell.symbol());
            if underlined && (border || x > last_text) {
                found.push(format!("({x}, {y}) {:?}", cell.symbol()));
            }
        }
    }
    found
}

#[test]
fn high_contrast_underlines_stay_on_the_words() {
    let course = load(&embedded::files()).expect("the built-in course is valid").course;
    let theme = Theme::new(ThemeName::HighContrast, false);
    let mut app = App::new(course, theme, Progress::default(), Rect::new(0, 0, 100, 30));
    app.update(Action::Open);
    for page in 0..app.course.pages.len() {
        app.open_page(page, 0);
        while {
            let stray = stray_underlines(&draw(&app));
            assert_eq!(stray, Vec::<String>::new(), "page {page} at line {}", app.scroll);
            let before = app.scroll;
            app.update(Action::PageDown);
            app.scroll != before
        } {}
    }
}
