//! A queue of jobs served by plain threads, one per core, for typesetting and writing documents.

/// Runs `work` on every job from a queue served by plain threads, one per core, and returns the
/// results in the jobs' order. Plain threads, not a rayon pool: Typst parallelises inside a
/// document with rayon, and a rayon worker waiting for that would start the next queued document
/// on its own stack — hundreds of documents nested on one stack overflowed it.
///
/// The costliest jobs (by `cost`) are started first: a long document started last would run
/// alone at the end while the other cores idle.
pub(crate) fn run<T: Send, R: Send>(
    jobs: Vec<T>,
    cost: impl Fn(&T) -> usize,
    work: impl Fn(T) -> R + Sync,
) -> Vec<R> {
    let count = jobs.len();
    let mut order: Vec<(usize, T)> = jobs.into_iter().enumerate().collect();
    // Stable, so equal costs keep their order.
    order.sort_by_key(|(_, job)| std::cmp::Reverse(cost(job)));
    let queue = std::sync::Mutex::new(order.into_iter());
    let threads = std::thread::available_parallelism()
        .map_or(2, std::num::NonZeroUsize::get)
        .min(count.max(1));
    let mut results: Vec<(usize, R)> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                s.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let next = queue.lock().ok().and_then(|mut q| q.next());
                        let Some((i, job)) = next else { break };
                        done.push((i, work(job)));
                    }
                    done
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    });
    results.sort_by_key(|(i, _)| *i);
    debug_assert_eq!(results.len(), count);
    results.into_iter().map(|(_, r)| r).collect()
}

#[cfg(test)]
mod tests {
    use super::run;

    #[test]
    fn the_queue_keeps_the_order_and_never_nests_jobs() {
        // Each job uses rayon inside, as Typst does; a job must never start inside another.
        let depth = std::sync::atomic::AtomicUsize::new(0);
        let deepest = std::sync::atomic::AtomicUsize::new(0);
        let out = run(
            (0..300).collect(),
            |_| 0,
            |n: u64| {
                use std::sync::atomic::Ordering::SeqCst;
                let d = depth.fetch_add(1, SeqCst) + 1;
                deepest.fetch_max(d, SeqCst);
                let sum: u64 = rayon::iter::ParallelIterator::sum(
                    rayon::iter::IntoParallelIterator::into_par_iter(0..1000u64),
                );
                depth.fetch_sub(1, SeqCst);
                n + sum
            },
        );
        assert_eq!(out, (0..300).map(|n| n + 499_500).collect::<Vec<_>>());
        let cores = std::thread::available_parallelism().map_or(2, std::num::NonZeroUsize::get);
        assert!(
            deepest.into_inner() <= cores,
            "jobs ran nested or beyond one per thread"
        );
    }

    #[test]
    fn the_costliest_jobs_start_first_and_results_keep_the_jobs_order() {
        let started = std::sync::Mutex::new(Vec::new());
        let jobs: Vec<usize> = vec![3, 50, 7, 50, 1, 9];
        let out = run(
            jobs.clone(),
            |&c| c,
            |c| {
                started.lock().unwrap().push(c);
                c * 2
            },
        );
        assert_eq!(out, jobs.iter().map(|c| c * 2).collect::<Vec<_>>());
        let started = started.into_inner().unwrap();
        // Every thread takes the next costliest job when it is free: the first two taken are the
        // two costliest, whatever the number of threads.
        assert_eq!(started[..2], [50, 50]);
    }
}
