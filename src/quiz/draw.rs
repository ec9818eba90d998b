//! Drawing a round: which questions, in which order, with which choice order.

use std::collections::BTreeMap;

use super::question::{Question, QuestionKind};
use super::rng::SplitMix64;

/// A question as drawn into a round: its choices are already in the order shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoundQuestion {
    /// Position of the question in the bank the round was drawn from.
    pub bank_index: usize,
    /// The question, with `Single`/`Multiple` choices in display order.
    pub question: Question,
    /// For each shown choice, its index in the bank's question (empty for true/false
    /// and type-the-code questions).
    pub choice_order: Vec<usize>,
}

impl RoundQuestion {
    /// Display indices of the correct choices (empty for true/false and type-the-code).
    #[must_use]
    pub fn correct_choices(&self) -> Vec<usize> {
        self.question
            .choices()
            .iter()
            .enumerate()
            .filter(|(_, choice)| choice.correct)
            .map(|(index, _)| index)
            .collect()
    }
}

/// Draws a round of `count` questions from `bank` (`None` takes them all).
///
/// Fair: over many seeds every question appears equally often (each one is in a round
/// of `n` out of `N` with probability exactly `n / N`), and a round is still spread
/// across the status classes. The pool is laid out class by class (classes in a
/// shuffled order, the questions without a class as one more group), and within a class
/// topic by topic; a systematic sample with a random start then takes every
/// `N / n`-th position. So each class gets its proportional share of the round (rounded
/// down or up), topics within a class are spread the same way, and no question is
/// favoured. The round's order and each question's choices are then shuffled. The same
/// `bank`, `count` and `seed` always give the same round.
#[must_use]
pub fn draw_round(bank: &[Question], count: Option<usize>, seed: u64) -> Vec<RoundQuestion> {
    let all: Vec<usize> = (0..bank.len()).collect();
    draw_from(bank, &all, count, seed)
}

/// Like [`draw_round`], but only from the bank positions in `candidates`.
///
/// Positions out of range, and repeated positions, are ignored.
#[must_use]
pub fn draw_from(bank: &[Question], candidates: &[usize], count: Option<usize>, seed: u64) -> Vec<RoundQuestion> {
    let mut rng = SplitMix64::new(seed);
    let pool = distinct(bank, candidates);
    let wanted = count.map_or(pool.len(), |n| n.min(pool.len()));
    let laid_out = lay_out(bank, pool, &mut rng);
    let mut picked = systematic_sample(&laid_out, wanted, &mut rng);
    rng.shuffle(&mut picked);
    picked.into_iter().filter_map(|index| Some(shuffle_choices(index, bank.get(index)?, &mut rng))).collect()
}

/// The questions at `positions`, in that order (a review round is ordered by urgency),
/// with their choices shuffled from `seed`. Unknown and repeated positions are ignored.
#[must_use]
pub fn draw_ordered(bank: &[Question], positions: &[usize], seed: u64) -> Vec<RoundQuestion> {
    let mut rng = SplitMix64::new(seed);
    distinct(bank, positions)
        .into_iter()
        .filter_map(|index| Some(shuffle_choices(index, bank.get(index)?, &mut rng)))
        .collect()
}

/// `candidates` without out-of-range or repeated positions, order kept.
fn distinct(bank: &[Question], candidates: &[usize]) -> Vec<usize> {
    let mut seen = vec![false; bank.len()];
    candidates
        .iter()
        .copied()
        .filter(|&index| seen.get_mut(index).is_some_and(|was| !std::mem::replace(was, true)))
        .collect()
}

/// The pool in sampling order: grouped by class, and within a class by first topic tag;
/// groups, topics and questions each in a shuffled order.
fn lay_out(bank: &[Question], mut pool: Vec<usize>, rng: &mut SplitMix64) -> Vec<usize> {
    rng.shuffle(&mut pool);
    // Random ranks for classes and topics, fixed for this draw.
    let mut class_rank: BTreeMap<Option<&str>, u64> = BTreeMap::new();
    let mut topic_rank: BTreeMap<Option<&str>, u64> = BTreeMap::new();
    let mut keyed: Vec<(u64, u64, usize, usize)> = Vec::with_capacity(pool.len());
    for (order, &index) in pool.iter().enumerate() {
        let question = bank.get(index);
        let class = question.and_then(Question::class_tag);
        let topic = question.and_then(|q| q.tags.iter().map(String::as_str).find(|tag| Some(*tag) != class));
        let class_key = *class_rank.entry(class).or_insert_with(|| rng.next_u64());
        let topic_key = *topic_rank.entry(topic).or_insert_with(|| rng.next_u64());
        keyed.push((class_key, topic_key, order, index));
    }
    keyed.sort_unstable();
    keyed.into_iter().map(|(_, _, _, index)| index).collect()
}

/// Takes `wanted` of `items` by systematic sampling: with a random start `r` in
/// `0..N`, item `i` is taken when `floor(((i + 1) * n + r) / N)` steps past
/// `floor((i * n + r) / N)`. Each item is taken for exactly `n` of the `N` starts, and
/// any run of consecutive items gets its share of `n`, rounded down or up.
fn systematic_sample(items: &[usize], wanted: usize, rng: &mut SplitMix64) -> Vec<usize> {
    let total = items.len();
    if total == 0 || wanted == 0 {
        return Vec::new();
    }
    let start = rng.below(total);
    items
        .iter()
        .enumerate()
        .filter(|(i, _)| (i * wanted + start) / total != ((i + 1) * wanted + start) / total)
        .map(|(_, &index)| index)
        .collect()
}

/// Copies a bank question into a round, shuffling its choices.
fn shuffle_choices(bank_index: usize, question: &Question, rng: &mut SplitMix64) -> RoundQuestion {
    let mut question = question.clone();
    let mut choice_order = Vec::new();
    if let QuestionKind::Single { choices } | QuestionKind::Multiple { choices } = &mut question.kind {
        choice_order = (0..choices.len()).collect();
        rng.shuffle(&mut choice_order);
        *choices = choice_order.iter().filter_map(|&at| choices.get(at).cloned()).collect();
    }
    RoundQuestion { bank_index, question, choice_order }
}
