//! The gzip member header and trailer (RFC 1952) around a raw deflate stream.

use super::{CodecError, CodecResult};

/// First two bytes of every gzip member.
pub const MAGIC: [u8; 2] = [0x1f, 0x8b];
/// Compression method 8 (deflate), the only one defined.
const CM_DEFLATE: u8 = 8;
const FHCRC: u8 = 0x02;
const FEXTRA: u8 = 0x04;
const FNAME: u8 = 0x08;
const FCOMMENT: u8 = 0x10;
const RESERVED: u8 = 0xe0;
/// Headers longer than this (huge name, comment or extra field) are refused rather than buffered.
pub const MAX_HEADER: usize = 1 << 20;
/// Length of the trailer: CRC-32 and ISIZE, little-endian.
pub const TRAILER_LEN: usize = 8;
/// Operating system byte written by default: 255, "unknown", so output does not depend on the platform.
pub const OS_UNKNOWN: u8 = 255;

/// Result of looking at the start of a buffered header.
#[derive(Debug, PartialEq, Eq)]
pub enum Parse {
    /// The header is complete and this many bytes long.
    Complete(usize),
    /// More bytes are needed.
    Incomplete,
}

fn zero_terminated(buf: &[u8], from: usize) -> Option<usize> {
    buf.get(from..)?.iter().position(|&b| b == 0).map(|p| from + p + 1)
}

/// Parses the gzip header at the start of `buf` (which may hold more bytes after it).
pub fn parse_header(buf: &[u8]) -> CodecResult<Parse> {
    if buf.first().is_some_and(|&b| b != MAGIC[0]) || buf.get(1).is_some_and(|&b| b != MAGIC[1]) {
        return Err(CodecError::Corrupt("Not in GZIP format".into()));
    }
    if buf.len() < 10 {
        return Ok(Parse::Incomplete);
    }
    if buf[2] != CM_DEFLATE {
        return Err(CodecError::Corrupt(format!("Unsupported compression method {}", buf[2])));
    }
    let flags = buf[3];
    if flags & RESERVED != 0 {
        return Err(CodecError::Corrupt("Corrupt GZIP header: reserved flag bits set".into()));
    }
    let mut end = 10;
    if flags & FEXTRA != 0 {
        if buf.len() < end + 2 {
            return Ok(Parse::Incomplete);
        }
        end += 2 + u16::from_le_bytes([buf[end], buf[end + 1]]) as usize;
    }
    for flag in [FNAME, FCOMMENT] {
        if flags & flag != 0 {
            match zero_terminated(buf, end) {
                Some(e) => end = e,
                None => return Ok(Parse::Incomplete),
            }
        }
    }
    if flags & FHCRC != 0 {
        end += 2;
    }
    if buf.len() < end {
        return Ok(Parse::Incomplete);
    }
    if flags & FHCRC != 0 {
        let want = u16::from_le_bytes([buf[end - 2], buf[end - 1]]);
        if crc32(0, &buf[..end - 2]) as u16 != want {
            return Err(CodecError::Corrupt("Corrupt GZIP header: header CRC mismatch".into()));
        }
    }
    Ok(Parse::Complete(end))
}

/// Checks `len` against [`MAX_HEADER`] while a header is still incomplete.
pub fn check_header_len(len: usize) -> CodecResult<()> {
    if len > MAX_HEADER {
        return Err(CodecError::Corrupt(format!("Corrupt GZIP header: longer than {MAX_HEADER} bytes")));
    }
    Ok(())
}

/// The default header: no name, mtime 0, XFL from the level as zlib sets it, OS unknown.
pub fn default_header(level: u32) -> Vec<u8> {
    let xfl = match level {
        9 => 2,
        0 | 1 => 4,
        _ => 0,
    };
    vec![MAGIC[0], MAGIC[1], CM_DEFLATE, 0, 0, 0, 0, 0, xfl, OS_UNKNOWN]
}

/// Checks a caller-built header (from `GzipHeader.toBytes()`): it must parse completely, exactly.
pub fn validate_custom_header(h: &[u8]) -> CodecResult<()> {
    match parse_header(h) {
        Ok(Parse::Complete(n)) if n == h.len() => Ok(()),
        _ => Err(CodecError::Invalid("not a well-formed gzip header".into())),
    }
}

/// The 8-byte trailer for data with CRC-32 `crc` and length `isize` (mod 2^32).
pub fn trailer(crc: u32, isize: u32) -> [u8; TRAILER_LEN] {
    let mut t = [0u8; TRAILER_LEN];
    t[..4].copy_from_slice(&crc.to_le_bytes());
    t[4..].copy_from_slice(&isize.to_le_bytes());
    t
}

/// Checks a received trailer against the CRC and length of the data decoded.
pub fn check_trailer(t: &[u8; TRAILER_LEN], crc: u32, isize: u32) -> CodecResult<()> {
    let want_crc = u32::from_le_bytes([t[0], t[1], t[2], t[3]]);
    let want_len = u32::from_le_bytes([t[4], t[5], t[6], t[7]]);
    if want_crc != crc {
        return Err(CodecError::Corrupt(format!(
            "Corrupt GZIP trailer: CRC-32 {crc:08x} does not match stored {want_crc:08x}"
        )));
    }
    if want_len != isize {
        return Err(CodecError::Corrupt(format!(
            "Corrupt GZIP trailer: length {isize} (mod 2^32) does not match stored {want_len}"
        )));
    }
    Ok(())
}

/// CRC-32 (the gzip polynomial), SIMD-accelerated by zlib-rs.
pub fn crc32(start: u32, data: &[u8]) -> u32 {
    zlib_rs::crc32::crc32(start, data)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_headers_with_every_field() {
        assert_eq!(parse_header(&default_header(6)).unwrap(), Parse::Complete(10));
        assert_eq!(parse_header(&[0x1f]).unwrap(), Parse::Incomplete);
        assert!(parse_header(&[0x1f, 0x8c]).is_err());
        assert!(parse_header(b"PK").is_err());
        let mut h = vec![0x1f, 0x8b, 8, FEXTRA | FNAME | FCOMMENT | FHCRC, 1, 2, 3, 4, 0, 3, 3, 0, b'a', b'b', b'c'];
        h.extend_from_slice(b"name\0comment\0");
        let crc = crc32(0, &h) as u16;
        for i in 0..h.len() + 2 {
            let mut partial = h.clone();
            partial.extend_from_slice(&crc.to_le_bytes());
            partial.truncate(i);
            assert_eq!(parse_header(&partial).unwrap(), Parse::Incomplete, "prefix {i}");
        }
        h.extend_from_slice(&crc.to_le_bytes());
        let n = h.len();
        h.extend_from_slice(b"body");
        assert_eq!(parse_header(&h).unwrap(), Parse::Complete(n));
        h[n - 1] ^= 1;
        assert!(parse_header(&h).unwrap_err().to_string().contains("CRC"));
    }

    #[test]
    fn rejects_unknown_method_and_reserved_flags() {
        let mut h = default_header(6);
        h[2] = 7;
        assert!(parse_header(&h).is_err());
        let mut h = default_header(6);
        h[3] = 0x20;
        assert!(parse_header(&h).is_err());
    }

    #[test]
    fn trailer_round_trip() {
        let t = trailer(0xdeadbeef, 42);
        assert!(check_trailer(&t, 0xdeadbeef, 42).is_ok());
        assert!(check_trailer(&t, 0xdeadbeee, 42).is_err());
        assert!(check_trailer(&t, 0xdeadbeef, 43).is_err());
        assert_eq!(crc32(0, b"123456789"), 0xcbf43926);
    }
}
