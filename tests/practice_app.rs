//! Practice mode inside the app, driven through `update` with a fake runner: opening it,
//! the workspace, runs and results, done marks in progress, the editor request, leaving;
//! and snapshots of the practice screen at 80x24 and 120x40.
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;
use status_tutor::app::{App, Entry, LoopRequest, PracticeView, Screen};
use status_tutor::cli::ThemeName;
use status_tutor::content::{Client, CourseFiles, Exchange, Exercise, Expectation, RequestBody, load};
use status_tutor::keys::{Action, Context};
use status_tutor::practice::report::Report;
use status_tutor::practice::runner::{Job, RunError, RunId, Runner};
use status_tutor::practice::session::{PracticeSession, RunState};
use status_tutor::practice::workspace::Workspace;
use status_tutor::progress::Progress;
use status_tutor::theme::Theme;
use std::cell::RefCell;
use std::path::Path;
use std::rc::Rc;

/// Records what the app asked for; results are fed back by the test.
#[derive(Default)]
struct Calls {
    started: Vec<(RunId, Job)>,
    cancelled: Vec<RunId>,
}

struct FakeRunner(Rc<RefCell<Calls>>);

impl Runner for FakeRunner {
    fn start(&mut self, run: RunId, job: Job) {
        self.0.borrow_mut().started.push((run, job));
    }
    fn cancel(&mut self, run: RunId) {
        self.0.borrow_mut().cancelled.push(run);
    }
}

fn exercise(id: &str, title: &str, page: usize) -> Exercise {
    let request = |method: &str, body| status_tutor::content::ClientRequest {
        method: method.into(),
        path: "/articles/".into(),
        user: Client::Anonymous,
        headers: vec![],
        body,
        csrf_token: false,
        setup: vec![],
    };
    let expect = |status, location: bool| Expectation {
        status,
        headers: vec![],
        present_headers: if location { vec!["Location".into()] } else { vec![] },
        absent_headers: vec![],
        json: None,
        body_contains: vec![],
        ..Expectation::default()
    };
    Exercise {
        id: id.into(),
        title: title.into(),
        page,
        task: "Create the article from the JSON body and answer **201** with a `Location` header.".into(),
        starter: "def create_article(request):\n    # TODO\n    pass\n".into(),
        solution: "def create_article(request):\n    return HttpResponse(status=201)\n".into(),
        hints: vec!["`JsonResponse(..., status=201)`".into(), "Set `response[\"Location\"]`.".into()],
        difficulty: status_tutor::content::Difficulty::Core,
        models: vec!["Article".into()],
        urls: vec![("articles/".into(), "create_article".into())],
        checks: vec![
            Exchange {
                request: request("POST", RequestBody::Json(r#"{"title": "Hi"}"#.into())),
                expect: expect(201, true),
            },
            Exchange { request: request("GET", RequestBody::Empty), expect: expect(405, false) },
        ],
        settings: vec![],
        kind: status_tutor::content::ExerciseKind::View,
        asks: status_tutor::content::Asks::Write,
    }
}

fn course_with_exercises() -> status_tutor::content::Course {
    let files = CourseFiles::read_dir(Path::new("tests/ui-course")).expect("fixture course is readable");
    let mut course = load(&files).expect("fixture course is valid").course;
    let code = course.page_index("code").expect("code page");
    course.exercises = vec![exercise("created", "Created, with Location", code), exercise("other", "Another one", 0)];
    course
}

/// An app on the fixture course with two exercises, practice not opened.
fn app_with_exercises() -> App {
    App::new(course_with_exercises(), Theme::new(ThemeName::Dark, false), Progress::default(), Rect::new(0, 0, 100, 30))
}

/// An app with practice open in a temporary workspace and a fake runner.
fn practising(progress: Progress) -> (App, Rc<RefCell<Calls>>, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut app =
        App::new(course_with_exercises(), Theme::new(ThemeName::Dark, false), progress, Rect::new(0, 0, 100, 30));
    let calls = Rc::new(RefCell::new(Calls::default()));
    app.runner = Some(Box::new(FakeRunner(Rc::clone(&calls))));
    app.practice_options.workspace = Some(dir.path().join("ws"));
    app.open_practice(None);
    (app, calls, dir)
}

fn report(passed: &[bool]) -> Report {
    let checks: Vec<String> = passed
        .iter()
        .enumerate()
        .map(|(i, p)| {
            format!(
                r#"{{"index": {i}, "request": "POST /articles/", "passed": {p}, "status": 400, "body": "{{\"error\": \"title required\"}}", "differences": ["expected status 201, got 400"]}}"#
            )
        })
        .collect();
    Report::parse(&format!(r#"{{"version": 1, "checks": [{}], "output": "debug \u001b[31mred\n"}}"#, checks.join(",")))
        .expect("report")
}

fn last_run(calls: &Rc<RefCell<Calls>>) -> RunId {
    calls.borrow().started.last().expect("a run started").0
}

#[test]
fn opening_practice_creates_the_workspace_and_remembers_it() {
    let (app, _calls, dir) = practising(Progress::default());
    assert_eq!(app.screen, Screen::Practice);
    assert_eq!(app.context(), Context::Practice);
    let file = dir.path().join("ws/exercises/01_created.py");
    assert_eq!(
        std::fs::read_to_string(&file).expect("starter"),
        "def create_article(request):\n    # TODO\n    pass\n"
    );
    assert!(dir.path().join("ws/.status-tutor/checker/status_tutor_checker/__main__.py").is_file());
    let remembered = app.progress.practice.workspace.as_deref().map(Path::new);
    assert_eq!(remembered, Some(dir.path().join("ws").as_path()));
    assert!(app.progress.edits() > 0, "the change is recorded for the saver");
    assert_eq!(app.requests, vec![LoopRequest::Watch(dir.path().join("ws/exercises"))]);
}

#[test]
fn existing_files_are_never_overwritten() {
    let dir = tempfile::tempdir().expect("tempdir");
    let workspace = Workspace::new(&dir.path().join("ws"));
    let course = course_with_exercises();
    std::fs::create_dir_all(workspace.exercises_dir()).expect("mkdir");
    std::fs::write(workspace.file_for(1, "created"), "my work").expect("write");
    assert_eq!(workspace.create(&course.exercises).expect("create"), 1, "only the missing file is written");
    assert_eq!(std::fs::read_to_string(workspace.file_for(1, "created")).expect("read"), "my work");
    workspace.reset(1, &course.exercises[0]).expect("reset");
    assert_eq!(std::fs::read_to_string(workspace.file_for(1, "created")).expect("read"), course.exercises[0].starter);
    assert_eq!(
        workspace.file_for(7, "created-with-location").file_name().and_then(|n| n.to_str()),
        Some("07_created_with_location.py")
    );
    assert!(workspace.file_for(1, "../../etc/passwd").starts_with(workspace.exercises_dir()));
}

#[test]
fn r_runs_the_current_exercise_with_its_file_and_a_pass_is_saved_as_done() {
    let (mut app, calls, dir) = practising(Progress::default());
    assert!(app.update(Action::RunChecks).changed());
    let (run, job) = calls.borrow().started[0].clone();
    assert_eq!(job.workspace, dir.path().join("ws"));
    let sent: serde_json::Value = serde_json::from_str(&job.json).expect("job json");
    assert_eq!(sent["view_file"], dir.path().join("ws/exercises/01_created.py").to_string_lossy().as_ref());
    assert!(app.practice_running());
    let before = app.progress.edits();
    let _ = app.run_finished(run, Ok(report(&[true, true])));
    assert!(!app.practice_running());
    assert!(app.progress.practice.done.contains("created"));
    assert!(app.progress.edits() > before, "the change is recorded for the saver");
    assert_eq!(app.practice_done(), (1, 2));
    // The check is recorded with the hash of the file it checked.
    let checked = std::fs::read(dir.path().join("ws/exercises/01_created.py")).expect("the learner's file");
    let record = app.progress.practice.checks.get("created").cloned().expect("a check recorded");
    assert!(record.passed && record.at.ends_with('Z'), "{record:?}");
    assert_eq!(record.file, status_tutor::progress::checks::file_hash(&checked));
}

#[test]
fn a_save_reruns_and_cancels_the_run_in_flight_and_stale_results_are_dropped() {
    let (mut app, calls, dir) = practising(Progress::default());
    let _ = app.file_saved(&dir.path().join("ws/exercises/02_other.py"));
    let first = last_run(&calls);
    assert_eq!(app.practice.as_ref().map(|p| p.session.current), Some(1), "the saved exercise becomes current");
    let _ = app.file_saved(&dir.path().join("ws/exercises/02_other.py"));
    let second = last_run(&calls);
    assert_eq!(calls.borrow().cancelled, vec![first]);
    let _ = app.run_finished(first, Ok(report(&[true, true])));
    assert!(app.progress.practice.done.is_empty(), "a stale pass does not count");
    let _ = app.run_finished(second, Err(RunError::Timeout));
    let state = app.practice.as_ref().and_then(|p| p.session.current()).map(|i| i.state.clone());
    assert_eq!(state, Some(RunState::Timeout));
    assert_eq!(app.progress.practice.checks.get("other").map(|c| c.passed), Some(false), "a timeout fails");
    assert!(!app.progress.practice.checks.contains_key("created"));
    let _ = app.file_saved(&dir.path().join("ws/exercises/unrelated.py"));
    assert_eq!(last_run(&calls), second, "a file that is no exercise runs nothing");
}

#[test]
fn e_asks_the_loop_for_the_editor_and_q_goes_back_to_the_lessons() {
    let (mut app, _calls, dir) = practising(Progress::default());
    app.requests.clear();
    let _ = app.update(Action::Edit);
    assert_eq!(app.requests, vec![LoopRequest::Edit(dir.path().join("ws/exercises/01_created.py"))]);
    let _ = app.update(Action::Quit);
    assert_eq!(app.screen, Screen::Reader);
    assert!(!app.should_quit());
}

#[test]
fn the_solution_asks_first_and_shows_the_learners_code_beside_it() {
    let (mut app, _calls, dir) = practising(Progress::default());
    std::fs::write(dir.path().join("ws/exercises/01_created.py"), "def create_article(request):\n    return 1\n")
        .expect("write");
    let _ = app.update(Action::ShowSolution);
    assert_eq!(app.context(), Context::Confirm);
    let _ = app.update(Action::Confirm);
    let view = app.practice.as_ref().expect("practice");
    assert!(view.session.current().is_some_and(|i| i.solution_shown));
    assert_eq!(view.learner_code.as_deref(), Some("def create_article(request):\n    return 1\n"));
}

#[test]
fn the_reader_x_key_opens_the_exercise_of_the_page_and_the_sidebar_lists_practice() {
    let mut app = app_with_exercises();
    let dir = tempfile::tempdir().expect("tempdir");
    app.practice_options.workspace = Some(dir.path().to_path_buf());
    assert_eq!(app.entries.last(), Some(&Entry::Practice));
    let code = app.course.page_index("code").expect("code page");
    app.open_page(code, 0);
    let _ = app.update(Action::Practice);
    assert_eq!(app.screen, Screen::Practice);
    assert_eq!(app.practice.as_ref().map(|p| p.session.current), Some(0));
    let _ = app.update(Action::OpenLesson);
    assert_eq!((app.screen, app.page), (Screen::Reader, code));
}

/// The practice screen with a failing run, without touching the disk.
fn screen(width: u16, height: u16, solution: bool) -> String {
    screen_after(width, height, solution, Ok(report(&[false, true])))
}

fn screen_after(width: u16, height: u16, solution: bool, result: status_tutor::practice::runner::RunResult) -> String {
    let course = course_with_exercises();
    let mut progress = Progress::default();
    progress.practice.done.insert("other".into());
    let app = App::new(course, Theme::new(ThemeName::Dark, false), progress, Rect::new(0, 0, width, height));
    let mut session = PracticeSession::new(&app.course.exercises, &app.progress.practice.done);
    let run = session.apply(status_tutor::practice::session::Event::Run);
    let status_tutor::practice::session::Effect::Start { run, .. } = run[0].clone() else { panic!("no run") };
    session.apply(status_tutor::practice::session::Event::Checked(run, result));
    session.apply(status_tutor::practice::session::Event::Hint);
    if solution {
        session.apply(status_tutor::practice::session::Event::Solution);
        session.apply(status_tutor::practice::session::Event::Confirm);
    }
    let learner_code = solution.then(|| "def create_article(request):\n    # TODO\n    pass\n".to_string());
    practice_drawn(app, session, learner_code)
}

/// `app` on the practice screen showing `session`, drawn at the app's size, as text.
fn practice_drawn(app: App, session: PracticeSession, learner_code: Option<String>) -> String {
    practice_drawn_in(app, session, learner_code, Path::new("/home/learner/status-tutor-practice"))
}

fn practice_drawn_in(mut app: App, session: PracticeSession, learner_code: Option<String>, workspace: &Path) -> String {
    app.practice = Some(PracticeView {
        session,
        workspace: Workspace::new(workspace),
        python: "python3".into(),
        scroll: 0,
        spinner: 0,
        watch_note: None,
        learner_code,
        workspace_error: None,
    });
    app.screen = Screen::Practice;
    let (width, height) = (app.size.width, app.size.height);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("backend");
    terminal.draw(|frame| frame.render_widget(&app, frame.area())).expect("draw");
    let buffer = terminal.backend().buffer().clone();
    buffer
        .content
        .chunks(usize::from(width))
        .map(|row| row.iter().map(|c| c.symbol()).collect::<String>().trim_end().to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The fixture's first exercise turned into one that asks to choose: 422 or 400, each
/// with its trade-off, and a second check that leaves 405 to the learner too.
fn choose_course() -> status_tutor::content::Course {
    use status_tutor::content::{AcceptedStatus, Asks};
    let mut course = course_with_exercises();
    let ex = &mut course.exercises[0];
    ex.title = "Choose the code: a product without a name".into();
    ex.task = "Refuse a product without a name. Which code?".into();
    ex.hints = vec!["Is the body unreadable, or are its values wrong?".into(), "Last hint.".into()];
    ex.asks = Asks::Choose;
    // a code page's title would name the answer: choose exercises practise a page like "which status?"
    ex.page = 0;
    let answer = |status: u16, why: &str| AcceptedStatus { status, why: why.into(), ..AcceptedStatus::default() };
    let first = &mut ex.checks[0].expect;
    first.status = 422;
    first.present_headers.clear();
    first.accepted = vec![answer(422, "Precise: the JSON was read, its values are wrong."), answer(400, "General.")];
    course
}

/// The choose exercise at 80x24, before any run (`result` None) or after one.
fn choose_screen(result: Option<status_tutor::practice::runner::RunResult>) -> String {
    let app =
        App::new(choose_course(), Theme::new(ThemeName::Dark, false), Progress::default(), Rect::new(0, 0, 80, 24));
    let mut session = PracticeSession::new(&app.course.exercises, &app.progress.practice.done);
    if let Some(result) = result {
        let run = session.apply(status_tutor::practice::session::Event::Run);
        let status_tutor::practice::session::Effect::Start { run, .. } = run[0].clone() else { panic!("no run") };
        session.apply(status_tutor::practice::session::Event::Checked(run, result));
    }
    practice_drawn(app, session, None)
}

/// Issue 23: the checks list of an exercise that asks to choose names no status before a
/// run; after one it says what was accepted and the trade-off of the status chosen.
#[test]
fn a_choose_exercise_hides_its_statuses_until_a_run() {
    let before = choose_screen(None);
    assert!(before.contains("POST /articles/ {\"title\": \"Hi\"} -> ? (you choose)"), "{before}");
    assert!(before.contains("GET /articles/ -> ? (you choose)"), "{before}");
    for code in ["422", "400", "405", "expected"] {
        assert!(!before.contains(code), "`{code}` shows before a run:\n{before}");
    }
    let report = Report::parse(
        r#"{"version": 1, "checks": [
            {"index": 0, "request": "POST /articles/", "passed": true, "status": 422, "body": "{}",
             "chosen": {"status": 422, "why": "Precise: the JSON was read, its values are wrong."}},
            {"index": 1, "request": "GET /articles/", "passed": false, "status": 200, "body": "ok",
             "differences": ["expected status 405, got 200"]}]}"#,
    )
    .expect("report");
    let after = choose_screen(Some(Ok(report)));
    assert!(after.contains("POST /articles/ -> 422 {}; accepted: 422 or 400"), "{after}");
    assert!(after.contains("you chose 422: Precise: the JSON was read"), "{after}");
    assert!(after.contains("GET /articles/ -> got 200 ok; accepted: 405"), "{after}");
    insta::assert_snapshot!("practice_choose_before_80x24", before);
    insta::assert_snapshot!("practice_choose_after_80x24", after);
}

#[test]
fn practice_screen_snapshots() {
    for (width, height) in [(80, 24), (120, 40)] {
        let text = screen(width, height, false);
        assert!(!text.contains('\u{1b}'), "learner output reaches the screen only sanitised");
        insta::assert_snapshot!(format!("practice_{width}x{height}"), text);
    }
    insta::assert_snapshot!("practice_solution_120x40", screen(120, 40, true));
}

#[test]
fn a_long_workspace_path_wraps_between_folder_names() {
    let app = App::new(
        course_with_exercises(),
        Theme::new(ThemeName::Dark, false),
        Progress::default(),
        Rect::new(0, 0, 80, 24),
    );
    let session = PracticeSession::new(&app.course.exercises, &app.progress.practice.done);
    let folder = Path::new("/home/learner/a-rather-long-folder-name/another_level_of_folders");
    let text = practice_drawn_in(app, session, None, folder);
    let edit: Vec<&str> = text.lines().skip_while(|l| !l.contains("Edit ")).take(2).collect();
    let pane = |line: &str| line.split_once('│').map_or(line, |(_, pane)| pane).trim().to_string();
    assert!(pane(edit[0]).ends_with("a-rather-long-folder-name/"), "{text}");
    assert!(pane(edit[1]).starts_with("another_level_of_folders/"), "{text}");
}

#[test]
fn practice_screen_without_django_offers_setup() {
    let missing = RunError::DjangoMissing("python3 cannot import Django (No module named \'django\')".into());
    let text = screen_after(80, 24, false, Err(missing));
    assert!(text.contains("Press S to set it up"), "{text}");
    insta::assert_snapshot!("practice_no_django_80x24", text);
    let timeout = screen_after(80, 24, false, Err(RunError::Timeout));
    let limit = format!("did not answer in {} s", status_tutor::practice::runner::TIMEOUT.as_secs());
    assert!(timeout.contains(&limit), "{timeout}");
}

#[test]
fn a_click_on_an_exercise_selects_it() {
    use crossterm::event::{KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
    let (mut app, _calls, _dir) = practising(Progress::default());
    let click = |row| MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: 3,
        row,
        modifiers: KeyModifiers::NONE,
    };
    // The list starts two rows down (its heading, a blank line): row 3 is the second exercise.
    assert!(app.on_mouse(click(3)).changed());
    assert_eq!(app.practice.as_ref().map(|p| p.session.current), Some(1));
    assert!(!app.on_mouse(click(20)).changed(), "below the list: nothing");
    assert_eq!(app.practice.as_ref().map(|p| p.session.current), Some(1));
}

#[test]
fn after_a_pass_the_screen_says_what_is_next_and_the_list_tells_now_from_done_once() {
    let passed = Report::parse(
        r#"{"version": 1, "checks": [{"index": 0, "request": "POST /articles/", "passed": true, "status": 201},
            {"index": 1, "request": "POST /articles/", "passed": true, "status": 400}]}"#,
    )
    .expect("report");
    let text = screen_after(120, 40, false, Ok(passed));
    assert!(text.contains("Well done!"), "{text}");
    // The other exercise was done before: nothing is left.
    assert!(text.contains("Every exercise is done. q goes back to the lessons."), "{text}");
    assert!(text.contains("* done once"), "the list's legend:\n{text}");
    let load_error = Report::parse(
        r#"{"version": 1, "load_error": {"kind": "SyntaxError", "message": "invalid syntax"},
            "checks": [{"index": 0, "request": "POST /articles/", "passed": false},
                       {"index": 1, "request": "POST /articles/", "passed": false}]}"#,
    )
    .expect("report");
    let text = screen_after(120, 40, false, Ok(load_error));
    let error = text.find("Your file does not load: SyntaxError").expect("the load error is shown");
    assert!(text.contains("None of the 2 checks ran."), "{text}");
    assert!(!text.contains("not run: your file did not load"), "no line per check that did not run:\n{text}");
    assert!(text.find("Checks").is_none_or(|checks| checks > error), "the reason comes first:\n{text}");
}

/// With no folder chosen (no `--workspace`, none remembered), practice asks before
/// creating `./status-tutor-practice`, saying where; any other key asks again, no
/// creates nothing and yes opens practice there.
#[test]
fn practice_asks_before_creating_the_default_folder() {
    let mut app = app_with_exercises();
    let folder = std::path::absolute("status-tutor-practice").expect("absolute");
    app.open_practice(None);
    assert_eq!(app.context(), Context::Confirm, "a question, not practice");
    assert!(app.practice.is_none());
    let asked = app.message.clone().expect("the question");
    assert!(asked.contains(&folder.display().to_string()) && asked.contains("y yes, n no"), "{asked}");
    let _ = app.update(Action::Down);
    assert_eq!(app.message.as_deref(), Some(asked.as_str()), "asked again");
    let _ = app.update(Action::Decline);
    assert!(app.workspace_question.is_none() && app.practice.is_none());
    assert!(app.message.as_deref().is_some_and(|m| m.contains("No practice folder created")));
    // With a folder remembered there is nothing to ask.
    let dir = tempfile::tempdir().expect("tempdir");
    app.progress.edit().practice.workspace = Some(dir.path().join("ws").display().to_string());
    app.open_practice(None);
    assert_eq!(app.screen, Screen::Practice);
    assert!(app.workspace_question.is_none());
}

#[test]
fn the_wheel_scrolls_the_details_and_never_answers_the_solution_question() {
    use crossterm::event::{KeyModifiers, MouseEvent, MouseEventKind};
    let (mut app, _calls, _dir) = practising(Progress::default());
    let _ = app.update(Action::ShowSolution);
    assert_eq!(app.context(), Context::Confirm);
    for kind in [MouseEventKind::ScrollDown, MouseEventKind::ScrollUp] {
        let _ = app.on_mouse(MouseEvent { kind, column: 60, row: 10, modifiers: KeyModifiers::NONE });
    }
    assert_eq!(app.context(), Context::Confirm, "the question is still asked");
    let _ = app.update(Action::Confirm);
    assert!(app.practice.as_ref().and_then(|p| p.session.current()).is_some_and(|i| i.solution_shown));
}

#[test]
fn help_opens_at_the_practice_keys_and_progress_opens_from_practice() {
    let (mut app, _calls, _dir) = practising(Progress::default());
    let _ = app.update(Action::Help);
    let expected = status_tutor::lines::help::start_of(&app.theme, app.size, Context::Practice)
        .min(status_tutor::lines::help::max_scroll(&app.theme, app.size));
    assert!(expected > 0);
    assert_eq!(app.overlay, status_tutor::app::Overlay::Help { scroll: expected });
    let _ = app.update(Action::Close);
    let _ = app.update(Action::Progress);
    assert_eq!((app.screen, app.context()), (Screen::Progress, Context::Progress));
    let _ = app.update(Action::Quit);
    assert_eq!((app.screen, app.context()), (Screen::Practice, Context::Practice));
}

#[test]
fn home_and_end_take_the_details_to_their_top_and_bottom() {
    let (mut app, _calls, _dir) = practising(Progress::default());
    app.resize(60, 14); // small enough that the details scroll
    let scroll = |app: &App| app.practice.as_ref().map_or(0, |p| p.scroll);
    assert_eq!(app.update(Action::Top), status_tutor::app::Update::NotChanged, "already at the top");
    let _ = app.update(Action::Bottom);
    let bottom = scroll(&app);
    assert!(bottom > 0, "the details are longer than the screen");
    let _ = app.update(Action::PageDown);
    assert_eq!(scroll(&app), bottom, "the bottom is the end");
    let _ = app.update(Action::Top);
    assert_eq!(scroll(&app), 0);
}
