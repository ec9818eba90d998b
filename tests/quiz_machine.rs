//! The quiz state machine: every transition, refused events, scoring, and proptest
//! invariants over random event sequences.

#[path = "support/question_bank.rs"]
mod question_bank;

use proptest::prelude::*;
use question_bank::{bank, multiple, question, single, true_false, type_code};
use status_tutor::quiz::{
    Answer, Direction, Draft, Phase, QuestionKind, QuizEvent, Rejected, Session, Verdict, draw_round,
};

use QuizEvent::{
    BackToResults, Backspace, Choose, MoveCursor, Next, OpenReview, Quit, Restart, RetryMissed, ReviewNext, ReviewPrev,
    SetBool, Skip, Start, Submit, Toggle, TypeDigit,
};

// ---------------------------------------------------------------- fixtures

/// One of every event, with arguments in range for a 4-choice question.
const ALL_EVENTS: [QuizEvent; 18] = [
    Start,
    Choose(0),
    MoveCursor(Direction::Up),
    MoveCursor(Direction::Down),
    Toggle(0),
    TypeDigit('4'),
    Backspace,
    SetBool(true),
    Submit,
    Next,
    Skip,
    Quit,
    Restart(1),
    RetryMissed(1),
    OpenReview,
    ReviewNext,
    ReviewPrev,
    BackToResults,
];

/// Applies events that must be accepted.
fn drive(session: &mut Session, events: &[QuizEvent]) {
    for event in events {
        assert_eq!(session.apply(*event, 0), Ok(()), "setup event {event:?}");
    }
}

fn asking(q: status_tutor::quiz::Question) -> Session {
    let mut s = Session::new(vec![q], None, 7);
    drive(&mut s, &[Start]);
    s
}

fn asking_single() -> Session {
    asking(single("s", &["2xx"]))
}
fn asking_multiple() -> Session {
    asking(multiple("m", &["4xx"]))
}
fn asking_tf() -> Session {
    asking(true_false("t", &["4xx"], false))
}
fn asking_code() -> Session {
    asking(type_code("c", &["4xx"]))
}

/// Display position of the (first) correct choice of the current question.
fn right(s: &Session) -> usize {
    let (_, rq) = s.current().expect("a current question");
    rq.correct_choices()[0]
}

/// Display position of a wrong choice of the current question.
fn wrong(s: &Session) -> usize {
    let (_, rq) = s.current().expect("a current question");
    let correct = rq.correct_choices();
    (0..4).find(|i| !correct.contains(i)).expect("a wrong choice")
}

/// Two single-choice questions, the first answered: in feedback.
fn feedback_first_of_two() -> Session {
    let mut s = Session::new(vec![single("a", &["2xx"]), single("b", &["3xx"])], None, 7);
    drive(&mut s, &[Start, Skip]);
    s
}

/// One question, answered: in feedback of the last question.
fn feedback_last() -> Session {
    let mut s = asking_single();
    drive(&mut s, &[Skip]);
    s
}

/// Two questions: the first right, the second skipped; at the results.
fn results_one_missed() -> Session {
    let mut s = Session::new(vec![single("a", &["2xx"]), single("b", &["3xx"])], None, 7);
    drive(&mut s, &[Start]);
    let r = right(&s);
    drive(&mut s, &[Choose(r), Submit, Next, Skip, Next]);
    s
}

/// One question answered right: at the results, nothing missed.
fn results_all_right() -> Session {
    let mut s = asking_single();
    let r = right(&s);
    drive(&mut s, &[Choose(r), Submit, Next]);
    s
}

fn review_first() -> Session {
    let mut s = results_one_missed();
    drive(&mut s, &[OpenReview]);
    s
}

fn review_last() -> Session {
    let mut s = review_first();
    drive(&mut s, &[ReviewNext]);
    s
}

// ---------------------------------------------------------------- the table

enum Expect {
    /// Accepted; the new phase is computed from the session before the event.
    Phase(fn(&Session) -> Phase),
    /// Refused with this reason; nothing changes.
    Refused(Rejected),
}

struct Case {
    name: &'static str,
    setup: fn() -> Session,
    event: QuizEvent,
    expect: Expect,
}

fn single_input(selected: Option<usize>) -> Phase {
    Phase::Asking { index: 0, input: Draft::Single { selected } }
}
fn tf_input(selected: Option<bool>) -> Phase {
    Phase::Asking { index: 0, input: Draft::TrueFalse { selected } }
}
fn code_input(digits: &str) -> Phase {
    Phase::Asking { index: 0, input: Draft::TypeCode { digits: digits.to_owned() } }
}
fn multi_input(cursor: usize, selected: [bool; 4]) -> Phase {
    Phase::Asking { index: 0, input: Draft::Multiple { cursor, selected: selected.to_vec() } }
}
fn feedback(verdict: Verdict) -> Phase {
    Phase::Feedback { index: 0, verdict }
}

fn with(setup: Session, events: &[QuizEvent]) -> Session {
    let mut s = setup;
    drive(&mut s, events);
    s
}

#[rustfmt::skip]
fn cases() -> Vec<Case> {
    use Expect::{Phase as To, Refused};
    vec![
        // Intro
        Case { name: "start asks the first question", setup: || Session::new(vec![single("s", &[])], None, 7), event: Start, expect: To(|_| single_input(Some(0))) },
        Case { name: "start on an empty round", setup: || Session::new(vec![], None, 7), event: Start, expect: Refused(Rejected::EmptyRound) },
        Case { name: "start on a zero-question round", setup: || Session::new(bank(), Some(0), 7), event: Start, expect: Refused(Rejected::EmptyRound) },
        // Single choice
        Case { name: "single: choose", setup: asking_single, event: Choose(2), expect: To(|_| single_input(Some(2))) },
        Case { name: "single: choose again replaces", setup: || with(asking_single(), &[Choose(1)]), event: Choose(3), expect: To(|_| single_input(Some(3))) },
        Case { name: "single: choose past the end", setup: asking_single, event: Choose(4), expect: Refused(Rejected::NoSuchChoice) },
        Case { name: "single: up from the first wraps", setup: asking_single, event: MoveCursor(Direction::Up), expect: To(|_| single_input(Some(3))) },
        Case { name: "single: down", setup: || with(asking_single(), &[Choose(1)]), event: MoveCursor(Direction::Down), expect: To(|_| single_input(Some(2))) },
        Case { name: "single: down wraps", setup: || with(asking_single(), &[Choose(3)]), event: MoveCursor(Direction::Down), expect: To(|_| single_input(Some(0))) },
        Case { name: "single: up wraps", setup: || with(asking_single(), &[Choose(0)]), event: MoveCursor(Direction::Up), expect: To(|_| single_input(Some(3))) },
        Case { name: "single: toggle", setup: asking_single, event: Toggle(0), expect: Refused(Rejected::WrongKind) },
        Case { name: "single: digit", setup: asking_single, event: TypeDigit('4'), expect: Refused(Rejected::WrongKind) },
        Case { name: "single: backspace", setup: asking_single, event: Backspace, expect: Refused(Rejected::WrongKind) },
        Case { name: "single: set bool", setup: asking_single, event: SetBool(true), expect: Refused(Rejected::WrongKind) },
        Case { name: "single: the cursor starts on the first choice", setup: asking_single, event: Submit, expect: To(|s| feedback(if right(s) == 0 { Verdict::Correct } else { Verdict::Wrong })) },
        Case { name: "single: the first arrow moves the cursor", setup: asking_single, event: MoveCursor(Direction::Down), expect: To(|_| single_input(Some(1))) },
        Case { name: "single: submit right", setup: || { let s = asking_single(); let r = right(&s); with(s, &[Choose(r)]) }, event: Submit, expect: To(|_| feedback(Verdict::Correct)) },
        Case { name: "single: submit wrong", setup: || { let s = asking_single(); let w = wrong(&s); with(s, &[Choose(w)]) }, event: Submit, expect: To(|_| feedback(Verdict::Wrong)) },
        Case { name: "single: skip", setup: asking_single, event: Skip, expect: To(|_| feedback(Verdict::Skipped)) },
        Case { name: "single: quit", setup: asking_single, event: Quit, expect: To(|_| Phase::Results) },
        // Multiple select
        Case { name: "multiple: toggle on", setup: asking_multiple, event: Toggle(1), expect: To(|_| multi_input(1, [false, true, false, false])) },
        Case { name: "multiple: toggle off", setup: || with(asking_multiple(), &[Toggle(2), Toggle(0)]), event: Toggle(2), expect: To(|_| multi_input(2, [true, false, false, false])) },
        Case { name: "multiple: toggle past the end", setup: asking_multiple, event: Toggle(4), expect: Refused(Rejected::NoSuchChoice) },
        Case { name: "multiple: cursor down", setup: asking_multiple, event: MoveCursor(Direction::Down), expect: To(|_| multi_input(1, [false; 4])) },
        Case { name: "multiple: cursor up wraps", setup: asking_multiple, event: MoveCursor(Direction::Up), expect: To(|_| multi_input(3, [false; 4])) },
        Case { name: "multiple: cursor down wraps", setup: || with(asking_multiple(), &[Toggle(3)]), event: MoveCursor(Direction::Down), expect: To(|_| multi_input(0, [false, false, false, true])) },
        Case { name: "multiple: choose", setup: asking_multiple, event: Choose(0), expect: Refused(Rejected::WrongKind) },
        Case { name: "multiple: set bool", setup: asking_multiple, event: SetBool(false), expect: Refused(Rejected::WrongKind) },
        Case { name: "multiple: digit", setup: asking_multiple, event: TypeDigit('1'), expect: Refused(Rejected::WrongKind) },
        Case { name: "multiple: backspace", setup: asking_multiple, event: Backspace, expect: Refused(Rejected::WrongKind) },
        Case { name: "multiple: submit nothing", setup: asking_multiple, event: Submit, expect: Refused(Rejected::NoAnswer) },
        Case { name: "multiple: submit the exact set", setup: || { let s = asking_multiple(); let c = s.current().unwrap().1.correct_choices(); with(s, &[Toggle(c[0]), Toggle(c[1])]) }, event: Submit, expect: To(|_| feedback(Verdict::Correct)) },
        Case { name: "multiple: submit a subset", setup: || { let s = asking_multiple(); let r = right(&s); with(s, &[Toggle(r)]) }, event: Submit, expect: To(|_| feedback(Verdict::Wrong)) },
        Case { name: "multiple: submit a superset", setup: || with(asking_multiple(), &[Toggle(0), Toggle(1), Toggle(2)]), event: Submit, expect: To(|_| feedback(Verdict::Wrong)) },
        Case { name: "multiple: skip", setup: asking_multiple, event: Skip, expect: To(|_| feedback(Verdict::Skipped)) },
        // True/false
        Case { name: "true/false: set true", setup: asking_tf, event: SetBool(true), expect: To(|_| tf_input(Some(true))) },
        Case { name: "true/false: set false", setup: asking_tf, event: SetBool(false), expect: To(|_| tf_input(Some(false))) },
        Case { name: "true/false: choose 0 is true", setup: asking_tf, event: Choose(0), expect: To(|_| tf_input(Some(true))) },
        Case { name: "true/false: choose 1 is false", setup: asking_tf, event: Choose(1), expect: To(|_| tf_input(Some(false))) },
        Case { name: "true/false: choose 2", setup: asking_tf, event: Choose(2), expect: Refused(Rejected::NoSuchChoice) },
        Case { name: "true/false: down from nothing", setup: asking_tf, event: MoveCursor(Direction::Down), expect: To(|_| tf_input(Some(true))) },
        Case { name: "true/false: up from nothing", setup: asking_tf, event: MoveCursor(Direction::Up), expect: To(|_| tf_input(Some(false))) },
        Case { name: "true/false: down from true", setup: || with(asking_tf(), &[SetBool(true)]), event: MoveCursor(Direction::Down), expect: To(|_| tf_input(Some(false))) },
        Case { name: "true/false: down from false wraps", setup: || with(asking_tf(), &[SetBool(false)]), event: MoveCursor(Direction::Down), expect: To(|_| tf_input(Some(true))) },
        Case { name: "true/false: toggle", setup: asking_tf, event: Toggle(0), expect: Refused(Rejected::WrongKind) },
        Case { name: "true/false: digit", setup: asking_tf, event: TypeDigit('1'), expect: Refused(Rejected::WrongKind) },
        Case { name: "true/false: submit nothing", setup: asking_tf, event: Submit, expect: Refused(Rejected::NoAnswer) },
        Case { name: "true/false: submit right", setup: || with(asking_tf(), &[SetBool(false)]), event: Submit, expect: To(|_| feedback(Verdict::Correct)) },
        Case { name: "true/false: submit wrong", setup: || with(asking_tf(), &[SetBool(true)]), event: Submit, expect: To(|_| feedback(Verdict::Wrong)) },
        // Type the code
        Case { name: "code: digit", setup: asking_code, event: TypeDigit('4'), expect: To(|_| code_input("4")) },
        Case { name: "code: letter", setup: asking_code, event: TypeDigit('x'), expect: Refused(Rejected::NotADigit) },
        Case { name: "code: non-ASCII digit", setup: asking_code, event: TypeDigit('٤'), expect: Refused(Rejected::NotADigit) },
        Case { name: "code: fourth digit", setup: || with(asking_code(), &[TypeDigit('4'), TypeDigit('0'), TypeDigit('4')]), event: TypeDigit('1'), expect: Refused(Rejected::InputFull) },
        Case { name: "code: backspace", setup: || with(asking_code(), &[TypeDigit('4'), TypeDigit('0')]), event: Backspace, expect: To(|_| code_input("4")) },
        Case { name: "code: backspace on nothing", setup: asking_code, event: Backspace, expect: Refused(Rejected::InputEmpty) },
        Case { name: "code: choose", setup: asking_code, event: Choose(0), expect: Refused(Rejected::WrongKind) },
        Case { name: "code: move", setup: asking_code, event: MoveCursor(Direction::Down), expect: Refused(Rejected::WrongKind) },
        Case { name: "code: toggle", setup: asking_code, event: Toggle(0), expect: Refused(Rejected::WrongKind) },
        Case { name: "code: set bool", setup: asking_code, event: SetBool(true), expect: Refused(Rejected::WrongKind) },
        Case { name: "code: submit nothing", setup: asking_code, event: Submit, expect: Refused(Rejected::ShortCode(0)) },
        Case { name: "code: submit two digits", setup: || with(asking_code(), &[TypeDigit('4'), TypeDigit('0')]), event: Submit, expect: Refused(Rejected::ShortCode(2)) },
        Case { name: "code: submit 000", setup: || with(asking_code(), &[TypeDigit('0'), TypeDigit('0'), TypeDigit('0')]), event: Submit, expect: Refused(Rejected::NotAStatusCode(0)) },
        Case { name: "code: submit 999", setup: || with(asking_code(), &[TypeDigit('9'), TypeDigit('9'), TypeDigit('9')]), event: Submit, expect: Refused(Rejected::NotAStatusCode(999)) },
        Case { name: "code: submit right", setup: || with(asking_code(), &[TypeDigit('4'), TypeDigit('0'), TypeDigit('4')]), event: Submit, expect: To(|_| feedback(Verdict::Correct)) },
        Case { name: "code: submit wrong", setup: || with(asking_code(), &[TypeDigit('5'), TypeDigit('0'), TypeDigit('0')]), event: Submit, expect: To(|_| feedback(Verdict::Wrong)) },
        Case { name: "code: skip", setup: asking_code, event: Skip, expect: To(|_| feedback(Verdict::Skipped)) },
        Case { name: "code: quit", setup: || with(asking_code(), &[TypeDigit('4')]), event: Quit, expect: To(|_| Phase::Results) },
        // Feedback
        Case { name: "feedback: next asks the next question", setup: feedback_first_of_two, event: Next, expect: To(|_| single_input_at(1)) },
        Case { name: "feedback: next after the last shows results", setup: feedback_last, event: Next, expect: To(|_| Phase::Results) },
        Case { name: "feedback: quit", setup: feedback_first_of_two, event: Quit, expect: To(|_| Phase::Results) },
        // Results
        Case { name: "results: open review", setup: results_one_missed, event: OpenReview, expect: To(|_| Phase::Review { index: 0 }) },
        Case { name: "results: restart", setup: results_one_missed, event: Restart(9), expect: To(|_| Phase::Intro) },
        Case { name: "results: retry missed", setup: results_one_missed, event: RetryMissed(9), expect: To(|_| Phase::Intro) },
        Case { name: "results: retry with nothing missed", setup: results_all_right, event: RetryMissed(9), expect: Refused(Rejected::NothingMissed) },
        // Review
        Case { name: "review: next", setup: review_first, event: ReviewNext, expect: To(|_| Phase::Review { index: 1 }) },
        Case { name: "review: next at the last", setup: review_last, event: ReviewNext, expect: Refused(Rejected::AtEnd) },
        Case { name: "review: previous", setup: review_last, event: ReviewPrev, expect: To(|_| Phase::Review { index: 0 }) },
        Case { name: "review: previous at the first", setup: review_first, event: ReviewPrev, expect: Refused(Rejected::AtEnd) },
        Case { name: "review: back to results", setup: review_last, event: BackToResults, expect: To(|_| Phase::Results) },
        Case { name: "review: restart", setup: review_last, event: Restart(3), expect: To(|_| Phase::Intro) },
        Case { name: "review: retry missed", setup: review_first, event: RetryMissed(3), expect: To(|_| Phase::Intro) },
    ]
}

fn single_input_at(index: usize) -> Phase {
    Phase::Asking { index, input: Draft::Single { selected: Some(0) } }
}

#[test]
fn every_transition_in_the_table() {
    for case in cases() {
        let before = (case.setup)();
        let mut after = before.clone();
        let result = after.apply(case.event, 1_000);
        match case.expect {
            Expect::Phase(phase) => {
                assert_eq!(result, Ok(()), "{}", case.name);
                assert_eq!(after.phase(), &phase(&before), "{}", case.name);
            }
            Expect::Refused(why) => {
                assert_eq!(result, Err(why), "{}", case.name);
                assert_eq!(after, before, "{}: a refused event changed the session", case.name);
            }
        }
    }
}

/// Which events apply in a phase.
type Applies = fn(&QuizEvent) -> bool;

/// For each phase, the events that apply there; every other event is refused as
/// `WrongPhase` and changes nothing.
#[test]
fn events_out_of_phase_are_refused_and_change_nothing() {
    let phases: [(&str, Session, Applies); 5] = [
        ("intro", Session::new(bank(), None, 1), |e| matches!(e, Start)),
        ("asking", asking_single(), |e| {
            matches!(
                e,
                Choose(_) | MoveCursor(_) | Toggle(_) | TypeDigit(_) | Backspace | SetBool(_) | Submit | Skip | Quit
            )
        }),
        ("feedback", feedback_first_of_two(), |e| matches!(e, Next | Quit)),
        ("results", results_one_missed(), |e| matches!(e, OpenReview | Restart(_) | RetryMissed(_))),
        ("review", review_first(), |e| {
            matches!(e, ReviewNext | ReviewPrev | BackToResults | Restart(_) | RetryMissed(_))
        }),
    ];
    for (name, session, applies) in phases {
        for event in ALL_EVENTS {
            if applies(&event) {
                continue;
            }
            let mut after = session.clone();
            let result = after.apply(event, 5_000);
            assert_eq!(result, Err(Rejected::WrongPhase), "{name}: {event:?}");
            assert_eq!(after, session, "{name}: {event:?} changed the session");
        }
    }
}

// ---------------------------------------------------------------- flows and scoring

#[test]
fn the_record_keeps_the_answer_given() {
    let mut s = asking_multiple();
    drive(&mut s, &[Toggle(3), Toggle(1), Submit]);
    let record = s.record(0).expect("answered");
    assert_eq!(record.answer, Answer::Multiple(vec![1, 3]));
    assert_eq!(record.verdict, Verdict::Wrong);
    assert_eq!(s.phase(), &feedback(Verdict::Wrong));
}

#[test]
fn time_runs_from_start_to_the_end_of_the_round() {
    let mut s = Session::new(vec![single("a", &[]), single("b", &[])], None, 1);
    assert_eq!(s.score().elapsed_ms, 0);
    s.apply(Start, 10_000).unwrap();
    s.apply(Skip, 15_000).unwrap();
    assert_eq!(s.score().elapsed_ms, 5_000, "in progress: up to the last event");
    s.apply(Next, 20_000).unwrap();
    s.apply(Skip, 30_000).unwrap();
    s.apply(Next, 70_000).unwrap();
    assert_eq!(s.phase(), &Phase::Results);
    assert_eq!(s.score().elapsed_ms, 60_000);
    s.apply(OpenReview, 99_000).unwrap();
    assert_eq!(s.score().elapsed_ms, 60_000, "review does not run the clock");
}

#[test]
fn a_clock_going_backwards_gives_zero_not_a_panic() {
    let mut s = Session::new(vec![single("a", &[])], None, 1);
    s.apply(Start, 50).unwrap();
    s.apply(Quit, 10).unwrap();
    assert_eq!(s.score().elapsed_ms, 0);
}

/// Answers the current question right or wrong, whatever its kind.
fn answer(s: &mut Session, correct: bool) {
    let (_, rq) = s.current().expect("a question");
    let rq = rq.clone();
    let events: Vec<QuizEvent> = match &rq.question.kind {
        QuestionKind::Single { .. } => {
            let c = rq.correct_choices()[0];
            vec![Choose(if correct { c } else { (c + 1) % 4 })]
        }
        QuestionKind::Multiple { .. } => {
            let mut c = rq.correct_choices();
            if !correct {
                c.pop();
            }
            c.into_iter().map(Toggle).collect()
        }
        QuestionKind::TrueFalse { answer } => vec![SetBool(*answer == correct)],
        QuestionKind::TypeCode { answer } => {
            let code = if correct { *answer } else { answer + 1 };
            code.to_string().chars().map(TypeDigit).collect()
        }
    };
    drive(s, &events);
    drive(s, &[Submit]);
}

#[test]
fn a_full_round_is_scored_with_tags_and_missed_ids() {
    let mut s = Session::new(bank(), None, 42);
    drive(&mut s, &[Start]);
    // Right, wrong, skipped in turn.
    let mut expected_missed = Vec::new();
    for i in 0..12 {
        let id = s.current().unwrap().1.question.id.clone();
        match i % 3 {
            0 => answer(&mut s, true),
            1 => {
                answer(&mut s, false);
                expected_missed.push(id);
            }
            _ => {
                drive(&mut s, &[Skip]);
                expected_missed.push(id);
            }
        }
        drive(&mut s, &[Next]);
    }
    assert_eq!(s.phase(), &Phase::Results);
    let score = s.score();
    assert_eq!((score.correct, score.answered, score.total), (4, 12, 12));
    assert_eq!(score.percent, 33);
    assert!(score.complete);
    assert_eq!(score.missed, expected_missed);
    assert!(score.unanswered.is_empty());
    assert_eq!(score.seed, 42);
    let tags: Vec<&str> = score.tags.iter().map(|t| t.tag.as_str()).collect();
    assert_eq!(
        tags,
        [
            "1xx",
            "2xx",
            "3xx",
            "4xx",
            "5xx",
            "caching",
            "classes",
            "decorators",
            "exceptions",
            "gotchas",
            "rest",
            "shortcuts"
        ]
    );
    let by = |tag: &str| score.tags.iter().find(|t| t.tag == tag).unwrap();
    assert_eq!(by("4xx").total, 4);
    assert_eq!(by("shortcuts").total, 2);
    let correct_in_classes: usize = score.tags[..5].iter().map(|t| t.correct).sum();
    assert_eq!(correct_in_classes, 4, "every question has exactly one class tag");
    let verdicts: Vec<Option<Verdict>> = score.questions.iter().map(|q| q.verdict).collect();
    assert_eq!(verdicts.iter().filter(|v| **v == Some(Verdict::Correct)).count(), 4);
    assert_eq!(verdicts.iter().filter(|v| **v == Some(Verdict::Skipped)).count(), 4);
}

/// A round of 4: one right, one wrong, then quit with two never reached.
fn quit_after_one_right_one_wrong() -> Session {
    let mut s = Session::new(bank(), Some(4), 5);
    drive(&mut s, &[Start]);
    answer(&mut s, true);
    drive(&mut s, &[Next]);
    answer(&mut s, false);
    drive(&mut s, &[Quit]);
    s
}

#[test]
fn quitting_early_scores_the_answered_and_the_rest_are_not_reached() {
    let s = quit_after_one_right_one_wrong();
    let score = s.score();
    assert_eq!((score.correct, score.answered, score.total), (1, 2, 4));
    assert_eq!(score.percent, 50, "out of the answered: the questions not reached are not wrong");
    assert!(!score.complete);
    assert_eq!(score.missed.len(), 1);
    assert_eq!(score.unanswered.len(), 2);
    assert_eq!(score.questions[3].verdict, None);
}

#[test]
fn retry_missed_asks_the_wrong_skipped_and_unreached_questions() {
    let mut s = quit_after_one_right_one_wrong();
    let score = s.score();
    let mut want: Vec<String> = score.missed.iter().chain(&score.unanswered).cloned().collect();
    drive(&mut s, &[RetryMissed(77)]);
    assert!(s.is_retry());
    assert_eq!(s.seed(), 77);
    assert_eq!(s.phase(), &Phase::Intro);
    let mut got: Vec<String> = s.round().iter().map(|rq| rq.question.id.clone()).collect();
    want.sort();
    got.sort();
    assert_eq!(got, want);
    assert_eq!(s.score().answered, 0, "a new round starts unanswered");
    // A restart goes back to rounds from the whole bank, at the configured size.
    drive(&mut s, &[Start, Quit, Restart(8)]);
    assert!(!s.is_retry());
    assert_eq!(s.round().len(), 4);
    assert_eq!(s.round(), draw_round(&bank(), Some(4), 8).as_slice());
}

#[test]
fn restart_clears_answers_and_time() {
    let mut s = results_one_missed();
    drive(&mut s, &[Restart(4)]);
    assert_eq!(s.phase(), &Phase::Intro);
    assert_eq!(s.record(0), None);
    let score = s.score();
    assert_eq!((score.answered, score.elapsed_ms, score.seed), (0, 0, 4));
}

#[test]
fn current_follows_the_phase() {
    let mut s = Session::new(vec![single("a", &[]), single("b", &[])], None, 3);
    assert!(s.current().is_none());
    drive(&mut s, &[Start]);
    assert_eq!(s.current().map(|(i, _)| i), Some(0));
    drive(&mut s, &[Skip, Next]);
    assert_eq!(s.current().map(|(i, _)| i), Some(1));
    drive(&mut s, &[Skip, Next]);
    assert!(s.current().is_none());
    drive(&mut s, &[OpenReview, ReviewNext]);
    let (i, rq) = s.current().unwrap();
    assert_eq!(i, 1);
    assert_eq!(rq, &s.round()[1]);
}

#[test]
fn score_serializes_to_json() {
    let score = results_one_missed().score();
    let json = serde_json::to_value(&score).unwrap();
    assert_eq!(json["total"], 2);
    assert_eq!(json["correct"], 1);
    assert_eq!(json["percent"], 50);
    assert_eq!(json["missed"], serde_json::json!(["b"]));
    assert_eq!(json["questions"][1]["verdict"], "skipped");
    assert_eq!(json["tags"][0], serde_json::json!({"tag": "2xx", "correct": 1, "total": 1}));
    let back: status_tutor::quiz::Score = serde_json::from_value(json).unwrap();
    assert_eq!(back, score);
}

#[test]
fn degenerate_questions_do_not_trap_the_learner() {
    // A choice question without choices can still be skipped.
    let empty = question("e", &[], QuestionKind::Single { choices: vec![] });
    let mut s = asking(empty);
    for event in [Choose(0), MoveCursor(Direction::Down), Submit] {
        let before = s.clone();
        assert!(s.apply(event, 0).is_err());
        assert_eq!(s, before);
    }
    drive(&mut s, &[Skip, Next]);
    assert_eq!(s.phase(), &Phase::Results);
}

// ---------------------------------------------------------------- proptest

fn any_event() -> impl Strategy<Value = QuizEvent> {
    prop_oneof![
        2 => Just(Start),
        3 => (0usize..6).prop_map(Choose),
        1 => prop_oneof![Just(Direction::Up), Just(Direction::Down)].prop_map(MoveCursor),
        2 => (0usize..6).prop_map(Toggle),
        3 => prop_oneof![(b'0'..=b'9').prop_map(char::from), any::<char>()].prop_map(TypeDigit),
        1 => Just(Backspace),
        2 => any::<bool>().prop_map(SetBool),
        4 => Just(Submit),
        4 => Just(Next),
        2 => Just(Skip),
        1 => Just(Quit),
        1 => any::<u64>().prop_map(Restart),
        1 => any::<u64>().prop_map(RetryMissed),
        1 => Just(OpenReview),
        1 => Just(ReviewNext),
        1 => Just(ReviewPrev),
        1 => Just(BackToResults),
    ]
}

fn any_question() -> impl Strategy<Value = status_tutor::quiz::Question> {
    let tags =
        prop::collection::vec(prop::sample::select(vec!["1xx", "2xx", "3xx", "4xx", "5xx", "gotchas", "rest"]), 0..4);
    let choices = prop::collection::vec(any::<bool>(), 0..6).prop_map(|flags| {
        flags
            .into_iter()
            .enumerate()
            .map(|(i, correct)| status_tutor::quiz::Choice { text: format!("choice {i}"), correct })
            .collect::<Vec<_>>()
    });
    let kind = prop_oneof![
        choices.clone().prop_map(|choices| QuestionKind::Single { choices }),
        choices.prop_map(|choices| QuestionKind::Multiple { choices }),
        any::<bool>().prop_map(|answer| QuestionKind::TrueFalse { answer }),
        (0u16..1000).prop_map(|answer| QuestionKind::TypeCode { answer }),
    ];
    ("[a-z]{1,8}", tags, kind).prop_map(|(id, tags, kind)| {
        let tags: Vec<&str> = tags;
        question(&id, &tags, kind)
    })
}

fn any_bank() -> impl Strategy<Value = Vec<status_tutor::quiz::Question>> {
    prop_oneof![
        3 => Just(bank()),
        1 => prop::collection::vec(any_question(), 0..10),
    ]
}

/// Checks the invariants that hold after any event.
fn check_invariants(s: &Session) -> Result<(), TestCaseError> {
    let score = s.score();
    prop_assert_eq!(score.total, s.round().len());
    prop_assert!(score.answered <= score.total);
    prop_assert!(score.correct <= score.answered);
    prop_assert!(score.percent <= 100);
    let correct_records =
        (0..s.round().len()).filter(|i| s.record(*i).is_some_and(|r| r.verdict == Verdict::Correct)).count();
    prop_assert_eq!(score.correct, correct_records);
    prop_assert_eq!(score.missed.len() + score.unanswered.len() + score.correct, score.total);
    match s.phase() {
        Phase::Intro => prop_assert_eq!(score.answered, 0),
        Phase::Asking { index, .. } => {
            prop_assert!(*index < s.round().len());
            prop_assert!(s.record(*index).is_none(), "asking an answered question");
        }
        Phase::Feedback { index, verdict } => {
            prop_assert_eq!(s.record(*index).map(|r| r.verdict), Some(*verdict));
        }
        Phase::Review { index } => prop_assert!(*index < s.round().len()),
        Phase::Results => {}
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn random_event_sequences_keep_the_invariants(
        bank in any_bank(),
        count in prop::option::of(0usize..15),
        seed in any::<u64>(),
        events in prop::collection::vec((any_event(), 0u64..10_000), 0..300),
    ) {
        let mut s = Session::new(bank.clone(), count, seed);
        let mut replay = Session::new(bank, count, seed);
        prop_assert_eq!(&s, &replay);
        let mut now = 0u64;
        for (event, step) in events {
            now += step;
            let before = s.clone();
            let result = s.apply(event, now);
            if result.is_err() {
                prop_assert_eq!(&s, &before, "refused {:?} changed the session", event);
            }
            check_invariants(&s)?;
            prop_assert_eq!(replay.apply(event, now), result);
        }
        prop_assert_eq!(&s, &replay, "the same seed and events replay the same session");
        prop_assert!(s.score().elapsed_ms <= now);
    }

    #[test]
    fn the_same_seed_draws_the_same_round(
        bank in any_bank(),
        count in prop::option::of(0usize..15),
        seed in any::<u64>(),
    ) {
        let round = draw_round(&bank, count, seed);
        prop_assert_eq!(&round, &draw_round(&bank, count, seed));
        let wanted = count.map_or(bank.len(), |n| n.min(bank.len()));
        prop_assert_eq!(round.len(), wanted);
        let mut seen: Vec<usize> = round.iter().map(|rq| rq.bank_index).collect();
        seen.sort_unstable();
        seen.dedup();
        prop_assert_eq!(seen.len(), round.len(), "no question twice");
        for rq in &round {
            let original = &bank[rq.bank_index];
            prop_assert_eq!(&rq.question.id, &original.id);
            let shown: Vec<_> = rq.choice_order.iter().map(|&i| original.choices()[i].clone()).collect();
            prop_assert_eq!(rq.question.choices(), shown.as_slice());
            prop_assert_eq!(rq.choice_order.len(), original.choices().len());
        }
    }
}
