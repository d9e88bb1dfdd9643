//! Parallel forms. Each competency's items in the item bank are dealt alternately to the
//! pre-test and the post-test half (first item to pre, second to post, …), so the two halves
//! never share an item. A learner's form draws the blueprint's number of items for each
//! competency from the phase's half, in an order chosen by a seed.

use std::collections::HashMap;

use super::{Assessment, Phase, QuizQuestion};

/// The half of the bank a phase draws from, in bank order.
pub fn form_of(bank: &[QuizQuestion], phase: Phase) -> Vec<&QuizQuestion> {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    bank.iter()
        .filter(|q| {
            let n = seen.entry(q.competency.as_str()).or_default();
            let this = *n;
            *n += 1;
            match phase {
                Phase::Pre => this.is_multiple_of(2),
                Phase::Post => !this.is_multiple_of(2),
            }
        })
        .collect()
}

/// One learner's paper: for each blueprint line, `count` items of that competency from the
/// phase's half, picked by `seed`. Lines whose half is too small give what there is
/// (publishing refuses such a blueprint).
pub fn assemble_form<'a>(
    bank: &'a [QuizQuestion],
    assessment: &Assessment,
    seed: u64,
) -> Vec<&'a QuizQuestion> {
    let half = form_of(bank, assessment.phase);
    let mut state = seed ^ 0x9E37_79B9_7F4A_7C15;
    let mut next = move |below: usize| {
        // splitmix64: small, fast and good enough to shuffle a paper.
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        usize::try_from(z % below.max(1) as u64).unwrap_or(0)
    };
    let mut paper = Vec::new();
    for line in &assessment.blueprint {
        let mut pool: Vec<&QuizQuestion> = half
            .iter()
            .copied()
            .filter(|q| q.competency == line.competency)
            .collect();
        for i in (1..pool.len()).rev() {
            pool.swap(i, next(i + 1));
        }
        let count = usize::try_from(line.count).unwrap_or(usize::MAX);
        paper.extend(pool.into_iter().take(count));
    }
    paper
}
