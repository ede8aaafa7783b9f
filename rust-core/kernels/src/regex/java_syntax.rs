//! Translates `java.util.regex` syntax into the syntax of Rust's `regex` engine.
//!
//! Most of the two languages is the same. What differs is rewritten (`\Q...\E`, `\h`, `\v`, `\R`,
//! `\e`, `\cX`, `\0oct`, `\uXXXX`, `\p{Alpha}`-style POSIX names, `\p{IsX}`, Java-only inline flags,
//! `\<`, `\>`, and class characters that are operators only in Rust). What needs backtracking
//! (backreferences, look-around, atomic groups, possessive quantifiers) or has no equivalent is
//! refused with a [`Refusal`] naming the construct; everything else is passed through and left for
//! the engine's parser to judge.

use std::fmt::Write;

/// Horizontal whitespace, Java's `\h`, as the inside of a class.
const HWS: &str = r"\t\x{20}\x{A0}\x{1680}\x{180E}\x{2000}-\x{200A}\x{202F}\x{205F}\x{3000}";
/// Vertical whitespace, Java's `\v` (Java 8+), as the inside of a class.
const VWS: &str = r"\n\x0B\f\r\x{85}\x{2028}\x{2029}";

/// A construct the translator will not translate, with its position in the source pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    /// Index of the construct in the source pattern, in UTF-16 code units (as Java counts).
    pub index: usize,
    /// Says what the construct is and why it is refused.
    pub message: String,
}

/// A pattern in the engine's syntax plus the way back to positions in the source.
#[derive(Debug, Clone)]
pub struct Translated {
    /// The pattern to give the engine.
    pub pattern: String,
    /// For each byte of `pattern`, the UTF-16 index of the source construct it came from.
    map: Vec<u32>,
    source_len: usize,
    /// The capture groups the source declares (index 1 first), with their names; `None` when the
    /// pattern was not translated. The engine forgets groups under a `{0}` repetition, and is given
    /// no names: its parser keeps names in a sorted vector (quadratic in the number of names).
    pub groups: Option<Vec<Option<String>>>,
}

impl Translated {
    /// The pattern unchanged (for patterns already written in the engine's syntax).
    pub fn verbatim(src: &str) -> Translated {
        let mut out = Out::default();
        for (c, idx) in utf16_indexed(src) {
            out.push(c, idx);
        }
        out.finish(src)
    }

    /// UTF-16 index in the source of the construct that produced byte `offset` of [`Self::pattern`].
    pub fn source_index(&self, offset: usize) -> usize {
        match self.map.get(offset) {
            Some(&i) => i as usize,
            None => self.source_len,
        }
    }
}

#[derive(Default)]
struct Out {
    s: String,
    map: Vec<u32>,
}

impl Out {
    fn push(&mut self, c: char, src: usize) {
        self.s.push(c);
        self.map.resize(self.s.len(), src as u32);
    }
    fn push_str(&mut self, s: &str, src: usize) {
        self.s.push_str(s);
        self.map.resize(self.s.len(), src as u32);
    }
    fn push_literal(&mut self, c: char, src: usize) {
        if c.is_whitespace() || c == '#' {
            // spelled as hex so that it stays literal in comments (`x`) mode too
            let mut t = String::new();
            let _ = write!(t, "\\x{{{:X}}}", c as u32);
            self.push_str(&t, src);
        } else if regex_syntax::is_meta_character(c) {
            self.push('\\', src);
            self.push(c, src);
        } else {
            self.push(c, src);
        }
    }
    fn push_codepoint(&mut self, cp: u32, src: usize) {
        let mut t = String::new();
        let _ = write!(t, "\\x{{{cp:X}}}");
        self.push_str(&t, src);
    }
    fn finish(self, src: &str) -> Translated {
        Translated { pattern: self.s, map: self.map, source_len: src.encode_utf16().count(), groups: None }
    }
}

fn utf16_indexed(src: &str) -> Vec<(char, usize)> {
    let mut idx = 0;
    src.chars()
        .map(|c| {
            let r = (c, idx);
            idx += c.len_utf16();
            r
        })
        .collect()
}

/// The whitespace Java's COMMENTS mode skips (`ASCII.isSpace`): space, tab, line feed, VT, form feed, CR.
fn is_java_comments_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\u{0B}' | '\u{0C}' | '\r')
}

fn refuse<T>(index: usize, message: impl Into<String>) -> Result<T, Refusal> {
    Err(Refusal { index, message: message.into() })
}

const LINEAR: &str = "ferric's engine runs in linear time and has no backtracking";

/// Translates a `java.util.regex` pattern. `comments` is whether the COMMENTS flag is set.
pub fn translate(src: &str, comments: bool) -> Result<Translated, Refusal> {
    let cs = utf16_indexed(src);
    let mut t = Translator {
        cs: &cs,
        i: 0,
        out: Out::default(),
        class_depth: 0,
        comments,
        after_quantifier: false,
        after_repetition: false,
        class_escape_end: None,
        class_open_end: None,
        comments_stack: Vec::new(),
        groups: Vec::new(),
        names: std::collections::HashSet::new(),
    };
    t.run()?;
    let groups = std::mem::take(&mut t.groups);
    Ok(Translated { groups: Some(groups), ..t.out.finish(src) })
}

struct Translator<'a> {
    cs: &'a [(char, usize)],
    i: usize,
    out: Out,
    class_depth: usize,
    comments: bool,
    /// The previous token was a quantifier (`*`, `+`, `?`, `{n,m}`), so a `+` now is possessive.
    after_quantifier: bool,
    /// The previous token was a quantifier or its lazy `?`: another quantifier now repeats a repetition.
    after_repetition: bool,
    /// Where the last class escape inside a class (`\d`, `\p{L}`, ...) ended: a `-` right there is a
    /// literal in Java (`[\d-z]`), a range operator that the engine refuses in Rust.
    class_escape_end: Option<usize>,
    /// Where the last class opened (after its `[` or `[^`): a `]` right there is a literal, in Java as
    /// in Rust (`[]a]`), and must not close the class in the translator's reading either.
    class_open_end: Option<usize>,
    /// Capture groups seen so far, by index - 1, with their names.
    groups: Vec<Option<String>>,
    /// COMMENTS mode as each open group found it: a `)` restores it, since inline flags (`(?x)`,
    /// `(?x:...)`) end with their group in Java as in Rust.
    comments_stack: Vec<bool>,
    /// Group names seen so far (Java refuses a name defined twice).
    names: std::collections::HashSet<String>,
}

impl Translator<'_> {
    fn peek(&self, k: usize) -> Option<char> {
        self.cs.get(self.i + k).map(|&(c, _)| c)
    }
    fn idx(&self) -> usize {
        self.cs.get(self.i).map_or_else(|| self.cs.last().map_or(0, |&(c, i)| i + c.len_utf16()), |&(_, i)| i)
    }
    fn starts_with(&self, s: &str) -> bool {
        s.chars().enumerate().all(|(k, c)| self.peek(k) == Some(c))
    }

    /// Whether the group opened at `self.i` continues with `s` (from the character after the `(`).
    fn opens(&self, s: &str) -> bool {
        s.chars().enumerate().all(|(k, c)| self.peek(k + 1) == Some(c))
    }

    /// Where a class just opened starts: here, or in COMMENTS mode past whitespace and comments, which
    /// Java (and the engine) skip there too, so that a `]` after them is still the class's first
    /// character, a literal (`[ ]]` is the class of `]`).
    fn class_start(&self) -> usize {
        self.i + if self.comments { self.past_comments_space(0) } else { 0 }
    }

    /// The offset from `self.i` of the first character at or after `k` that COMMENTS mode reads:
    /// past Java's whitespace and `#` comments (to the end of their line).
    fn past_comments_space(&self, mut k: usize) -> usize {
        loop {
            match self.peek(k) {
                Some(c) if is_java_comments_space(c) => k += 1,
                Some('#') => {
                    while let Some(c) = self.peek(k) {
                        k += 1;
                        if c == '\n' {
                            break;
                        }
                    }
                }
                _ => return k,
            }
        }
    }

    /// Copies a `#` comment (COMMENTS mode) through to the end of its line, which the engine reads as
    /// a comment too.
    fn copy_comment(&mut self) {
        while let Some(c) = self.peek(0) {
            self.out.push(c, self.idx());
            self.i += 1;
            if c == '\n' {
                break;
            }
        }
    }

    fn run(&mut self) -> Result<(), Refusal> {
        while let Some(c) = self.peek(0) {
            let at = self.idx();
            if self.class_depth > 0 {
                self.class_char(c, at)?;
                continue;
            }
            let was_quantifier = std::mem::replace(&mut self.after_quantifier, false);
            let was_repetition = std::mem::replace(&mut self.after_repetition, false);
            match c {
                '\\' => self.escape(at)?,
                '#' if self.comments => self.copy_comment(),
                c if self.comments && c.is_whitespace() && !is_java_comments_space(c) => {
                    // Java's COMMENTS mode skips ASCII whitespace only; the engine would skip any
                    // Unicode whitespace (NBSP, U+2007, U+202F, U+0085...): written out, it stays a literal
                    self.out.push_codepoint(c as u32, at);
                    self.i += 1;
                }
                c if self.comments && c.is_whitespace() => {
                    self.out.push(c, at);
                    self.i += 1;
                    self.after_quantifier = was_quantifier;
                    self.after_repetition = was_repetition;
                }
                '[' => {
                    self.class_depth = 1;
                    self.out.push('[', at);
                    self.i += 1;
                    if self.peek(0) == Some('^') {
                        self.out.push('^', self.idx());
                        self.i += 1;
                    }
                    self.class_open_end = Some(self.class_start());
                }
                '(' => self.group(at)?,
                ')' => {
                    if let Some(c) = self.comments_stack.pop() {
                        self.comments = c;
                    }
                    self.out.push(')', at);
                    self.i += 1;
                }
                '*' | '+' | '?' => {
                    if was_quantifier && c == '+' {
                        return refuse(at, format!("possessive quantifiers (`{}+`) are not supported: {LINEAR}; drop the `+`", self.cs[self.i - 1].0));
                    }
                    // after a bare quantifier only `?` (lazy) may follow; after a lazy one nothing
                    if was_repetition && !(was_quantifier && c == '?') {
                        return refuse(at, format!("dangling `{c}`: a repetition cannot be repeated (Java refuses it too); use a group: `(?:...)`"));
                    }
                    self.out.push(c, at);
                    self.i += 1;
                    // `*?` is lazy and complete; only a bare quantifier can take a possessive `+`
                    self.after_quantifier = !(was_quantifier && c == '?');
                    self.after_repetition = true;
                }
                '{' if self.counted_repetition_len().is_some() => {
                    let n = self.counted_repetition_len().unwrap_or(0);
                    if was_repetition {
                        return refuse(at, "a counted repetition `{n,m}` cannot repeat a repetition (Java ignores it, the engine would multiply); use a group: `(?:...)`");
                    }
                    if (0..n).any(|k| self.peek(k) == Some(' ')) {
                        return refuse(at, "no spaces are allowed in a counted repetition `{n,m}` (as in Java)");
                    }
                    for _ in 0..n {
                        self.out.push(self.cs[self.i].0, self.cs[self.i].1);
                        self.i += 1;
                    }
                    self.after_quantifier = true;
                    self.after_repetition = true;
                }
                _ => {
                    self.out.push(c, at);
                    self.i += 1;
                }
            }
        }
        Ok(())
    }

    /// Length of a `{n}`, `{n,}` or `{n,m}` at the cursor.
    fn counted_repetition_len(&self) -> Option<usize> {
        let mut k = 1;
        let mut digits = 0;
        while let Some(c) = self.peek(k) {
            match c {
                '0'..='9' => digits += 1,
                ',' | ' ' => {}
                '}' => return if digits > 0 { Some(k + 1) } else { None },
                _ => return None,
            }
            k += 1;
        }
        None
    }

    fn class_char(&mut self, c: char, at: usize) -> Result<(), Refusal> {
        match c {
            '\\' => return self.escape(at),
            '[' => {
                self.out.push('[', at);
                self.i += 1;
                self.class_depth += 1;
                if self.peek(0) == Some(':') {
                    // Java reads `[:` as a nested class holding ':'; Rust would read a POSIX class
                    self.out.push_str(r"\:", self.idx());
                    self.i += 1;
                } else if self.peek(0) == Some('^') {
                    self.out.push('^', self.idx());
                    self.i += 1;
                }
                self.class_open_end = Some(self.class_start());
                return Ok(());
            }
            '-' if self.class_open_end != Some(self.i)
                && self.class_escape_end != Some(self.i)
                && self.peek(1) == Some('\\')
                && self.peek(2).is_some_and(|e| "dDwWsShHvVpP".contains(e)) =>
            {
                return refuse(at, "illegal character range: a range cannot end in a class escape such as `\\d` (Java refuses it too); escape the `-` (`\\-`) for a literal hyphen");
            }
            '^' if self.class_open_end == Some(self.i) => {
                // first in the class but not right after its `[` (COMMENTS mode read past whitespace or
                // a comment, or it follows the negating `^`): a literal in Java, which negates only
                // right after the `[`; the engine would negate with whitespace between
                self.out.push_str(r"\^", at);
                self.i += 1;
                return Ok(());
            }
            ']' if self.class_open_end == Some(self.i) => {
                self.out.push_str(r"\]", at);
                self.i += 1;
                return Ok(());
            }
            ']' => self.class_depth -= 1,
            '-' if self.class_escape_end == Some(self.i) && self.peek(1) != Some(']') => {
                self.out.push_str(r"\-", at);
                self.i += 1;
                return Ok(());
            }
            '-' if self.peek(1) == Some('-') => {
                // `--` is set difference in Rust, two characters in Java
                self.out.push_str(r"-\-", at);
                self.i += 2;
                return Ok(());
            }
            '~' => {
                // `~~` is symmetric difference in Rust
                self.out.push_str(r"\~", at);
                self.i += 1;
                return Ok(());
            }
            c if self.comments && c.is_whitespace() && !is_java_comments_space(c) => {
                self.out.push_codepoint(c as u32, at);
                self.i += 1;
                return Ok(());
            }
            '#' if self.comments => {
                // a comment inside a class too, to the end of its line (Java and the engine agree: in
                // `[#](\n.]` the `]` and `(` are comment, not the class's end and a group)
                self.copy_comment();
                return Ok(());
            }
            _ => {}
        }
        self.out.push(c, at);
        self.i += 1;
        Ok(())
    }

    fn group(&mut self, at: usize) -> Result<(), Refusal> {
        if self.comments {
            // Java's COMMENTS mode reads past whitespace and `#` comments between `(` and `?`, so
            // `( ?:x)` is a non-capturing group there (and for the engine): step over them, keeping
            // `self.i` one before the `?` (the `(` itself is not read again).
            let k = self.past_comments_space(1);
            if k > 1 && self.peek(k) == Some('?') {
                self.i += k - 1;
            }
        }
        if self.peek(1) != Some('?') {
            self.out.push('(', at);
            self.i += 1;
            self.groups.push(None);
            self.comments_stack.push(self.comments);
            return Ok(());
        }
        let construct = |s: &str| s.to_string();
        if self.opens("?=") || self.opens("?!") {
            let s = if self.opens("?=") { "(?=" } else { "(?!" };
            return refuse(at, format!("look-ahead `{}` is not supported: {LINEAR}", construct(s)));
        }
        if self.opens("?<=") || self.opens("?<!") {
            let s = if self.opens("?<=") { "(?<=" } else { "(?<!" };
            return refuse(at, format!("look-behind `{s}` is not supported: {LINEAR}"));
        }
        if self.opens("?>") {
            return refuse(at, format!("atomic groups `(?>...)` are not supported: {LINEAR}; use a plain group `(?:...)`"));
        }
        if self.opens("?<") {
            // Java's group names: an ASCII letter, then ASCII letters and digits (the engine also takes `_`)
            let mut k = 3;
            while let Some(c) = self.peek(k) {
                if c == '>' {
                    break;
                }
                let ok = c.is_ascii_alphabetic() || (k > 3 && c.is_ascii_digit());
                if !ok {
                    return refuse(at, format!("illegal character `{c}` in a group name: Java's names are an ASCII letter followed by ASCII letters and digits"));
                }
                k += 1;
            }
            if k == 3 || self.peek(k).is_none() {
                // empty or unterminated: let the engine report it
                self.out.push_str("(?<", at);
                self.i += 3;
                self.comments_stack.push(self.comments);
                return Ok(());
            }
            let name: String = (3..k).filter_map(|j| self.peek(j)).collect();
            if !self.names.insert(name.clone()) {
                return refuse(at, format!("the group name `{name}` is already defined (Java refuses it too); rename one of the groups"));
            }
            // the name is kept here, not given to the engine (see `Translated::groups`)
            self.out.push('(', at);
            self.i += k + 1;
            self.groups.push(Some(name));
            self.comments_stack.push(self.comments);
            return Ok(());
        }
        // inline flags: (?idmsuxU-idmsuxU) or (?idmsuxU-idmsuxU:X)
        let comments_before = self.comments;
        let mut k = 2;
        let mut on = String::new();
        let mut off = String::new();
        let mut negate = false;
        loop {
            match self.peek(k) {
                Some(':') | Some(')') | None => break,
                Some('-') => negate = true,
                Some(f) => {
                    let mapped = match f {
                        // UNIX_LINES: ferric's line terminator is already only \n (see CRLF for \r\n);
                        // UNICODE_CASE and UNICODE_CHARACTER_CLASS: Unicode is on by default
                        'd' | 'u' | 'U' => None,
                        'x' => {
                            self.comments = !negate;
                            Some('x')
                        }
                        'i' | 'm' | 's' => Some(f),
                        'c' => return refuse(at, "the inline flag `c` (CANON_EQ) is not supported"),
                        other => return refuse(at, format!("unknown inline flag `{other}`: Java's are i, d, m, s, u, c, x and U")),
                    };
                    if let Some(m) = mapped {
                        if negate {
                            off.push(m)
                        } else {
                            on.push(m)
                        }
                    }
                }
            }
            k += 1;
        }
        let end = self.peek(k);
        let mut flags = on;
        if !off.is_empty() {
            flags.push('-');
            flags.push_str(&off);
        }
        match end {
            Some(':') => {
                self.out.push_str(&format!("(?{flags}:"), at);
                self.i += k + 1;
                self.comments_stack.push(comments_before);
            }
            Some(')') => {
                if !flags.is_empty() {
                    self.out.push_str(&format!("(?{flags})"), at);
                }
                self.i += k + 1;
            }
            _ => {
                // unterminated: let the engine report it
                self.out.push_str("(?", at);
                self.i += 2;
                self.comments_stack.push(comments_before);
            }
        }
        Ok(())
    }

    fn escape(&mut self, at: usize) -> Result<(), Refusal> {
        let in_class = self.class_depth > 0;
        let Some(d) = self.peek(1) else {
            self.out.push('\\', at);
            self.i += 1;
            return Ok(());
        };
        self.i += 2;
        match d {
            'Q' => {
                while let Some(c) = self.peek(0) {
                    if c == '\\' && self.peek(1) == Some('E') {
                        self.i += 2;
                        return Ok(());
                    }
                    let idx = self.idx();
                    self.out.push_literal(c, idx);
                    self.i += 1;
                }
            }
            '1'..='9' => return refuse(at, format!("backreferences (`\\{d}`) are not supported: {LINEAR}")),
            'k' => return refuse(at, format!("named backreferences (`\\k<name>`) are not supported: {LINEAR}")),
            'G' => return refuse(at, "`\\G` (end of the previous match) is not supported: iterate with findAll instead"),
            'Z' => return refuse(at, "`\\Z` (end of input before a final line terminator) is not supported: use `\\z`, or `$` with MULTILINE"),
            'X' => return refuse(at, "`\\X` (grapheme cluster) is not supported by the engine"),
            'N' => return refuse(at, "`\\N{name}` (named character) is not supported: write the character or `\\x{hex}`"),
            'b' if self.peek(0) == Some('{') => return refuse(at, "`\\b{...}` boundaries are not supported by the engine"),
            '0' => {
                let mut value: u32 = 0;
                let mut n = 0;
                while let Some(o @ '0'..='7') = self.peek(0) {
                    let v = value * 8 + o.to_digit(8).unwrap_or(0);
                    if n == 3 || v > 0o377 {
                        break;
                    }
                    value = v;
                    n += 1;
                    self.i += 1;
                }
                if n == 0 {
                    return refuse(at, "illegal octal escape `\\0`: it needs 1 to 3 octal digits");
                }
                self.out.push_codepoint(value, at);
            }
            'u' => {
                let cu = self.hex4().ok_or_else(|| Refusal { index: at, message: "illegal Unicode escape: `\\u` needs 4 hex digits".into() })?;
                let cp = if (0xD800..0xDC00).contains(&cu) && self.starts_with("\\u") {
                    let save = self.i;
                    self.i += 2;
                    match self.hex4() {
                        Some(lo) if (0xDC00..0xE000).contains(&lo) => 0x10000 + ((cu - 0xD800) << 10) + (lo - 0xDC00),
                        _ => {
                            self.i = save;
                            cu
                        }
                    }
                } else {
                    cu
                };
                if (0xD800..0xE000).contains(&cp) {
                    return refuse(at, format!("the lone surrogate `\\u{cp:04X}` cannot be matched: ferric matches Unicode scalar values, and reads an unpaired surrogate in the input as U+FFFD"));
                }
                self.out.push_codepoint(cp, at);
            }
            'c' => {
                let Some(x) = self.peek(0) else {
                    return refuse(at, "illegal control escape: `\\c` needs a character");
                };
                self.i += 1;
                self.out.push_codepoint(x as u32 ^ 64, at);
            }
            'e' => self.out.push_str(r"\x1B", at),
            'h' => self.out.push_str(&format!("[{HWS}]"), at),
            'H' => self.out.push_str(&format!("[^{HWS}]"), at),
            'v' => self.out.push_str(&format!("[{VWS}]"), at),
            'V' => self.out.push_str(&format!("[^{VWS}]"), at),
            'R' if !in_class => self.out.push_str(&format!(r"(?:\r\n|[{VWS}])"), at),
            'p' | 'P' => self.property(d == 'P', in_class, at)?,
            '<' | '>' => self.out.push(d, at), // Java: a literal; Rust: a word boundary
            'x' => {
                self.out.push_str(r"\x", at);
                if self.peek(0) == Some('{') {
                    // copied whole, so that its `}` is never read as the end of a counted repetition
                    while let Some(c) = self.peek(0) {
                        let idx = self.idx();
                        self.out.push(c, idx);
                        self.i += 1;
                        if c == '}' {
                            break;
                        }
                    }
                }
            }
            c if !c.is_ascii() => self.out.push_literal(c, at),
            c => {
                self.out.push('\\', at);
                self.out.push(c, at);
            }
        }
        if in_class && matches!(d, 'd' | 'D' | 'w' | 'W' | 's' | 'S' | 'h' | 'H' | 'v' | 'V' | 'p' | 'P') {
            self.class_escape_end = Some(self.i);
        }
        Ok(())
    }

    fn hex4(&mut self) -> Option<u32> {
        let mut v = 0;
        for _ in 0..4 {
            let d = self.peek(0)?.to_digit(16)?;
            v = v * 16 + d;
            self.i += 1;
        }
        Some(v)
    }

    fn property(&mut self, negated: bool, in_class: bool, at: usize) -> Result<(), Refusal> {
        let name: String = if self.peek(0) == Some('{') {
            let mut k = 1;
            let mut s = String::new();
            loop {
                match self.peek(k) {
                    Some('}') => break,
                    Some(c) => s.push(c),
                    None => return refuse(at, "unclosed property name: `\\p{` needs a `}`"),
                }
                k += 1;
            }
            self.i += k + 1;
            s
        } else {
            match self.peek(0) {
                Some(c) => {
                    self.i += 1;
                    c.to_string()
                }
                None => return refuse(at, "`\\p` needs a property name"),
            }
        };
        let p = if negated { 'P' } else { 'p' };
        // Java's names are letters, digits, `_` and `=` (`\p{sc=Latn}`); anything else it refuses, and
        // the engine would not even read it as a name (`#` starts a comment in COMMENTS mode)
        if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '=' | '-')) {
            return refuse(at, format!("unknown character property name `{name}` (java.util.regex refuses it too)"));
        }
        if name.starts_with("java") {
            return refuse(at, format!("`\\{p}{{{name}}}` (java.lang.Character methods) is not supported: use a Unicode property such as `\\p{{Lu}}`"));
        }
        let lower = name.to_ascii_lowercase();
        if (name.starts_with("In") && name != "Inherited") || lower.starts_with("blk=") || lower.starts_with("block=") {
            return refuse(at, format!("Unicode blocks (`\\{p}{{{name}}}`) are not supported by the engine: use a script, e.g. `\\p{{Greek}}`"));
        }
        let posix = match name.as_str() {
            "Lower" => Some("lower"),
            "Upper" => Some("upper"),
            "ASCII" => Some("ascii"),
            "Alpha" => Some("alpha"),
            "Digit" => Some("digit"),
            "Alnum" => Some("alnum"),
            "Punct" => Some("punct"),
            "Graph" => Some("graph"),
            "Print" => Some("print"),
            "Blank" => Some("blank"),
            "Cntrl" => Some("cntrl"),
            "XDigit" => Some("xdigit"),
            "Space" => Some("space"),
            _ => None,
        };
        if let Some(posix) = posix {
            let neg = if negated { "^" } else { "" };
            let s = if in_class { format!("[:{neg}{posix}:]") } else { format!("[[:{neg}{posix}:]]") };
            self.out.push_str(&s, at);
            return Ok(());
        }
        let name = match name.strip_prefix("Is") {
            Some(rest) if !rest.is_empty() => rest.to_string(),
            _ => name,
        };
        self.out.push_str(&format!("\\{p}{{{name}}}"), at);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tr(s: &str) -> String {
        translate(s, false).unwrap().pattern
    }

    fn refused(s: &str) -> Refusal {
        translate(s, false).unwrap_err()
    }

    #[test]
    fn comments_mode_reads_past_whitespace_and_comments_between_the_paren_and_the_question_mark() {
        // Java (COMMENTS): `( ?:a)` and `(\r\r?:)` have no group, `( ?<n>a)` has one, named
        for (src, groups) in [("( ?:a)", 0), ("(\r\r\r?:)\u{1a}]*\u{2}", 0), ("( #c\n ?:a)b", 0), ("( ?<n>a)", 1), ("( a)", 1)] {
            let t = translate(src, true).unwrap();
            assert_eq!(t.groups.as_ref().map_or(0, |g| g.len()), groups, "{src:?} -> {:?}", t.pattern);
            let parsed = regex_syntax::ParserBuilder::new().ignore_whitespace(true).build().parse(&t.pattern).unwrap();
            assert_eq!(parsed.properties().explicit_captures_len(), groups, "{src:?} -> {:?}", t.pattern);
        }
        assert_eq!(translate("( ?<n>a)", true).unwrap().groups, Some(vec![Some("n".to_string())]));
        // `]` first in a class, after skipped whitespace, is a literal (Java: `[ ]]` is the class of `]`)
        for (src, groups) in [(";[\u{e};[\u{b}]]|(~]", 0), ("[ ]](a)", 1)] {
            let t = translate(src, true).unwrap();
            assert_eq!(t.groups.as_ref().map_or(0, |g| g.len()), groups, "{src:?} -> {:?}", t.pattern);
            let parsed = regex_syntax::ParserBuilder::new().ignore_whitespace(true).build().parse(&t.pattern).unwrap();
            assert_eq!(parsed.properties().explicit_captures_len(), groups, "{src:?} -> {:?}", t.pattern);
        }
        // a range ending in a class escape is refused, as Java refuses it ("Illegal character range")
        for src in [r"[\H((-\H()?\-]", r"[(-\H]", r"[a-\d]", r"[a-\p{L}]"] {
            assert!(translate(src, false).is_err(), "{src}");
        }
        for src in [r"[-\d]", r"[\d-\w]", r"[a\-\d]"] {
            assert!(translate(src, false).is_ok(), "{src}");
        }
        // without COMMENTS the space is a literal and the group captures
        assert_eq!(translate("( ?:a)", false).unwrap().groups.map(|g| g.len()), Some(1));
    }

    #[test]
    fn common_syntax_is_unchanged() {
        assert_eq!(tr(r"(\d{2,4})-(?<name>\w+)"), r"(\d{2,4})-(\w+)");
        for p in [r"a+b*c?", r"(\d{2,4})-(\w+)", r"[a-z&&[^aeiou]]", r"^\s*$", r"x{3}", r"(?i)abc", r"a|b|c", r"\x41\x{1F600}\t\n"] {
            assert_eq!(tr(p), p);
        }
    }

    #[test]
    fn quoting_becomes_escapes() {
        assert_eq!(tr(r"\Qa.b*\E+"), r"a\.b\*+");
        assert_eq!(tr(r"\Q(x"), r"\(x");
        assert_eq!(tr(r"[\Q-]\E]"), r"[\-\]]");
        assert_eq!(tr(r"\Qa b#\E"), r"a\x{20}b\x{23}");
    }

    #[test]
    fn java_escapes_are_rewritten() {
        assert_eq!(tr(r"\e"), r"\x1B");
        assert_eq!(tr(r"\cA"), r"\x{1}");
        assert_eq!(tr(r"\0101"), r"\x{41}");
        assert_eq!(tr(r"\0777"), r"\x{3F}7");
        assert_eq!(tr(r"\u00e9"), r"\x{E9}");
        assert_eq!(tr(r"\uD83D\uDE00"), r"\x{1F600}");
        assert_eq!(tr(r"\<a\>"), r"<a>");
        assert!(tr(r"\R").starts_with(r"(?:\r\n|["));
        assert!(tr(r"\h").starts_with(r"[\t"));
    }

    #[test]
    fn properties_are_mapped() {
        assert_eq!(tr(r"\p{Alpha}"), r"[[:alpha:]]");
        assert_eq!(tr(r"\P{Digit}"), r"[[:^digit:]]");
        assert_eq!(tr(r"[\p{Upper}_]"), r"[[:upper:]_]");
        assert_eq!(tr(r"\p{IsLatin}\p{L}\pL\p{Inherited}"), r"\p{Latin}\p{L}\p{L}\p{Inherited}");
    }

    #[test]
    fn java_only_flags_are_dropped() {
        assert_eq!(tr("(?U)a"), "a");
        assert_eq!(tr("(?iu)a"), "(?i)a");
        assert_eq!(tr("(?d-u:a)"), "(?:a)");
        assert_eq!(tr("(?i-U)a"), "(?i)a");
    }

    #[test]
    fn rust_only_class_operators_are_escaped() {
        assert_eq!(tr("[a~~b]"), r"[a\~\~b]");
        assert_eq!(tr("[+--]"), r"[+-\-]");
        assert_eq!(tr("[[:alpha:]]"), r"[[\:alpha:]]");
    }

    #[test]
    fn backtracking_constructs_are_refused_by_name() {
        assert!(refused(r"(a)\1").message.contains("backreferences"));
        assert_eq!(refused(r"(a)\1").index, 3);
        assert!(refused(r"(?<n>a)\k<n>").message.contains("named backreferences"));
        assert!(refused(r"a(?=b)").message.contains("look-ahead"));
        assert!(refused(r"a(?!b)").message.contains("look-ahead"));
        assert!(refused(r"(?<=a)b").message.contains("look-behind"));
        assert!(refused(r"(?<!a)b").message.contains("look-behind"));
        assert!(refused(r"(?>a)").message.contains("atomic"));
        assert!(refused(r"a*+").message.contains("possessive"));
        assert!(refused(r"a{2}+").message.contains("possessive"));
        assert!(refused(r"\G").message.contains("\\G"));
        assert!(refused(r"\Z").message.contains("\\Z"));
        assert!(refused(r"\p{InGreek}").message.contains("blocks"));
        assert!(refused(r"\p{javaLowerCase}").message.contains("java.lang.Character"));
        assert!(refused(r"\uD800").message.contains("surrogate"));
    }

    #[test]
    fn hex_escapes_are_copied_whole_and_can_be_quantified() {
        assert_eq!(tr(r"\x{28}+"), r"\x{28}+");
        assert_eq!(tr(r"\x{61}+?"), r"\x{61}+?");
        assert_eq!(tr(r"\x61{2}"), r"\x61{2}");
        assert!(refused(r"\x{28}++").message.contains("possessive"));
    }

    #[test]
    fn a_dash_after_a_class_escape_is_a_literal_as_in_java() {
        assert_eq!(tr(r"[\d-z]"), r"[\d\-z]");
        assert_eq!(tr(r"[\p{L}-z]"), r"[\p{L}\-z]");
        assert_eq!(tr(r"[\w-]"), r"[\w-]");
        assert_eq!(tr(r"[a-z]"), r"[a-z]");
    }

    #[test]
    fn comments_mode_keeps_non_ascii_whitespace_as_literals_as_in_java() {
        let t = |p: &str| translate(p, true).unwrap().pattern;
        assert_eq!(t("a\u{A0}b c"), "a\\x{A0}b c");
        assert_eq!(t("[\u{2007} ]"), "[\\x{2007} ]");
        assert_eq!(tr("(?x)a\u{202F}\u{85}"), "(?x)a\\x{202F}\\x{85}");
        assert_eq!(tr("a\u{A0}b"), "a\u{A0}b", "outside COMMENTS nothing changes");
    }

    #[test]
    fn what_java_refuses_is_refused() {
        for p in [r"a**", r"a{2}*", r"a*{2}", r"a{2}{3}", r"a*??", r"a?*", r"a{2, 3}", r"(?P<n>x)", r"(?R)", r"(?<a_b>x)", r"(?<1a>x)", r"(?c)a"] {
            assert!(translate(p, false).is_err(), "{p} should be refused");
        }
        for p in [r"a*?", r"a{2}?", r"a{2,}b+?c", r"(?<ab1>x)", r"(?i-s:a)", r"(?x)a * b"] {
            assert!(translate(p, false).is_ok(), "{p} should be accepted");
        }
    }

    #[test]
    fn inline_comments_mode_ends_with_its_group_as_in_java() {
        let t = translate("(?x:a )#(b)", false).unwrap();
        assert_eq!(t.groups, Some(vec![None]), "{}", t.pattern);
        let t = translate("((?x)a )#(b)", false).unwrap();
        assert_eq!(t.groups, Some(vec![None, None]), "{}", t.pattern);
        let t = translate("(?x)(a)#(b)", false).unwrap();
        assert_eq!(t.groups, Some(vec![None]), "a comment to the end: {}", t.pattern);
    }

    #[test]
    fn a_bracket_first_in_a_class_is_a_literal_as_in_java() {
        assert_eq!(tr("[](]i"), r"[\](]i");
        assert_eq!(translate("[](]i", false).unwrap().groups, Some(vec![]));
        assert_eq!(tr("[^]a](b)"), r"[^\]a](b)");
        assert_eq!(translate("[^]a](b)", false).unwrap().groups, Some(vec![None]));
    }

    #[test]
    fn a_nested_class_opened_by_a_colon_still_nests() {
        // `[:a]` is a nested class in Java; the `~~` after it must stay escaped inside the outer one
        assert_eq!(tr("[[:a]~~b]"), r"[[\:a]\~\~b]");
    }

    #[test]
    fn lazy_and_escaped_plus_are_not_possessive() {
        assert_eq!(tr(r"a*?b"), r"a*?b");
        assert!(refused(r"a+?+").message.contains("dangling")); // Java refuses it too
        assert_eq!(tr(r"\++"), r"\++");
        assert_eq!(tr(r"[+]+"), r"[+]+");
    }

    #[test]
    fn a_property_name_java_refuses_is_refused() {
        // java.util.regex: "Unknown character property name" for `\P#`, `\p{a b}`, `\p{}`
        for p in ["\\P#P$(", "\\p{a b}", "\\p{}", "[\\p ]"] {
            assert!(translate(p, true).is_err(), "{p:?}");
        }
        assert_eq!(translate("\\pL\\p{sc=Latn}\\p{Lu}", true).unwrap().pattern, "\\p{L}\\p{sc=Latn}\\p{Lu}");
    }

    #[test]
    fn a_caret_first_in_a_class_after_whitespace_is_a_literal_as_in_java() {
        // java.util.regex (COMMENTS): `[ ^a]` matches `^` and `a`; `[^ ^a]` neither (and `b`);
        // `[a[ ^b]]` matches `^`, `a`, `b`; `[\u{b}^](]` is an unclosed group
        let re = |p: &str| {
            regex_automata::meta::Regex::builder()
                .syntax(regex_automata::util::syntax::Config::new().ignore_whitespace(true))
                .build(&format!("^(?:{})$", translate(p, true).unwrap().pattern))
                .unwrap()
        };
        for (p, yes, no) in [("[ ^a]", "^a", "bx"), ("[#c\n^a]", "^a", "bx"), ("[^ ^a]", "bx", "^a"), ("[a[ ^b]]", "^ab", "x")] {
            let r = re(p);
            assert!(yes.chars().all(|c| r.is_match(c.encode_utf8(&mut [0; 4]).as_bytes())), "{p:?} must match each of {yes:?}");
            assert!(!no.chars().any(|c| r.is_match(c.encode_utf8(&mut [0; 4]).as_bytes())), "{p:?} must match none of {no:?}");
        }
        let t = translate("[\u{b}^](]", true).unwrap();
        assert!(regex_syntax::ParserBuilder::new().ignore_whitespace(true).build().parse(&t.pattern).is_err(), "{:?}", t.pattern);
    }

    #[test]
    fn comments_mode_reads_a_comment_inside_a_class_as_java_does() {
        // java.util.regex (COMMENTS): `[#](\n\u{1}]` has no group and is the class of U+0001;
        // `[a # c\n d]` matches `a` and `d`, not `#`, ` ` or `c`
        for (src, groups) in [("[#](\n\u{1}]", 0), ("[a#](\nb](c)", 1), ("[a # c\n d]", 0)] {
            let t = translate(src, true).unwrap();
            assert_eq!(t.groups.as_ref().map_or(0, |g| g.len()), groups, "{src:?} -> {:?}", t.pattern);
            let parsed = regex_syntax::ParserBuilder::new().ignore_whitespace(true).build().parse(&t.pattern).unwrap();
            assert_eq!(parsed.properties().explicit_captures_len(), groups, "{src:?} -> {:?}", t.pattern);
        }
        let re = regex_automata::meta::Regex::builder()
            .syntax(regex_automata::util::syntax::Config::new().ignore_whitespace(true))
            .build(&translate("^[a # c\n d]$", true).unwrap().pattern)
            .unwrap();
        assert!(re.is_match("a") && re.is_match("d"));
        assert!(!re.is_match("#") && !re.is_match(" ") && !re.is_match("c"));
    }

    #[test]
    fn comments_mode_keeps_comments_verbatim() {
        let t = translate("a # (?=x) \\1\nb", true).unwrap();
        assert_eq!(t.pattern, "a # (?=x) \\1\nb");
        assert!(translate("(?x)a # (?=x)\n", false).is_ok());
    }

    #[test]
    fn positions_map_back_to_utf16_indices() {
        let t = translate("\u{1F600}\\e(", false).unwrap();
        // the emoji is two UTF-16 units; `\e` starts at 2 and becomes 5 bytes
        let paren = t.pattern.find('(').unwrap();
        assert_eq!(t.source_index(paren), 4);
        assert_eq!(t.source_index(t.pattern.len()), 5);
        assert_eq!(refused("\u{1F600}\\1").index, 2);
    }
}
