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
/// The questions are spread across the status classes (`1xx`..`5xx`, and the questions
/// without a class as one more group): every class gets one question first, so all are
/// represented when `count` allows; the rest of the round goes to the classes in
/// proportion to their size. Within a class, the question whose tags were drawn least so
/// far goes first, which spreads the topic tags too. The round's order and each
/// question's choices are then shuffled. The same `bank`, `count`
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
pub fn draw_from(bank: &[Question], candidates: &[usize], count: Option<usize>, seed: u64) -> Vec<RoundQuestion> {
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
    picked.into_iter().filter_map(|index| Some(shuffle_choices(index, bank.get(index)?, &mut rng))).collect()
}

/// The questions of one status class (or of none) still to draw from.
struct Group<'a> {
    /// The class tag, `None` for questions without one.
    class: Option<&'a str>,
    /// How many questions of the pool the class had.
    size: usize,
    /// How many were drawn.
    taken: usize,
    /// Bank positions not drawn yet, in shuffled order.
    members: Vec<usize>,
}

/// Picks `wanted` positions from the (already shuffled) `pool`, spread over the classes.
fn pick_spread(bank: &[Question], pool: Vec<usize>, wanted: usize) -> Vec<usize> {
    // Classes in order of first appearance in the shuffled pool, so no class is favoured.
    let mut groups: Vec<Group<'_>> = Vec::new();
    for index in pool {
        let class = bank.get(index).and_then(Question::class_tag);
        match groups.iter_mut().find(|group| group.class == class) {
            Some(group) => {
                group.size += 1;
                group.members.push(index);
            }
            None => groups.push(Group { class, size: 1, taken: 0, members: vec![index] }),
        }
    }
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    let mut picked = Vec::with_capacity(wanted);
    while picked.len() < wanted {
        let Some(group) = next_group(&groups).and_then(|at| groups.get_mut(at)) else {
            break;
        };
        // Within the class, the question whose tags were drawn least so far.
        let weight = |index: &usize| {
            bank.get(*index).map_or(0, |question| {
                question.tags.iter().map(|tag| seen.get(tag.as_str()).copied().unwrap_or(0)).sum::<usize>()
            })
        };
        let Some(best) = (0..group.members.len()).min_by_key(|&at| group.members.get(at).map(weight)) else {
            break;
        };
        let index = group.members.remove(best);
        group.taken += 1;
        if let Some(question) = bank.get(index) {
            for tag in &question.tags {
                *seen.entry(tag.as_str()).or_insert(0) += 1;
            }
        }
        picked.push(index);
    }
    picked
}

/// The group to draw from next: first every class once (in shuffled order), then the one
/// with the most questions per question drawn (D'Hondt), so that beyond one each, classes
/// share the round in proportion to their size. Ties go to the earlier group.
fn next_group(groups: &[Group<'_>]) -> Option<usize> {
    let open = || groups.iter().enumerate().filter(|(_, group)| !group.members.is_empty());
    if let Some((at, _)) = open().find(|(_, group)| group.taken == 0) {
        return Some(at);
    }
    let mut best: Option<(usize, &Group<'_>)> = None;
    for (at, group) in open() {
        let better =
            best.is_none_or(|(_, b)| group.size.saturating_mul(b.taken + 1) > b.size.saturating_mul(group.taken + 1));
        if better {
            best = Some((at, group));
        }
    }
    best.map(|(at, _)| at)
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
