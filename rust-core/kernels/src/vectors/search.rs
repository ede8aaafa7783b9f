//! Exact top-k search over a [`FlatIndex`]: one query, or many queries in one pass over memory.
//!
//! Ranking uses a key where larger is better (the score itself, or its negation for L2) compared in
//! `f64`; equal keys are ordered by the smaller id, so results never depend on thread timing. A NaN
//! score (possible only when finite float32 products overflow) ranks below every other score.

use std::cmp::Ordering;
use std::collections::BinaryHeap;
use std::ops::Range;

use rayon::prelude::*;

use super::index::{check_finite, norm_f32, norm_i8, FlatIndex, Storage};
use super::kernels::X4;
use super::{active, as_u8, cosine_from_parts, hamming, ElementType, Kernels, Metric};
use super::{VectorError, VectorResult};

/// Scans smaller than this many bytes (vectors × queries) run on the calling thread: below it,
/// waking the thread pool costs more than it saves.
const PARALLEL_MIN_BYTES: usize = 1 << 20;

/// Bytes of stored vectors scored against every query of a batch before moving on: small enough to
/// stay in the per-core L2 cache while the queries take turns, so memory is read once per batch.
const BLOCK_BYTES: usize = 128 * 1024;

/// A query borrowed from the caller.
#[derive(Clone, Copy)]
pub enum Query<'a> {
    F32(&'a [f32]),
    I8(&'a [i8]),
    /// Bit-packed binary vector.
    Bin(&'a [u8]),
}

impl<'a> Query<'a> {
    /// A query of Java `byte`s for an index of int8 or binary vectors.
    pub fn bytes(element: ElementType, q: &'a [i8]) -> Query<'a> {
        match element {
            ElementType::Binary => Query::Bin(as_u8(q)),
            _ => Query::I8(q),
        }
    }
}

/// One result: the vector's id and its score under the index's metric.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Hit {
    pub id: u32,
    pub score: f32,
    key: f64,
}

impl Eq for Hit {}

impl Ord for Hit {
    /// "Greater" means "worse": lower key, or the same key and a larger id. A max-heap of hits
    /// therefore keeps the worst of the current top-k on top, ready to be replaced.
    fn cmp(&self, other: &Self) -> Ordering {
        other.key.partial_cmp(&self.key).unwrap_or(Ordering::Equal).then(self.id.cmp(&other.id))
    }
}

impl PartialOrd for Hit {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// The best `k` hits seen so far.
struct TopK {
    k: usize,
    heap: BinaryHeap<Hit>,
}

impl TopK {
    fn new(k: usize) -> TopK {
        TopK { k, heap: BinaryHeap::with_capacity(k + 1) }
    }

    #[inline]
    fn offer(&mut self, id: u32, score: f32, key: f64) {
        let key = if key.is_nan() { f64::NEG_INFINITY } else { key };
        let hit = Hit { id, score, key };
        if self.heap.len() < self.k {
            self.heap.push(hit);
        } else if let Some(mut worst) = self.heap.peek_mut() {
            if hit < *worst {
                *worst = hit;
            }
        }
    }

    /// The key a new hit with a larger id than all offered so far must beat to enter: the worst kept
    /// key once `k` hits are kept, else minus infinity.
    #[inline]
    fn bound(&self) -> f64 {
        match self.heap.peek() {
            Some(worst) if self.heap.len() == self.k => worst.key,
            _ => f64::NEG_INFINITY,
        }
    }

    fn merge(mut self, other: TopK) -> TopK {
        for h in other.heap {
            self.offer(h.id, h.score, h.key);
        }
        self
    }

    /// Best first.
    fn into_sorted(self) -> Vec<Hit> {
        self.heap.into_sorted_vec()
    }
}

/// A query checked against the index and ready to score: its norm is computed once.
struct Prepared<'a> {
    query: Query<'a>,
    norm: f64,
}

impl FlatIndex {
    fn prepare<'a>(&self, query: Query<'a>) -> VectorResult<Prepared<'a>> {
        let (len, norm) = match (query, &self.data) {
            (Query::F32(q), Storage::F32(_)) => {
                check_finite(q, q.len().max(1), 0).map_err(|e| VectorError::Invalid(format!("query: {e}")))?;
                (q.len(), if self.metric == Metric::Cosine { norm_f32(q) } else { 0.0 })
            }
            (Query::I8(q), Storage::I8(_)) => (q.len(), if self.metric == Metric::Cosine { norm_i8(q) } else { 0.0 }),
            (Query::Bin(q), Storage::Bin(_)) => (q.len(), 0.0),
            _ => {
                return Err(VectorError::Invalid(format!("this index holds {:?} vectors; the query does not match", self.element())))
            }
        };
        if len != self.dim {
            let unit = if self.element() == ElementType::Binary { "bytes" } else { "components" };
            return Err(VectorError::Invalid(format!("query has {len} {unit}, a vector has {} {unit}", self.dim)));
        }
        Ok(Prepared { query, norm })
    }

    /// Scores vectors `ids` against `q` into `top`.
    #[inline]
    fn scan(&self, k: &Kernels, q: &Prepared<'_>, ids: Range<usize>, top: &mut TopK) {
        let d = self.dim;
        match (&self.data, q.query) {
            (Storage::F32(v), Query::F32(qv)) => {
                for i in ids {
                    let row = &v[i * d..(i + 1) * d];
                    let (score, key) = match self.metric {
                        Metric::Dot => {
                            let s = (k.dot_f32)(qv, row);
                            (s, s as f64)
                        }
                        Metric::L2 => {
                            let s = (k.l2_f32)(qv, row);
                            (s, -(s as f64))
                        }
                        Metric::Cosine => {
                            let c = cosine_from_parts((k.dot_f32)(qv, row) as f64, q.norm, self.norms[i]);
                            (c as f32, c)
                        }
                        Metric::Hamming => unreachable!("Hamming goes with binary vectors only"),
                    };
                    top.offer(i as u32, score, key);
                }
            }
            (Storage::Bin(v), Query::Bin(qv)) => {
                // A distance costs a few nanoseconds here, so the heap is only touched by a hit that
                // beats the current k-th (ids ascend, so a tie loses).
                let ham = hamming::active().1;
                let mut bound = top.bound();
                for i in ids {
                    let key = -(ham(qv, &v[i * d..(i + 1) * d]) as f64);
                    if key > bound {
                        top.offer(i as u32, -key as f32, key);
                        bound = top.bound();
                    }
                }
            }
            (Storage::I8(v), Query::I8(qv)) => {
                for i in ids {
                    let row = &v[i * d..(i + 1) * d];
                    let (score, key) = match self.metric {
                        Metric::Dot => {
                            let s = (k.dot_i8)(qv, row) as f64;
                            (s as f32, s)
                        }
                        Metric::L2 => {
                            let s = (k.l2_i8)(qv, row) as f64;
                            (s as f32, -s)
                        }
                        Metric::Cosine => {
                            let c = cosine_from_parts((k.dot_i8)(qv, row) as f64, q.norm, self.norms[i]);
                            (c as f32, c)
                        }
                        Metric::Hamming => unreachable!("Hamming goes with binary vectors only"),
                    };
                    top.offer(i as u32, score, key);
                }
            }
            _ => unreachable!("prepare() matched the query type to the storage"),
        }
    }

    /// Scores vectors `ids` against four queries at once into their top-k's (batch search).
    fn scan4(&self, x4: &X4, q: [&Prepared<'_>; 4], ids: Range<usize>, top: &mut [TopK]) {
        let d = self.dim;
        let metric = self.metric;
        let offer = |top: &mut [TopK], i: usize, raw: [f64; 4]| {
            for j in 0..4 {
                let (score, key) = match metric {
                    Metric::Dot => (raw[j] as f32, raw[j]),
                    Metric::L2 | Metric::Hamming => (raw[j] as f32, -raw[j]),
                    Metric::Cosine => {
                        let c = cosine_from_parts(raw[j], q[j].norm, self.norms[i]);
                        (c as f32, c)
                    }
                };
                top[j].offer(i as u32, score, key);
            }
        };
        match &self.data {
            Storage::F32(v) => {
                let qs = q.map(|p| match p.query {
                    Query::F32(x) => x,
                    _ => unreachable!("prepare() matched the query type to the storage"),
                });
                let f = if metric == Metric::L2 { x4.l2_f32 } else { x4.dot_f32 };
                for i in ids {
                    let s = f(qs, &v[i * d..(i + 1) * d]);
                    offer(top, i, s.map(|x| x as f64));
                }
            }
            Storage::I8(v) => {
                let qs = q.map(|p| match p.query {
                    Query::I8(x) => x,
                    _ => unreachable!("prepare() matched the query type to the storage"),
                });
                let f = if metric == Metric::L2 { x4.l2_i8 } else { x4.dot_i8 };
                for i in ids {
                    let s = f(qs, &v[i * d..(i + 1) * d]);
                    offer(top, i, s.map(|x| x as f64));
                }
            }
            Storage::Bin(_) => unreachable!("binary vectors have no four-query kernels"),
        }
    }

    fn row_bytes(&self) -> usize {
        self.dim * self.element().size()
    }

    /// Splits `0..len` into ranges for the thread pool (one range when the work is small).
    fn ranges(&self, queries: usize) -> Vec<Range<usize>> {
        let work = self.len * self.row_bytes() * queries;
        let threads = rayon::current_num_threads().max(1);
        let parts = if work < PARALLEL_MIN_BYTES || threads == 1 { 1 } else { (threads * 4).min(self.len) };
        let step = self.len.div_ceil(parts);
        (0..self.len).step_by(step.max(1)).map(|s| s..(s + step).min(self.len)).collect()
    }

    fn check_searchable(&self, k: usize) -> VectorResult<usize> {
        if k == 0 {
            return Err(VectorError::Invalid("k must be > 0".into()));
        }
        if self.len == 0 {
            return Err(VectorError::State("the index is empty".into()));
        }
        Ok(k.min(self.len))
    }

    /// The `min(k, len)` best vectors for `query`, best first.
    pub fn search(&self, query: Query<'_>, k: usize) -> VectorResult<Vec<Hit>> {
        let k = self.check_searchable(k)?;
        let q = self.prepare(query)?;
        let kern = active();
        let top = self
            .ranges(1)
            .into_par_iter()
            .map(|r| {
                // a pool thread: charge what it builds to vectors, where the caller frees it
                crate::memory::Kernel::Vectors.enter();
                let mut t = TopK::new(k);
                self.scan(kern, &q, r, &mut t);
                t
            })
            .reduce(
                || {
                    crate::memory::Kernel::Vectors.enter();
                    TopK::new(k)
                },
                TopK::merge,
            );
        Ok(top.into_sorted())
    }

    /// The `min(k, len)` best vectors for each query, best first. Stored vectors are visited in
    /// cache-sized blocks, each block scored against every query before the next is read.
    pub fn search_batch(&self, queries: &[Query<'_>], k: usize) -> VectorResult<Vec<Vec<Hit>>> {
        let k = self.check_searchable(k)?;
        let prepared = queries
            .iter()
            .enumerate()
            .map(|(i, q)| self.prepare(*q).map_err(|e| VectorError::Invalid(format!("query {i}: {e}"))))
            .collect::<VectorResult<Vec<_>>>()?;
        if prepared.is_empty() {
            return Ok(Vec::new());
        }
        let kern = active();
        let block = (BLOCK_BYTES / self.row_bytes()).max(1);
        let fresh = || prepared.iter().map(|_| TopK::new(k)).collect::<Vec<_>>();
        let tops = self
            .ranges(prepared.len())
            .into_par_iter()
            .map(|r| {
                crate::memory::Kernel::Vectors.enter(); // as in `search`
                let mut tops = fresh();
                for start in r.clone().step_by(block) {
                    let ids = start..(start + block).min(r.end);
                    let mut done = 0;
                    if let Some(x4) = kern.x4.as_ref().filter(|_| !matches!(self.data, Storage::Bin(_))) {
                        for (qs, ts) in prepared.chunks_exact(4).zip(tops.chunks_exact_mut(4)) {
                            self.scan4(x4, [&qs[0], &qs[1], &qs[2], &qs[3]], ids.clone(), ts);
                            done += 4;
                        }
                    }
                    for (q, t) in prepared[done..].iter().zip(tops[done..].iter_mut()) {
                        self.scan(kern, q, ids.clone(), t);
                    }
                }
                tops
            })
            .reduce(
                || {
                    crate::memory::Kernel::Vectors.enter();
                    fresh()
                },
                |a, b| a.into_iter().zip(b).map(|(x, y)| x.merge(y)).collect(),
            );
        Ok(tops.into_iter().map(TopK::into_sorted).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::super::kernels::tests::Rng;
    use super::super::ElementType;
    use super::*;

    /// Double-precision brute force: (id, score) best first, ties by id.
    fn reference(data: &[Vec<f64>], q: &[f64], metric: Metric, k: usize) -> Vec<(u32, f64)> {
        let norm = |v: &[f64]| v.iter().map(|x| x * x).sum::<f64>().sqrt();
        let mut s: Vec<(u32, f64)> = data
            .iter()
            .enumerate()
            .map(|(i, v)| {
                let dot: f64 = v.iter().zip(q).map(|(a, b)| a * b).sum();
                let score = match metric {
                    Metric::Dot => dot,
                    Metric::Cosine => cosine_from_parts(dot, norm(v), norm(q)),
                    Metric::L2 => v.iter().zip(q).map(|(a, b)| (a - b) * (a - b)).sum(),
                    Metric::Hamming => unreachable!("binary vectors have their own reference"),
                };
                (i as u32, score)
            })
            .collect();
        let key = |x: f64| if metric == Metric::L2 { -x } else { x };
        s.sort_by(|a, b| key(b.1).partial_cmp(&key(a.1)).unwrap().then(a.0.cmp(&b.0)));
        s.truncate(k);
        s
    }

    /// Float32 scores are within `tol` of the true ones, so the top-k must equal the reference's
    /// wherever the reference has no two scores closer than that; inside such a near-tie (e.g. the
    /// cosine of 1-dimensional vectors, exactly ±1) the order may follow the float32 rounding. So:
    /// at every rank, the true score of our id equals the true score of the reference's id within
    /// `tol`, and where the reference's neighbours are farther apart than `tol`, the ids are equal.
    fn assert_same_top_k(got: &[Hit], want: &[(u32, f64)], data: &[Vec<f64>], q: &[f64], metric: Metric, what: &str) {
        let all = reference(data, q, metric, data.len());
        let truth = |id: u32| all.iter().find(|w| w.0 == id).unwrap().1;
        let tol = |s: f64| 1e-5 * (1.0 + s.abs()) * (q.len() as f64).sqrt();
        assert_eq!(got.len(), want.len(), "{what}");
        for (j, (h, w)) in got.iter().zip(want).enumerate() {
            assert!((truth(h.id) - w.1).abs() <= tol(w.1), "{what}: rank {j} got {h:?}, want {w:?}");
            assert!((h.score as f64 - w.1).abs() <= tol(w.1), "{what}: score {h:?} vs {w:?}");
            let isolated = [j.checked_sub(1), Some(j + 1)].iter().flatten().all(|&n| all.get(n).is_none_or(|o| (o.1 - w.1).abs() > tol(w.1)));
            if isolated {
                assert_eq!(h.id, w.0, "{what}: rank {j}");
            }
        }
    }

    #[test]
    fn top_k_equals_double_precision_brute_force() {
        let mut rng = Rng(42);
        for &(dim, n) in &[(1usize, 300usize), (3, 500), (17, 400), (128, 2000), (768, 1500), (1031, 300)] {
            for metric in [Metric::Dot, Metric::Cosine, Metric::L2] {
                let data: Vec<Vec<f32>> = (0..n).map(|_| (0..dim).map(|_| rng.f32()).collect()).collect();
                let mut ix = FlatIndex::new(dim, metric, ElementType::F32, u64::MAX).unwrap();
                ix.add_f32(&data.concat()).unwrap();
                let qs: Vec<Vec<f32>> = (0..5).map(|_| (0..dim).map(|_| rng.f32()).collect()).collect();
                let d64: Vec<Vec<f64>> = data.iter().map(|v| v.iter().map(|&x| x as f64).collect()).collect();
                let batch = ix.search_batch(&qs.iter().map(|q| Query::F32(q)).collect::<Vec<_>>(), 10).unwrap();
                for (qi, q) in qs.iter().enumerate() {
                    let q64: Vec<f64> = q.iter().map(|&x| x as f64).collect();
                    let want = reference(&d64, &q64, metric, 10);
                    let got = ix.search(Query::F32(q), 10).unwrap();
                    assert_same_top_k(&got, &want, &d64, &q64, metric, &format!("dim {dim} {metric:?}"));
                    assert_eq!(batch[qi], got, "batch = single, dim {dim} {metric:?}");
                    for (h, w) in got.iter().zip(&want) {
                        assert!((h.score as f64 - w.1).abs() <= 1e-4 * (1.0 + w.1.abs()), "{h:?} vs {w:?}");
                    }
                }

                let data: Vec<Vec<i8>> = (0..n).map(|_| (0..dim).map(|_| rng.i8()).collect()).collect();
                let mut ix = FlatIndex::new(dim, metric, ElementType::I8, u64::MAX).unwrap();
                ix.add_i8(&data.concat()).unwrap();
                let q: Vec<i8> = (0..dim).map(|_| rng.i8()).collect();
                let d64: Vec<Vec<f64>> = data.iter().map(|v| v.iter().map(|&x| x as f64).collect()).collect();
                let q64: Vec<f64> = q.iter().map(|&x| x as f64).collect();
                let want = reference(&d64, &q64, metric, 10);
                let got = ix.search(Query::I8(&q), 10).unwrap();
                if metric == Metric::Cosine {
                    assert_same_top_k(&got, &want, &d64, &q64, metric, &format!("int8 dim {dim} {metric:?}"));
                } else {
                    // int8 dot and L2 are exact integers: identical ids, identical scores.
                    assert_eq!(got.iter().map(|h| h.id).collect::<Vec<_>>(), want.iter().map(|w| w.0).collect::<Vec<_>>());
                    assert!(got.iter().zip(&want).all(|(h, w)| h.score as f64 == w.1 as f32 as f64));
                }
            }
        }
    }

    /// Binary vectors: Hamming top-k (ids and exact scores) equals a bit-by-bit brute force sorted by
    /// (distance, id), for single and batch searches, small and parallel scans.
    #[test]
    fn hamming_top_k_equals_brute_force() {
        let mut rng = Rng(9);
        // 256 bits × 34,000 vectors is over 1 MiB: the parallel scan and its merge run too
        for &(bits, n) in &[(8usize, 500usize), (16, 300), (24, 300), (64, 2000), (136, 300), (256, 34_000), (1024, 1500), (4096, 400)] {
            let bytes = bits / 8;
            // few distinct bytes at small dimensions, so there are many ties
            let data: Vec<u8> = (0..n * bytes).map(|_| rng.next() as u8 & if bits <= 16 { 0x0F } else { 0xFF }).collect();
            let mut ix = FlatIndex::new(bits, Metric::Hamming, ElementType::Binary, u64::MAX).unwrap();
            ix.add_bytes(&data, true).unwrap();
            let qs: Vec<Vec<u8>> = (0..5).map(|_| (0..bytes).map(|_| rng.next() as u8).collect()).collect();
            let batch = ix.search_batch(&qs.iter().map(|q| Query::Bin(q)).collect::<Vec<_>>(), 10).unwrap();
            for (qi, q) in qs.iter().enumerate() {
                let mut want: Vec<(u64, u32)> = data
                    .chunks_exact(bytes)
                    .enumerate()
                    .map(|(i, v)| (v.iter().zip(q).map(|(a, b)| (a ^ b).count_ones() as u64).sum(), i as u32))
                    .collect();
                want.sort();
                want.truncate(10);
                let got = ix.search(Query::Bin(q), 10).unwrap();
                assert_eq!(got.iter().map(|h| (h.score as u64, h.id)).collect::<Vec<_>>(), want, "bits {bits}");
                assert_eq!(batch[qi], got, "batch = single, bits {bits}");
            }
        }
        let ix = FlatIndex::new(16, Metric::Hamming, ElementType::Binary, u64::MAX).unwrap();
        assert!(ix.search(Query::Bin(&[0, 0]), 1).is_err()); // empty
        let mut ix = ix;
        ix.add_bytes(&[0, 0], true).unwrap();
        assert!(ix.search(Query::Bin(&[0]), 1).is_err());
        assert!(ix.search(Query::I8(&[0, 0]), 1).is_err());
        assert!(ix.search(Query::F32(&[0.0; 16]), 1).is_err());
        assert_eq!(ix.search(Query::bytes(ElementType::Binary, &[-1, 1]), 1).unwrap()[0].score, 9.0);
    }

    #[test]
    fn ties_are_ordered_by_id_across_threads() {
        // 4096 identical vectors: every score ties, so the top-k must be ids 0..k, whatever the split.
        let mut ix = FlatIndex::new(256, Metric::Dot, ElementType::F32, u64::MAX).unwrap();
        ix.add_f32(&vec![0.25; 256 * 4096]).unwrap();
        let got = ix.search(Query::F32(&[1.0; 256]), 7).unwrap();
        assert_eq!(got.iter().map(|h| h.id).collect::<Vec<_>>(), (0..7).collect::<Vec<_>>());
    }

    #[test]
    fn nan_scores_rank_last() {
        // Finite components whose products overflow: +inf + -inf = NaN for vector 0.
        let mut ix = FlatIndex::new(2, Metric::Dot, ElementType::F32, u64::MAX).unwrap();
        ix.add_f32(&[3e38, -3e38, -1.0, -1.0, 1.0, 1.0]).unwrap();
        let got = ix.search(Query::F32(&[1e38, 1e38]), 3).unwrap();
        assert_eq!(got.iter().map(|h| h.id).collect::<Vec<_>>(), vec![2, 1, 0]);
        assert!(got[2].score.is_nan());
    }

    #[test]
    fn bad_searches() {
        let mut ix = FlatIndex::new(2, Metric::L2, ElementType::F32, u64::MAX).unwrap();
        assert!(matches!(ix.search(Query::F32(&[0.0, 0.0]), 1), Err(VectorError::State(_))));
        ix.add_f32(&[1.0, 2.0]).unwrap();
        assert!(ix.search(Query::F32(&[0.0, 0.0]), 0).is_err());
        assert!(ix.search(Query::F32(&[0.0]), 1).is_err());
        assert!(ix.search(Query::F32(&[0.0, f32::NAN]), 1).is_err());
        assert!(ix.search(Query::I8(&[0, 0]), 1).is_err());
        assert_eq!(ix.search(Query::F32(&[0.0, 0.0]), 5).unwrap().len(), 1);
    }
}
