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
/// The questions are spread across the status classes (`1xx`..`5xx`, then the untagged):
/// each class takes a turn, so every class is represented when `count` allows, and within
/// a class the question whose topic tags are least represented so far goes first. The
/// round's order and each question's choices are then shuffled. The same `bank`, `count`
/// and `seed` always give the same round.
#[must_use]
pub fn draw_round(bank: &[Question], count: Option<usize>, seed: u64) -> Vec<RoundQuestion> {
    let all: Vec<usize> = (0..bank.len()).collect();
    draw_from(bank, &all, count, seed)
}

/// Like [`draw_round`], but only from the bank positions in `candidates`.
///
/// Positions out of range, and repeated positions, are ignored.
#[must_use]
pub fn draw_from(
    bank: &[Question],
    candidates: &[usize],
    count: Option<usize>,
    seed: u64,
) -> Vec<RoundQuestion> {
    let mut rng = SplitMix64::new(seed);
    let mut pool: Vec<usize> = Vec::with_capacity(candidates.len());
    for &index in candidates {
        if index < bank.len() && !pool.contains(&index) {
            pool.push(index);
        }
    }
    rng.shuffle(&mut pool);
    let wanted = count.map_or(pool.len(), |n| n.min(pool.len()));
    let mut picked = pick_spread(bank, pool, wanted);
    rng.shuffle(&mut picked);
    picked
        .into_iter()
        .filter_map(|index| Some(shuffle_choices(index, bank.get(index)?, &mut rng)))
        .collect()
}

/// Picks `wanted` positions from the (already shuffled) `pool`, one class at a time.
fn pick_spread(bank: &[Question], pool: Vec<usize>, wanted: usize) -> Vec<usize> {
    let class_of = |index: usize| bank.get(index).and_then(Question::class_tag);
    // Classes in order of first appearance in the shuffled pool, so no class is favoured.
    let mut groups: Vec<(Option<&str>, Vec<usize>)> = Vec::new();
    for index in pool {
        let class = class_of(index);
        match groups.iter_mut().find(|(key, _)| *key == class) {
            Some((_, members)) => members.push(index),
            None => groups.push((class, vec![index])),
        }
    }
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    let mut picked = Vec::with_capacity(wanted);
    while picked.len() < wanted && groups.iter().any(|(_, members)| !members.is_empty()) {
        for (_, members) in &mut groups {
            if picked.len() == wanted {
                break;
            }
            let weight = |index: &usize| {
                bank.get(*index).map_or(0, |question| {
                    question
                        .tags
                        .iter()
                        .map(|tag| seen.get(tag.as_str()).copied().unwrap_or(0))
                        .sum::<usize>()
                })
            };
            let Some(best) = (0..members.len()).min_by_key(|&at| members.get(at).map(weight))
            else {
                continue;
            };
            let index = members.remove(best);
            if let Some(question) = bank.get(index) {
                for tag in &question.tags {
                    *seen.entry(tag.as_str()).or_insert(0) += 1;
                }
            }
            picked.push(index);
        }
    }
    picked
}

/// Copies a bank question into a round, shuffling its choices.
fn shuffle_choices(bank_index: usize, question: &Question, rng: &mut SplitMix64) -> RoundQuestion {
    let mut question = question.clone();
    let mut choice_order = Vec::new();
    if let QuestionKind::Single { choices } | QuestionKind::Multiple { choices } =
        &mut question.kind
    {
        choice_order = (0..choices.len()).collect();
        rng.shuffle(&mut choice_order);
        *choices = choice_order
            .iter()
            .filter_map(|&at| choices.get(at).cloned())
            .collect();
    }
    RoundQuestion {
        bank_index,
        question,
        choice_order,
    }
}
