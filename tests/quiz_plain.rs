//! Plain mode: scripted input gives the expected transcript and score.

#[path = "support/question_bank.rs"]
mod question_bank;

use question_bank::{bank, multiple, question, single, true_false, type_code};
use status_tutor::quiz::{QuestionKind, Score, Session, Verdict, plain};

/// A seed that asks [`four`] in this order: single, type the code, true/false, multiple,
/// with the choices as the transcript shows them.
const SEED: u64 = 17_788;

/// One question of each kind.
fn four() -> Vec<status_tutor::quiz::Question> {
    vec![
        single("status-after-create", &["2xx", "rest"]),
        multiple("pick-client-errors", &["4xx", "classes"]),
        true_false("login-required-401", &["4xx", "decorators"], false),
        type_code("get-object-or-404-missing", &["4xx", "shortcuts"]),
    ]
}

/// Runs `session` over `script` with a clock that advances 1.5 s per reading.
fn run(session: &mut Session, script: &str) -> (String, Score) {
    let mut now = 0;
    let mut out = Vec::new();
    let score = plain::run(session, script.as_bytes(), &mut out, || {
        now += 1_500;
        now
    })
    .expect("writing to a Vec never fails");
    let text = String::from_utf8(out).expect("plain mode writes UTF-8");
    assert_plain(&text);
    (text, score)
}

/// No escape sequences or other control characters: only text and line breaks.
fn assert_plain(text: &str) {
    let bad: Vec<char> = text.chars().filter(|c| c.is_control() && *c != '\n').collect();
    assert!(bad.is_empty(), "control characters in output: {bad:?}");
}

const TRANSCRIPT: &str = "\
Quiz: 4 questions.
Answer with the number of a choice. Where several are right, type every number, separated by spaces or commas. For true or false, type t or f. To name a status code, type its three digits.
Type s to skip a question (it counts as wrong), q to end the round.

Question 1 of 4
Prompt of status-after-create?
  1) 204 No Content
  2) 200 OK
  3) 201 Created
  4) 302 Found
Your answer (1-4): 
Wrong. The answer: 201 Created
Why status-after-create is so.
Tags: 2xx, rest
Read more: page-status-after-create

Question 2 of 4
Prompt of get-object-or-404-missing?
Status code: 
Please type the 3 digits of a status code, such as 404.
Status code: 
Right. The answer: 404
Why get-object-or-404-missing is so.
Tags: 4xx, shortcuts
Read more: page-get-object-or-404-missing

Question 3 of 4
Prompt of login-required-401?
  1) True
  2) False
True or false (t/f): 
Wrong. The answer: False
Why login-required-401 is so.
Tags: 4xx, decorators
Read more: page-login-required-401

Question 4 of 4
Prompt of pick-client-errors?
  1) 404
  2) 502
  3) 429
  4) 304
Every right answer (numbers 1-4): 
Right. The answer: 404; 429
Why pick-client-errors is so.
Tags: 4xx, classes
Read more: page-pick-client-errors

Results
Score: 2 of 4 correct (50%)
Time: 12s
By tag:
  2xx         0/1
  4xx         2/3
  classes     1/1
  decorators  0/1
  rest        0/1
  shortcuts   1/1
Missed:
  status-after-create: Prompt of status-after-create?
  login-required-401: Prompt of login-required-401?
";

#[test]
fn a_scripted_round_prints_the_expected_transcript() {
    let mut session = Session::new(four(), None, SEED);
    let (text, score) = run(&mut session, "2\n40\n404\nt\n1, 3\n");
    assert_eq!(text, TRANSCRIPT);
    assert_eq!((score.correct, score.answered, score.total), (2, 4, 4));
    assert_eq!(score.percent, 50);
    assert_eq!(score.elapsed_ms, 12_000);
    assert_eq!(score.missed, ["status-after-create", "login-required-401"]);
    assert!(score.complete);
}

#[test]
fn end_of_input_ends_the_round_with_the_results_so_far() {
    let mut session = Session::new(four(), None, SEED);
    let (text, score) = run(&mut session, "3\n");
    assert!(text.contains("Status code: \nEnd of input: the round ends here.\n\nResults\n"));
    assert!(text.contains("Score: 1 of 1 answered correct (100%)\n"), "{text}");
    assert!(text.contains("The round ended early: 3 of 4 questions not reached (not counted as wrong).\n"));
    assert!(text.contains("Not reached:\n  get-object-or-404-missing: "));
    assert_eq!((score.correct, score.answered), (1, 1));
    assert_eq!(score.unanswered.len(), 3);
    assert!(!score.complete);
}

#[test]
fn skip_and_quit_words_work() {
    let mut session = Session::new(four(), None, SEED);
    let (text, score) = run(&mut session, "S\nquit\n2\n");
    assert!(text.contains("Skipped. The answer: 201 Created\n"));
    assert!(!text.contains("End of input"), "q ends the round before the input does");
    assert_eq!((score.correct, score.answered, score.total), (0, 1, 4));
    assert_eq!(score.questions[0].verdict, Some(Verdict::Skipped));
    assert_eq!(score.missed, ["status-after-create"]);
}

#[test]
fn invalid_replies_are_explained_and_asked_again() {
    let mut session = Session::new(four(), None, SEED);
    let (text, score) = run(&mut session, "\n0\n5\nthree\n3\n");
    assert_eq!(text.matches("Please type one number from 1 to 4.").count(), 4, "{text}");
    assert_eq!(score.correct, 1);
}

/// The answer a learner would type for the current question, right or wrong.
fn reply(session: &Session, correct: bool) -> String {
    let (_, rq) = session.current().expect("a question");
    let numbers = |positions: Vec<usize>| positions.iter().map(|p| (p + 1).to_string()).collect::<Vec<_>>().join(" ");
    match &rq.question.kind {
        QuestionKind::Single { choices } => {
            let right = rq.correct_choices()[0];
            let pick = if correct { right } else { (right + 1) % choices.len() };
            numbers(vec![pick])
        }
        QuestionKind::Multiple { .. } => {
            let mut right = rq.correct_choices();
            if !correct {
                right.truncate(1);
            }
            numbers(right)
        }
        QuestionKind::TrueFalse { answer } => if *answer == correct { "t" } else { "f" }.into(),
        QuestionKind::TypeCode { answer } => if correct { *answer } else { answer + 100 }.to_string(),
    }
}

/// Builds the script that answers every question of `seed`'s round, right when
/// `right(i)`, by walking a twin session through the same round.
fn script_for(seed: u64, right: impl Fn(usize) -> bool) -> String {
    use status_tutor::quiz::QuizEvent::{Next, Skip, Start};
    let mut twin = Session::new(bank(), None, seed);
    twin.apply(Start, 0).expect("start");
    let mut script = String::new();
    for i in 0..twin.round().len() {
        script.push_str(&reply(&twin, right(i)));
        script.push('\n');
        twin.apply(Skip, 0).expect("skip");
        twin.apply(Next, 0).expect("next");
    }
    script
}

#[test]
fn a_full_bank_answered_right_scores_everything() {
    for seed in [0, 1, 99] {
        let mut session = Session::new(bank(), None, seed);
        let (text, score) = run(&mut session, &script_for(seed, |_| true));
        assert_eq!((score.correct, score.total), (12, 12), "seed {seed}:\n{text}");
        assert_eq!(score.percent, 100);
        assert!(text.contains("Score: 12 of 12 correct (100%)\n"));
        assert!(!text.contains("Missed:"));
        assert!(!text.contains("Wrong."));
    }
}

#[test]
fn every_other_answer_wrong_scores_half() {
    let mut session = Session::new(bank(), None, 5);
    let (text, score) = run(&mut session, &script_for(5, |i| i % 2 == 0));
    assert_eq!((score.correct, score.answered, score.total), (6, 12, 12), "{text}");
    assert_eq!(score.missed.len(), 6);
    assert_eq!(text.matches("Wrong. The answer: ").count(), 6);
    assert_eq!(text.matches("Right. The answer: ").count(), 6);
}

#[test]
fn escape_sequences_in_questions_never_reach_the_output() {
    let mut hostile = question(
        "evil",
        &["4xx\u{1b}[2J"],
        QuestionKind::Single {
            choices: question_bank::choices(&[("\u{1b}]0;title\u{7}ok", true), ("\u{9b}31m no", false)]),
        },
    );
    hostile.prompt = "Clear \u{1b}[2J the screen?".into();
    hostile.explanation = "Bell\u{7}".into();
    let mut session = Session::new(vec![hostile], None, 3);
    let (text, _) = run(&mut session, "1\n2\n");
    assert!(text.contains("Clear \\u{1b}[2J the screen?"), "shown escaped, not dropped: {text}");
}

#[test]
fn an_empty_bank_says_so_and_scores_nothing() {
    let mut session = Session::new(Vec::new(), None, 3);
    let (text, score) = run(&mut session, "1\n");
    assert!(text.starts_with("Quiz: 0 questions.\n"));
    assert!(text.contains("There are no questions to ask.\n"));
    assert!(text.contains("Score: 0 of 0 correct (0%)\n"));
    assert_eq!(score.total, 0);
}

#[test]
fn run_round_leaves_the_results_to_the_caller() {
    let mut session = Session::new(four(), None, SEED);
    let mut out = Vec::new();
    let score = plain::run_round(&mut session, "q\n".as_bytes(), &mut out, || 0).expect("writing to a Vec never fails");
    let text = String::from_utf8(out).expect("UTF-8");
    assert!(!text.contains("Results"));
    assert_eq!(score, session.score());
    assert_eq!(score.answered, 0);
}

#[test]
fn invalid_utf8_input_is_an_invalid_reply_not_an_error() {
    let mut session = Session::new(four(), None, SEED);
    let mut out = Vec::new();
    let input: &[u8] = b"\xff\xfe\n3\n";
    let score = plain::run(&mut session, input, &mut out, || 0).expect("no I/O error");
    assert_eq!(score.correct, 1);
}
