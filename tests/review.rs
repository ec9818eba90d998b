//! Spaced review, topic and page rounds, honest scoring, pause and resume, driven
//! through the app as a learner would, with a clock the test moves from day to day.
use ratatui::layout::Rect;
use status_tutor::app::{App, Clock, Screen};
use status_tutor::cli::ThemeName;
use status_tutor::content::{CourseFiles, embedded, load};
use status_tutor::keys::Action;
use status_tutor::progress::{Progress, RoundRecord};
use status_tutor::quiz::{Draft, Phase, QuestionKind, RoundKind};
use status_tutor::theme::Theme;
use std::cell::Cell;
use std::path::Path;
use std::rc::Rc;

/// 2025-11-25T10:00:00Z.
const DAY_ONE: i64 = 1_764_064_800;
const DAY: i64 = 86_400;

/// A clock the test moves: Unix seconds, and milliseconds that advance 10 s per reading
/// (so no answer counts as fast).
#[derive(Clone)]
struct TestClock {
    seconds: Rc<Cell<i64>>,
    ms: Rc<Cell<u64>>,
}

impl Clock for TestClock {
    fn now_ms(&self) -> u64 {
        self.ms.set(self.ms.get() + 10_000);
        self.ms.get()
    }
    fn date(&self) -> String {
        status_tutor::progress::rfc3339_from_unix(self.seconds.get() as u64)
    }
}

fn app_at(progress: Progress, clock: &TestClock) -> App {
    let files = CourseFiles::read_dir(Path::new("tests/review-course")).expect("fixture course is readable");
    let course = load(&files).expect("fixture course is valid").course;
    let mut app = App::new(course, Theme::new(ThemeName::Dark, false), progress, Rect::new(0, 0, 80, 24));
    app.clock = Box::new(clock.clone());
    app.quiz_options.seed = 5;
    app.quiz_options.count = None;
    app
}

fn clock() -> TestClock {
    TestClock { seconds: Rc::new(Cell::new(DAY_ONE)), ms: Rc::new(Cell::new(0)) }
}

fn phase(app: &App) -> Phase {
    app.quiz.as_ref().expect("a quiz").session.phase().clone()
}

fn current_id(app: &App) -> String {
    app.quiz.as_ref().and_then(|q| q.session.current()).map(|(_, rq)| rq.question.id.clone()).expect("a question")
}

/// Answers the question on screen right or wrong, through the keys a learner presses.
fn answer(app: &mut App, right: bool) {
    let rq = app.quiz.as_ref().and_then(|q| q.session.current()).map(|(_, rq)| rq.clone()).expect("a question");
    match &rq.question.kind {
        QuestionKind::Single { .. } => {
            let correct = rq.correct_choices()[0];
            let pick = if right { correct } else { (correct + 1) % rq.question.choices().len() };
            let _ = app.update(Action::Pick(pick as u8));
        }
        QuestionKind::Multiple { .. } => {
            let correct = rq.correct_choices();
            let picks: Vec<usize> = if right { correct } else { correct[..1].to_vec() };
            for pick in picks {
                let _ = app.update(Action::Pick(pick as u8));
            }
            let _ = app.update(Action::Open);
        }
        QuestionKind::TrueFalse { answer } => {
            let value = if right { *answer } else { !*answer };
            let _ = app.update(Action::Pick(if value { 0 } else { 1 }));
        }
        QuestionKind::TypeCode { answer } => {
            let code = if right { *answer } else { 418 };
            for digit in code.to_string().bytes() {
                let _ = app.update(Action::Digit(digit - b'0'));
            }
            let _ = app.update(Action::Open);
        }
    }
    assert!(matches!(phase(app), Phase::Feedback { .. }), "answered");
}

/// A full round from the welcome screen: the questions whose id is in `wrong` answered
/// wrongly, the rest right. Returns to the lessons afterwards.
fn full_round(app: &mut App, wrong: &[&str]) {
    let _ = app.update(Action::StartQuiz);
    let _ = app.update(Action::Open);
    while matches!(phase(app), Phase::Asking { .. }) {
        let id = current_id(app);
        answer(app, !wrong.contains(&id.as_str()));
        let _ = app.update(Action::Open);
    }
    assert_eq!(phase(app), Phase::Results);
    let _ = app.update(Action::Quit);
}

fn round_ids(app: &App) -> Vec<String> {
    let mut ids: Vec<String> =
        app.quiz.as_ref().expect("a quiz").session.round().iter().map(|rq| rq.question.id.clone()).collect();
    ids.sort();
    ids
}

#[test]
fn the_next_day_review_offers_exactly_what_was_missed() {
    let clock = clock();
    let mut app = app_at(Progress::default(), &clock);
    full_round(&mut app, &["client-errors", "missing-row"]);
    assert_eq!(app.progress.review.cards.len(), 4, "every answered question has a memory state");
    // The same day: nothing is due yet.
    let _ = app.update(Action::StartReview);
    assert_eq!(app.screen, Screen::Reader);
    let message = app.message.clone().unwrap_or_default();
    assert!(message.contains("next question is due in 1 min"), "{message}");
    // The next day: the two missed questions, and nothing else.
    clock.seconds.set(DAY_ONE + DAY);
    assert_eq!(app.due_count(), 2);
    let _ = app.update(Action::StartReview);
    assert_eq!(app.screen, Screen::Quiz);
    assert_eq!(*app.quiz.as_ref().expect("review").session.kind(), RoundKind::Review);
    assert_eq!(round_ids(&app), ["client-errors", "missing-row"]);
}

#[test]
fn a_wrong_answer_is_due_again_sooner_than_a_right_one() {
    let clock = clock();
    let mut app = app_at(Progress::default(), &clock);
    full_round(&mut app, &["created"]);
    let cards = &app.progress.review.cards;
    let wrong = cards["created"].due;
    for id in ["client-errors", "login-required", "missing-row"] {
        assert!(cards[id].due > wrong, "{id} answered right is due after the one answered wrong");
        assert!(cards[id].last_right);
    }
    assert_eq!(wrong, DAY_ONE + 60, "missed: a learning step of a minute");
    let day = &app.progress.review.days["2025-11-25"];
    assert_eq!((day.answered, day.right), (4, 3));
}

#[test]
fn review_takes_the_most_overdue_first_then_new_questions_from_pages_read() {
    let clock = clock();
    let mut progress = Progress::default();
    progress.pages_read.insert("table".to_owned()); // missing-row's page
    let mut app = app_at(progress, &clock);
    // Two questions answered wrong on different days.
    for (id, day) in [("created", 0), ("login-required", 2)] {
        let record = status_tutor::quiz::Record {
            answer: status_tutor::quiz::Answer::Skipped,
            verdict: status_tutor::quiz::Verdict::Skipped,
            spent_ms: 0,
        };
        app.progress.edit().review.note_answer(id, &record, DAY_ONE + day * DAY);
    }
    clock.seconds.set(DAY_ONE + 10 * DAY);
    let _ = app.update(Action::StartReview);
    let ids: Vec<String> =
        app.quiz.as_ref().expect("review").session.round().iter().map(|rq| rq.question.id.clone()).collect();
    // Most overdue first, then the only new question whose page was read.
    assert_eq!(ids, ["created", "login-required", "missing-row"]);
}

/// Answers every question of the round on screen right, from its intro.
fn all_right(app: &mut App) {
    let _ = app.update(Action::Open);
    while matches!(phase(app), Phase::Asking { .. }) {
        answer(app, true);
        let _ = app.update(Action::Open);
    }
    assert_eq!(phase(app), Phase::Results);
}

#[test]
fn the_best_score_counts_only_complete_full_rounds() {
    let clock = clock();
    let mut app = app_at(Progress::default(), &clock);
    let _ = app.update(Action::StartQuiz);
    let _ = app.update(Action::Open);
    while matches!(phase(&app), Phase::Asking { .. }) {
        let right = !["created", "client-errors"].contains(&current_id(&app).as_str());
        answer(&mut app, right);
        let _ = app.update(Action::Open);
    }
    let best = app.progress.quiz.best.clone().expect("a full round is the best so far");
    assert_eq!((best.correct, best.total), (2, 4));
    // A retry of the two missed, all right: its own record, not the best score.
    let _ = app.update(Action::RetryMissed);
    assert!(app.quiz.as_ref().expect("quiz").session.is_retry());
    all_right(&mut app);
    let retry = app.progress.review.records.get("retry").expect("the retry has its own record");
    assert_eq!((retry.correct, retry.total), (2, 2));
    let best = app.progress.quiz.best.clone().expect("best");
    assert_eq!((best.correct, best.total), (2, 4), "a perfect retry is not a perfect score");
    // A new full round, all right: that is the best now.
    let _ = app.update(Action::NewRound);
    all_right(&mut app);
    let best = app.progress.quiz.best.clone().expect("best");
    assert_eq!((best.correct, best.total), (4, 4));
    assert_eq!(app.progress.quiz.history.len(), 2, "only the full rounds are in the history");
}

#[test]
fn a_topic_round_keeps_its_own_record() {
    let clock = clock();
    let mut app = app_at(Progress::default(), &clock);
    let _ = app.update(Action::Open);
    let _ = app.update(Action::NextPage);
    let _ = app.update(Action::NextPage); // "cards": one question
    let _ = app.update(Action::StartQuiz);
    let _ = app.update(Action::StartQuiz); // only this page
    answer(&mut app, true);
    let _ = app.update(Action::Open);
    assert_eq!(phase(&app), Phase::Results);
    let record = app.progress.review.records.get("topic:cards").expect("the topic round has its own record");
    assert_eq!((record.correct, record.total), (1, 1));
    assert!(app.progress.quiz.best.is_none(), "a topic round is not a best score");
    assert!(render_text(&app).contains("Only complete full rounds count for the best score."));
}

#[test]
fn leaving_early_counts_the_answers_and_the_rest_are_not_reached() {
    let clock = clock();
    let mut app = app_at(Progress::default(), &clock);
    let _ = app.update(Action::StartQuiz);
    let _ = app.update(Action::Open);
    answer(&mut app, true);
    let _ = app.update(Action::Open);
    let _ = app.update(Action::Quit);
    let _ = app.update(Action::Confirm);
    let score = app.quiz.as_ref().expect("quiz").session.score();
    assert_eq!((score.correct, score.answered, score.total, score.percent), (1, 1, 4, 100));
    assert_eq!(score.unanswered.len(), 3);
    assert!(app.progress.quiz.best.is_none(), "a round left early is not a best score");
    assert_eq!(app.progress.quiz.history.len(), 1, "but it is in the history");
    assert!(app.progress.review.paused.is_none(), "a round left on purpose is not paused");
    let screen = render_text(&app);
    assert!(screen.contains("3 question(s) not reached, not counted as wrong"), "{screen}");
}

#[test]
fn a_paused_round_resumes_on_the_next_launch_at_the_same_question() {
    let clock = clock();
    let mut app = app_at(Progress::default(), &clock);
    let _ = app.update(Action::StartQuiz);
    let _ = app.update(Action::Open);
    let first = current_id(&app);
    answer(&mut app, true);
    let _ = app.update(Action::Open);
    let second = current_id(&app);
    let _ = app.update(Action::Pause);
    assert!(app.quiz.is_none());
    assert_eq!(app.screen, Screen::Reader);
    let paused = app.progress.review.paused.clone().expect("the round is kept");
    assert_eq!(paused.answered(), 1);
    assert!(app.progress.edits() > 0, "the change is recorded for the saver");
    // The next launch: the welcome screen says so, t resumes at the second question.
    let mut again = app_at((*app.progress).clone(), &clock);
    assert!(render_text(&again).contains("resume your paused round (1 of 4 answered)"));
    let _ = again.update(Action::StartQuiz);
    let intro = render_text(&again);
    assert!(intro.contains("Your paused quiz round") && intro.contains("1 of 4 answered, 1 right."), "{intro}");
    assert!(intro.contains("Enter  resume at question 2"), "{intro}");
    let _ = again.update(Action::Open);
    assert_eq!(current_id(&again), second);
    let quiz = again.quiz.as_ref().expect("quiz");
    assert!(quiz.session.record(0).is_some_and(|r| r.verdict.is_correct()));
    assert_eq!(quiz.session.round()[0].question.id, first);
    // Finishing it records it, with the answer given before the pause, and clears it.
    while matches!(phase(&again), Phase::Asking { .. }) {
        answer(&mut again, true);
        let _ = again.update(Action::Open);
    }
    assert!(again.progress.review.paused.is_none());
    let best = again.progress.quiz.best.clone().expect("recorded");
    assert_eq!((best.correct, best.total), (4, 4));
    assert_eq!(again.progress.review.days["2025-11-25"].answered, 4, "the resumed answer is not counted twice");
}

#[test]
fn ctrl_c_mid_round_keeps_the_answers_and_the_round() {
    let clock = clock();
    let mut app = app_at(Progress::default(), &clock);
    let _ = app.update(Action::StartQuiz);
    let _ = app.update(Action::Open);
    answer(&mut app, false);
    let _ = app.update(Action::ForceQuit);
    assert!(app.should_quit());
    assert_eq!(app.progress.review.cards.len(), 1, "the answer moved its question's memory");
    assert_eq!(app.progress.review.paused.as_ref().map(|p| p.answered()), Some(1));
}

#[test]
fn no_tag_while_asked_and_the_tags_in_the_feedback() {
    let clock = clock();
    let mut app = app_at(Progress::default(), &clock);
    let _ = app.update(Action::StartQuiz);
    let _ = app.update(Action::Open);
    while current_id(&app) != "login-required" {
        let _ = app.update(Action::Skip);
        let _ = app.update(Action::Open);
    }
    let asked = render_text(&app);
    for hint in ["3xx", "gotchas", "auth"] {
        assert!(!asked.contains(hint), "`{hint}` shows while asked:\n{asked}");
    }
    answer(&mut app, true);
    let feedback = render_text(&app);
    assert!(feedback.contains("3xx · auth · gotchas"), "{feedback}");
}

#[test]
fn type_the_code_explains_refusals_and_tab_does_not_skip() {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let clock = clock();
    let mut app = app_at(Progress::default(), &clock);
    let _ = app.update(Action::StartQuiz);
    let _ = app.update(Action::Open);
    while current_id(&app) != "missing-row" {
        let _ = app.update(Action::Skip);
        let _ = app.update(Action::Open);
    }
    let tab = KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE);
    assert_eq!(status_tutor::keys::action_for(app.context(), tab), None, "Tab does not skip");
    let _ = app.update(Action::Digit(4));
    let _ = app.update(Action::Digit(0));
    let _ = app.update(Action::Open);
    assert!(matches!(phase(&app), Phase::Asking { input: Draft::TypeCode { .. }, .. }));
    let message = app.message.clone().unwrap_or_default();
    assert!(message.contains("three digits; 2 typed"), "{message}");
    let _ = app.update(Action::Backspace);
    let _ = app.update(Action::Backspace);
    for _ in 0..3 {
        let _ = app.update(Action::Digit(0));
    }
    let _ = app.update(Action::Open);
    let message = app.message.clone().unwrap_or_default();
    assert!(message.contains("000 is not a status code"), "{message}");
}

#[test]
fn read_opens_the_passage_and_leaving_returns_to_where_the_learner_was() {
    let clock = clock();
    let mut app = app_at(Progress::default(), &clock);
    app.resize(80, 12);
    let _ = app.update(Action::Open); // the first page, "text"
    let _ = app.update(Action::Down);
    let origin = (app.page, app.scroll);
    let _ = app.update(Action::StartQuiz);
    let _ = app.update(Action::Open);
    while current_id(&app) != "login-required" {
        let _ = app.update(Action::Skip);
        let _ = app.update(Action::Open);
    }
    answer(&mut app, false);
    let _ = app.update(Action::ReadPage);
    assert_eq!(app.screen, Screen::Reader);
    assert_eq!(app.course.pages[app.page].id, "callouts");
    assert!(app.scroll > 0, "scrolled to the passage");
    let top = render_text(&app);
    assert!(top.contains("@login_required never sends 401"), "{top}");
    // While reading, the status bar keeps the way back, and q goes back instead of out.
    let _ = app.update(Action::Up);
    let reading = render_text(&app);
    assert!(reading.contains("Reading for the quiz: t or q back to the question"), "{reading}");
    let _ = app.update(Action::Quit);
    assert!(!app.should_quit());
    assert!(matches!(phase(&app), Phase::Feedback { .. }));
    assert_eq!(app.screen, Screen::Quiz);
    let _ = app.update(Action::ReadPage);
    let _ = app.update(Action::StartQuiz);
    assert!(matches!(phase(&app), Phase::Feedback { .. }));
    let _ = app.update(Action::Quit);
    let _ = app.update(Action::Confirm);
    let _ = app.update(Action::Quit);
    assert_eq!(app.screen, Screen::Reader);
    assert_eq!((app.page, app.scroll), origin, "back on the page the quiz was started from");
}

#[test]
fn r_resumes_a_paused_review() {
    let clock = clock();
    let mut app = app_at(Progress::default(), &clock);
    full_round(&mut app, &["created", "client-errors"]);
    clock.seconds.set(DAY_ONE + DAY);
    let _ = app.update(Action::StartReview);
    let _ = app.update(Action::Open);
    answer(&mut app, true);
    let _ = app.update(Action::Pause);
    assert_eq!(app.screen, Screen::Reader);
    assert!(app.progress.review.paused.is_some());
    let _ = app.update(Action::StartReview);
    assert_eq!(app.screen, Screen::Quiz);
    let quiz = app.quiz.as_ref().expect("the review again");
    assert_eq!(*quiz.session.kind(), RoundKind::Review);
    assert_eq!(quiz.session.score().answered, 1, "resumed where it was paused");
    assert!(render_text(&app).contains("Your paused review"));
    // d throws it away: a new round's intro, nothing paused, the answer still counted.
    let _ = app.update(Action::Discard);
    assert!(app.progress.review.paused.is_none());
    assert_eq!(phase(&app), Phase::Intro);
    assert_eq!(*app.quiz.as_ref().expect("a new round").session.kind(), RoundKind::Full);
    assert_eq!(app.progress.review.days["2025-11-26"].answered, 1);
}

#[test]
fn a_missed_right_choice_is_marked_and_the_results_scroll_by_screens() {
    let clock = clock();
    let mut app = app_at(Progress::default(), &clock);
    app.resize(80, 14);
    let _ = app.update(Action::StartQuiz);
    let _ = app.update(Action::Open);
    while current_id(&app) != "client-errors" {
        answer(&mut app, true);
        let _ = app.update(Action::Open);
    }
    answer(&mut app, false); // only the first of the two right choices
    let feedback = render_text(&app);
    assert_eq!(feedback.matches("← you missed this").count(), 1, "{feedback}");
    assert_eq!(feedback.matches("← your answer").count(), 1, "{feedback}");
    while !matches!(phase(&app), Phase::Results) {
        let _ = app.update(Action::Open);
        if matches!(phase(&app), Phase::Asking { .. }) {
            answer(&mut app, true);
        }
    }
    let scroll = |app: &App| app.quiz.as_ref().map_or(0, |q| q.scroll);
    let _ = app.update(Action::PageDown);
    assert_eq!(scroll(&app), 11, "one screen: the height less the status bar and margins");
    let _ = app.update(Action::Bottom);
    let bottom = scroll(&app);
    assert!(bottom > 11, "{bottom}");
    assert!(render_text(&app).contains("the tallest bar"));
    let _ = app.update(Action::PageUp);
    assert_eq!(scroll(&app), bottom - 11);
    let _ = app.update(Action::Top);
    assert_eq!(scroll(&app), 0);
}

#[test]
fn t_on_a_page_offers_its_questions_and_after_a_section_the_section() {
    let clock = clock();
    let mut app = app_at(Progress::default(), &clock);
    let _ = app.update(Action::Open);
    let _ = app.update(Action::NextPage); // "code", the last page of "Basics"
    let _ = app.update(Action::StartQuiz);
    let offer = app.quiz.as_ref().and_then(|q| q.offer.clone()).expect("an offer");
    assert_eq!(offer.label, "the section Basics");
    assert_eq!(offer.pool.len(), 1);
    let _ = app.update(Action::Quit);
    let _ = app.update(Action::NextPage); // "cards", the first page of "More"
    let _ = app.update(Action::StartQuiz);
    assert!(render_text(&app).contains("t only this page: 1 question(s)"));
    let _ = app.update(Action::StartQuiz);
    let quiz = app.quiz.as_ref().expect("quiz");
    assert_eq!(*quiz.session.kind(), RoundKind::Topic(vec!["cards".to_owned()]));
    assert_eq!(round_ids(&app), ["client-errors"]);
    assert!(matches!(phase(&app), Phase::Asking { .. }), "the page's round starts at once");
}

#[test]
fn the_welcome_screen_says_how_many_questions_are_due() {
    let clock = clock();
    let mut app = app_at(Progress::default(), &clock);
    full_round(&mut app, &["created", "client-errors", "missing-row"]);
    clock.seconds.set(DAY_ONE + DAY + 60);
    let welcome = app_at((*app.progress).clone(), &clock);
    let text = render_text(&welcome);
    assert!(text.contains("3 due now · 0 tomorrow — R reviews them"), "{text}");
    assert!(text.contains("R     review what is due"), "the key list names R: {text}");
    // Reviewed: nothing due now, and the welcome says when the next review is.
    let mut app = app_at((*app.progress).clone(), &clock);
    let _ = app.update(Action::StartReview);
    let _ = app.update(Action::Open);
    while matches!(phase(&app), Phase::Asking { .. } | Phase::Feedback { .. }) {
        if matches!(phase(&app), Phase::Asking { .. }) {
            answer(&mut app, true);
        }
        let _ = app.update(Action::Open);
    }
    let welcome = app_at((*app.progress).clone(), &clock);
    let text = render_text(&welcome);
    assert!(text.contains("next review: tomorrow, 3 questions"), "{text}");
}

#[test]
fn old_progress_files_load_with_nothing_seen() {
    let old = "version = 1\nwelcomed = true\nlast_page = \"code\"\nscroll = 0\npages_read = [\"code\"]\n\n\
               [quiz]\nhistory = []\n[quiz.best]\ndate = \"2025-01-01T00:00:00Z\"\ncorrect = 3\ntotal = 4\nmissed = []\n";
    let progress: Progress = toml::from_str(old).expect("an old file parses");
    assert!(progress.review.cards.is_empty() && progress.review.paused.is_none());
    assert_eq!(
        progress.quiz.best,
        Some(RoundRecord { date: "2025-01-01T00:00:00Z".into(), correct: 3, total: 4, missed: vec![] })
    );
    let app = app_at(progress, &clock());
    assert_eq!(app.due_count(), 0);
}

fn render_text(app: &App) -> String {
    use ratatui::{Terminal, backend::TestBackend};
    let mut terminal = Terminal::new(TestBackend::new(app.size.width, app.size.height)).expect("backend");
    terminal.draw(|frame| frame.render_widget(app, frame.area())).expect("draw");
    let buffer = terminal.backend().buffer().clone();
    buffer
        .content
        .chunks(usize::from(buffer.area.width))
        .map(|row| row.iter().map(|c| c.symbol()).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

/// A learner with two weeks of history: answers on several days, some learned, some not.
fn two_weeks_in(width: u16, height: u16) -> (App, TestClock) {
    let clock = clock();
    let mut progress = Progress::default();
    let right = status_tutor::quiz::Record {
        answer: status_tutor::quiz::Answer::TrueFalse(false),
        verdict: status_tutor::quiz::Verdict::Correct,
        spent_ms: 20_000,
    };
    let wrong = status_tutor::quiz::Record { verdict: status_tutor::quiz::Verdict::Wrong, ..right.clone() };
    for (day, answers) in [(0, 6), (2, 4), (3, 9), (7, 2), (11, 5), (13, 7)] {
        for n in 0..answers {
            let id = ["created", "client-errors", "login-required", "missing-row"][n % 4];
            let record = if n % 3 == 0 { &wrong } else { &right };
            progress.review.note_answer(id, record, DAY_ONE + day * DAY + n as i64);
        }
    }
    clock.seconds.set(DAY_ONE + 16 * DAY + 3600);
    let mut app = app_at(progress, &clock);
    app.resize(width, height);
    (app, clock)
}

#[test]
fn snapshot_results_with_the_state_per_class_and_topic_and_the_30_day_chart() {
    for (w, h) in [(80, 24), (120, 40)] {
        let (mut app, _clock) = two_weeks_in(w, h);
        let _ = app.update(Action::StartQuiz);
        let _ = app.update(Action::Open);
        while matches!(phase(&app), Phase::Asking { .. }) {
            let right = current_id(&app) != "missing-row";
            answer(&mut app, right);
            let _ = app.update(Action::Open);
        }
        let mut pages = Vec::new();
        // The results scroll: the whole screen, one screenful after another.
        for _ in 0..4 {
            pages.push(render_text(&app));
            for _ in 0..h.saturating_sub(4) {
                let _ = app.update(Action::Down);
            }
        }
        pages.dedup();
        let text: Vec<String> = pages.iter().map(|p| trimmed(p)).collect();
        insta::assert_snapshot!(format!("results_with_history_{w}x{h}"), text.join("\n~~~~~~~~ scrolled ~~~~~~~~\n"));
    }
}

#[test]
fn snapshot_review_intro_and_nothing_due() {
    for (w, h) in [(80, 24), (120, 40)] {
        let (mut app, clock) = two_weeks_in(w, h);
        let _ = app.update(Action::Open);
        let _ = app.update(Action::StartReview);
        insta::assert_snapshot!(format!("review_intro_{w}x{h}"), trimmed(&render_text(&app)));
        // Answer the whole review right: then nothing is due until a later day.
        let _ = app.update(Action::Open);
        while matches!(phase(&app), Phase::Asking { .. }) {
            answer(&mut app, true);
            let _ = app.update(Action::Open);
        }
        let _ = app.update(Action::Quit);
        let _ = app.update(Action::StartReview);
        let message = app.message.clone().unwrap_or_default();
        // The ones missed before and right now graduate from their step: back tomorrow.
        assert!(message.starts_with("Nothing is due for review. The next question is due tomorrow"), "{message}");
        let _ = clock;
    }
}

fn trimmed(screen: &str) -> String {
    screen.lines().map(str::trim_end).collect::<Vec<_>>().join("\n")
}

#[test]
fn finishing_the_last_page_of_a_section_offers_its_questions() {
    let clock = clock();
    let mut app = app_at(Progress::default(), &clock);
    let _ = app.update(Action::Open);
    let _ = app.update(Action::NextPage); // "code", the last page of "Basics", fits the screen
    let message = app.message.clone().unwrap_or_default();
    assert_eq!(message, "You finished the section Basics: press t to quiz its 1 question(s)");
    let _ = app.update(Action::NextPage); // "cards" is not the last page of "More"
    assert!(!app.message.clone().unwrap_or_default().contains("You finished"));
}

#[test]
fn review_does_not_throw_away_a_round_in_progress() {
    let clock = clock();
    let mut app = app_at(Progress::default(), &clock);
    let _ = app.update(Action::Open);
    let _ = app.update(Action::StartQuiz);
    let _ = app.update(Action::Open);
    answer(&mut app, false);
    let _ = app.update(Action::ReadPage); // reading, the round waits
    let _ = app.update(Action::StartReview);
    assert_eq!(app.screen, Screen::Reader);
    let message = app.message.clone().unwrap_or_default();
    assert_eq!(message, "A round is in progress: t goes back to it (z there pauses it)", "the keys the table binds");
    let _ = app.update(Action::StartQuiz);
    assert!(matches!(phase(&app), Phase::Feedback { .. }), "the same round, where it was");
}

#[test]
fn moving_the_cursor_does_not_rewrite_the_paused_round() {
    let clock = clock();
    let mut app = app_at(Progress::default(), &clock);
    let _ = app.update(Action::StartQuiz);
    let _ = app.update(Action::Open);
    answer(&mut app, true);
    let _ = app.update(Action::Open);
    assert!(app.progress.review.paused.is_some());
    let saved = (*app.progress).clone();
    let _ = app.update(Action::Down);
    let _ = app.update(Action::Up);
    assert_eq!(*app.progress, saved, "a cursor move is not a change worth a write");
}

#[test]
fn a_paused_round_is_not_replaced_by_a_review() {
    let clock = clock();
    let mut app = app_at(Progress::default(), &clock);
    full_round(&mut app, &["created"]);
    let _ = app.update(Action::StartQuiz);
    let _ = app.update(Action::NewRound);
    let _ = app.update(Action::Open);
    answer(&mut app, true);
    let _ = app.update(Action::Pause);
    clock.seconds.set(DAY_ONE + DAY);
    let _ = app.update(Action::StartReview);
    assert_eq!(app.screen, Screen::Reader);
    let message = app.message.clone().unwrap_or_default();
    assert_eq!(message, "A paused round is waiting: t to resume or discard it first");
    assert!(message.chars().count() <= 78, "fits an 80-column status bar");
    assert!(app.progress.review.paused.is_some());
}

#[test]
fn a_narrow_terminal_charts_the_most_recent_days_that_fit() {
    let (mut app, _clock) = two_weeks_in(40, 12);
    let _ = app.update(Action::StartQuiz);
    let _ = app.update(Action::Open);
    while matches!(phase(&app), Phase::Asking { .. }) {
        answer(&mut app, true);
        let _ = app.update(Action::Open);
    }
    for _ in 0..200 {
        let _ = app.update(Action::Down);
    }
    let bottom = render_text(&app);
    assert!(bottom.contains("Answered and right, the last 18 days"), "{bottom}");
    assert!(bottom.contains("2025-12-11"), "today is on the chart:\n{bottom}");
}

/// A traced view fills a 80x24 screen: after the answer, the verdict is scrolled into
/// view instead of hiding below the question.
#[test]
fn the_verdict_of_a_long_question_is_in_view_at_80x24() {
    let mut course = load(&embedded::files()).expect("the built-in course").course;
    let tallest = course.questions.iter().max_by_key(|q| q.prompt.lines().count()).cloned().expect("questions");
    assert!(tallest.prompt.lines().count() >= 15, "a question taller than the screen: {}", tallest.id);
    course.questions = vec![tallest];
    let mut app = App::new(course, Theme::new(ThemeName::Dark, false), Progress::default(), Rect::new(0, 0, 80, 24));
    app.clock = Box::new(clock());
    let _ = app.update(Action::StartQuiz);
    let _ = app.update(Action::Open);
    assert!(matches!(phase(&app), Phase::Asking { .. }));
    let _ = app.update(Action::Skip);
    assert!(matches!(phase(&app), Phase::Feedback { .. }));
    let screen = render_text(&app);
    assert!(screen.contains("Skipped (counts as wrong)."), "{screen}");
}
