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
