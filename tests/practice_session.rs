//! The practice state machine, driven by events: runs, stale results, done marks, hints,
//! the solution reveal. No Python, no files.
use status_tutor::content::{Client, ClientRequest, Exchange, Exercise, Expectation, RequestBody};
use status_tutor::practice::report::Report;
use status_tutor::practice::runner::{RunError, RunId};
use status_tutor::practice::session::{Confirm, Effect, Event, PracticeSession, RunState};
use std::collections::BTreeSet;

fn exercise(id: &str, checks: usize, hints: usize) -> Exercise {
    let check = Exchange {
        request: ClientRequest {
            method: "GET".into(),
            path: "/".into(),
            user: Client::Anonymous,
            headers: vec![],
            body: RequestBody::Empty,
            csrf_token: false,
            setup: vec![],
        },
        expect: Expectation {
            status: 200,
            headers: vec![],
            present_headers: vec![],
            absent_headers: vec![],
            json: None,
            body_contains: vec![],
            ..Expectation::default()
        },
    };
    Exercise {
        id: id.into(),
        title: id.into(),
        page: 0,
        task: String::new(),
        starter: String::new(),
        solution: String::new(),
        hints: (0..hints).map(|n| format!("hint {n}")).collect(),
        difficulty: status_tutor::content::Difficulty::Core,
        models: vec![],
        urls: vec![],
        checks: vec![check; checks],
        settings: vec![],
        kind: status_tutor::content::ExerciseKind::View,
        asks: status_tutor::content::Asks::Write,
    }
}

/// A report with one check per entry, passed or not.
fn report(passed: &[bool]) -> Report {
    let checks: Vec<String> = passed
        .iter()
        .enumerate()
        .map(|(i, p)| format!(r#"{{"index": {i}, "request": "GET /", "passed": {p}, "status": 200}}"#))
        .collect();
    Report::parse(&format!(r#"{{"version": 1, "checks": [{}]}}"#, checks.join(","))).expect("report")
}

fn session() -> PracticeSession {
    PracticeSession::new(&[exercise("a", 2, 2), exercise("b", 1, 0), exercise("c", 3, 1)], &BTreeSet::new())
}

fn started(effects: &[Effect]) -> RunId {
    effects
        .iter()
        .find_map(|e| match e {
            Effect::Start { run, .. } => Some(*run),
            _ => None,
        })
        .expect("a run started")
}

#[test]
fn the_first_exercise_not_done_is_current() {
    let done = BTreeSet::from(["a".to_string()]);
    let s = PracticeSession::new(&[exercise("a", 1, 0), exercise("b", 1, 0)], &done);
    assert_eq!(s.current, 1);
    assert!(s.items[0].done && !s.items[1].done);
    assert_eq!(s.done_count(), 1);
}

#[test]
fn a_passing_run_marks_the_exercise_done_and_every_verdict_is_recorded() {
    let mut s = session();
    let run = started(&s.apply(Event::Run));
    assert_eq!(s.items[0].state, RunState::Running(run));
    assert!(s.running());
    let pass = Effect::Record { exercise: 0, passed: true };
    assert_eq!(s.apply(Event::Checked(run, Ok(report(&[true, true])))), vec![pass.clone()]);
    assert_eq!(s.items[0].state, RunState::Passed);
    assert!(s.items[0].done && !s.running());
    let again = started(&s.apply(Event::Run));
    assert_eq!(s.apply(Event::Checked(again, Ok(report(&[true, true])))), vec![pass], "each check is recorded");
    // A failing check after a pass is recorded as failing; done stays.
    let broken = started(&s.apply(Event::Run));
    let effects = s.apply(Event::Checked(broken, Ok(report(&[true, false]))));
    assert!(effects.contains(&Effect::Record { exercise: 0, passed: false }), "{effects:?}");
    assert!(s.items[0].done);
    // A timeout is a verdict on the code; a missing Django is not, and records nothing.
    let slow = started(&s.apply(Event::Run));
    let effects = s.apply(Event::Checked(slow, Err(status_tutor::practice::runner::RunError::Timeout)));
    assert!(effects.contains(&Effect::Record { exercise: 0, passed: false }), "{effects:?}");
    let blocked = started(&s.apply(Event::Run));
    let missing = status_tutor::practice::runner::RunError::DjangoMissing("no django".into());
    assert!(!s.apply(Event::Checked(blocked, Err(missing))).iter().any(|e| matches!(e, Effect::Record { .. })));
}

#[test]
fn a_report_with_fewer_checks_than_the_exercise_is_not_a_pass() {
    let mut s = session();
    let run = started(&s.apply(Event::Run));
    s.apply(Event::Checked(run, Ok(report(&[true]))));
    assert_eq!(s.items[0].state, RunState::Failed);
    assert!(!s.items[0].done);
}

#[test]
fn a_failing_run_counts_and_keeps_the_report() {
    let mut s = session();
    let run = started(&s.apply(Event::Run));
    s.apply(Event::Checked(run, Ok(report(&[true, false]))));
    assert_eq!(s.items[0].state, RunState::Failed);
    assert_eq!(s.items[0].failed_runs, 1);
    assert_eq!(s.items[0].report.as_ref().map(|r| r.checks.len()), Some(2));
}

#[test]
fn a_new_save_cancels_the_run_in_flight_and_its_late_result_is_dropped() {
    let mut s = session();
    let first = started(&s.apply(Event::Saved(0)));
    let effects = s.apply(Event::Saved(0));
    let second = started(&effects);
    assert!(effects.contains(&Effect::Cancel(first)), "{effects:?}");
    assert_ne!(first, second);
    // The old run answers late: nothing changes.
    let before = s.clone();
    assert_eq!(s.apply(Event::Checked(first, Ok(report(&[true, true])))), vec![]);
    assert_eq!(s, before);
    s.apply(Event::Checked(second, Ok(report(&[false, false]))));
    assert_eq!(s.items[0].state, RunState::Failed);
}

#[test]
fn saving_another_exercise_makes_it_current_and_runs_it() {
    let mut s = session();
    let first = started(&s.apply(Event::Run));
    let effects = s.apply(Event::Saved(2));
    assert_eq!(s.current, 2);
    assert!(effects.contains(&Effect::Cancel(first)));
    assert_eq!(s.items[0].state, RunState::Idle, "the cancelled exercise is no longer running");
    assert!(matches!(s.items[2].state, RunState::Running(_)));
}

#[test]
fn a_timeout_is_a_failed_run_and_an_error_is_not() {
    let mut s = session();
    let run = started(&s.apply(Event::Run));
    s.apply(Event::Checked(run, Err(RunError::Timeout)));
    assert_eq!(s.items[0].state, RunState::Timeout);
    assert_eq!(s.items[0].failed_runs, 1);
    let run = started(&s.apply(Event::Run));
    s.apply(Event::Checked(run, Err(RunError::DjangoMissing("no django".into()))));
    assert_eq!(s.items[0].state, RunState::Error(RunError::DjangoMissing("no django".into())));
    assert_eq!(s.items[0].failed_runs, 1, "a missing Django is not the learner's failure");
}

#[test]
fn hints_come_one_at_a_time_and_stop_at_the_last() {
    let mut s = session();
    assert_eq!(s.apply(Event::Hint), vec![]);
    assert_eq!(s.apply(Event::Hint), vec![]);
    assert_eq!(s.items[0].hints_shown, 2);
    assert!(matches!(s.apply(Event::Hint).as_slice(), [Effect::Say(_)]));
    assert_eq!(s.items[0].hints_shown, 2);
    s.apply(Event::Next);
    assert!(matches!(s.apply(Event::Hint).as_slice(), [Effect::Say(m)] if m.contains("no hints")));
}

#[test]
fn the_solution_asks_first_until_three_failed_runs() {
    let mut s = session();
    s.apply(Event::Solution);
    assert_eq!(s.confirm, Some(Confirm::Solution));
    s.apply(Event::Decline);
    assert!(!s.items[0].solution_shown && s.confirm.is_none());
    // Any other key answers no, and is not acted on.
    s.apply(Event::Solution);
    s.apply(Event::Next);
    assert_eq!((s.current, s.items[0].solution_shown), (0, false));
    s.apply(Event::Solution);
    s.apply(Event::Confirm);
    assert!(s.items[0].solution_shown);
    s.apply(Event::Solution);
    assert!(!s.items[0].solution_shown, "s hides it again");

    for n in 1..=3 {
        let run = started(&s.apply(Event::Run));
        let effects = s.apply(Event::Checked(run, Ok(report(&[false, false]))));
        assert_eq!(effects.iter().any(|e| matches!(e, Effect::Say(_))), n == 3, "after run {n}: {effects:?}");
    }
    s.apply(Event::Solution);
    assert!(s.confirm.is_none() && s.items[0].solution_shown, "after three failed runs it shows at once");
}

#[test]
fn moving_through_the_list_stays_inside_it() {
    let mut s = session();
    s.apply(Event::Prev);
    assert_eq!(s.current, 0);
    s.apply(Event::Select(2));
    s.apply(Event::Next);
    assert_eq!(s.current, 2);
    s.apply(Event::Select(9));
    assert_eq!(s.current, 2);
    assert_eq!(s.apply(Event::Saved(9)), vec![], "a save of an unknown exercise is ignored");
}

#[test]
fn an_empty_list_accepts_every_event_without_panicking() {
    let mut s = PracticeSession::new(&[], &BTreeSet::new());
    for event in [Event::Run, Event::Hint, Event::Solution, Event::Next, Event::Prev, Event::Saved(0), Event::Confirm] {
        s.apply(event);
    }
    assert!(s.current().is_none() && !s.running());
}

#[test]
fn after_a_pass_next_goes_to_the_next_exercise_not_done_and_wraps() {
    let done: BTreeSet<String> = ["b".to_string()].into();
    let mut s = PracticeSession::new(&[exercise("a", 1, 0), exercise("b", 1, 0), exercise("c", 1, 0)], &done);
    assert_eq!(s.current, 0);
    let run = started(&s.apply(Event::Run));
    s.apply(Event::Checked(run, Ok(report(&[true]))));
    assert_eq!(s.items[0].state, RunState::Passed);
    assert_eq!(s.next_undone(), Some(2), "b is done: c is next");
    s.apply(Event::NextUndone);
    assert_eq!(s.current, 2);
    let run = started(&s.apply(Event::Run));
    s.apply(Event::Checked(run, Ok(report(&[true]))));
    assert_eq!(s.next_undone(), None, "a, b and c are done");
    assert_eq!(s.apply(Event::NextUndone), vec![Effect::Say("Every exercise is done".to_string())]);
    assert_eq!(s.current, 2);
}

#[test]
fn learner_code_ending_the_run_counts_as_a_failed_attempt() {
    let mut s = session();
    let run = started(&s.apply(Event::Run));
    s.apply(Event::Checked(run, Err(RunError::LearnerExit("your code called os._exit(3)".into()))));
    assert_eq!(s.items[0].failed_runs, 1);
    assert!(matches!(s.items[0].state, RunState::Error(RunError::LearnerExit(_))));
    assert!(!s.items[0].done);
}

/// The key a message names ("That was the last hint: H shows the solution"), as the table reads it.
fn named_key(message: &str, before: &str) -> Option<status_tutor::keys::Action> {
    use crossterm::event::{KeyCode, KeyEvent};
    let key = message.split(before).next()?.rsplit(' ').next()?;
    let mut chars = key.chars();
    let (Some(c), None) = (chars.next(), chars.next()) else { return None };
    status_tutor::keys::action_for(status_tutor::keys::Context::Practice, KeyEvent::from(KeyCode::Char(c)))
}

#[test]
fn the_solution_messages_name_the_key_that_shows_it() {
    let solution = Some(status_tutor::keys::Action::ShowSolution);
    let mut s = session();
    s.apply(Event::Hint);
    s.apply(Event::Hint);
    let effects = s.apply(Event::Hint);
    let [Effect::Say(last_hint)] = effects.as_slice() else { panic!("one message: {effects:?}") };
    assert_eq!(named_key(last_hint, " shows the solution"), solution, "{last_hint}");
    let mut stuck = None;
    for _ in 0..3 {
        let run = started(&s.apply(Event::Run));
        for effect in s.apply(Event::Checked(run, Ok(report(&[false, false])))) {
            if let Effect::Say(message) = effect {
                stuck = Some(message);
            }
        }
    }
    let stuck = stuck.expect("after three failed runs the session says how to see the solution");
    assert_eq!(named_key(&stuck, " shows the reference solution"), solution, "{stuck}");
}
