//! `audit --tui`'s model and drawing: keys move and open findings, Enter shows the code
//! with the line marked beside the lesson passage, `e` asks for the editor at the line.
use crossterm::event::KeyCode;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use status_tutor::audit::{Finding, rules};
use status_tutor::audit_view::{Browser, Mode, Outcome, draw, lesson};

fn finding(file: &str, line: usize, rule: &'static str) -> Finding {
    let rule = rules::find(rule).expect("a rule");
    Finding {
        file: file.into(),
        line,
        col: 12,
        rule: rule.id(),
        message: "a 405 without an Allow header".into(),
        page: rule.page(),
        source: String::new(),
    }
}

fn browser() -> Browser {
    let course = status_tutor::content::embedded::course().expect("the built-in course");
    let lessons = rules::ALL.iter().filter_map(|r| lesson::find(&course, *r).map(|l| (r.id(), l))).collect();
    let findings = vec![
        finding("a.py", 3, "allow-missing"),
        finding("a.py", 9, "www-authenticate-missing"),
        finding("b.py", 2, "allow-missing"),
    ];
    Browser::new(findings, lessons, "project".into())
}

fn screen(browser: &Browser, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("a test terminal");
    terminal.draw(|frame| frame.render_widget(browser, frame.area())).expect("draws");
    let buffer = terminal.backend().buffer().clone();
    (0..height)
        .map(|y| (0..width).map(|x| buffer[(x, y)].symbol().to_string()).collect::<String>().trim_end().to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn keys_move_open_edit_and_quit() {
    let mut b = browser();
    assert_eq!(b.on_key(KeyCode::Up), Outcome::Nothing);
    assert_eq!(b.selected, 0);
    b.on_key(KeyCode::Down);
    b.on_key(KeyCode::Down);
    b.on_key(KeyCode::Down);
    assert_eq!(b.selected, 2, "stops at the last finding");
    assert_eq!(b.on_key(KeyCode::Char('e')), Outcome::Edit { file: "b.py".into(), line: 2 });
    b.on_key(KeyCode::Home);
    assert_eq!(b.on_key(KeyCode::Enter), Outcome::LoadCode("a.py".into()));
    assert_eq!(b.mode, Mode::Detail);
    assert_eq!(b.on_key(KeyCode::Down), Outcome::Nothing, "same file: nothing to read again");
    assert_eq!(b.on_key(KeyCode::Down), Outcome::LoadCode("b.py".into()));
    assert_eq!(b.on_key(KeyCode::Char('q')), Outcome::Nothing, "q in the detail view goes back");
    assert_eq!(b.mode, Mode::List);
    assert_eq!(b.on_key(KeyCode::Char('q')), Outcome::Quit);
}

#[test]
fn the_detail_view_marks_the_line_beside_the_lesson_passage() {
    let mut b = browser();
    b.on_key(KeyCode::Enter);
    b.show(Ok("def v(request):\n    pass\n    return HttpResponse(status=405)\n# \u{1b}]0;evil\u{7}\n".into()));
    let text = screen(&b, 110, 20);
    let marked: Vec<&str> = text.lines().filter(|l| l.contains(draw::MARK)).collect();
    assert_eq!(marked.len(), 1, "one marked line in\n{text}");
    let after = marked[0].split(draw::MARK).nth(1).unwrap_or_default().trim_start();
    assert!(after.starts_with("3     return HttpResponse(status=405)"), "{after}");
    assert!(text.contains("The hand-written 405 has no Allow header"), "the passage title:\n{text}");
    assert!(text.contains("lesson: 405-method-not-allowed"), "{text}");
    assert!(!text.contains('\u{1b}') && text.contains("\\u{1b}"), "control characters are escaped:\n{text}");
}

#[test]
fn the_list_shows_every_finding_and_a_file_that_cannot_be_read_says_so() {
    let mut b = browser();
    let text = screen(&b, 100, 10);
    assert!(text.contains("3 findings in project"), "{text}");
    assert!(text.contains("b.py:2:12 allow-missing"), "{text}");
    b.on_key(KeyCode::Enter);
    b.show(Err("a.py: No such file or directory".into()));
    let text = screen(&b, 100, 10);
    assert!(text.contains("(the file could not be read)") && text.contains("a.py: No such file"), "{text}");
}

#[test]
fn every_named_passage_is_in_the_built_in_course() {
    let course = status_tutor::content::embedded::course().expect("the built-in course");
    for rule in rules::ALL {
        let found = lesson::find(&course, *rule).expect("the rule's page");
        match rule.passage() {
            Some(start) => assert!(found.title.starts_with(start), "{}: passage {start:?} not found", rule.id()),
            None => assert!(!found.paragraphs.is_empty(), "{}: the page's summary", rule.id()),
        }
    }
}
