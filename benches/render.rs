//! Rendering costs at 200x60, through the library and ratatui's `TestBackend`:
//! every page drawn whole (the worst page reported), a page switch, a search keystroke,
//! and loading the built-in course (parse and validate). Medians in microseconds.
//!
//! `cargo bench --bench render`. Under `cargo test --all-targets` (no `--bench` argument)
//! each measurement runs once, so CI keeps it working.

use std::hint::black_box;
use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;
use status_tutor::app::App;
use status_tutor::cli::ThemeName;
use status_tutor::content::{Course, embedded, load};
use status_tutor::keys::Action;
use status_tutor::progress::Progress;
use status_tutor::theme::Theme;

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

const WIDTH: u16 = 200;
const HEIGHT: u16 = 60;
const QUERY: &str = "redirect";

fn course() -> Result<Course> {
    load(&embedded::files()).map(|loaded| loaded.course).map_err(|problems| format!("{problems:?}").into())
}

/// The app at 200x60, past the welcome screen, reading the first page.
fn reading(course: &Course) -> App {
    let theme = Theme::new(ThemeName::Dark, false);
    let mut app = App::new(course.clone(), theme, Progress::default(), Rect::new(0, 0, WIDTH, HEIGHT));
    app.update(Action::Open);
    app
}

fn terminal() -> Result<Terminal<TestBackend>> {
    Ok(Terminal::new(TestBackend::new(WIDTH, HEIGHT))?)
}

fn draw(terminal: &mut Terminal<TestBackend>, app: &App) -> Result<()> {
    terminal.draw(|frame| frame.render_widget(app, frame.area()))?;
    Ok(())
}

fn timed(f: impl FnOnce() -> Result<()>) -> Result<Duration> {
    let start = Instant::now();
    f()?;
    Ok(start.elapsed())
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn micros(d: Duration) -> String {
    format!("{:8.1} µs", d.as_secs_f64() * 1e6)
}

/// Each page drawn whole: the previous frame is cleared (untimed) so every cell is
/// rendered, compared and written. Returns (page id, median) for each page.
fn render_pages(course: &Course, rounds: usize) -> Result<Vec<(String, Duration)>> {
    let mut app = reading(course);
    let mut terminal = terminal()?;
    let mut medians = Vec::new();
    for (index, page) in course.pages.iter().enumerate() {
        app.open_page(index, 0);
        draw(&mut terminal, &app)?;
        let mut samples = Vec::with_capacity(rounds);
        for _ in 0..rounds {
            terminal.clear()?;
            samples.push(timed(|| draw(&mut terminal, black_box(&app)))?);
        }
        medians.push((page.id.clone(), median(samples)));
    }
    Ok(medians)
}

/// `NextPage` and the frame after it, through the whole course; returns the median over
/// every switch and the worst page's median (the page switched to).
fn page_switches(course: &Course, rounds: usize) -> Result<(Duration, (String, Duration))> {
    let mut app = reading(course);
    let mut terminal = terminal()?;
    let mut per_page = vec![Vec::new(); course.pages.len()];
    for _ in 0..rounds {
        app.open_page(0, 0);
        draw(&mut terminal, &app)?;
        for samples in per_page.iter_mut().skip(1) {
            samples.push(timed(|| {
                app.update(Action::NextPage);
                draw(&mut terminal, &app)
            })?);
        }
    }
    let all = median(per_page.iter().flatten().copied().collect());
    let worst = per_page
        .into_iter()
        .enumerate()
        .skip(1)
        .map(|(page, samples)| (course.pages[page].id.clone(), median(samples)))
        .max_by_key(|(_, d)| *d)
        .ok_or("a course of one page")?;
    Ok((all, worst))
}

/// A keystroke in the search box and the frame after it. The first keystroke of a
/// session also builds the search index, so it is reported on its own.
fn search_keystrokes(course: &Course, rounds: usize) -> Result<(Duration, Duration)> {
    let mut first = Vec::with_capacity(rounds);
    let mut later = Vec::with_capacity(rounds * QUERY.len());
    for _ in 0..rounds {
        let mut app = reading(course);
        let mut terminal = terminal()?;
        for pass in 0..2 {
            app.update(Action::Search);
            draw(&mut terminal, &app)?;
            for (i, c) in QUERY.chars().enumerate() {
                let sample = timed(|| {
                    app.update(Action::Type(c));
                    draw(&mut terminal, &app)
                })?;
                if pass == 0 && i == 0 { first.push(sample) } else { later.push(sample) }
            }
            app.update(Action::Close);
            draw(&mut terminal, &app)?;
        }
    }
    Ok((median(first), median(later)))
}

/// The built-in course: the embedded files parsed and validated.
fn course_loads(rounds: usize) -> Result<Duration> {
    let mut samples = Vec::with_capacity(rounds);
    for _ in 0..rounds {
        samples.push(timed(|| {
            black_box(course()?);
            Ok(())
        })?);
    }
    Ok(median(samples))
}

fn main() -> Result<()> {
    let bench = std::env::args().any(|arg| arg == "--bench");
    let scale = |n: usize| if bench { n } else { 1 };
    if !bench {
        println!("render: one run of each, as a test (numbers mean nothing; use cargo bench)");
    }
    let course = course()?;
    println!("render: {} pages at {WIDTH}x{HEIGHT}, dark theme, TestBackend; medians", course.pages.len());

    let pages = render_pages(&course, scale(200))?;
    let (worst_id, worst) = pages.iter().max_by_key(|(_, d)| *d).ok_or("no pages")?;
    let typical = median(pages.iter().map(|(_, d)| *d).collect());
    println!("render a page, whole frame:     {} worst ({worst_id}), {} median page", micros(*worst), micros(typical));

    let (switch, (switch_id, switch_worst)) = page_switches(&course, scale(50))?;
    println!("page switch (n + draw):         {} median, {} worst ({switch_id})", micros(switch), micros(switch_worst));

    let (first, keystroke) = search_keystrokes(&course, scale(50))?;
    println!(
        "search keystroke (type + draw): {} median, {} first (builds the index)",
        micros(keystroke),
        micros(first)
    );

    println!("course load (parse + validate): {}", micros(course_loads(scale(100))?));
    Ok(())
}
