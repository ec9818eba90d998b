//! The first screen: what the course is, and the keys that work here (every reading key
//! works on it: it opens the page and acts on it). Parts are dropped, least useful first,
//! when the terminal is too short, so no line is ever cut.
use super::{centered, status_bar};
use crate::app::App;
use crate::keys::{Action, Context, key_for};
use crate::lines::contents::{CORE_MARK, core_path};
use crate::lines::text::wrap;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

/// The keys shown, in two columns when there is room.
/// The welcome's key list: the actions (their keys come from the key table), in long
/// and short words.
const KEYS: [(&[Action], &str, &str); 10] = [
    (&[Action::Up, Action::Down], "scroll", "scroll"),
    (&[Action::Search], "search", "search"),
    (&[Action::PrevPage, Action::NextPage], "previous / next page", "pages"),
    (&[Action::Digit(0)], "type a code: its page", "a code"),
    (&[Action::SwitchFocus], "the contents", "contents"),
    (&[Action::StartQuiz], "the quiz", "quiz"),
    (&[Action::StartReview], "review what is due", "review"),
    (&[Action::Progress], "your progress", "progress"),
    (&[Action::Help], "every key", "all keys"),
    (&[Action::Quit], "quit (you come back here)", "quit"),
];

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let body = Rect::new(area.x, area.y, area.width, area.height.saturating_sub(1));
    let box_area = centered(body, 72, body.height);
    let lines = lines(app, usize::from(box_area.width), usize::from(box_area.height));
    Paragraph::new(lines).render(box_area, buf);
    status_bar::render(app, Rect::new(area.x, area.bottom() - 1, area.width, 1), buf);
}

/// The screen's lines for `width` x `height`: every part that fits, in order.
fn lines(app: &App, width: usize, height: usize) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let course = &app.course;
    let title = wrap(&[Span::styled(course.title.clone(), theme.heading)], width, vec![], vec![]);
    let intro = wrap(&[Span::styled(course.intro.clone(), theme.text)], width, vec![], vec![]);
    let returning = app.progress.welcomed && app.progress.last_page.is_some();
    let (learn, start) = if returning {
        let page = course.pages.get(app.page).map_or("", |p| p.title.as_str());
        let back = vec![
            Span::raw("Welcome back. "),
            Span::styled(format!("{}% read.", app.percent_read()), theme.dim),
            Span::styled(practice_done(app), theme.dim),
        ];
        let start = vec![
            Span::styled(key_for(Context::Welcome, Action::Open), theme.key),
            Span::raw(" continue where you left off: "),
            Span::styled(page.to_string(), theme.title),
        ];
        (wrap(&back, width, vec![], vec![]), wrap(&start, width, vec![], vec![Span::raw("      ")]))
    } else {
        let sections: Vec<&str> = course.sections.iter().map(|s| s.title.as_str()).collect();
        let what = vec![
            Span::styled("What you will learn: ", theme.title),
            Span::raw(sections.join(" · ")),
            Span::raw(format!(", and a quiz of {} questions", course.questions.len())),
        ];
        let mut what = what;
        if !course.exercises.is_empty() {
            what.push(Span::raw(format!("; {} views to write (", course.exercises.len())));
            what.push(Span::styled(key_for(Context::Welcome, Action::Practice), theme.key));
            what.push(Span::raw(")"));
        }
        what.push(Span::raw("."));
        let (core_pages, core_minutes) = core_path(course);
        if core_pages > 0 {
            what.push(Span::styled(" Core path: ", theme.title));
            what.push(Span::raw(format!(
                "{core_pages} pages, about {core_minutes} min, marked{CORE_MARK}in the contents; the rest is reference."
            )));
        }
        let start = vec![Span::styled(key_for(Context::Welcome, Action::Open), theme.key), Span::raw(" start reading")];
        (wrap(&what, width, vec![], vec![]), wrap(&start, width, vec![], vec![]))
    };
    let mut keys = key_lines(app, width);
    let signs = signpost_lines(app, width);
    // A paused round to resume, questions due for review.
    let quiz = super::quiz_screen::welcome_lines(app);
    // Most useful first: the title, how to start, the keys; then the course's parts.
    let mut essential = title.len() + 1 + start.len() + quiz.len() + 1 + keys.len();
    if essential > height {
        // Very short: the keys go without their heading.
        keys.remove(0);
        essential -= 1;
    }
    let room = height.saturating_sub(essential);
    let show_learn = learn.len() < room;
    let show_intro = intro.len() < room.saturating_sub(if show_learn { learn.len() + 1 } else { 0 });
    let used = if show_learn { learn.len() + 1 } else { 0 } + if show_intro { intro.len() + 1 } else { 0 };
    let show_signs = !signs.is_empty() && signs.len() < room.saturating_sub(used);
    let mut lines = title;
    lines.push(Line::default());
    if show_intro {
        lines.extend(intro);
        lines.push(Line::default());
    }
    if show_learn {
        lines.extend(learn);
        lines.push(Line::default());
    }
    lines.extend(start);
    if show_signs {
        lines.extend(signs);
    }
    lines.extend(quiz);
    lines.push(Line::default());
    lines.extend(keys);
    lines
}

fn key_lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let mut lines = vec![Line::styled("Keys", theme.title)];
    // Narrow terminals get the same keys in shorter words, still in two columns.
    let (long, pad) = (width >= 66, if width >= 66 { 26 } else { 12 });
    let cell = |(actions, what, short): (&[Action], &str, &str), pad: usize| {
        let key: Vec<String> = actions.iter().map(|a| key_for(Context::Welcome, *a)).collect();
        let (key, what) = (key.join(" "), if long { what } else { short });
        vec![Span::styled(format!("  {key:<6}"), theme.key), Span::raw(format!("{what:<pad$}"))]
    };
    for pair in KEYS.chunks(2) {
        let mut spans = cell(pair[0], pad);
        if let Some(second) = pair.get(1) {
            spans.extend(cell(*second, 0));
        }
        lines.push(Line::from(spans));
    }
    lines
}

/// "Puzzled by a status? Why did I get this code? · Which status...": the course's
/// signposts, found with `/` (their titles are what search matches first).
fn signpost_lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let titles: Vec<&str> =
        app.course.signposts.iter().filter_map(|&p| app.course.pages.get(p)).map(|p| p.title.as_str()).collect();
    if titles.is_empty() {
        return Vec::new();
    }
    let spans = vec![
        Span::styled("/", app.theme.key),
        Span::raw(" puzzled by a status? Search for "),
        Span::styled(titles.join(" · "), app.theme.title),
    ];
    wrap(&spans, width, vec![], vec![Span::raw("      ")])
}

/// " Practice: 5/18 done." when the course has exercises.
fn practice_done(app: &App) -> String {
    let (done, total) = app.practice_done();
    if total == 0 { String::new() } else { format!(" Practice: {done}/{total} done.") }
}
