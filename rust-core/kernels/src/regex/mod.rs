//! Linear-time regular expressions: the engine of Rust's `regex` crate (`regex-automata`'s meta
//! regex, configured the way `regex::Regex` and `regex::bytes::Regex` configure it), with
//! `java.util.regex` syntax translated by [`java_syntax`]. Pure Rust: no JNI here.
//!
//! Each compiled regex has two engines: one for arbitrary bytes (matches may split UTF-8
//! characters, like `regex::bytes::Regex`) built eagerly, and one for text (empty matches never split
//! a character, like `regex::Regex`) built the first time a `String` is searched.

pub mod java_syntax;
pub mod utf16;

use std::sync::OnceLock;

use regex_automata::meta::{self, BuildError};
use regex_automata::util::captures::GroupInfo;
use regex_automata::util::primitives::NonMaxUsize;
use regex_automata::util::syntax;
use regex_automata::{Input, MatchKind, PatternID, PatternSet};
use regex_syntax::hir::{Capture, Class, ClassBytes, ClassBytesRange, ClassUnicode, ClassUnicodeRange, Hir, HirKind, Literal, Look, Repetition};

use java_syntax::{Refusal, Translated};

/// Flag bits, equal to `java.util.regex.Pattern`'s where the meaning is the same.
pub mod flags {
    pub const CASE_INSENSITIVE: u32 = 0x02;
    pub const COMMENTS: u32 = 0x04;
    pub const MULTILINE: u32 = 0x08;
    pub const LITERAL: u32 = 0x10;
    pub const DOTALL: u32 = 0x20;
    /// ferric only: turns Unicode off (`\w`, `\d`, `\s`, `\b`, case folding become ASCII; in the byte
    /// API `.` and negated classes match any byte).
    pub const NO_UNICODE: u32 = 0x1000;
    /// ferric only: `\r\n` is a line terminator too (for `^`/`$` in MULTILINE mode and for `.`).
    pub const CRLF: u32 = 0x2000;
    /// ferric only: the pattern is in the Rust `regex` crate's syntax, not Java's.
    pub const RUST_SYNTAX: u32 = 0x4000;
    pub const ALL: u32 = CASE_INSENSITIVE | COMMENTS | MULTILINE | LITERAL | DOTALL | NO_UNICODE | CRLF | RUST_SYNTAX;
}

/// Compile settings: flags and the limits that keep compilation bounded.
#[derive(Clone, Debug)]
pub struct Options {
    pub flags: u32,
    /// Largest compiled program (NFA) in bytes.
    pub size_limit: usize,
    /// Most memory the lazy DFA may use for its cache, per search thread.
    pub dfa_size_limit: usize,
    /// Deepest nesting of groups and repetitions.
    pub nest_limit: u32,
}

impl Default for Options {
    /// The `regex` crate's defaults: 10 MiB program, 2 MiB DFA cache, nesting 250.
    fn default() -> Self {
        Options { flags: 0, size_limit: 10 << 20, dfa_size_limit: 2 << 20, nest_limit: 250 }
    }
}

/// Why a pattern did not compile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CompileError {
    /// Invalid or unsupported syntax at `index` (UTF-16 units into the caller's pattern).
    Syntax { index: usize, message: String },
    /// A configured limit was exceeded.
    TooBig(String),
    /// The flags or options themselves are invalid.
    Invalid(String),
}

impl std::fmt::Display for CompileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CompileError::Syntax { index, message } => write!(f, "{message} (at index {index})"),
            CompileError::TooBig(m) | CompileError::Invalid(m) => f.write_str(m),
        }
    }
}

fn prepare(pattern: &str, opts: &Options) -> Result<(Translated, Options), CompileError> {
    if opts.flags & !flags::ALL != 0 {
        return Err(CompileError::Invalid(format!("unknown flag bits 0x{:X}", opts.flags & !flags::ALL)));
    }
    let mut opts = opts.clone();
    if opts.flags & flags::LITERAL != 0 {
        // as in java.util.regex, only case-insensitivity (and Unicode) still apply to a literal
        opts.flags &= flags::CASE_INSENSITIVE | flags::NO_UNICODE | flags::LITERAL;
        let escaped = regex_syntax::escape(pattern);
        return Ok((Translated::verbatim(&escaped), opts));
    }
    let translated = if opts.flags & flags::RUST_SYNTAX != 0 {
        Translated::verbatim(pattern)
    } else {
        java_syntax::translate(pattern, opts.flags & flags::COMMENTS != 0).map_err(|Refusal { index, message }| CompileError::Syntax { index, message })?
    };
    Ok((translated, opts))
}

fn syntax_config(opts: &Options, utf8: bool) -> syntax::Config {
    let f = opts.flags;
    syntax::Config::new()
        .case_insensitive(f & flags::CASE_INSENSITIVE != 0)
        .multi_line(f & flags::MULTILINE != 0)
        .dot_matches_new_line(f & flags::DOTALL != 0)
        .ignore_whitespace(f & flags::COMMENTS != 0)
        .unicode(f & flags::NO_UNICODE == 0)
        .crlf(f & flags::CRLF != 0)
        .nest_limit(opts.nest_limit)
        .utf8(utf8)
}

/// `utf8` is whether the haystack is text. Bytes searched with Unicode on also get no empty match
/// inside a character: one is reported only where the next byte is not a UTF-8 continuation byte
/// (0x80-0xBF), so on the UTF-8 of a text the byte API reports the String API's matches.
fn meta_config(opts: &Options, utf8: bool, kind: MatchKind) -> meta::Config {
    meta::Config::new()
        .match_kind(kind)
        .utf8_empty(utf8 || opts.flags & flags::NO_UNICODE == 0)
        .nfa_size_limit(Some(opts.size_limit))
        .onepass_size_limit(Some(opts.size_limit))
        .dfa_size_limit(Some(opts.size_limit))
        .hybrid_cache_capacity(opts.dfa_size_limit)
        // No fully compiled DFA by default: building one was the largest part of compiling small
        // patterns (`regex_compile` example: median over the benchmark patterns 1.4x faster without
        // it), and the lazy DFA that takes its place keeps its states in the per-thread cache between
        // calls. Large haystacks get engines with one ([`LARGE_HAYSTACK`]).
        .dfa(false)

}

fn build_error(e: BuildError, t: &Translated, pattern_no: Option<usize>) -> CompileError {
    let prefix = pattern_no.map(|n| format!("pattern {n}: ")).unwrap_or_default();
    if let Some(limit) = e.size_limit() {
        return CompileError::TooBig(format!(
            "{prefix}the compiled regex exceeds the size limit of {limit} bytes; simplify the pattern or raise the limit"
        ));
    }
    match e.syntax_error() {
        Some(se) => syntax_error(se, t, &prefix),
        None => CompileError::Invalid(format!("{prefix}{e}")),
    }
}

/// A parse error as [`CompileError::Syntax`], at its index in the caller's pattern.
fn syntax_error(se: &regex_syntax::Error, t: &Translated, prefix: &str) -> CompileError {
    let (offset, message) = match se {
        regex_syntax::Error::Parse(p) => (p.span().start.offset, p.kind().to_string()),
        regex_syntax::Error::Translate(h) => (h.span().start.offset, h.kind().to_string()),
        other => (0, other.to_string()),
    };
    CompileError::Syntax { index: t.source_index(offset), message: format!("{prefix}{message}") }
}

/// How the haystack is to be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Arbitrary bytes; matches may split a UTF-8 character.
    Bytes,
    /// Valid UTF-8 (a transcoded Java string); empty matches never split a character.
    Text,
}

/// Haystacks at least this long are searched by engines that include a fully compiled DFA, built
/// the first time one is searched: its accelerated states skip over runs of bytes that cannot start
/// or end a match, where the lazy DFA steps byte by byte (`[а-яА-ЯёЁ]+` counted in 2 MiB of mostly
/// ASCII text: 240 µs against 4.2 ms). Shorter haystacks, the one-record-per-call regime, use the
/// engines without it, which compile faster; above this length a search costs about as much as
/// building the DFA, so the build pays for itself within a few calls.
pub const LARGE_HAYSTACK: usize = 16 << 10;

/// One compiled regex, shareable across threads.
pub struct Regex {
    translated: Translated,
    opts: Options,
    bytes: meta::Regex,
    /// The byte engine gives the same matches as a text engine on valid UTF-8 (every match is
    /// non-empty valid UTF-8, so it cannot split a character), and it is faster: the text engine's
    /// unanchored loop must itself only step over whole characters.
    text_is_bytes: bool,
    text: OnceLock<Result<meta::Regex, CompileError>>,
    /// The byte and text engines with a fully compiled DFA, for haystacks of [`LARGE_HAYSTACK`] or more.
    large_bytes: OnceLock<Result<meta::Regex, CompileError>>,
    large_text: OnceLock<Result<meta::Regex, CompileError>>,
    full_bytes: OnceLock<Result<meta::Regex, CompileError>>,
    full_text: OnceLock<Result<meta::Regex, CompileError>>,
    /// [`Regex::full_match_edges`].
    edges: (u128, u128),
    /// [`Regex::required_literal`].
    required: Option<String>,
}

impl Regex {
    /// Compiles `pattern` (Java syntax unless [`flags::RUST_SYNTAX`]).
    pub fn new(pattern: &str, opts: &Options) -> Result<Regex, CompileError> {
        let (translated, opts) = prepare(pattern, opts)?;
        // parsed once: the byte engine is built from it, and its properties decide about the text one
        let hir = Self::parser(&opts, false).parse(&translated.pattern).map_err(|e| syntax_error(&e, &translated, ""))?;
        let bytes = meta::Builder::new()
            .configure(meta_config(&opts, false, MatchKind::LeftmostFirst))
            .build_from_hir(&hir)
            .map_err(|e| build_error(e, &translated, None))?;
        let p = hir.properties();
        let text_is_bytes = p.is_utf8() && p.minimum_len().is_some_and(|n| n > 0);
        let edges = (ascii_edge(&hir, false), ascii_edge(&hir, true));
        let required = required_literal(&hir).map(|l| String::from_utf8(l).expect("ASCII"));
        Ok(Regex {
            translated,
            opts,
            bytes,
            text_is_bytes,
            text: OnceLock::new(),
            large_bytes: OnceLock::new(),
            large_text: OnceLock::new(),
            full_bytes: OnceLock::new(),
            full_text: OnceLock::new(),
            edges,
            required,
        })
    }

    /// Which ASCII bytes a non-empty match can begin with (bit `b` of the first mask) and end with (the
    /// second): a whole-input match ([`Regex::full_match`]) of a non-empty input that begins or ends with
    /// another ASCII byte fails without a search, so a caller can answer it without crossing to native
    /// code. Only ASCII is told apart: it is the same byte in the byte and the text engine.
    pub fn full_match_edges(&self) -> (u128, u128) {
        self.edges
    }

    /// An ASCII string every match contains (the longest such literal the pattern's structure shows),
    /// if there is one: a haystack without it has no match, which a caller can tell without a search
    /// (`String.indexOf` in Java). Only ASCII: it is the same bytes in the byte and the text engine.
    pub fn required_literal(&self) -> Option<&str> {
        self.required.as_deref()
    }

    fn parse(t: &Translated, opts: &Options, utf8: bool) -> Result<Hir, CompileError> {
        Self::parser(opts, utf8)
            .parse(&t.pattern)
            .map_err(|e| CompileError::Invalid(e.to_string()))
    }

    fn parser(opts: &Options, utf8: bool) -> regex_syntax::Parser {
        regex_syntax::ParserBuilder::new()
            .case_insensitive(opts.flags & flags::CASE_INSENSITIVE != 0)
            .multi_line(opts.flags & flags::MULTILINE != 0)
            .dot_matches_new_line(opts.flags & flags::DOTALL != 0)
            .ignore_whitespace(opts.flags & flags::COMMENTS != 0)
            .unicode(opts.flags & flags::NO_UNICODE == 0)
            .crlf(opts.flags & flags::CRLF != 0)
            .nest_limit(opts.nest_limit)
            .utf8(utf8)
            .build()
    }

    /// The text engine, or with `large` the byte (`utf8` false) or text engine with a fully compiled DFA.
    fn build_engine(t: &Translated, opts: &Options, utf8: bool, large: bool) -> Result<meta::Regex, CompileError> {
        let hir = if utf8 { text_hir(t, opts)? } else { Self::parse(t, opts, false)? };
        meta::Builder::new()
            .configure(meta_config(opts, utf8, MatchKind::LeftmostFirst).dfa(large))
            .build_from_hir(&hir)
            .map_err(|e| build_error(e, t, None))
    }

    /// `\A(?:pattern)\z`, built from the parsed pattern so that comments or flags in it cannot
    /// leak out of the group.
    fn build_full(t: &Translated, opts: &Options, utf8: bool) -> Result<meta::Regex, CompileError> {
        let hir = if utf8 { text_hir(t, opts)? } else { Self::parse(t, opts, false)? };
        let anchored = Hir::concat(vec![Hir::look(Look::Start), hir, Hir::look(Look::End)]);
        meta::Builder::new()
            .configure(meta_config(opts, utf8, MatchKind::LeftmostFirst))
            .build_from_hir(&anchored)
            .map_err(|e| build_error(e, t, None))
    }

    /// The pattern as given to the engine (after translation).
    pub fn engine_pattern(&self) -> &str {
        &self.translated.pattern
    }

    /// Number of capture groups, counting group 0 (the whole match).
    /// Groups the pattern declares count even when the engine dropped them (`(a){0}`): they never
    /// take part in a match, as in Java.
    pub fn group_len(&self) -> usize {
        let engine = self.bytes.group_info().group_len(PatternID::ZERO);
        self.translated.groups.as_ref().map_or(engine, |g| engine.max(g.len() + 1))
    }

    /// Group names by index (`None` for unnamed groups and group 0).
    pub fn group_names(&self) -> Vec<Option<String>> {
        let mut names = match &self.translated.groups {
            Some(g) => std::iter::once(None).chain(g.iter().cloned()).collect(),
            None => group_names(self.bytes.group_info()),
        };
        // one name per group, whichever count is larger (the fuzz target checks that they agree)
        names.resize(self.group_len(), None);
        names
    }

    /// Heap bytes held by the compiled engines built so far (not counting per-thread search caches).
    pub fn memory_usage(&self) -> usize {
        let lazy = |c: &OnceLock<Result<meta::Regex, CompileError>>| c.get().and_then(|r| r.as_ref().ok()).map_or(0, |r| r.memory_usage());
        let engines = [&self.text, &self.large_bytes, &self.large_text, &self.full_bytes, &self.full_text];
        self.bytes.memory_usage() + engines.into_iter().map(lazy).sum::<usize>() + self.translated.pattern.len()
    }

    /// The engine for `mode` and a haystack of `len` bytes ([`LARGE_HAYSTACK`]).
    fn engine(&self, mode: Mode, len: usize) -> Result<&meta::Regex, CompileError> {
        let utf8 = mode == Mode::Text && !self.text_is_bytes;
        let large = len >= LARGE_HAYSTACK;
        let cell = match (utf8, large) {
            (false, false) => return Ok(&self.bytes),
            (true, false) => &self.text,
            (false, true) => &self.large_bytes,
            (true, true) => &self.large_text,
        };
        cell.get_or_init(|| Self::build_engine(&self.translated, &self.opts, utf8, large)).as_ref().map_err(Clone::clone)
    }

    /// Whether the regex matches anywhere in `hay[from..]`.
    pub fn is_match(&self, mode: Mode, hay: &[u8], from: usize) -> Result<bool, CompileError> {
        Ok(self.engine(mode, hay.len())?.is_match(Input::new(hay).range(from..)))
    }

    /// Whether the regex matches all of `hay` (like `Matcher.matches()`).
    pub fn full_match(&self, mode: Mode, hay: &[u8]) -> Result<bool, CompileError> {
        let utf8 = mode == Mode::Text;
        let cell = if utf8 { &self.full_text } else { &self.full_bytes };
        let re = cell.get_or_init(|| Self::build_full(&self.translated, &self.opts, utf8)).as_ref().map_err(Clone::clone)?;
        Ok(re.is_match(hay))
    }

    /// Successive non-overlapping matches, as `regex`'s iterators report them, starting at `from`.
    /// `prev_end` is the end of the match before `from`, if the caller is resuming an iteration.
    pub fn matches<'h>(&self, mode: Mode, hay: &'h [u8], from: usize, prev_end: Option<usize>, captures: bool) -> Result<Matches<'_, 'h>, CompileError> {
        let re = self.engine(mode, hay.len())?;
        let engine_groups = re.group_info().group_len(PatternID::ZERO);
        // without captures the span alone is kept: no allocation per call
        let slots = if captures { vec![None; 2 * engine_groups] } else { Vec::new() };
        let dropped = if captures { self.group_len() - engine_groups } else { 0 };
        Ok(Matches { re, hay, pos: from, last_end: prev_end, captures, slots, span: (0, 0), dropped })
    }

    /// Number of non-overlapping matches in `hay[from..]`.
    pub fn count(&self, mode: Mode, hay: &[u8], from: usize) -> Result<usize, CompileError> {
        // the engine's own iterator counts with end offsets only, skipping the reverse scan for starts
        Ok(self.engine(mode, hay.len())?.find_iter(Input::new(hay).range(from..)).count())
    }
}

/// The ASCII bytes that can begin (or with `last`, end) a non-empty match of `hir`: a byte the
/// pattern's first (last) consuming element can match. A non-ASCII character contributes none: its
/// UTF-8 bytes are all 0x80 or more. Looks and the empty pattern consume nothing.
fn ascii_edge(hir: &Hir, last: bool) -> u128 {
    edge(hir, last).0
}

/// The longest ASCII literal that every match of `hir` contains: a literal, or one required by a
/// concatenation, a group or a repetition of at least once. None for alternations, classes and
/// case-insensitive text (whose letters are classes).
fn required_literal(hir: &Hir) -> Option<Vec<u8>> {
    match hir.kind() {
        HirKind::Literal(Literal(bytes)) if !bytes.is_empty() && bytes.is_ascii() => Some(bytes.to_vec()),
        HirKind::Capture(c) => required_literal(&c.sub),
        HirKind::Repetition(r) if r.min >= 1 => required_literal(&r.sub),
        HirKind::Concat(parts) => parts.iter().filter_map(required_literal).max_by_key(Vec::len),
        _ => None,
    }
}

/// [`ascii_edge`]'s mask, and whether `hir` can match the empty string.
fn edge(hir: &Hir, last: bool) -> (u128, bool) {
    let ascii_ranges = |ranges: &mut dyn Iterator<Item = (u32, u32)>| {
        ranges.filter(|&(lo, _)| lo < 128).fold(0u128, |m, (lo, hi)| (lo..=hi.min(127)).fold(m, |m, b| m | 1 << b))
    };
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => (0, true),
        HirKind::Literal(Literal(bytes)) => {
            let b = if last { bytes.last() } else { bytes.first() };
            (b.filter(|&&b| b < 128).map_or(0, |&b| 1 << b), bytes.is_empty())
        }
        HirKind::Class(Class::Unicode(c)) => (ascii_ranges(&mut c.ranges().iter().map(|r| (r.start() as u32, r.end() as u32))), false),
        HirKind::Class(Class::Bytes(c)) => (ascii_ranges(&mut c.ranges().iter().map(|r| (u32::from(r.start()), u32::from(r.end())))), false),
        HirKind::Repetition(r) => {
            let (m, empty) = edge(&r.sub, last);
            (m, empty || r.min == 0)
        }
        HirKind::Capture(c) => edge(&c.sub, last),
        HirKind::Concat(parts) => {
            let mut mask = 0;
            let ordered: Box<dyn Iterator<Item = &Hir>> = if last { Box::new(parts.iter().rev()) } else { Box::new(parts.iter()) };
            for part in ordered {
                let (m, empty) = edge(part, last);
                mask |= m;
                if !empty {
                    return (mask, false);
                }
            }
            (mask, true)
        }
        HirKind::Alternation(alts) => alts.iter().map(|a| edge(a, last)).fold((0, false), |(m, e), (am, ae)| (m | am, e || ae)),
    }
}

/// The pattern for searching text (valid UTF-8 from a Java string). With Unicode off the engine's
/// `.`, `[^a]`, `\W` match single bytes, which could split a character: here every byte class's
/// ASCII part stays, a class holding all bytes 0x80-0xFF matches every non-ASCII character instead, and
/// other bytes 0x80-0xFF mean the characters U+0080-U+00FF (the literal `\x{E9}` is `é`, as `\u00E9`
/// is in Java; the byte API reads it as the byte 0xE9).
fn text_hir(t: &Translated, opts: &Options) -> Result<Hir, CompileError> {
    let hir = Regex::parse(t, opts, false).map(bytes_to_text)?;
    if !hir.properties().is_utf8() {
        return Err(CompileError::Invalid("the pattern can match invalid UTF-8 (part of a character), which text cannot hold".into()));
    }
    Ok(hir)
}

fn bytes_to_text(hir: Hir) -> Hir {
    match hir.into_kind() {
        HirKind::Empty => Hir::empty(),
        HirKind::Literal(Literal(bytes)) => {
            let mut s = String::new();
            for chunk in bytes.utf8_chunks() {
                s.push_str(chunk.valid());
                s.extend(chunk.invalid().iter().map(|&b| char::from(b)));
            }
            Hir::literal(s.into_bytes())
        }
        HirKind::Class(Class::Bytes(c)) => Hir::class(Class::Unicode(byte_class_to_text(&c))),
        HirKind::Class(c) => Hir::class(c),
        HirKind::Look(l) => Hir::look(l),
        HirKind::Repetition(r) => Hir::repetition(Repetition { sub: Box::new(bytes_to_text(*r.sub)), ..r }),
        HirKind::Capture(c) => Hir::capture(Capture { sub: Box::new(bytes_to_text(*c.sub)), ..c }),
        HirKind::Concat(v) => Hir::concat(v.into_iter().map(bytes_to_text).collect()),
        HirKind::Alternation(v) => Hir::alternation(v.into_iter().map(bytes_to_text).collect()),
    }
}

fn byte_class_to_text(c: &ClassBytes) -> ClassUnicode {
    let high = ClassBytes::new([ClassBytesRange::new(0x80, 0xFF)]);
    let mut high_part = c.clone();
    high_part.intersect(&high);
    let mut ranges: Vec<ClassUnicodeRange> = Vec::new();
    for r in c.iter() {
        ranges.push(ClassUnicodeRange::new(char::from(r.start()), char::from(r.end())));
    }
    if high_part == high {
        ranges.push(ClassUnicodeRange::new('\u{80}', char::MAX));
    }
    ClassUnicode::new(ranges)
}

fn group_names(info: &GroupInfo) -> Vec<Option<String>> {
    info.pattern_names(PatternID::ZERO).map(|n| n.map(str::to_string)).collect()
}

/// A resumable iterator over matches; [`Matches::slots`] holds the current match's groups.
pub struct Matches<'r, 'h> {
    re: &'r meta::Regex,
    hay: &'h [u8],
    pos: usize,
    last_end: Option<usize>,
    captures: bool,
    /// Every group's slots, with `captures` (empty without).
    slots: Vec<Option<NonMaxUsize>>,
    /// The current match's start and end.
    span: (usize, usize),
    /// Declared groups past the engine's last one (dropped by a `{0}`): reported as not taking part.
    dropped: usize,
}

impl Matches<'_, '_> {
    fn search(&mut self, start: usize) -> bool {
        let input = Input::new(self.hay).range(start..);
        if self.captures {
            let found = self.re.search_slots(&input, &mut self.slots).is_some();
            self.span = (self.slots[0].map_or(0, |v| v.get()), self.slots[1].map_or(0, |v| v.get()));
            found
        } else {
            match self.re.search(&input) {
                Some(m) => {
                    self.span = (m.start(), m.end());
                    true
                }
                None => false,
            }
        }
    }

    fn span(&self) -> (usize, usize) {
        self.span
    }

    /// Advances to the next match; false when there is none. An empty match right where the previous
    /// match ended is skipped, as `regex`'s iterators do.
    pub fn next_match(&mut self) -> bool {
        if self.pos > self.hay.len() || !self.search(self.pos) {
            return false;
        }
        let (start, end) = self.span();
        if start == end && Some(end) == self.last_end && (self.pos >= self.hay.len() || !self.search(self.pos + 1)) {
            self.pos = self.hay.len() + 1;
            return false;
        }
        let end = self.span().1;
        self.pos = end;
        self.last_end = Some(end);
        true
    }

    /// Start and end of each group of the current match (`None` for groups that did not take part);
    /// only group 0 unless the iterator was made with `captures`.
    pub fn groups(&self) -> impl Iterator<Item = Option<(usize, usize)>> + '_ {
        let whole = (!self.captures).then_some(Some(self.span));
        let groups = self.slots.chunks(2).map(|s| match (s[0], s[1]) {
            (Some(a), Some(b)) => Some((a.get(), b.get())),
            _ => None,
        });
        whole.into_iter().chain(groups).chain(std::iter::repeat_n(None, self.dropped))
    }

    /// Where the next search starts, and the end of the last match, to resume later.
    pub fn resume_point(&self) -> (usize, Option<usize>) {
        (self.pos, self.last_end)
    }
}

/// Many patterns compiled into one automaton: which of them match, in one pass.
pub struct RegexSet {
    bytes: meta::Regex,
    text: OnceLock<Result<meta::Regex, CompileError>>,
    translated: Vec<Translated>,
    opts: Options,
}

impl RegexSet {
    /// Compiles all `patterns` with the same options.
    pub fn new<S: AsRef<str>>(patterns: &[S], opts: &Options) -> Result<RegexSet, CompileError> {
        let mut translated = Vec::with_capacity(patterns.len());
        let mut o = opts.clone();
        for (n, p) in patterns.iter().enumerate() {
            let (t, eff) = prepare(p.as_ref(), opts).map_err(|e| match e {
                CompileError::Syntax { index, message } => CompileError::Syntax { index, message: format!("pattern {n}: {message}") },
                other => other,
            })?;
            translated.push(t);
            o = eff;
        }
        let bytes = Self::build(&translated, &o, false)?;
        Ok(RegexSet { bytes, text: OnceLock::new(), translated, opts: o })
    }

    fn build(translated: &[Translated], opts: &Options, utf8: bool) -> Result<meta::Regex, CompileError> {
        let pats: Vec<&str> = translated.iter().map(|t| t.pattern.as_str()).collect();
        meta::Builder::new()
            .configure(meta_config(opts, utf8, MatchKind::All).which_captures(regex_automata::nfa::thompson::WhichCaptures::None))
            .syntax(syntax_config(opts, utf8))
            .build_many(&pats)
            .map_err(|e| {
                // find which pattern failed, to report a position in it
                for (n, t) in translated.iter().enumerate() {
                    if let Err(single) = meta::Builder::new().configure(meta_config(opts, utf8, MatchKind::All)).syntax(syntax_config(opts, utf8)).build(&t.pattern) {
                        return build_error(single, t, Some(n));
                    }
                }
                CompileError::Invalid(e.to_string())
            })
    }

    /// Number of patterns.
    pub fn len(&self) -> usize {
        self.translated.len()
    }

    /// Whether the set has no patterns.
    pub fn is_empty(&self) -> bool {
        self.translated.is_empty()
    }

    fn engine(&self, mode: Mode) -> Result<&meta::Regex, CompileError> {
        match mode {
            Mode::Bytes => Ok(&self.bytes),
            Mode::Text => self.text.get_or_init(|| self.build_text()).as_ref().map_err(Clone::clone),
        }
    }

    fn build_text(&self) -> Result<meta::Regex, CompileError> {
        let mut hirs = Vec::with_capacity(self.translated.len());
        for (n, t) in self.translated.iter().enumerate() {
            hirs.push(text_hir(t, &self.opts).map_err(|e| CompileError::Invalid(format!("pattern {n}: {e}")))?);
        }
        meta::Builder::new()
            .configure(meta_config(&self.opts, true, MatchKind::All).which_captures(regex_automata::nfa::thompson::WhichCaptures::None))
            .build_many_from_hir(&hirs)
            .map_err(|e| CompileError::Invalid(e.to_string()))
    }

    /// Indexes of the patterns that match somewhere in `hay`, ascending.
    pub fn which(&self, mode: Mode, hay: &[u8]) -> Result<Vec<usize>, CompileError> {
        let re = self.engine(mode)?;
        let mut set = PatternSet::new(re.pattern_len());
        re.which_overlapping_matches(&Input::new(hay), &mut set);
        Ok(set.iter().map(|p| p.as_usize()).collect())
    }

    /// Whether any pattern matches somewhere in `hay`.
    pub fn is_match(&self, mode: Mode, hay: &[u8]) -> Result<bool, CompileError> {
        Ok(self.engine(mode)?.is_match(Input::new(hay)))
    }
}

impl crate::memory::Owned for Regex {
    const KERNEL: crate::memory::Kernel = crate::memory::Kernel::Regex;
}

impl crate::memory::Owned for RegexSet {
    const KERNEL: crate::memory::Kernel = crate::memory::Kernel::Regex;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn re(p: &str) -> Regex {
        Regex::new(p, &Options::default()).unwrap()
    }

    /// The engines for large haystacks (with a full DFA) find exactly what the others find.
    #[test]
    fn large_haystack_engines_agree_with_the_small_ones() {
        let unit = "Ошибка: disk 42% full at 10:07 — ёж, Ёлка; x=ab\r\n\u{1F600} é ";
        let hay = unit.repeat(LARGE_HAYSTACK / unit.len() + 2);
        assert!(hay.len() >= LARGE_HAYSTACK);
        for p in [r"[а-яА-ЯёЁ]+", r"\w+", r"\b\w", r"[^a]", r"x*", r"(\d+):(\d+)", r"(?i)ёж|disk", r"\R"] {
            let r = re(p);
            for mode in [Mode::Bytes, Mode::Text] {
                let (small, large) = (r.engine(mode, 0).unwrap(), r.engine(mode, hay.len()).unwrap());
                assert!(!std::ptr::eq(small, large), "{p}: one engine for both");
                let spans = |e: &meta::Regex| e.find_iter(hay.as_bytes()).map(|m| m.range()).collect::<Vec<_>>();
                assert_eq!(spans(small), spans(large), "{p} {mode:?}");
                assert_eq!(all(&r, mode, &hay).len(), r.count(mode, hay.as_bytes(), 0).unwrap(), "{p} {mode:?}");
            }
        }
    }

    /// A whole-input match always begins and ends with a byte its edge masks allow, and the masks say
    /// something for ordinary patterns (so that callers can answer most mismatches without a search).
    #[test]
    fn full_match_edges_allow_every_whole_input_match() {
        let digits: u128 = (b'0'..=b'9').fold(0, |m, b| m | 1 << b);
        let r = re(r"\d{4}-\d{2}-\d{2}");
        assert_eq!(r.full_match_edges(), (digits, digits));
        assert_eq!(re("(?i)timeout").full_match_edges(), (1 << b't' | 1 << b'T', 1 << b't' | 1 << b'T'));
        assert_eq!(re("a*b?").full_match_edges(), (1 << b'a' | 1 << b'b', 1 << b'a' | 1 << b'b'));
        assert_eq!(re("é+").full_match_edges(), (0, 0), "no ASCII byte begins or ends it");
        let alphabet = ["", "a", "b", "A", "1", "-", " ", "\n", "é", "x", "T", "t"];
        let mut inputs: Vec<String> = Vec::new();
        for a in alphabet {
            for b in alphabet {
                for c in ["", "a", "1", "é"] {
                    inputs.push(format!("{a}{c}{b}"));
                }
            }
        }
        inputs.extend(["2026-12-06", "timeout", "TimeOut", "ERROR", "took 42 ms", "192.168.10.254", "a-b", "x\ny"].map(String::from));
        let patterns = [
            r"\d{4}-\d{2}-\d{2}", "(?i)timeout", r"\b(?:ERROR|WARN|FATAL)\b", "took (\\d+) ms", "a*", "a+b?", "x|", "(?m)^a$", "[^a]",
            ".", "(?s).", "é+", "", "a{0}", r"\w+", r"(?:\d{1,3}\.){3}\d{1,3}", "[a-c]+-[a-c]+", r"\s*1", "(?i)[a-z]é", r"x\ny", r"\Ba",
        ];
        for p in patterns {
            let r = re(p);
            let (first, last) = r.full_match_edges();
            for hay in &inputs {
                for mode in [Mode::Bytes, Mode::Text] {
                    if !r.full_match(mode, hay.as_bytes()).unwrap() {
                        continue;
                    }
                    let bytes = hay.as_bytes();
                    // (the empty input is not judged by the masks)
                    let allowed = |mask: u128, b: Option<&u8>| b.is_none_or(|&b| b >= 128 || mask & (1 << b) != 0);
                    assert!(allowed(first, bytes.first()) && allowed(last, bytes.last()), "{p:?} matches all of {hay:?} ({mode:?})");
                }
            }
        }
    }

    /// Every match contains the required literal, and ordinary patterns have one.
    #[test]
    fn every_match_contains_the_required_literal() {
        let expected = [
            (r"took (\d+) ms", Some("took ")),
            (r"[a-z]+@[a-z]+\.org", Some(".org")),
            (r"\b(?:\d{1,3}\.){3}\d{1,3}\b", Some(".")),
            ("user=([A-Za-z0-9_]+)", Some("user=")),
            ("(?:ab)+c", Some("ab")),
            ("(?:ab)*c", Some("c")),
            ("ERROR|WARN", None),
            ("(?i)timeout", None),
            ("é+x", Some("x")),
            ("é+", None),
            ("a?", None),
        ];
        for (p, literal) in expected {
            assert_eq!(re(p).required_literal(), literal, "{p}");
        }
        let hays = ["took 42 ms", "x took 7 msec", "a@b.org", "1.2.3.4", "user=x_1", "ababc", "c", "abc", "éx", "ééx", "tookms", "", "ab"];
        for (p, _) in expected {
            let r = re(p);
            let Some(lit) = r.required_literal() else { continue };
            for hay in hays {
                for mode in [Mode::Bytes, Mode::Text] {
                    if r.is_match(mode, hay.as_bytes(), 0).unwrap() {
                        assert!(hay.contains(lit), "{p:?} matches {hay:?} ({mode:?}) without {lit:?}");
                    }
                }
            }
        }
    }

    fn all(r: &Regex, mode: Mode, hay: &str) -> Vec<(usize, usize)> {
        let mut it = r.matches(mode, hay.as_bytes(), 0, None, false).unwrap();
        let mut v = vec![];
        while it.next_match() {
            v.push(it.groups().next().unwrap().unwrap());
        }
        v
    }

    #[test]
    fn finds_like_the_regex_crate_iterators() {
        let r = re(r"a*");
        assert_eq!(all(&r, Mode::Bytes, "baaab"), vec![(0, 0), (1, 4), (5, 5)]);
        let r = re(r"");
        // empty matches never split a character, in bytes mode too while Unicode is on
        assert_eq!(all(&r, Mode::Bytes, "é"), vec![(0, 0), (2, 2)]);
        assert_eq!(all(&r, Mode::Text, "é"), vec![(0, 0), (2, 2)]);
        let ascii = Regex::new("", &Options { flags: flags::NO_UNICODE, ..Options::default() }).unwrap();
        assert_eq!(all(&ascii, Mode::Bytes, "é").len(), 3);
        // on invalid UTF-8: only before a byte that is not a continuation byte
        let mut it = r.matches(Mode::Bytes, b"\x80a\xFF", 0, None, false).unwrap();
        let mut got = vec![];
        while it.next_match() {
            got.push(it.groups().next().unwrap().unwrap());
        }
        assert_eq!(got, vec![(1, 1), (2, 2), (3, 3)]);
    }

    #[test]
    fn groups_under_a_zero_repetition_still_count() {
        let r = re(r"b(?<x>a){0}(?<y>c)?(d){0}");
        assert_eq!(r.group_len(), 4);
        assert_eq!(r.group_names(), vec![None, Some("x".into()), Some("y".into()), None]);
        let mut it = r.matches(Mode::Text, b"bc", 0, None, true).unwrap();
        assert!(it.next_match());
        assert_eq!(it.groups().collect::<Vec<_>>(), vec![Some((0, 2)), None, Some((1, 2)), None]);
        assert_eq!(re("(a){0}").group_len(), 2);
        assert!(matches!(Regex::new("(?<a>x)(?<a>y)", &Options::default()), Err(CompileError::Syntax { index: 7, .. })));
    }

    #[test]
    fn text_searches_work_without_unicode() {
        let o = Options { flags: flags::NO_UNICODE, ..Options::default() };
        let hay = "aé😀\n";
        for (p, want) in [
            (".", vec![(0, 1), (1, 3), (3, 7)]),
            (r"\W", vec![(1, 3), (3, 7), (7, 8)]),
            (r"[^a\n]+", vec![(1, 7)]),
            ("é", vec![(1, 3)]),
            (r"\w", vec![(0, 1)]),
        ] {
            let r = Regex::new(p, &o).unwrap();
            assert_eq!(all(&r, Mode::Text, hay), want, "{p}");
        }
        let r = Regex::new(".", &o).unwrap();
        assert!(r.full_match(Mode::Text, "😀".as_bytes()).unwrap());
        assert_eq!(all(&r, Mode::Bytes, "é").len(), 2, "the byte API still reads bytes");
        let s = RegexSet::new(&[".", "x"], &o).unwrap();
        assert_eq!(s.which(Mode::Text, "é".as_bytes()).unwrap(), vec![0]);
    }

    #[test]
    fn resuming_gives_the_same_matches_as_one_pass() {
        let r = re(r"\b|x*");
        let hay = "xx yy x";
        let whole = all(&r, Mode::Bytes, hay);
        let mut got = vec![];
        let (mut pos, mut prev) = (0, None);
        loop {
            let mut it = r.matches(Mode::Bytes, hay.as_bytes(), pos, prev, false).unwrap();
            if !it.next_match() {
                break;
            }
            got.push(it.groups().next().unwrap().unwrap());
            (pos, prev) = it.resume_point();
        }
        assert_eq!(got, whole);
    }

    #[test]
    fn counting_agrees_with_iterating() {
        for p in [r"a*", r"\b", r"\w+", r"", r"x|y*"] {
            let r = re(p);
            for hay in ["", "baaab xy é", "yyy x"] {
                for mode in [Mode::Bytes, Mode::Text] {
                    assert_eq!(r.count(mode, hay.as_bytes(), 0).unwrap(), all(&r, mode, hay).len(), "{p} {hay}");
                }
            }
        }
    }

    #[test]
    fn text_searches_share_the_byte_engine_only_when_results_cannot_differ() {
        assert!(re(r"\w+").text_is_bytes);
        assert!(re(r"é|a").text_is_bytes);
        assert!(!re(r"a*").text_is_bytes, "can match empty");
        let raw = Regex::new(r"(?-u:\xFF)", &Options { flags: flags::RUST_SYNTAX, ..Options::default() }).unwrap();
        assert!(!raw.text_is_bytes, "can match invalid UTF-8");
        let hay = "é😀 ab";
        for p in [r"\w+", r"\W", r"[^a]", r"\b\w"] {
            let r = re(p);
            let own = meta::Builder::new()
                .configure(meta_config(&r.opts, true, MatchKind::LeftmostFirst))
                .syntax(syntax_config(&r.opts, true))
                .build(&r.translated.pattern)
                .unwrap();
            let want: Vec<_> = own.find_iter(hay.as_bytes()).map(|m| (m.start(), m.end())).collect();
            assert_eq!(all(&r, Mode::Text, hay), want, "{p}");
        }
    }

    #[test]
    fn captures_report_every_group() {
        let r = re(r"(\d+)-(?<word>[a-z]+)?");
        let mut it = r.matches(Mode::Bytes, b"x 12- 34-ab", 0, None, true).unwrap();
        assert!(it.next_match());
        assert_eq!(it.groups().collect::<Vec<_>>(), vec![Some((2, 5)), Some((2, 4)), None]);
        assert!(it.next_match());
        assert_eq!(it.groups().collect::<Vec<_>>(), vec![Some((6, 11)), Some((6, 8)), Some((9, 11))]);
        assert_eq!(r.group_names(), vec![None, None, Some("word".to_string())]);
    }

    #[test]
    fn full_match_is_not_leftmost_first() {
        let r = re("a|ab");
        assert!(r.full_match(Mode::Bytes, b"ab").unwrap());
        assert!(!r.full_match(Mode::Bytes, b"abc").unwrap());
        let c = Regex::new("a # comment", &Options { flags: flags::COMMENTS, ..Options::default() }).unwrap();
        assert!(c.full_match(Mode::Text, b"a").unwrap());
    }

    #[test]
    fn errors_carry_the_source_position() {
        match Regex::new(r"\e(", &Options::default()) {
            Err(CompileError::Syntax { index, .. }) => assert_eq!(index, 2),
            other => panic!("{:?}", other.err()),
        }
        match Regex::new(r"a(?=b)", &Options::default()) {
            Err(CompileError::Syntax { index, message }) => {
                assert_eq!(index, 1);
                assert!(message.contains("look-ahead"));
            }
            other => panic!("{:?}", other.err()),
        }
    }

    #[test]
    fn limits_are_errors_not_allocations() {
        let small = Options { size_limit: 1000, ..Options::default() };
        assert!(matches!(Regex::new(r"\w{100}", &small), Err(CompileError::TooBig(_))));
        let shallow = Options { nest_limit: 3, ..Options::default() };
        assert!(matches!(Regex::new("((((a))))", &shallow), Err(CompileError::Syntax { .. })));
        assert!(matches!(Regex::new("a", &Options { flags: 1, ..Options::default() }), Err(CompileError::Invalid(_))));
    }

    #[test]
    fn sets_report_every_matching_pattern() {
        let s = RegexSet::new(&[r"\d+", "foo", "bar", r"^x"], &Options::default()).unwrap();
        assert_eq!(s.which(Mode::Bytes, b"foo 42 bar").unwrap(), vec![0, 1, 2]);
        assert!(!s.is_match(Mode::Text, b"nothing").unwrap());
        match RegexSet::new(&["ok", "bad("], &Options::default()) {
            Err(CompileError::Syntax { message, index }) => {
                assert!(message.starts_with("pattern 1:"));
                assert_eq!(index, 3);
            }
            other => panic!("{:?}", other.err()),
        }
    }

    #[test]
    fn translated_class_escapes_are_accepted_by_the_engine() {
        let r = re("[a~~b]+");
        assert_eq!(all(&r, Mode::Text, "x~a~"), vec![(1, 4)]);
        let r = re("[[:alpha:]]");
        assert_eq!(all(&r, Mode::Text, "b:"), vec![(1, 2)]);
    }

    #[test]
    fn pathological_patterns_stay_linear() {
        let r = re(r"(a+)+b");
        let hay = "a".repeat(100_000);
        assert_eq!(r.count(Mode::Bytes, hay.as_bytes(), 0).unwrap(), 0);
    }
}

#[cfg(test)]
mod timing {
    use super::*;
    use std::time::Instant;

    /// Compile time against the number of named groups, for docs/regex.md:
    /// `cargo test --release --lib regex::timing -- --ignored --nocapture`. The engine's parser keeps
    /// group names in a sorted vector (an insertion per name), so its time is quadratic in the number of
    /// names; Java-syntax patterns reach it without names and stay linear.
    #[test]
    #[ignore]
    fn compile_time_by_group_count() {
        for n in [10_000usize, 20_000, 40_000, 80_000, 160_000, 1_000_000] {
            let named: String = (0..n).map(|i| format!("(?<g{i}>a)")).collect();
            let plain: String = (0..n).map(|_| "(a)").collect();
            let t = Instant::now();
            let java = Regex::new(&named, &Options::default()).map(|r| r.group_len()).map_err(|e| e.to_string());
            let java_t = t.elapsed();
            let t = Instant::now();
            let _ = regex_syntax::ast::parse::Parser::new().parse(&plain);
            let ast_plain = t.elapsed();
            if n > 80_000 {
                println!("groups {n}: Java syntax {java_t:?} ({java:?}); engine parser, unnamed {ast_plain:?}");
                continue;
            }
            let t = Instant::now();
            let _ = regex_syntax::ast::parse::Parser::new().parse(&named);
            let ast_named = t.elapsed();
            println!("groups {n}: Java syntax {java_t:?} ({java:?}); engine parser, unnamed {ast_plain:?}, named {ast_named:?}");
        }
    }
}
