//! The progress screen drawn in every theme and under NO_COLOR, at 80x24 and 200x60:
//! the same text, the bars in the theme's colours (none without colour).
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Color;
use status_tutor::app::App;
use status_tutor::cli::ThemeName;
use status_tutor::content::{embedded, load};
use status_tutor::keys::Action;
use status_tutor::progress::{Progress, RoundRecord};
use status_tutor::quiz::{Answer, Record, Verdict};
use status_tutor::theme::Theme;

const NOW: i64 = 1_795_600_000; // 2026-11-26

fn progress(course: &status_tutor::content::Course) -> Progress {
    let mut progress = Progress::default();
    progress.pages_read.insert(course.pages[0].id.clone());
    for (at, question) in course.questions.iter().take(12).enumerate() {
        let verdict = if at % 3 == 0 { Verdict::Wrong } else { Verdict::Correct };
        let record = Record { answer: Answer::Skipped, verdict, spent_ms: 20_000 };
        progress.review.note_answer(&question.id, &record, NOW - (at as i64 % 4) * 86_400);
    }
    for (day, correct) in [(10, 4), (14, 9), (20, 7)] {
        progress.record_round(RoundRecord {
            date: format!("2026-11-{day}T10:00:00Z"),
            correct,
            total: 12,
            missed: vec![],
        });
    }
    progress
}

fn draw(theme: Theme, width: u16, height: u16) -> Buffer {
    let course = load(&embedded::files()).expect("the built-in course").course;
    let progress = progress(&course);
    let mut app = App::new(course, theme, progress, Rect::new(0, 0, width, height));
    app.update(Action::Progress);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("backend");
    terminal.draw(|frame| frame.render_widget(&app, frame.area())).expect("draw");
    terminal.backend().buffer().clone()
}

fn text(buffer: &Buffer) -> String {
    let width = usize::from(buffer.area.width);
    buffer.content.chunks(width).map(|row| row.iter().map(|c| c.symbol()).collect::<String>() + "\n").collect()
}

#[test]
fn every_theme_and_no_color_show_the_same_screen() {
    for (width, height) in [(80, 24), (200, 60)] {
        let plain = text(&draw(Theme::new(ThemeName::Dark, true), width, height));
        assert!(plain.contains("Your progress") && plain.contains("Pages read, per section"), "{plain}");
        for name in [ThemeName::Dark, ThemeName::Light, ThemeName::HighContrast] {
            let theme = Theme::new(name, false);
            let buffer = draw(theme.clone(), width, height);
            assert_eq!(text(&buffer), plain, "{name:?} at {width}x{height}: the same text as under NO_COLOR");
            // The read part of the first section's bar is drawn in the theme's "right" colour.
            let bar = buffer.content.iter().find(|c| c.symbol() == "█").expect("a bar");
            assert_eq!(bar.fg, theme.right.fg.unwrap_or(Color::Reset), "{name:?}");
        }
        let no_color = draw(Theme::new(ThemeName::Dark, true), width, height);
        assert!(no_color.content.iter().all(|c| c.fg == Color::Reset || c.fg == Color::Black || c.fg == Color::White));
    }
    let wide = text(&draw(Theme::new(ThemeName::Dark, false), 200, 60));
    assert!(wide.lines().any(|l| l.contains("Pages read, per section") && l.contains("Quiz rounds")), "{wide}");
    assert!(wide.contains("Retention") && wide.contains("Topics that need work"), "{wide}");
}
