//! The flat index's storage: vectors packed row after row in one native allocation, with a memory
//! cap checked before every growth and allocation failures reported instead of aborting.

use super::{check_combination, ElementType, Metric, MAX_DIMENSION};
use std::convert::Infallible;

use super::{VectorError, VectorResult};

/// Largest number of vectors: ids are Java `int`s.
pub const MAX_VECTORS: usize = i32::MAX as usize;

pub(super) enum Storage {
    F32(Vec<f32>),
    I8(Vec<i8>),
    Bin(Vec<u8>),
}

/// A flat index: `len` vectors of `dim` stored elements each, ids `0..len` in insertion order.
pub struct FlatIndex {
    /// Stored elements per vector: components, or bytes of 8 components for binary vectors.
    pub(super) dim: usize,
    pub(super) metric: Metric,
    pub(super) data: Storage,
    /// Euclidean norm of each vector, kept only for cosine (computed once, on add).
    pub(super) norms: Vec<f64>,
    pub(super) len: usize,
    max_bytes: u64,
}

impl FlatIndex {
    /// An empty index of vectors of `dimension` components (bits, for binary vectors: a multiple of
    /// 8). `max_bytes` caps the memory its vectors (and norms) may take.
    pub fn new(dimension: usize, metric: Metric, element: ElementType, max_bytes: u64) -> VectorResult<FlatIndex> {
        if dimension == 0 || dimension > MAX_DIMENSION {
            return Err(VectorError::Invalid(format!("dimension must be in [1, {MAX_DIMENSION}], was {dimension}")));
        }
        if max_bytes == 0 {
            return Err(VectorError::Invalid("maxBytes must be > 0".into()));
        }
        check_combination(metric, element)?;
        let (data, dim) = match element {
            ElementType::F32 => (Storage::F32(Vec::new()), dimension),
            ElementType::I8 => (Storage::I8(Vec::new()), dimension),
            ElementType::Binary if dimension.is_multiple_of(8) => (Storage::Bin(Vec::new()), dimension / 8),
            ElementType::Binary => {
                return Err(VectorError::Invalid(format!("a binary dimension counts bits and must be a multiple of 8, was {dimension}")))
            }
        };
        Ok(FlatIndex { dim, metric, data, norms: Vec::new(), len: 0, max_bytes })
    }

    /// Stored elements per vector (bytes, for binary vectors).
    pub fn dim(&self) -> usize {
        self.dim
    }

    pub fn metric(&self) -> Metric {
        self.metric
    }

    pub fn element(&self) -> ElementType {
        match self.data {
            Storage::F32(_) => ElementType::F32,
            Storage::I8(_) => ElementType::I8,
            Storage::Bin(_) => ElementType::Binary,
        }
    }

    /// Number of vectors.
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Bytes one vector takes, norm included.
    fn vector_bytes(&self) -> u64 {
        (self.dim * self.element().size()) as u64 + if self.metric == Metric::Cosine { 8 } else { 0 }
    }

    /// Bytes allocated for vectors and norms (capacity, not just length).
    pub fn memory_bytes(&self) -> u64 {
        let data = match &self.data {
            Storage::F32(v) => v.capacity() * 4,
            Storage::I8(v) => v.capacity(),
            Storage::Bin(v) => v.capacity(),
        };
        (data + self.norms.capacity() * 8) as u64
    }

    /// Makes room for `additional` more vectors, growing geometrically but never past the cap.
    pub fn reserve(&mut self, additional: usize) -> VectorResult<()> {
        let needed = self
            .len
            .checked_add(additional)
            .filter(|&n| n <= MAX_VECTORS)
            .ok_or_else(|| VectorError::Invalid(format!("an index holds at most {MAX_VECTORS} vectors")))?;
        let per = self.vector_bytes();
        let needed_bytes = needed as u64 * per;
        if needed_bytes > self.max_bytes {
            return Err(VectorError::OutOfMemory(format!(
                "FlatIndex memory cap exceeded: {needed} vectors need {needed_bytes} bytes, the cap (maxBytes) is {} bytes",
                self.max_bytes
            )));
        }
        let capacity = match &self.data {
            Storage::F32(v) => v.capacity(),
            Storage::I8(v) => v.capacity(),
            Storage::Bin(v) => v.capacity(),
        } / self.dim;
        if needed <= capacity {
            return Ok(());
        }
        let cap_vectors = (self.max_bytes / per).min(MAX_VECTORS as u64) as usize;
        let target = needed.max(capacity.saturating_mul(2)).min(cap_vectors);
        let oom = |_| {
            VectorError::OutOfMemory(format!("could not allocate {} bytes of native memory for {target} vectors", target as u64 * per))
        };
        let elems = target * self.dim;
        match &mut self.data {
            Storage::F32(v) => v.try_reserve_exact(elems - v.len()).map_err(oom)?,
            Storage::I8(v) => v.try_reserve_exact(elems - v.len()).map_err(oom)?,
            Storage::Bin(v) => v.try_reserve_exact(elems - v.len()).map_err(oom)?,
        }
        if self.metric == Metric::Cosine {
            self.norms.try_reserve_exact(target - self.norms.len()).map_err(oom)?;
        }
        Ok(())
    }

    /// Appends `count` float32 vectors written by `fill` into a zeroed slice of `count * dim`
    /// components. All or nothing: on any error (from `fill`, or a NaN/infinite component) the index
    /// is unchanged. Returns the id of the first vector.
    pub fn append_f32<E>(&mut self, count: usize, fill: impl FnOnce(&mut [f32]) -> Result<(), E>) -> Result<u32, AppendError<E>> {
        if !matches!(self.data, Storage::F32(_)) {
            return Err(VectorError::Invalid(format!("this index holds {:?} vectors; add byte vectors", self.element())).into());
        }
        self.reserve(count)?;
        let (first, dim) = (self.len, self.dim);
        let Storage::F32(v) = &mut self.data else { unreachable!() };
        fill_tail(v, first * dim, count * dim, |t| {
            fill(t).map_err(AppendError::Fill)?;
            check_finite(t, dim, first).map_err(AppendError::Index)
        })?;
        self.finish_append(count);
        Ok(first as u32)
    }

    /// Appends `count` int8 vectors written by `fill`; all or nothing, like [`Self::append_f32`].
    pub fn append_i8<E>(&mut self, count: usize, fill: impl FnOnce(&mut [i8]) -> Result<(), E>) -> Result<u32, AppendError<E>> {
        if !matches!(self.data, Storage::I8(_)) {
            return Err(self.wrong_bytes().into());
        }
        self.reserve(count)?;
        let (first, dim) = (self.len, self.dim);
        let Storage::I8(v) = &mut self.data else { unreachable!() };
        fill_tail(v, first * dim, count * dim, |t| fill(t).map_err(AppendError::Fill))?;
        self.finish_append(count);
        Ok(first as u32)
    }

    /// Appends `count` binary vectors (`dim` bytes each) written by `fill`; all or nothing.
    pub fn append_bin<E>(&mut self, count: usize, fill: impl FnOnce(&mut [u8]) -> Result<(), E>) -> Result<u32, AppendError<E>> {
        if !matches!(self.data, Storage::Bin(_)) {
            return Err(self.wrong_bytes().into());
        }
        self.reserve(count)?;
        let (first, dim) = (self.len, self.dim);
        let Storage::Bin(v) = &mut self.data else { unreachable!() };
        fill_tail(v, first * dim, count * dim, |t| fill(t).map_err(AppendError::Fill))?;
        self.finish_append(count);
        Ok(first as u32)
    }

    /// Appends `count` vectors of bytes (int8 or binary, as this index holds) written by `fill`.
    pub fn append_bytes<E>(&mut self, count: usize, fill: impl FnOnce(&mut [i8]) -> Result<(), E>) -> Result<u32, AppendError<E>> {
        match self.element() {
            ElementType::Binary => self.append_bin(count, |dst| fill(super::as_i8_mut(dst))),
            _ => self.append_i8(count, fill),
        }
    }

    fn wrong_bytes(&self) -> VectorError {
        VectorError::Invalid(format!("this index holds {:?} vectors, not {:?}", self.element(), ElementType::I8))
    }

    /// Counts the new vectors in and computes their norms (cosine only; capacity was reserved).
    fn finish_append(&mut self, count: usize) {
        let (first, dim) = (self.len, self.dim);
        if self.metric == Metric::Cosine {
            for i in first..first + count {
                let n = match &self.data {
                    Storage::F32(v) => norm_f32(&v[i * dim..(i + 1) * dim]),
                    Storage::I8(v) => norm_i8(&v[i * dim..(i + 1) * dim]),
                    Storage::Bin(_) => unreachable!("binary vectors are compared by Hamming distance only"),
                };
                self.norms.push(n);
            }
        }
        self.len += count;
    }

    /// Appends float32 vectors from a slice whose length is a multiple of the dimension.
    pub fn add_f32(&mut self, src: &[f32]) -> VectorResult<u32> {
        let count = self.count_of(src.len())?;
        self.append_f32(count, |dst| {
            dst.copy_from_slice(src);
            Ok::<(), Infallible>(())
        }).map_err(AppendError::index)
    }

    /// Appends int8 vectors from a slice whose length is a multiple of the dimension.
    pub fn add_i8(&mut self, src: &[i8]) -> VectorResult<u32> {
        let count = self.count_of(src.len())?;
        self.append_i8(count, |dst| {
            dst.copy_from_slice(src);
            Ok::<(), Infallible>(())
        }).map_err(AppendError::index)
    }

    /// Appends vectors from raw bytes: int8 and binary as is, float32 as 4-byte IEEE values in the
    /// given order.
    pub fn add_bytes(&mut self, src: &[u8], little_endian: bool) -> VectorResult<u32> {
        match self.element() {
            ElementType::Binary => {
                let count = self.count_of(src.len())?;
                self.append_bin(count, |dst| {
                    dst.copy_from_slice(src);
                    Ok::<(), Infallible>(())
                }).map_err(AppendError::index)
            }
            ElementType::I8 => {
                let count = self.count_of(src.len())?;
                self.append_i8(count, |dst| {
                    for (d, s) in dst.iter_mut().zip(src) {
                        *d = *s as i8;
                    }
                    Ok::<(), Infallible>(())
                }).map_err(AppendError::index)
            }
            ElementType::F32 => {
                if !src.len().is_multiple_of(4) {
                    return Err(VectorError::Invalid(format!("{} bytes is not a whole number of floats", src.len())));
                }
                let count = self.count_of(src.len() / 4)?;
                self.append_f32(count, |dst| {
                    for (d, s) in dst.iter_mut().zip(src.chunks_exact(4)) {
                        let b = [s[0], s[1], s[2], s[3]];
                        *d = if little_endian { f32::from_le_bytes(b) } else { f32::from_be_bytes(b) };
                    }
                    Ok::<(), Infallible>(())
                }).map_err(AppendError::index)
            }
        }
    }

    /// Number of vectors in `components` values, which must be a positive multiple of the dimension.
    pub fn count_of(&self, components: usize) -> VectorResult<usize> {
        if components == 0 || !components.is_multiple_of(self.dim) {
            return Err(VectorError::Invalid(format!(
                "length {components} is not a positive multiple of the dimension {}",
                self.dim
            )));
        }
        Ok(components / self.dim)
    }

    /// Drops vectors from the end so that `len` remain (undoes a partly failed multi-call add).
    pub fn truncate(&mut self, len: usize) {
        if len < self.len {
            match &mut self.data {
                Storage::F32(v) => v.truncate(len * self.dim),
                Storage::I8(v) => v.truncate(len * self.dim),
                Storage::Bin(v) => v.truncate(len * self.dim),
            }
            self.norms.truncate(len);
            self.len = len;
        }
    }
}

/// Grows `v` (holding `start` elements) by `n` zeroed ones, lets `fill` write them, and takes them
/// back if it fails: an add is all or nothing.
fn fill_tail<T: Copy + Default, E>(v: &mut Vec<T>, start: usize, n: usize, fill: impl FnOnce(&mut [T]) -> Result<(), E>) -> Result<(), E> {
    v.resize(start + n, T::default());
    let result = fill(&mut v[start..]);
    if result.is_err() {
        v.truncate(start);
    }
    result
}

/// Rejects NaN and infinite components, naming the first one (ids count from `first_id`).
pub fn check_finite(v: &[f32], dim: usize, first_id: usize) -> VectorResult<()> {
    match v.iter().position(|x| !x.is_finite()) {
        None => Ok(()),
        Some(p) => Err(VectorError::Invalid(format!(
            "component {} of vector {} is {} (only finite values are accepted)",
            p % dim,
            first_id + p / dim,
            v[p]
        ))),
    }
}

/// Why an append failed: the index refused it, or the caller's `fill` failed (its error kept as is).
#[derive(Debug, PartialEq)]
pub enum AppendError<E> {
    /// Refused by the index (wrong element type, over its cap, a NaN or infinite component).
    Index(VectorError),
    /// `fill` failed; nothing was added.
    Fill(E),
}

impl<E> From<VectorError> for AppendError<E> {
    fn from(e: VectorError) -> Self {
        AppendError::Index(e)
    }
}

impl AppendError<std::convert::Infallible> {
    /// The index's error, when `fill` cannot fail.
    fn index(self) -> VectorError {
        match self {
            AppendError::Index(e) => e,
            AppendError::Fill(never) => match never {},
        }
    }
}

/// Euclidean norm in double precision.
pub fn norm_f32(v: &[f32]) -> f64 {
    v.iter().map(|&x| x as f64 * x as f64).sum::<f64>().sqrt()
}

/// Euclidean norm of an int8 vector (the sum of squares is exact).
pub fn norm_i8(v: &[i8]) -> f64 {
    (v.iter().map(|&x| x as i64 * x as i64).sum::<i64>() as f64).sqrt()
}

impl crate::memory::Owned for FlatIndex {
    const KERNEL: crate::memory::Kernel = crate::memory::Kernel::Vectors;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_bad_shapes_and_values_atomically() {
        let mut ix = FlatIndex::new(3, Metric::Cosine, ElementType::F32, u64::MAX).unwrap();
        assert_eq!(ix.add_f32(&[1.0, 2.0, 3.0, 4.0, 5.0, 6.0]).unwrap(), 0);
        assert!(ix.add_f32(&[1.0, 2.0]).is_err());
        assert!(ix.add_f32(&[]).is_err());
        let e = ix.add_f32(&[1.0, 2.0, 3.0, 4.0, f32::NAN, 6.0]).unwrap_err().to_string();
        assert!(e.contains("component 1 of vector 3"), "{e}");
        assert!(ix.add_f32(&[f32::INFINITY, 0.0, 0.0]).is_err());
        assert!(ix.add_i8(&[1, 2, 3]).is_err());
        assert_eq!(ix.len(), 2);
        assert_eq!(ix.norms.len(), 2);
        assert_eq!(ix.add_f32(&[0.0, 3.0, 4.0]).unwrap(), 2);
        assert_eq!(ix.norms[2], 5.0);
    }

    #[test]
    fn memory_cap_is_enforced_before_allocating() {
        // 4 dims of f32 = 16 bytes per vector; a 100-byte cap holds 6 vectors.
        let mut ix = FlatIndex::new(4, Metric::Dot, ElementType::F32, 100).unwrap();
        ix.add_f32(&[0.5; 24]).unwrap();
        assert!(ix.memory_bytes() <= 100);
        let e = ix.add_f32(&[0.5; 4]).unwrap_err();
        assert!(matches!(e, VectorError::OutOfMemory(_)), "{e}");
        assert!(e.to_string().contains("cap"), "{e}");
        assert_eq!(ix.len(), 6);
    }

    #[test]
    fn bytes_are_read_in_either_order() {
        let mut ix = FlatIndex::new(2, Metric::L2, ElementType::F32, u64::MAX).unwrap();
        let mut le = Vec::new();
        let mut be = Vec::new();
        for x in [1.5f32, -2.25] {
            le.extend_from_slice(&x.to_le_bytes());
            be.extend_from_slice(&x.to_be_bytes());
        }
        ix.add_bytes(&le, true).unwrap();
        ix.add_bytes(&be, false).unwrap();
        let Storage::F32(v) = &ix.data else { panic!() };
        assert_eq!(v, &[1.5, -2.25, 1.5, -2.25]);
        assert!(ix.add_bytes(&le[..7], true).is_err());
    }

    #[test]
    fn binary_vectors_are_bytes_of_eight_components() {
        // 24 bits = 3 bytes per vector; a 9-byte cap holds 3 vectors
        let mut ix = FlatIndex::new(24, Metric::Hamming, ElementType::Binary, 9).unwrap();
        assert_eq!(ix.dim(), 3);
        assert_eq!(ix.add_bytes(&[1, 2, 3, 4, 5, 6], true).unwrap(), 0);
        assert!(ix.add_bytes(&[1, 2], true).is_err());
        assert!(ix.add_i8(&[1, 2, 3]).is_err());
        assert!(ix.add_f32(&[1.0, 2.0, 3.0]).is_err());
        let fill = |d: &mut [i8]| {
            d.copy_from_slice(&[-1, 0, 1]);
            Ok::<(), Infallible>(())
        };
        assert_eq!(ix.append_bytes(1, fill).unwrap(), 2);
        assert!(matches!(ix.add_bytes(&[0; 3], true), Err(VectorError::OutOfMemory(_))));
        let Storage::Bin(v) = &ix.data else { panic!() };
        assert_eq!(v, &[1, 2, 3, 4, 5, 6, 255, 0, 1]);
        assert_eq!(ix.memory_bytes(), 9);
        ix.truncate(1);
        assert_eq!(ix.len(), 1);
    }

    #[test]
    fn bad_construction() {
        assert!(FlatIndex::new(0, Metric::Dot, ElementType::F32, 1).is_err());
        assert!(FlatIndex::new(MAX_DIMENSION + 1, Metric::Dot, ElementType::F32, 1).is_err());
        assert!(FlatIndex::new(1, Metric::Dot, ElementType::F32, 0).is_err());
        // Hamming with binary vectors only; binary dimensions in whole bytes
        assert!(FlatIndex::new(8, Metric::Hamming, ElementType::F32, 1).is_err());
        assert!(FlatIndex::new(8, Metric::Hamming, ElementType::I8, 1).is_err());
        for m in [Metric::Dot, Metric::Cosine, Metric::L2] {
            assert!(FlatIndex::new(8, m, ElementType::Binary, 1).is_err());
        }
        assert!(FlatIndex::new(12, Metric::Hamming, ElementType::Binary, 1).is_err());
        assert!(FlatIndex::new(MAX_DIMENSION + 8, Metric::Hamming, ElementType::Binary, 1).is_err());
        assert!(FlatIndex::new(MAX_DIMENSION, Metric::Hamming, ElementType::Binary, 1).is_ok());
    }
}
