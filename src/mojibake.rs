//! UTF-8 read as Latin-1 or Windows-1252 somewhere upstream and saved that
//! way ("Investorâ€™s" for "Investor’s"): the page's own bytes are valid
//! UTF-8, but the text they spell is a second encoding of the words. Reading
//! those characters back as the bytes they stand for, and those bytes as
//! UTF-8, is the text's one correct decoding.

use std::borrow::Cow;

/// Windows-1252's characters for bytes 0x80 to 0x9F (`None`: unassigned).
/// Latin-1 reads those bytes as control characters, which map back too.
const CP1252_HIGH: [Option<char>; 32] = [
    Some('€'),
    None,
    Some('‚'),
    Some('ƒ'),
    Some('„'),
    Some('…'),
    Some('†'),
    Some('‡'),
    Some('ˆ'),
    Some('‰'),
    Some('Š'),
    Some('‹'),
    Some('Œ'),
    None,
    Some('Ž'),
    None,
    None,
    Some('‘'),
    Some('’'),
    Some('“'),
    Some('”'),
    Some('•'),
    Some('–'),
    Some('—'),
    Some('˜'),
    Some('™'),
    Some('š'),
    Some('›'),
    Some('œ'),
    None,
    Some('ž'),
    Some('Ÿ'),
];

/// The Latin-1 or Windows-1252 byte `c` stands for.
pub(crate) fn byte_of(c: char) -> Option<u8> {
    match u32::from(c) {
        n @ 0..=0xff => Some(n as u8),
        _ => CP1252_HIGH
            .iter()
            .position(|&h| h == Some(c))
            .map(|i| 0x80 + i as u8),
    }
}

/// How many continuation bytes follow a UTF-8 lead byte (0: not a lead
/// byte of a sequence beyond ASCII).
fn continuations(lead: u8) -> usize {
    match lead {
        0xC2..=0xDF => 1,
        0xE0..=0xEF => 2,
        0xF0..=0xF4 => 3,
        _ => 0,
    }
}

/// The mis-read sequence `s` starts with: the character it encodes, how
/// many bytes of `s` it spans, and whether it is a sure sign of mojibake
/// (see [`repair`]).
fn sequence(s: &str) -> Option<(char, usize, bool)> {
    let mut chars = s.chars();
    let lead = byte_of(chars.next()?)?;
    let n = continuations(lead);
    if n == 0 {
        return None;
    }
    let mut bytes = [lead, 0, 0, 0];
    let mut len = 2; // the lead character's bytes
    let mut low = false;
    let mut control = false;
    for byte in &mut bytes[1..=n] {
        let c = chars.next()?;
        let b = byte_of(c).filter(|b| (0x80..=0xBF).contains(b))?;
        *byte = b;
        len += c.len_utf8();
        low |= b <= 0x9F;
        control |= ('\u{80}'..='\u{9f}').contains(&c);
    }
    let decoded = std::str::from_utf8(&bytes[..=n]).ok()?.chars().next()?;
    // A C1 control character is never text; 'Â' or 'Ã' before a symbol or
    // a letter of Latin-1's upper half is how every accented Latin letter
    // and the no-break space come out; a longer sequence with a byte of
    // Windows-1252's own range (`â€`, `ðŸ`) spells punctuation, symbols,
    // other scripts and emoji. Other pairs can be real text (Portuguese
    // "É”"), and so can longer runs of Latin-1 letters and symbols
    // (French "là »" with a no-break space).
    let sure = control || (n == 1 && matches!(lead, 0xC2 | 0xC3)) || (n >= 2 && low);
    Some((decoded, len, sure))
}

/// Byte offsets in `s` of the characters that can lead a mis-read
/// sequence: 'Â' (U+00C2) to 'ô' (U+00F4), 0xC3 then 0x82 to 0xB4 in UTF-8.
fn leads(s: &str) -> impl Iterator<Item = usize> + '_ {
    let bytes = s.as_bytes();
    memchr::memchr_iter(0xC3, bytes)
        .filter(move |&i| bytes.get(i + 1).is_some_and(|b| (0x82..=0xB4).contains(b)))
}

/// `s` with UTF-8 read as Latin-1 or Windows-1252 read back, when it shows a
/// sure sign of it (a C1 control character, `Ã` or `Â` before a character
/// of Latin-1's upper half, `â€`, `ðŸ`): then every character sequence that
/// decodes is read back. Text without such a sign is returned as it is.
/// Linear: only the characters that can lead a sequence are looked at.
pub(crate) fn repair(s: &str) -> Cow<'_, str> {
    if !leads(s).any(|i| sequence(&s[i..]).is_some_and(|(_, _, sure)| sure)) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut done = 0;
    for i in leads(s) {
        // A lead inside a sequence already read back is one of its bytes.
        if i < done {
            continue;
        }
        if let Some((c, len, _)) = sequence(&s[i..]) {
            out.push_str(&s[done..i]);
            out.push(c);
            done = i + len;
        }
    }
    out.push_str(&s[done..]);
    Cow::Owned(out)
}

/// `s` as UTF-8 again when it is UTF-8 that was read as Latin-1 or
/// Windows-1252 (`"Investorâ€™s"` → `"Investor’s"`): every character one
/// byte of those encodings, and those bytes valid UTF-8 holding something
/// beyond ASCII. `None` for any other text. Unlike [`repair`], it needs
/// no sure sign, for it reads back a whole short text (a title) or nothing:
/// Cyrillic read as Latin-1 ("ÐŸÑ€Ð¸") shows none.
pub(crate) fn whole(s: &str) -> Option<String> {
    // A UTF-8 lead byte read as Latin-1 is one of 'Â' to 'ô'.
    if !s.chars().any(|c| ('\u{c2}'..='\u{f4}').contains(&c)) {
        return None;
    }
    let mut bytes = Vec::with_capacity(s.len());
    for c in s.chars() {
        bytes.push(byte_of(c)?);
    }
    String::from_utf8(bytes).ok().filter(|t| t != s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_text_read_back() {
        assert_eq!(
            whole("A DIY Investor\u{e2}\u{80}\u{99}s Guide").as_deref(),
            Some("A DIY Investor’s Guide")
        );
        assert_eq!(whole("Investorâ€™s").as_deref(), Some("Investor’s"));
        assert_eq!(whole("Café crème"), None);
        assert_eq!(whole("Plain title"), None);
        assert_eq!(whole("Ünïcode — “quoted”"), None);
        // Cyrillic read as Windows-1252 shows no sure sign: only a whole
        // text read back finds it.
        assert_eq!(whole("ÐŸÑ€Ð¸Ð²ÐµÑ‚").as_deref(), Some("Привет"));
        assert_eq!(repair("ÐŸÑ€Ð¸Ð²ÐµÑ‚"), "ÐŸÑ€Ð¸Ð²ÐµÑ‚");
    }

    #[test]
    fn mojibake_is_read_back() {
        assert_eq!(repair("Investorâ€™s guide"), "Investor’s guide");
        assert_eq!(
            repair("Investor\u{e2}\u{80}\u{99}s guide"),
            "Investor’s guide"
        );
        assert_eq!(repair("CafÃ© crÃ¨me"), "Café crème");
        assert_eq!(repair("Step 2:Â\u{a0}Appoint"), "Step 2:\u{a0}Appoint");
        assert_eq!(
            repair("WireGuardÂ® and PaweÅ\u{82}"),
            "WireGuard® and Paweł"
        );
        assert_eq!(repair("Hi ðŸ˜€"), "Hi 😀");
        assert_eq!(repair("a â€” b â€œqâ€\u{9d}"), "a — b “q”");
    }

    #[test]
    fn any_text_reads_without_panic() {
        let chars: Vec<char> = (0x20..0x3000).filter_map(char::from_u32).collect();
        for &a in &chars {
            for lead in ['Â', 'Ã', 'â', 'ð'] {
                let s = format!("x{lead}{a}{a}{lead}\u{80}");
                let _ = repair(&s);
                let s = format!("{lead}{a}");
                let _ = repair(&s);
            }
        }
    }

    #[test]
    fn real_text_stands() {
        for s in [
            "Café crème",
            "Plain title",
            "Ünïcode — “quoted”",
            "« Il est là\u{a0}»",
            "Ele disse “É”",
            "Straße, naïve, São Paulo, Ø°",
            "",
        ] {
            assert!(matches!(repair(s), Cow::Borrowed(_)), "{s}");
        }
    }
}
