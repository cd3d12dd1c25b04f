//! Bytes → text: BOM, strict UTF-8, a declared `<meta charset>`, or a hint.

use crate::error::Error;
use encoding_rs::Encoding;
use std::borrow::Cow;

/// How many leading bytes we search for a `<meta charset>` declaration
/// (browsers look at the first 1024; pages with long heads push it further).
const SNIFF_BYTES: usize = 4096;

/// Decode page bytes. NUL bytes mean binary content, which is refused.
pub(crate) fn decode<'a>(bytes: &'a [u8], hint: Option<&str>) -> Result<Cow<'a, str>, Error> {
    if let Some(offset) = memchr_nul(bytes) {
        // UTF-16 text has NULs; only a BOM makes it text.
        if Encoding::for_bom(bytes).is_none() {
            return Err(Error::NotText { offset });
        }
    }
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return Ok(text);
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok(Cow::Borrowed(s));
    }
    let label =
        declared_charset(&bytes[..bytes.len().min(SNIFF_BYTES)]).or(hint.map(str::to_string));
    let enc = match label {
        Some(l) => {
            Encoding::for_label(l.trim().as_bytes()).ok_or(Error::UnknownEncoding { label: l })?
        }
        // Undeclared and not UTF-8: windows-1252 is what browsers assume.
        None => encoding_rs::WINDOWS_1252,
    };
    let (text, _, _) = enc.decode(bytes);
    Ok(text)
}

/// C1 control characters (U+0080–U+009F) a page must hold at least this
/// often before its text is taken for doubly encoded UTF-8.
const MOJIBAKE_MARKS: usize = 3;

/// UTF-8 read as Latin-1 and encoded again (`â\u{80}\u{94}` for `—`, a
/// crawler's or a server's double encoding): each such sequence decoded
/// back. C1 control characters never stand in a page's text, so only a text
/// holding a few of them is repaired, and only sequences that are valid
/// UTF-8 once read as bytes change.
pub(crate) fn repair_mojibake(text: &str) -> Cow<'_, str> {
    // U+0080–U+009F in UTF-8: C2 80 – C2 9F.
    let bytes = text.as_bytes();
    let marks = memchr::memchr_iter(0xC2, bytes)
        .filter(|&i| bytes.get(i + 1).is_some_and(|b| (0x80..=0x9F).contains(b)))
        .take(MOJIBAKE_MARKS)
        .count();
    if marks < MOJIBAKE_MARKS {
        return Cow::Borrowed(text);
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let need = match c as u32 {
            0xC2..=0xDF => 1,
            0xE0..=0xEF => 2,
            0xF0..=0xF4 => 3,
            _ => 0,
        };
        if need > 0 && i + need < chars.len() {
            let mut bytes = [c as u8, 0, 0, 0];
            let tail = &chars[i + 1..=i + need];
            if tail.iter().all(|&t| ('\u{80}'..='\u{BF}').contains(&t)) {
                for (b, &t) in bytes[1..].iter_mut().zip(tail) {
                    *b = t as u8;
                }
                if let Ok(s) = std::str::from_utf8(&bytes[..=need]) {
                    out.push_str(s);
                    i += need + 1;
                    continue;
                }
            }
        }
        out.push(c);
        i += 1;
    }
    Cow::Owned(out)
}

fn memchr_nul(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == 0)
}

/// `charset=...` in the first bytes, as `<meta charset>` or `http-equiv`.
fn declared_charset(head: &[u8]) -> Option<String> {
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let pos = lower.windows(8).position(|w| w == b"charset=")?;
    let rest = &head[pos + 8..];
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let end = rest
        .iter()
        .position(|&b| {
            !(b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b':' || b == b'.')
        })
        .unwrap_or(rest.len());
    (end > 0).then(|| String::from_utf8_lossy(&rest[..end]).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doubly_encoded_utf8_is_repaired() {
        let bad = "flexbox \u{e2}\u{80}\u{94} lay out. Content\u{e2}\u{80}\u{a6} caf\u{c3}\u{a9} \u{e2}\u{80}\u{9c}quoted\u{e2}\u{80}\u{9d}";
        assert_eq!(
            repair_mojibake(bad),
            "flexbox — lay out. Content… café “quoted”"
        );
        // Without C1 controls, Latin-1 text is left alone.
        assert_eq!(repair_mojibake("SÃ£o Paulo, Â£5"), "SÃ£o Paulo, Â£5");
    }

    #[test]
    fn utf8_bom_latin1_binary() {
        assert_eq!(decode(b"hello", None).unwrap(), "hello");
        assert_eq!(decode(b"\xEF\xBB\xBFhello", None).unwrap(), "hello");
        let latin = b"<meta charset=\"iso-8859-1\"><p>caf\xE9</p>";
        assert!(decode(latin, None).unwrap().contains("café"));
        assert_eq!(decode(b"ab\0cd", None), Err(Error::NotText { offset: 2 }));
        assert!(matches!(
            decode(b"<meta charset=klingon>\xff\xfe\xfa", None),
            Err(Error::UnknownEncoding { .. })
        ));
    }
}
