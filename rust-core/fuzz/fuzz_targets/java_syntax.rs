//! Fuzzes `ferric_kernels::regex::java_syntax::translate`, which rewrites `java.util.regex` patterns for the
//! engine: it must not panic, what it accepts must reach the engine's parser without a panic, a parse
//! error must point back inside the source pattern, and when the engine's parser accepts the result,
//! the translator must have counted exactly the capture groups the parser sees (the group count and
//! names Java callers get come from the translator).
#![no_main]

use ferric_kernels::regex::java_syntax::translate;
use libfuzzer_sys::fuzz_target;
use regex_syntax::ast::{self, Ast};

fn captures(a: &Ast) -> usize {
    match a {
        Ast::Group(g) => usize::from(matches!(g.kind, ast::GroupKind::CaptureIndex(_) | ast::GroupKind::CaptureName { .. })) + captures(&g.ast),
        Ast::Repetition(r) => captures(&r.ast),
        Ast::Alternation(x) => x.asts.iter().map(captures).sum(),
        Ast::Concat(x) => x.asts.iter().map(captures).sum(),
        _ => 0,
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&flag, rest)) = data.split_first() else { return };
    let Ok(src) = std::str::from_utf8(rest) else { return };
    let comments = flag & 1 != 0;
    let Ok(t) = translate(src, comments) else { return };
    let source_len = src.encode_utf16().count();
    match ast::parse::ParserBuilder::new().ignore_whitespace(comments).build().parse(&t.pattern) {
        Ok(parsed) => {
            let declared = t.groups.as_ref().map_or(0, |g| g.len());
            assert_eq!(captures(&parsed), declared, "groups of {src:?} -> {:?}", t.pattern);
            // the whole pipeline, to the HIR, must not panic either
            let _ = regex_syntax::ParserBuilder::new().ignore_whitespace(comments).build().parse(&t.pattern);
        }
        Err(e) => assert!(t.source_index(e.span().start.offset) <= source_len, "{src:?} -> {:?}: {e}", t.pattern),
    }
});
