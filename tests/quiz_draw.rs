//! Drawing rounds: fair to every question, spread across the classes, shuffled,
//! reproducible by seed.

#[path = "support/question_bank.rs"]
mod question_bank;

use question_bank::bank;
use status_tutor::content::{embedded, load};
use status_tutor::quiz::{Question, QuestionKind, RoundQuestion, draw_from, draw_ordered, draw_round};
use status_tutor::quiz_bank::quiz_bank;

fn classes(round: &[RoundQuestion]) -> Vec<&str> {
    let mut classes: Vec<&str> = round.iter().filter_map(|rq| rq.question.class_tag()).collect();
    classes.sort_unstable();
    classes
}

/// How many questions of each class a round of `n` from `bank` may hold: its share of
/// the round, rounded down or up.
fn share_band(bank: &[Question], class: Option<&str>, n: usize) -> (usize, usize) {
    let size = bank.iter().filter(|q| q.class_tag() == class).count();
    ((size * n) / bank.len(), (size * n).div_ceil(bank.len()))
}

#[test]
fn every_class_gets_its_share_of_the_round() {
    let mut bank = bank();
    bank.push(question_bank::single("rest-only", &["rest"]));
    bank.push(question_bank::single("csrf-only", &["csrf", "decorators"]));
    for n in [3, 5, 7, 10] {
        for seed in 0..200 {
            let round = draw_round(&bank, Some(n), seed);
            assert_eq!(round.len(), n);
            for class in [Some("1xx"), Some("2xx"), Some("3xx"), Some("4xx"), Some("5xx"), None] {
                let (low, high) = share_band(&bank, class, n);
                let got = round.iter().filter(|rq| rq.question.class_tag() == class).count();
                assert!((low..=high).contains(&got), "n {n}, seed {seed}, {class:?}: {got} not in {low}..={high}");
            }
        }
    }
}

#[test]
fn small_rounds_still_reach_every_class_over_a_few_seeds() {
    let mut seen = std::collections::BTreeSet::new();
    for seed in 0..20 {
        seen.extend(classes(&draw_round(&bank(), Some(3), seed)).into_iter().map(str::to_owned));
    }
    assert_eq!(seen.len(), 5, "{seen:?}");
}

/// Counts, per bank position, how often it is drawn into rounds of `n` over `seeds`.
fn appearances(bank: &[Question], n: usize, seeds: u64) -> Vec<usize> {
    let mut counts = vec![0; bank.len()];
    for seed in 0..seeds {
        for rq in draw_round(bank, Some(n), seed) {
            counts[rq.bank_index] += 1;
        }
    }
    counts
}

#[test]
fn over_1000_seeds_every_question_of_the_real_bank_appears_equally_often() {
    let course = load(&embedded::files()).expect("the built-in course loads").course;
    let bank = quiz_bank(&course);
    let n = 12;
    let counts = appearances(&bank, n, 1000);
    // Each question is in a round with probability p = n / N, so it is expected in
    // 1000 p rounds (70 for 171 questions). The band is 4.5 standard deviations of that
    // binomial count (+-36 at 171 questions), so a fair draw stays inside it whatever the
    // bank's size (a fixed percentage narrows, in deviations, as the bank grows), while
    // the old draw (some questions 50x more often than others) fell far outside.
    let p = n as f64 / bank.len() as f64;
    let expected = 1000.0 * p;
    let spread = 4.5 * (1000.0 * p * (1.0 - p)).sqrt();
    let (low, high) = ((expected - spread).floor().max(0.0) as usize, (expected + spread).ceil() as usize);
    for (question, count) in bank.iter().zip(&counts) {
        assert!((low..=high).contains(count), "{}: {count} rounds, expected {low}..={high}", question.id);
    }
    // Topic tags get their share too: "gotchas" questions are drawn at their share.
    let gotchas: Vec<usize> = (0..bank.len()).filter(|&at| bank[at].tags.iter().any(|t| t == "gotchas")).collect();
    if !gotchas.is_empty() {
        let drawn: usize = gotchas.iter().map(|&at| counts[at]).sum();
        let share = drawn as f64 / (1000 * n) as f64;
        let bank_share = gotchas.len() as f64 / bank.len() as f64;
        assert!((share / bank_share - 1.0).abs() < 0.1, "gotchas drawn at {share:.3}, bank share {bank_share:.3}");
    }
}

#[test]
fn over_1000_seeds_the_small_bank_is_fair_too() {
    let bank = bank();
    let counts = appearances(&bank, 5, 1000);
    // Expected 1000 * 5 / 12 = 417 each.
    for (question, count) in bank.iter().zip(&counts) {
        assert!((340..=495).contains(count), "{}: {count}", question.id);
    }
}

#[test]
fn within_a_class_topics_are_spread() {
    let bank = vec![
        question_bank::single("a1", &["4xx", "shortcuts"]),
        question_bank::single("a2", &["4xx", "shortcuts"]),
        question_bank::single("b1", &["4xx", "decorators"]),
        question_bank::single("b2", &["4xx", "decorators"]),
    ];
    for seed in 0..200 {
        let mut ids: Vec<char> =
            draw_round(&bank, Some(2), seed).iter().filter_map(|rq| rq.question.id.chars().next()).collect();
        ids.sort_unstable();
        assert_eq!(ids, ['a', 'b'], "seed {seed}");
    }
}

#[test]
fn sizes_are_clamped_to_the_bank() {
    assert_eq!(draw_round(&bank(), None, 1).len(), 12);
    assert_eq!(draw_round(&bank(), Some(50), 1).len(), 12);
    assert!(draw_round(&bank(), Some(0), 1).is_empty());
    assert!(draw_round(&[], None, 1).is_empty());
}

#[test]
fn seeds_change_the_order_and_the_choices() {
    let first = draw_round(&bank(), None, 0);
    let orders: Vec<Vec<usize>> =
        (1..6).map(|seed| draw_round(&bank(), None, seed).iter().map(|rq| rq.bank_index).collect()).collect();
    let first_order: Vec<usize> = first.iter().map(|rq| rq.bank_index).collect();
    assert!(orders.iter().any(|order| *order != first_order));
    let choice_orders: Vec<Vec<usize>> = (0..8)
        .flat_map(|seed| draw_round(&bank(), None, seed))
        .filter(|rq| rq.bank_index == 2)
        .map(|rq| rq.choice_order)
        .collect();
    assert!(choice_orders.iter().any(|order| *order != choice_orders[0]));
}

#[test]
fn true_false_and_type_code_have_no_choice_order() {
    for rq in draw_round(&bank(), None, 9) {
        match rq.question.kind {
            QuestionKind::TrueFalse { .. } | QuestionKind::TypeCode { .. } => {
                assert!(rq.choice_order.is_empty());
            }
            QuestionKind::Single { .. } | QuestionKind::Multiple { .. } => {
                assert_eq!(rq.choice_order.len(), 4);
            }
        }
    }
}

#[test]
fn draw_from_ignores_unknown_and_repeated_positions() {
    let round = draw_from(&bank(), &[3, 3, 99, 5], None, 4);
    let mut picked: Vec<usize> = round.iter().map(|rq| rq.bank_index).collect();
    picked.sort_unstable();
    assert_eq!(picked, [3, 5]);
}

#[test]
fn draw_ordered_keeps_the_order_given() {
    let round = draw_ordered(&bank(), &[7, 2, 7, 99, 0], 3);
    let order: Vec<usize> = round.iter().map(|rq| rq.bank_index).collect();
    assert_eq!(order, [7, 2, 0]);
}
