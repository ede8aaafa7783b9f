//! BLAKE3 hashing, pure Rust: a thin layer over the `blake3` crate in the shape the JNI glue needs.
//! No JNI here, so everything is unit-tested and fuzzable without a JVM.


use std::io;
use std::path::Path;

/// Length in bytes of a default BLAKE3 output and of a key.
pub const OUT_LEN: usize = ::blake3::OUT_LEN;

/// Length in bytes of a key for keyed hashing.
pub const KEY_LEN: usize = ::blake3::KEY_LEN;

/// Files smaller than this are read on one thread: below it, splitting work across threads costs
/// more than it saves (the crate documents ~128 KiB as the break-even point of `update_rayon`).
pub const PARALLEL_THRESHOLD: u64 = 128 * 1024;

/// A streaming BLAKE3 state: plain, keyed or key-derivation mode.
#[derive(Clone)]
pub struct Hasher {
    inner: ::blake3::Hasher,
}

impl Hasher {
    /// A plain (unkeyed) hasher.
    pub fn new() -> Self {
        Hasher { inner: ::blake3::Hasher::new() }
    }

    /// A keyed hasher (BLAKE3's MAC mode).
    pub fn new_keyed(key: &[u8; KEY_LEN]) -> Self {
        Hasher { inner: ::blake3::Hasher::new_keyed(key) }
    }

    /// A key-derivation hasher for `context` (a hard-coded, globally unique, application-specific string).
    pub fn new_derive_key(context: &str) -> Self {
        Hasher { inner: ::blake3::Hasher::new_derive_key(context) }
    }

    /// Absorbs the whole file at `path`: memory-mapped and split across `threads` threads (0 = all
    /// cores) when it is large, read plainly when it is small or `threads` is 1.
    pub fn update_file(&mut self, path: &Path, threads: usize) -> io::Result<()> {
        let len = std::fs::metadata(path)?.len();
        if threads == 1 || len < PARALLEL_THRESHOLD {
            self.inner.update_mmap(path)?;
            return Ok(());
        }
        let inner = &mut self.inner;
        in_pool(threads, || inner.update_mmap_rayon(path).map(|_| ()))?
    }

    /// Absorbs `input`, split across `threads` threads (0 = all cores) when it is large.
    pub fn update_parallel(&mut self, input: &[u8], threads: usize) -> io::Result<()> {
        if threads == 1 || (input.len() as u64) < PARALLEL_THRESHOLD {
            self.inner.update(input);
            return Ok(());
        }
        let inner = &mut self.inner;
        in_pool(threads, || {
            inner.update_rayon(input);
        })
    }

    /// Absorbs `input`.
    pub fn update(&mut self, input: &[u8]) {
        self.inner.update(input);
    }

    /// Writes output bytes `seek..seek + out.len()` of the extendable output into `out`. The state is
    /// not changed, so more input may follow.
    pub fn finalize_xof_into(&self, seek: u64, out: &mut [u8]) {
        if seek == 0 && out.len() == OUT_LEN {
            // the plain digest: one compression instead of a full 64-byte output block
            out.copy_from_slice(self.inner.finalize().as_bytes());
            return;
        }
        let mut reader = self.inner.finalize_xof();
        reader.set_position(seek);
        reader.fill(out);
    }

    /// Forgets all input, keeping the mode and key.
    pub fn reset(&mut self) {
        self.inner.reset();
    }
}

impl Default for Hasher {
    fn default() -> Self {
        Self::new()
    }
}

/// Runs `f` on the global thread pool (`threads == 0`) or on a new pool of `threads` threads.
fn in_pool<R: Send>(threads: usize, f: impl FnOnce() -> R + Send) -> io::Result<R> {
    if threads == 0 {
        return Ok(f());
    }
    let pool = rayon_core::ThreadPoolBuilder::new().num_threads(threads).build().map_err(io::Error::other)?;
    Ok(pool.install(f))
}

/// One-shot plain hash of `input`.
pub fn hash(input: &[u8]) -> [u8; OUT_LEN] {
    *::blake3::hash(input).as_bytes()
}

impl crate::memory::Owned for Hasher {
    const KERNEL: crate::memory::Kernel = crate::memory::Kernel::Blake3;
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The input pattern of the official test vectors: byte i is i mod 251.
    fn vector_input(len: usize) -> Vec<u8> {
        (0..len).map(|i| (i % 251) as u8).collect()
    }

    #[test]
    fn official_vector_empty_and_1024() {
        // From test_vectors.json of the BLAKE3 reference repository.
        let empty = "af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262";
        let len1024 = "42214739f095a406f3fc83deb889744ac00df831c10daa55189b5d121c855af7";
        assert_eq!(hex(&hash(&[])), empty);
        assert_eq!(hex(&hash(&vector_input(1024))), len1024);
    }

    #[test]
    fn streaming_equals_one_shot_for_any_split() {
        let data = vector_input(5000);
        for split in [0, 1, 63, 64, 1023, 1024, 1025, 4999, 5000] {
            let mut h = Hasher::new();
            h.update(&data[..split]);
            h.update(&data[split..]);
            let mut out = [0u8; OUT_LEN];
            h.finalize_xof_into(0, &mut out);
            assert_eq!(out, hash(&data), "split {split}");
        }
    }

    #[test]
    fn xof_seek_returns_the_same_bytes_as_a_long_read() {
        let mut h = Hasher::new();
        h.update(b"abc");
        let mut long = [0u8; 200];
        h.finalize_xof_into(0, &mut long);
        let mut tail = [0u8; 37];
        h.finalize_xof_into(131, &mut tail);
        assert_eq!(&long[131..168], &tail);
        assert_eq!(&long[..32], &hash(b"abc"));
    }

    #[test]
    fn reset_forgets_input() {
        let mut h = Hasher::new();
        h.update(b"garbage");
        h.reset();
        h.update(b"abc");
        let mut out = [0u8; OUT_LEN];
        h.finalize_xof_into(0, &mut out);
        assert_eq!(out, hash(b"abc"));
    }

    #[test]
    fn file_hashing_equals_in_memory_hashing_for_every_thread_count() {
        let dir = std::env::temp_dir().join(format!("ferric-b3-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        for len in [0usize, 1, 1024, 128 * 1024 - 1, 128 * 1024, 1 << 20] {
            let data = vector_input(len);
            let path = dir.join(format!("f{len}"));
            std::fs::write(&path, &data).unwrap();
            for threads in [0, 1, 2, 3] {
                let mut h = Hasher::new();
                h.update_file(&path, threads).unwrap();
                let mut out = [0u8; OUT_LEN];
                h.finalize_xof_into(0, &mut out);
                assert_eq!(out, hash(&data), "len {len} threads {threads}");
            }
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn parallel_update_equals_plain_update() {
        let data = vector_input(3 << 20);
        for threads in [0, 1, 2, 5] {
            let mut h = Hasher::new();
            h.update_parallel(&data[..7], threads).unwrap();
            h.update_parallel(&data[7..], threads).unwrap();
            let mut out = [0u8; OUT_LEN];
            h.finalize_xof_into(0, &mut out);
            assert_eq!(out, hash(&data), "threads {threads}");
        }
    }

    #[test]
    fn missing_file_is_an_io_error() {
        let err = Hasher::new().update_file(Path::new("/nonexistent/ferric"), 0).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::NotFound);
    }

    fn hex(b: &[u8]) -> String {
        b.iter().map(|x| format!("{x:02x}")).collect()
    }
}
