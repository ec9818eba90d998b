//! Text and layout through real drawing: the welcome fits, nothing is cut in the middle.
#[path = "support/drawn.rs"]
mod drawn;
use drawn::{draw, rows};
use ratatui::layout::Rect;
use status_tutor::app::App;
use status_tutor::cli::ThemeName;
use status_tutor::content::{embedded, load};
use status_tutor::progress::Progress;
use status_tutor::theme::Theme;

/// The built-in course: the real titles and lengths are the point.
fn app(width: u16, height: u16) -> App {
    let course = load(&embedded::files()).expect("the built-in course is valid").course;
    App::new(course, Theme::new(ThemeName::Dark, false), Progress::default(), Rect::new(0, 0, width, height))
}

#[test]
fn the_welcome_fits_and_lists_every_key_that_works_there() {
    for (w, h) in [(80, 24), (40, 10), (120, 30)] {
        let screen = rows(&draw(&app(w, h)));
        let text = screen.join("\n");
        for key in ["↑ ↓", "← →", "/ ", "4 0 4", "Tab", "t ", "? ", "q ", "Enter start reading"] {
            assert!(text.contains(key), "{key:?} missing at {w}x{h}:\n{text}");
        }
        // Nothing runs into the right edge (a cut line would).
        for row in &screen[..screen.len() - 1] {
            assert!(row.ends_with(' ') || row.trim().is_empty(), "a line touches the edge at {w}x{h}: {row:?}");
        }
    }
}

#[test]
fn help_wraps_its_descriptions_instead_of_cutting_them() {
    use status_tutor::keys::BINDINGS;
    let theme = Theme::new(ThemeName::Dark, false);
    for width in [36, 74] {
        let lines = status_tutor::lines::help::lines(&theme, width);
        assert!(lines.iter().all(|l| l.width() <= width), "a help line is wider than {width}");
        let text: String = lines
            .iter()
            .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect::<String>())
            .collect::<Vec<_>>()
            .join(" ");
        let words: Vec<&str> = text.split_whitespace().collect();
        for binding in BINDINGS {
            let wanted: Vec<&str> = binding.description.split_whitespace().collect();
            assert!(words.windows(wanted.len()).any(|w| w == wanted), "{:?} is cut at {width}", binding.description);
        }
    }
}

/// The text of a laid-out line.
fn plain(line: &ratatui::text::Line) -> String {
    line.spans.iter().map(|s| s.content.as_ref()).collect()
}

#[test]
fn code_wraps_between_tokens_never_inside_a_name() {
    use status_tutor::keys::Action;
    use status_tutor::layout::SidebarMode;
    let word = |c: char| c.is_alphanumeric() || c == '_';
    let mut breaks = 0;
    for (w, h, squeeze) in [(100, 30, false), (80, 24, true)] {
        let mut app = app(w, h);
        app.update(Action::Open);
        if squeeze {
            app.update(Action::ToggleSidebar);
        }
        assert_eq!(app.sidebar_mode(), SidebarMode::Docked, "{w}x{h}");
        for page in 0..app.course.pages.len() {
            app.open_page(page, 0);
            let lines: Vec<String> = app.document.lines.iter().map(plain).collect();
            for pair in lines.windows(2) {
                // "│ 12 code…   │" then "│  ↪     more…│": the break is between them.
                let Some(rest) = pair[1].trim_start().strip_prefix("│").map(str::trim_start) else { continue };
                let Some(after) = rest.strip_prefix('↪') else { continue };
                let before = pair[0].trim_end().trim_end_matches('│').trim_end();
                let (Some(b), Some(a)) = (before.chars().last(), after.trim_start().chars().next()) else { continue };
                breaks += 1;
                if word(b) && word(a) {
                    // Two names met at the break: only fine if a space stood between them.
                    let tail: String =
                        before.chars().rev().take_while(|c| word(*c)).collect::<Vec<_>>().into_iter().rev().collect();
                    let head: String = after.trim_start().chars().take_while(|c| word(*c)).collect();
                    // A name wider than the whole line cannot help being cut: it filled the line alone.
                    let content = before.trim_start().trim_start_matches('│').trim_start();
                    let content = content.trim_start_matches('↪').trim_start();
                    let lead = &content[..content.len() - tail.len()];
                    if lead.trim().chars().all(|c| c.is_ascii_digit()) {
                        continue;
                    }
                    let spaced = format!("{tail} {head}");
                    assert!(
                        sources(&app, page).contains(&spaced),
                        "a name is cut at {w}x{h}:\n{}\n{}",
                        pair[0],
                        pair[1]
                    );
                }
            }
        }
    }
    assert!(breaks > 10, "the squeezed page wraps some code ({breaks} breaks)");
}

/// Every code sample of a page, as one text.
fn sources(app: &App, page: usize) -> String {
    use status_tutor::content::Block;
    let mut all = String::new();
    for block in &app.course.pages[page].blocks {
        if let Block::Code(sample) = block {
            all.push_str(&sample.source);
            all.push('\n');
        }
    }
    all
}

#[test]
fn a_caption_that_does_not_fit_ends_with_an_ellipsis() {
    use status_tutor::content::Block;
    use status_tutor::keys::Action;
    let mut app = app(80, 24);
    app.update(Action::Open);
    app.update(Action::ToggleSidebar); // the page squeezed beside the contents
    let mut checked = 0;
    for page in 0..app.course.pages.len() {
        app.open_page(page, 0);
        let width = app.document.lines.iter().map(|l| l.width()).max().unwrap_or(0);
        let captions: Vec<String> = app.course.pages[page]
            .blocks
            .iter()
            .filter_map(|b| match b {
                // a flawed sample's caption is written whole (tests/flawed_samples.rs)
                Block::Code(sample) if !sample.flawed => sample.caption.as_ref().map(|c| c.replace(['`', '*'], "")),
                _ => None,
            })
            .collect();
        for caption in captions {
            let top = app.document.lines.iter().map(plain).find(|l| {
                let start: String = caption.chars().take(12).collect();
                l.starts_with("╭─") && l.contains(&start)
            });
            let Some(top) = top else { panic!("no box top for {caption:?}") };
            if !top.contains(&caption) {
                checked += 1;
                let label = top.trim_start_matches("╭─").trim_end_matches(['─', '╮']).trim_end();
                assert!(label.ends_with('…'), "cut without an ellipsis at {width}: {top}");
            }
        }
    }
    assert!(checked > 0, "some caption is too long for the squeezed page");
}

#[test]
fn the_contents_over_the_page_is_a_box_with_its_keys_in_the_status_bar() {
    use status_tutor::keys::Action;
    let mut app = app(80, 24);
    app.update(Action::Open);
    app.update(Action::SwitchFocus);
    let screen = rows(&draw(&app));
    assert!(screen[0].starts_with("┌ Contents"), "{}", screen[0]);
    assert!(screen[22].starts_with("└"), "{}", screen[22]);
    let right = screen[0].chars().position(|c| c == '┐').expect("a right border");
    for row in &screen[1..22] {
        assert_eq!(row.chars().nth(right), Some('│'), "the box is closed on the right: {row}");
    }
    let status = &screen[23];
    assert!(status.contains("Enter open") && status.contains("Esc close"), "{status}");
}

#[test]
fn on_wide_terminals_the_sidebar_grows_to_show_every_title_whole() {
    use status_tutor::keys::Action;
    let mut narrow = app(120, 60);
    narrow.update(Action::Open);
    let mut wide = app(200, 60);
    wide.update(Action::Open);
    let width = |app: &App| app.areas().sidebar.map_or(0, |s| s.width);
    assert_eq!(width(&narrow), 32, "no room to spare at 120 columns");
    assert_eq!(width(&wide), wide.sidebar_natural, "at 200 columns there is room for every title");
    let cut = |app: &App| {
        let w = usize::from(width(app));
        rows(&draw(app)).iter().filter(|r| r.chars().take(w).any(|c| c == '…')).count()
    };
    assert!(cut(&narrow) > 0, "the built-in course has titles longer than 32 columns");
    assert_eq!(cut(&wide), 0, "at 200 columns no title is cut");
}

#[test]
fn at_40x10_the_quiz_keeps_question_n_of_m_and_wraps_its_intro() {
    use status_tutor::keys::Action;
    use status_tutor::quiz::Phase;
    let mut app = app(40, 10);
    app.quiz_options.seed = 7;
    app.quiz_options.count = None;
    app.start_quiz();
    // The intro, scrolled through: every word of every line is there, none cut.
    let mut seen = Vec::new();
    for _ in 0..30 {
        seen.extend(rows(&draw(&app)));
        app.update(Action::Down);
    }
    let words: Vec<String> = seen.join(" ").split_whitespace().map(str::to_string).collect();
    let wanted = "pick an answer (one click or key answers a single choice)";
    let wanted: Vec<&str> = wanted.split_whitespace().collect();
    assert!(words.windows(wanted.len()).any(|w| w == wanted), "the intro cuts words:\n{}", seen.join("\n"));
    app.update(Action::Open);
    let total = app.quiz.as_ref().map_or(0, |q| q.session.round().len());
    let mut asked = 0;
    while let Some(Phase::Asking { index, .. }) = app.quiz.as_ref().map(|q| q.session.phase().clone()) {
        asked += 1;
        for _ in 0..6 {
            let screen = rows(&draw(&app));
            let header = format!("Question {} of {total}", index + 1);
            assert!(screen[1].contains(&header), "{header} not on top:\n{}", screen.join("\n"));
            app.update(Action::Down);
        }
        app.update(Action::Skip);
        app.update(Action::Open);
    }
    assert_eq!(asked, total);
}
