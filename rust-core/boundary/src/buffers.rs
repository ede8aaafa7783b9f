//! Zero-copy access to direct `java.nio.ByteBuffer`s for the duration of one call.

use jni::objects::JByteBuffer;
use jni::sys::jint;
use jni::Env;

use super::arrays::check_from_index_size;
use super::error::{FerricError, FerricResult};

/// Borrows `buffer[pos..pos + len]` of a direct buffer in place. The Java caller keeps the buffer
/// reachable for the call (it is an argument), so the memory cannot be freed while we read it.
pub fn direct_slice<'a>(env: &Env<'_>, buffer: &'a JByteBuffer<'_>, pos: jint, len: jint) -> FerricResult<&'a [u8]> {
    if buffer.is_null() {
        return Err(FerricError::NullPointer("buffer is null".into()));
    }
    let capacity = env.get_direct_buffer_capacity(buffer)?;
    let (pos, len) = check_from_index_size(pos, len, capacity)?;
    if len == 0 {
        return Ok(&[]);
    }
    let address = env.get_direct_buffer_address(buffer)?;
    if address.is_null() {
        return Err(FerricError::IllegalArgument("buffer is not a direct buffer".into()));
    }
    // SAFETY: [pos, pos + len) lies within the buffer's capacity, checked above; the buffer outlives the call.
    Ok(unsafe { std::slice::from_raw_parts(address.add(pos), len) })
}
