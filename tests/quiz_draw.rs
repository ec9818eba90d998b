//! Drawing rounds: spread across the classes, shuffled, reproducible by seed.

mod common;

use common::bank;
use status_tutor::quiz::{QuestionKind, RoundQuestion, draw_from, draw_round};

fn classes(round: &[RoundQuestion]) -> Vec<&str> {
    let mut classes: Vec<&str> = round.iter().filter_map(|rq| rq.question.class_tag()).collect();
    classes.sort_unstable();
    classes
}

#[test]
fn five_questions_cover_the_five_classes() {
    for seed in 0..200 {
        let round = draw_round(&bank(), Some(5), seed);
        assert_eq!(classes(&round), ["1xx", "2xx", "3xx", "4xx", "5xx"], "seed {seed}");
    }
}

#[test]
fn beyond_one_each_classes_share_in_proportion() {
    // The bank has two questions of every class but 4xx, which has four: after one
    // each, 4xx is owed the next two (4/2 and 4/3 beat 2/2), and ties are shuffled.
    for seed in 0..200 {
        let round = draw_round(&bank(), Some(7), seed);
        let want = ["1xx", "2xx", "3xx", "4xx", "4xx", "4xx", "5xx"];
        assert_eq!(classes(&round), want, "seed {seed}");
    }
    let mut second_of_other_classes = std::collections::BTreeSet::new();
    for seed in 0..200 {
        let round = draw_round(&bank(), Some(8), seed);
        let found = classes(&round);
        let in_4xx = found.iter().filter(|c| **c == "4xx").count();
        assert!(in_4xx >= 3, "seed {seed}: {found:?}");
        for class in ["1xx", "2xx", "3xx", "5xx"] {
            if found.iter().filter(|c| **c == class).count() == 2 {
                second_of_other_classes.insert(class);
            }
        }
    }
    assert_eq!(second_of_other_classes.len(), 4, "ties are broken by the seed");
}

#[test]
fn questions_without_a_class_form_their_own_group() {
    let mut bank = bank();
    bank.push(common::single("rest-only", &["rest"]));
    bank.push(common::single("csrf-only", &["csrf", "decorators"]));
    for seed in 0..50 {
        let round = draw_round(&bank, Some(6), seed);
        let unclassed = round.iter().filter(|rq| rq.question.class_tag().is_none()).count();
        assert_eq!(unclassed, 1, "seed {seed}");
        assert_eq!(classes(&round), ["1xx", "2xx", "3xx", "4xx", "5xx"]);
    }
}

#[test]
fn within_a_class_topics_are_spread() {
    let bank = vec![
        common::single("a1", &["4xx", "shortcuts"]),
        common::single("a2", &["4xx", "shortcuts"]),
        common::single("b1", &["4xx", "decorators"]),
        common::single("b2", &["4xx", "decorators"]),
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
