//! The only place that knows how a native failure becomes a Java exception, and how Java memory is
//! borrowed. Kernels' `jni.rs` files decode arguments with these helpers, call their pure module, and
//! return through [`guard`].

mod arrays;
mod buffers;
mod error;
mod guard;
mod handles;
mod natives;
mod regions;
mod strings;

pub use arrays::{
    array_len, check_from_index_size, read_chunks, with_bytes, with_critical_pair, write_ints_last, write_region,
    write_small_last, COPY_THRESHOLD, CRITICAL_CHUNK,
};
pub use buffers::direct_slice;
pub use error::{FerricError, FerricResult};
pub use guard::{guard, install_panic_hook, ThrowFerricException};
pub use guard::panic_message;
pub use handles::{borrow, borrow_mut, free, free_handle, into_handle};
/// The counting allocator and its figures, by kernel.
pub use ferric_memory as memory;
pub use natives::{describe, package_root, register, register_under, NativeClass};
pub use regions::{for_each_chunk, with_input, with_regions, Region};
pub use strings::{read_utf16, string_array, string_len, with_utf16_critical, STRING_CHUNK};
