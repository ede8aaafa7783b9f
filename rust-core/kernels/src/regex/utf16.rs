//! Java strings (UTF-16) as UTF-8 haystacks, and match offsets back to UTF-16 indices.
//!
//! Defined behaviour for unpaired surrogates: each one is read as U+FFFD REPLACEMENT CHARACTER
//! (3 UTF-8 bytes), so it is one character to the regex, as wide as one UTF-16 unit in offsets.

/// A UTF-16 text transcoded to UTF-8, built piece by piece.
#[derive(Default)]
pub struct Utf8Text {
    bytes: Vec<u8>,
    /// UTF-16 units consumed so far.
    units: usize,
    /// Whether every unit so far was ASCII (then byte offsets equal UTF-16 indices).
    ascii: bool,
    /// A high surrogate at the end of the previous piece, waiting for its low half.
    pending_high: Option<u16>,
}

const REPLACEMENT: [u8; 3] = [0xEF, 0xBF, 0xBD];

impl Utf8Text {
    /// An empty text with room for about `units` UTF-16 units of mostly-ASCII text.
    pub fn with_capacity(units: usize) -> Utf8Text {
        Utf8Text { bytes: Vec::with_capacity(units), units: 0, ascii: true, pending_high: None }
    }

    /// Transcodes a whole UTF-16 string.
    pub fn from_utf16(units: &[u16]) -> Utf8Text {
        let mut t = Utf8Text::with_capacity(units.len());
        t.push(units);
        t.finish()
    }

    /// Appends the next piece of the string; a surrogate pair may be split across pieces.
    pub fn push(&mut self, units: &[u16]) {
        let mut i = 0;
        if let Some(hi) = self.pending_high.take() {
            match units.first() {
                Some(&lo) if is_low(lo) => {
                    self.push_pair(hi, lo);
                    i = 1;
                }
                Some(_) => self.bytes.extend_from_slice(&REPLACEMENT),
                None => {
                    self.pending_high = Some(hi);
                    return;
                }
            }
        }
        while i < units.len() {
            // ASCII runs, 32 units at a time (branch-free OR and narrowing, which vectorize): the
            // common case for text and logs
            let mut run = i;
            while run + 32 <= units.len() && units[run..run + 32].iter().fold(0, |a, &u| a | u) < 0x80 {
                run += 32;
            }
            if run > i {
                self.bytes.extend(units[i..run].iter().map(|&u| u as u8));
                i = run;
            }
            if i >= units.len() {
                break;
            }
            let u = units[i];
            i += 1;
            if u < 0x80 {
                self.bytes.push(u as u8);
                continue;
            }
            self.ascii = false;
            if u < 0x800 {
                self.bytes.extend_from_slice(&[0xC0 | (u >> 6) as u8, 0x80 | (u & 0x3F) as u8]);
            } else if is_high(u) {
                match units.get(i) {
                    Some(&lo) if is_low(lo) => {
                        self.push_pair(u, lo);
                        i += 1;
                    }
                    Some(_) => self.bytes.extend_from_slice(&REPLACEMENT),
                    None => self.pending_high = Some(u),
                }
            } else if is_low(u) {
                self.bytes.extend_from_slice(&REPLACEMENT);
            } else {
                self.bytes.extend_from_slice(&[0xE0 | (u >> 12) as u8, 0x80 | ((u >> 6) & 0x3F) as u8, 0x80 | (u & 0x3F) as u8]);
            }
        }
        self.units += units.len();
    }

    fn push_pair(&mut self, hi: u16, lo: u16) {
        let cp = 0x10000 + (((hi as u32) - 0xD800) << 10) + ((lo as u32) - 0xDC00);
        self.bytes.extend_from_slice(&[
            0xF0 | (cp >> 18) as u8,
            0x80 | ((cp >> 12) & 0x3F) as u8,
            0x80 | ((cp >> 6) & 0x3F) as u8,
            0x80 | (cp & 0x3F) as u8,
        ]);
    }

    /// Ends the text (a trailing high surrogate becomes U+FFFD).
    pub fn finish(mut self) -> Utf8Text {
        if self.pending_high.take().is_some() {
            self.bytes.extend_from_slice(&REPLACEMENT);
            self.ascii = false;
        }
        self
    }

    /// The UTF-8 bytes: always valid UTF-8.
    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// Whether the text was all ASCII, so that byte offsets are UTF-16 indices.
    pub fn is_ascii(&self) -> bool {
        self.ascii
    }

    /// Number of UTF-16 units transcoded.
    pub fn utf16_len(&self) -> usize {
        self.units
    }

    /// A cursor converting offsets between the two encodings.
    pub fn offsets(&self) -> Offsets<'_> {
        Offsets { bytes: &self.bytes, ascii: self.ascii, byte: 0, unit: 0 }
    }
}

fn is_high(u: u16) -> bool {
    (0xD800..0xDC00).contains(&u)
}

fn is_low(u: u16) -> bool {
    (0xDC00..0xE000).contains(&u)
}

/// Converts offsets between UTF-8 bytes and UTF-16 units. It walks from its last position, so a
/// sequence of increasing offsets (the matches of one search) costs one pass over the text.
pub struct Offsets<'a> {
    bytes: &'a [u8],
    ascii: bool,
    byte: usize,
    unit: usize,
}

/// UTF-16 width of the character whose UTF-8 encoding starts with `lead`.
fn units_of(lead: u8) -> usize {
    if lead >= 0xF0 {
        2
    } else {
        1
    }
}

fn char_len(lead: u8) -> usize {
    match lead {
        0x00..=0x7F => 1,
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    }
}

impl Offsets<'_> {
    /// The UTF-16 index of byte offset `b`. An offset inside a character (possible only for an
    /// empty match in the middle of a surrogate pair, which the engine does not report) rounds down.
    pub fn to_utf16(&mut self, b: usize) -> usize {
        if self.ascii {
            return b;
        }
        while self.byte > b {
            self.step_back();
        }
        while self.byte < b && self.byte < self.bytes.len() {
            let lead = self.bytes[self.byte];
            let n = char_len(lead);
            if self.byte + n > b {
                break;
            }
            self.byte += n;
            self.unit += units_of(lead);
        }
        self.unit
    }

    /// Moves back one character (groups of a match may end before the previous group's end).
    fn step_back(&mut self) {
        self.byte -= 1;
        while self.byte > 0 && (0x80..0xC0).contains(&self.bytes[self.byte]) {
            self.byte -= 1;
        }
        self.unit -= units_of(self.bytes[self.byte]);
    }

    /// The byte offset of UTF-16 index `u`; an index between the halves of a pair rounds up.
    pub fn to_utf8(&mut self, u: usize) -> usize {
        if self.ascii {
            return u;
        }
        while self.unit > u {
            self.step_back();
        }
        while self.unit < u && self.byte < self.bytes.len() {
            let lead = self.bytes[self.byte];
            self.byte += char_len(lead);
            self.unit += units_of(lead);
        }
        self.byte
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(s: &str) -> Vec<u16> {
        s.encode_utf16().collect()
    }

    #[test]
    fn valid_text_transcodes_like_the_standard_library() {
        for s in ["", "plain ascii text!", "héllo wörld", "日本語テキスト", "emoji 😀 and 𝄞 clef", "mixed é😀a"] {
            let t = Utf8Text::from_utf16(&utf16(s));
            assert_eq!(t.bytes(), s.as_bytes());
            assert_eq!(t.is_ascii(), s.is_ascii());
            assert_eq!(t.utf16_len(), s.encode_utf16().count());
        }
    }

    #[test]
    fn long_mixed_text_transcodes_like_the_standard_library() {
        // ASCII runs of every length around the 32-unit fast path, broken by other characters
        let pieces = ["a", "é", "😀", "日", "\n"];
        let mut s = String::new();
        for n in 0..300usize {
            s.push_str(&"x".repeat(n % 70));
            s.push_str(pieces[n % pieces.len()]);
        }
        let t = Utf8Text::from_utf16(&utf16(&s));
        assert_eq!(t.bytes(), s.as_bytes());
        assert!(!t.is_ascii());
        let ascii = "y".repeat(1000);
        assert!(Utf8Text::from_utf16(&utf16(&ascii)).is_ascii());
    }

    #[test]
    fn unpaired_surrogates_become_replacement_characters() {
        let t = Utf8Text::from_utf16(&[0x61, 0xD800, 0x62, 0xDC00, 0xD83D]);
        assert_eq!(std::str::from_utf8(t.bytes()).unwrap(), "a\u{FFFD}b\u{FFFD}\u{FFFD}");
        let mut o = t.offsets();
        assert_eq!(o.to_utf16(1), 1);
        assert_eq!(o.to_utf16(4), 2);
        assert_eq!(o.to_utf16(8), 4);
        assert_eq!(o.to_utf16(11), 5);
    }

    #[test]
    fn pairs_split_across_pieces_are_joined() {
        let all = utf16("a😀b");
        let mut t = Utf8Text::with_capacity(4);
        t.push(&all[..2]);
        t.push(&all[2..]);
        let t = t.finish();
        assert_eq!(t.bytes(), "a😀b".as_bytes());
    }

    #[test]
    fn offsets_round_trip_in_both_directions() {
        let s = "aé😀b日c";
        let t = Utf8Text::from_utf16(&utf16(s));
        let mut o = t.offsets();
        let mut unit = 0;
        for (b, c) in s.char_indices() {
            assert_eq!(o.to_utf16(b), unit);
            assert_eq!(o.to_utf8(unit), b);
            unit += c.len_utf16();
        }
        assert_eq!(o.to_utf16(s.len()), unit);
        // backwards and mid-pair
        assert_eq!(o.to_utf8(3), 7);
        assert_eq!(o.to_utf8(1), 1);
        assert_eq!(o.to_utf16(5), 2);
    }
}
