//! The numbers both sides of the boundary must agree on (ABI number, flags, op codes, the ids that
//! encode Java enums and modes), as the Rust side reads them: `SharedConstantsTest` compares each
//! with its Java constant through `CoreNative.constants()`.

use crate::c_abi::kind;
use ferric_kernels::compress::{deflate, engine, lz4frame};
use ferric_kernels::regex::flags;
use ferric_kernels::vectors::{ElementType, Metric};

/// `"<name>=<value>"` for every shared constant. Ids decoded by a `from_id`-style function are listed by
/// asking that function, so this table cannot disagree with the decoding it describes.
pub fn all() -> Vec<String> {
    let mut out: Vec<(String, i64)> = vec![
        ("abi".into(), crate::ABI_VERSION as i64),
        ("regex.flag.CASE_INSENSITIVE".into(), flags::CASE_INSENSITIVE as i64),
        ("regex.flag.COMMENTS".into(), flags::COMMENTS as i64),
        ("regex.flag.MULTILINE".into(), flags::MULTILINE as i64),
        ("regex.flag.LITERAL".into(), flags::LITERAL as i64),
        ("regex.flag.DOTALL".into(), flags::DOTALL as i64),
        ("regex.flag.NO_UNICODE".into(), flags::NO_UNICODE as i64),
        ("regex.flag.CRLF".into(), flags::CRLF as i64),
        ("regex.flag.RUST_SYNTAX".into(), flags::RUST_SYNTAX as i64),
        ("regex.op.IS_MATCH".into(), crate::glue::regex::OP_IS_MATCH as i64),
        ("regex.op.FULL_MATCH".into(), crate::glue::regex::OP_FULL_MATCH as i64),
        ("regex.op.COUNT".into(), crate::glue::regex::OP_COUNT as i64),
        ("regex.op.TEXT".into(), crate::glue::regex::OP_TEXT as i64),
        ("regex.find.CAPTURES".into(), crate::glue::regex::FIND_CAPTURES as i64),
        ("regex.find.TEXT".into(), crate::glue::regex::FIND_TEXT as i64),
        ("ffm.error.ILLEGAL_ARGUMENT".into(), kind::ILLEGAL_ARGUMENT as i64),
        ("ffm.error.INDEX_OUT_OF_BOUNDS".into(), kind::INDEX_OUT_OF_BOUNDS as i64),
        ("ffm.error.ILLEGAL_STATE".into(), kind::ILLEGAL_STATE as i64),
        ("ffm.error.NULL_POINTER".into(), kind::NULL_POINTER as i64),
        ("ffm.error.IO".into(), kind::IO as i64),
        ("ffm.error.OUT_OF_MEMORY".into(), kind::OUT_OF_MEMORY as i64),
        ("ffm.error.ZIP".into(), kind::ZIP as i64),
        ("ffm.error.EOF".into(), kind::EOF as i64),
        ("ffm.error.DECOMPRESSION_LIMIT".into(), kind::DECOMPRESSION_LIMIT as i64),
        ("ffm.error.LZ4".into(), kind::LZ4 as i64),
        ("ffm.error.REGEX_SYNTAX".into(), kind::REGEX_SYNTAX as i64),
        ("ffm.error.PANIC".into(), kind::PANIC as i64),
    ];
    for (id, name) in crate::memory::KERNEL_NAMES.iter().enumerate() {
        out.push((format!("memory.kernel.{name}"), id as i64));
    }
    for id in -1..16 {
        let mut add = |name: String| out.push((name, id as i64));
        if let Ok(f) = deflate::Format::from_id(id) {
            add(format!("compress.format.{f:?}"));
        }
        if let Ok(f) = deflate::Flush::from_id(id) {
            add(format!("compress.flush.{f:?}"));
        }
        if let Some(s) = engine::strategy_from_id(id) {
            add(format!("compress.strategy.{s:?}"));
        }
        if let Ok(m) = lz4frame::Mode::from_id(id) {
            add(format!("lz4.frameMode.{m:?}"));
        }
        if id >= 0 && lz4frame::block_size(id as u32).is_ok() {
            add(format!("lz4.blockSize.{}", lz4frame::block_size(id as u32).unwrap_or(0)));
        }
        if let Ok(m) = Metric::from_code(id) {
            add(format!("vectors.metric.{m:?}"));
        }
        if let Ok(e) = ElementType::from_code(id) {
            add(format!("vectors.element.{e:?}"));
        }
    }
    out.into_iter().map(|(name, value)| format!("{name}={value}")).collect()
}
