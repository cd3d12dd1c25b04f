//! Eight bytes at a time in one `u64` (SIMD within a register), for the
//! per-line byte scans of segmenting and word counting. Each test leaves
//! its answer in the high bit of each byte and lets no byte carry or
//! borrow into the next.

/// A one in every byte.
pub(crate) const ONES: u64 = 0x0101_0101_0101_0101;
/// Every byte's high bit.
pub(crate) const HIGHS: u64 = ONES * 0x80;

/// The high bit of each byte of `x` that equals `b`: the zero bytes of
/// `x ^ b`, tested without a carry across bytes.
#[inline(always)]
pub(crate) fn bytes_equal(x: u64, b: u8) -> u64 {
    let t = x ^ (ONES * u64::from(b));
    !(((t & !HIGHS) + !HIGHS) | t) & HIGHS
}

/// The eight bytes of `bytes` from `at` as one little-endian word, padded
/// with `pad` past the end.
#[inline(always)]
pub(crate) fn load_padded(bytes: &[u8], at: usize, pad: u8) -> u64 {
    match bytes.get(at..at + 8) {
        Some(c) => u64::from_le_bytes(c.try_into().expect("8 bytes")),
        None => {
            // Shifted in byte by byte: a copy of a variable length would
            // compile to a call.
            let mut x = ONES * u64::from(pad);
            for (i, &b) in bytes[at.min(bytes.len())..].iter().enumerate() {
                x = x & !(0xFF << (8 * i)) | u64::from(b) << (8 * i);
            }
            x
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_tests_agree_with_plain_ones() {
        let bytes: Vec<u8> = (0u8..=255).chain(*b"  a b\x7f\x80\xff ").collect();
        for at in 0..bytes.len() + 9 {
            for pad in [b' ', b'a'] {
                let x = load_padded(&bytes, at, pad);
                for k in 0..8 {
                    let want = bytes.get(at + k).copied().unwrap_or(pad);
                    assert_eq!((x >> (8 * k)) as u8, want, "{at} {k}");
                    for b in [b' ', b'a', 0, 0x80, 0xff] {
                        let hit = bytes_equal(x, b) >> (8 * k) & 0x80 != 0;
                        assert_eq!(hit, want == b, "{at} {k} {b}");
                    }
                }
            }
        }
    }
}
