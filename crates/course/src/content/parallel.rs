//! Work on a big course's many files split over the cores, results in the input's order
//! (so messages come out the same whatever the number of threads).

/// From this many items, the work is split over several threads; below it a thread costs
/// more than it saves (measured on the built-in course: see README).
pub const PARALLEL_ITEMS: usize = 256;

/// How many threads: one for a small job, else one per core (at most 8).
pub fn threads_for(items: usize) -> usize {
    if items < PARALLEL_ITEMS { 1 } else { std::thread::available_parallelism().map_or(1, |n| n.get()).min(8) }
}

/// `work` applied to consecutive parts of `items`, each part on its own thread, the
/// results joined in order. A panic in a part is passed on.
pub fn map_parts<T: Send, R: Send>(items: Vec<T>, work: impl Fn(Vec<T>) -> Vec<R> + Sync) -> Vec<R> {
    let threads = threads_for(items.len());
    if threads <= 1 {
        return work(items);
    }
    let size = items.len().div_ceil(threads);
    let mut parts = Vec::with_capacity(threads);
    let mut rest = items;
    while rest.len() > size {
        let tail = rest.split_off(size);
        parts.push(rest);
        rest = tail;
    }
    parts.push(rest);
    let work = &work;
    std::thread::scope(|scope| {
        let running: Vec<_> = parts.into_iter().map(|part| scope.spawn(move || work(part))).collect();
        running.into_iter().flat_map(|part| part.join().unwrap_or_else(|e| std::panic::resume_unwind(e))).collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_keep_the_order_of_the_items_on_any_number_of_parts() {
        for n in [0, 1, 5, PARALLEL_ITEMS - 1, PARALLEL_ITEMS, PARALLEL_ITEMS * 3 + 7] {
            let items: Vec<usize> = (0..n).collect();
            let doubled = map_parts(items, |part| part.into_iter().map(|i| i * 2).collect());
            assert_eq!(doubled, (0..n).map(|i| i * 2).collect::<Vec<_>>());
        }
    }
}
