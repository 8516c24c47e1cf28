//! When Typst's memoized results are dropped between documents.
//!
//! Without eviction the cache keeps every document's layouts. An eviction after every document
//! cost more than it saved: each one walks the whole cache (13% of a build's time at 200 units ×
//! 1,000 tasks), documents of one kind no longer reuse each other's results, and a long document
//! (a task table of a hundred pages, a year report) lost results it still needed to the short
//! ones finishing beside it — eviction is global — and took three times as long. So the cache is
//! evicted after a given amount of work, and never while a document in progress has lived
//! through `age - 1` evictions: none of its results, unused since it started, can be old enough
//! to go.

use std::collections::BTreeMap;
use std::sync::Mutex;

pub(crate) struct Evictor {
    age: usize,
    /// The work (bytes of generated source) finished between two evictions.
    every: usize,
    state: Mutex<State>,
    evict: fn(usize),
}

#[derive(Default)]
struct State {
    /// Evictions so far.
    count: usize,
    /// Documents in progress: the eviction count when each started.
    running: BTreeMap<usize, usize>,
    next: usize,
    work: usize,
}

/// A document in progress.
pub(crate) struct Running(usize);

impl Evictor {
    /// Drops results unused for `age` evictions from Typst's cache, one eviction after every
    /// `every` bytes of typeset source.
    pub(crate) fn new(age: usize, every: usize) -> Self {
        Self::with(age, every, typst::comemo::evict)
    }

    fn with(age: usize, every: usize, evict: fn(usize)) -> Self {
        Evictor {
            age,
            every,
            state: Mutex::new(State::default()),
            evict,
        }
    }

    pub(crate) fn start(&self) -> Running {
        let mut s = self.state.lock().unwrap_or_else(|e| e.into_inner());
        let id = s.next;
        s.next += 1;
        let count = s.count;
        s.running.insert(id, count);
        Running(id)
    }

    /// The document is done: evict unless that could drop what another still needs.
    pub(crate) fn finish(&self, doc: Running, work: usize) {
        let mut s = self.state.lock().unwrap_or_else(|e| e.into_inner());
        s.running.remove(&doc.0);
        s.work += work;
        let count = s.count;
        if s.work >= self.every && s.running.values().all(|&from| count - from + 1 < self.age) {
            (self.evict)(self.age);
            s.count += 1;
            s.work = 0;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Evictor;
    use std::sync::atomic::{AtomicUsize, Ordering};

    static EVICTED: AtomicUsize = AtomicUsize::new(0);

    #[test]
    fn a_document_in_progress_never_lives_through_age_evictions() {
        let e = Evictor::with(3, 0, |_| {
            EVICTED.fetch_add(1, Ordering::SeqCst);
        });
        let long = e.start();
        // Short documents finish beside the long one: two evictions, then none.
        for _ in 0..10 {
            let short = e.start();
            e.finish(short, 1);
        }
        assert_eq!(EVICTED.load(Ordering::SeqCst), 2);
        // Once it is done, evictions resume.
        e.finish(long, 1);
        assert_eq!(EVICTED.load(Ordering::SeqCst), 3);
        let short = e.start();
        e.finish(short, 1);
        assert_eq!(EVICTED.load(Ordering::SeqCst), 4);
    }

    static EVICTED_BY_WORK: AtomicUsize = AtomicUsize::new(0);

    #[test]
    fn the_cache_is_evicted_after_an_amount_of_work() {
        let e = Evictor::with(2, 100, |_| {
            EVICTED_BY_WORK.fetch_add(1, Ordering::SeqCst);
        });
        for _ in 0..9 {
            let doc = e.start();
            e.finish(doc, 30);
        }
        // 30 × 9 = 270: evicted at 120 and at 240.
        assert_eq!(EVICTED_BY_WORK.load(Ordering::SeqCst), 2);
    }
}
