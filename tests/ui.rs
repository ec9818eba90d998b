//! Whole-screen snapshots at 80x24 and 120x40, and buffer checks where colour is the point.
#[path = "support/fixed_clock.rs"]
mod fixed_clock;
use fixed_clock::FixedClock;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Color;
use status_tutor::app::App;
use status_tutor::cli::ThemeName;
use status_tutor::content::{CourseFiles, load};
use status_tutor::keys::Action;
use status_tutor::progress::Progress;
use status_tutor::theme::Theme;
use std::path::Path;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

/// A fixed time, so the review dates and the 30-day chart do not move with the calendar.
fn app(width: u16, height: u16) -> App {
    let files = CourseFiles::read_dir(Path::new("tests/ui-course")).expect("fixture course is readable");
    let course = load(&files).expect("fixture course is valid").course;
    let mut app =
        App::new(course, Theme::new(ThemeName::Dark, false), Progress::default(), Rect::new(0, 0, width, height));
    app.clock = Box::new(FixedClock);
    app
}

fn draw(app: &App) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(app.size.width, app.size.height)).expect("test backend");
    terminal.draw(|frame| frame.render_widget(app, frame.area())).expect("draw");
    terminal.backend().buffer().clone()
}

fn text(buffer: &Buffer) -> String {
    let width = buffer.area.width as usize;
    buffer
        .content
        .chunks(width)
        .map(|row| row.iter().map(|c| c.symbol()).collect::<String>().trim_end().to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Opens the page with `id` through the keyboard: Enter on the welcome, then n until there.
fn reading(width: u16, height: u16, id: &str) -> App {
    let mut app = app(width, height);
    let _ = app.update(Action::Open);
    while app.course.pages[app.page].id != id {
        assert!(app.update(Action::NextPage).changed(), "page {id} not reached");
    }
    app
}

#[test]
fn welcome_screen() {
    for (w, h) in SIZES {
        let app = app(w, h);
        insta::assert_snapshot!(format!("welcome_{w}x{h}"), text(&draw(&app)));
    }
}

#[test]
fn every_block_kind() {
    for id in ["text", "code", "cards", "callouts", "table"] {
        for (w, h) in SIZES {
            let app = reading(w, h, id);
            insta::assert_snapshot!(format!("page_{id}_{w}x{h}"), text(&draw(&app)));
        }
    }
}

#[test]
fn help_overlay() {
    for (w, h) in SIZES {
        let mut app = reading(w, h, "text");
        let _ = app.update(Action::Help);
        insta::assert_snapshot!(format!("help_{w}x{h}"), text(&draw(&app)));
    }
}

#[test]
fn search_overlay_with_live_results() {
    for (w, h) in SIZES {
        let mut app = reading(w, h, "text");
        let _ = app.update(Action::Search);
        for c in "created".chars() {
            let _ = app.update(Action::Type(c));
        }
        insta::assert_snapshot!(format!("search_{w}x{h}"), text(&draw(&app)));
    }
}

#[test]
fn contents_sidebar_floats_over_the_page_at_80_columns() {
    let mut app = reading(80, 24, "code");
    let _ = app.update(Action::SwitchFocus);
    insta::assert_snapshot!("sidebar_floating_80x24", text(&draw(&app)));
}

#[test]
fn too_small_terminal_gets_a_message() {
    let app = reading(39, 9, "text");
    let screen = text(&draw(&app));
    insta::assert_snapshot!("too_small_39x9", screen);
    assert!(screen.contains("too small"));
}

/// The foreground colour of the first cell whose symbol starts `needle` on some row.
fn colour_of(buffer: &Buffer, needle: &str) -> Color {
    let width = buffer.area.width as usize;
    for (y, row) in buffer.content.chunks(width).enumerate() {
        let line: String = row.iter().map(|c| c.symbol()).collect();
        if let Some(byte) = line.find(needle) {
            let x = line[..byte].chars().count();
            return buffer[(x as u16, y as u16)].fg;
        }
    }
    panic!("`{needle}` is not on screen:\n{}", text(buffer));
}

#[test]
fn category_cards_are_coloured_by_class() {
    let buffer = draw(&reading(120, 40, "cards"));
    assert_eq!(colour_of(&buffer, "Informational"), Color::LightBlue, "not pure blue: 2:1 on black in GNOME");
    assert_eq!(colour_of(&buffer, "Success"), Color::Green);
    assert_eq!(colour_of(&buffer, "Redirection"), Color::Cyan);
    assert_eq!(colour_of(&buffer, "Client Errors"), Color::Yellow);
    assert_eq!(colour_of(&buffer, "Server Errors"), Color::LightRed);
}

#[test]
fn response_status_line_is_coloured_by_class() {
    let buffer = draw(&reading(120, 40, "code"));
    assert_eq!(colour_of(&buffer, "HTTP/1.1 201 Created"), Color::Green);
}

#[test]
fn no_color_theme_uses_no_colour_at_all() {
    let files = CourseFiles::read_dir(Path::new("tests/ui-course")).expect("readable");
    let course = load(&files).expect("valid").course;
    let mut app = App::new(course, Theme::new(ThemeName::Dark, true), Progress::default(), Rect::new(0, 0, 120, 40));
    let _ = app.update(Action::Open);
    let _ = app.update(Action::NextPage);
    let buffer = draw(&app);
    assert!(buffer.content.iter().all(|c| c.fg == Color::Reset && c.bg == Color::Reset));
}

fn kind_name(kind: &status_tutor::quiz::QuestionKind) -> &'static str {
    use status_tutor::quiz::QuestionKind as K;
    match kind {
        K::Single { .. } => "single",
        K::Multiple { .. } => "multiple",
        K::TrueFalse { .. } => "true_false",
        K::TypeCode { .. } => "type_code",
    }
}

/// Plays a whole round: the single-choice question right, the others wrong, snapshotting
/// the intro, every question kind, feedback right and wrong, the results and a review.
#[test]
fn quiz_screens() {
    use status_tutor::quiz::{Phase, QuestionKind};
    for (w, h) in SIZES {
        let mut app = app(w, h);
        app.quiz_options.seed = 7;
        app.quiz_options.count = None;
        let _ = app.update(Action::StartQuiz);
        insta::assert_snapshot!(format!("quiz_intro_{w}x{h}"), text(&draw(&app)));
        let _ = app.update(Action::Open);
        while let Some((index, rq)) = app.quiz.as_ref().and_then(|q| q.session.current()).map(|(i, rq)| (i, rq.clone()))
        {
            if !matches!(app.quiz.as_ref().map(|q| q.session.phase()), Some(Phase::Asking { .. })) {
                break;
            }
            let kind = kind_name(&rq.question.kind);
            insta::assert_snapshot!(format!("quiz_asking_{kind}_{w}x{h}"), text(&draw(&app)));
            match &rq.question.kind {
                QuestionKind::Single { .. } => {
                    let right = rq.correct_choices()[0] as u8;
                    let _ = app.update(Action::Pick(right));
                }
                QuestionKind::TypeCode { .. } => {
                    for d in [2, 0, 0] {
                        let _ = app.update(Action::Digit(d));
                    }
                    insta::assert_snapshot!(format!("quiz_typed_{w}x{h}"), text(&draw(&app)));
                    let _ = app.update(Action::Open);
                }
                _ => {
                    let _ = app.update(Action::Pick(0));
                    let _ = app.update(Action::Open);
                }
            }
            let right = kind == "single";
            let verdict = if right { "right" } else { "wrong" };
            if kind == "single" || kind == "type_code" {
                insta::assert_snapshot!(format!("quiz_feedback_{verdict}_{kind}_{w}x{h}"), text(&draw(&app)));
            }
            let _ = index;
            let _ = app.update(Action::Open);
        }
        insta::assert_snapshot!(format!("quiz_results_{w}x{h}"), text(&draw(&app)));
        let _ = app.update(Action::Review);
        insta::assert_snapshot!(format!("quiz_review_{w}x{h}"), text(&draw(&app)));
    }
}

#[test]
fn quiz_verdicts_are_coloured() {
    let mut app = app(120, 40);
    app.quiz_options.seed = 7;
    let _ = app.update(Action::StartQuiz);
    let _ = app.update(Action::Open);
    let _ = app.update(Action::Skip);
    let buffer = draw(&app);
    assert_eq!(colour_of(&buffer, "Skipped"), Color::LightRed);
    assert_eq!(colour_of(&buffer, "✓"), Color::Green);
}

#[test]
fn drawing_into_a_smaller_area_than_the_app_knows_does_not_panic() {
    // A resize can land between an event and the draw.
    let mut app = reading(120, 40, "code");
    let _ = app.update(Action::SwitchFocus);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("test backend");
    terminal.draw(|frame| frame.render_widget(&app, frame.area())).expect("draw");
}

#[test]
fn an_edited_progress_file_with_huge_numbers_does_not_overflow() {
    let files = CourseFiles::read_dir(Path::new("tests/ui-course")).expect("readable");
    let course = load(&files).expect("valid").course;
    let mut progress = Progress::default();
    progress.quiz.best = Some(status_tutor::progress::RoundRecord {
        date: String::new(),
        correct: u32::MAX,
        total: u32::MAX,
        missed: vec![],
    });
    let mut app = App::new(course, Theme::new(ThemeName::Dark, false), progress, Rect::new(0, 0, 80, 24));
    let _ = app.update(Action::StartQuiz);
    assert!(text(&draw(&app)).contains("(100%)"));
}

#[test]
fn python_samples_are_highlighted() {
    let buffer = draw(&reading(120, 40, "code"));
    assert_eq!(colour_of(&buffer, "def create"), Color::Magenta, "keyword");
    assert_eq!(colour_of(&buffer, "create(request)"), Color::LightBlue, "function name");
    assert_eq!(
        colour_of(&buffer, "# a comment"),
        Color::Indexed(247),
        "comment: a grey that reads on every dark palette"
    );
    assert_eq!(colour_of(&buffer, "\"id\": 1}, status"), Color::Green, "string");
    assert_eq!(colour_of(&buffer, "@require_POST"), Color::Cyan, "decorator");
}

#[test]
fn a_search_marks_what_it_found_until_the_next_key() {
    let mut app = reading(120, 40, "text");
    let _ = app.update(Action::Search);
    for c in "MUST FIT".chars() {
        let _ = app.update(Action::Type(c));
    }
    let _ = app.update(Action::Open);
    let buffer = draw(&app);
    let width = buffer.area.width as usize;
    let row = buffer
        .content
        .chunks(width)
        .position(|r| r.iter().map(|c| c.symbol()).collect::<String>().contains("must fit"))
        .expect("the summary is on screen");
    let line: String = buffer.content[row * width..(row + 1) * width].iter().map(|c| c.symbol()).collect();
    let x = line[..line.find("must fit").expect("found")].chars().count();
    let marked = |x: usize| buffer[(x as u16, row as u16)].bg == Color::Yellow;
    assert!((x..x + 8).all(marked), "the match is marked");
    assert!(!marked(x - 1) && !marked(x + 8), "only the match");
    let _ = app.update(Action::Down);
    assert!(draw(&app).content.iter().all(|c| c.bg != Color::Yellow), "the next key clears the mark");
}
