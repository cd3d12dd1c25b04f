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

/// The high bit of each byte of `x` (ASCII bytes, under 0x80) within
/// `lo..=hi`: after adding `0x80 - lo` a byte's high bit says it is at
/// least `lo`, after adding `0x80 - hi - 1` that it is past `hi`; no byte
/// carries into the next.
#[inline(always)]
pub(crate) fn bytes_within(x: u64, lo: u8, hi: u8) -> u64 {
    let from_lo = x + ONES * u64::from(0x80 - lo);
    let past_hi = x + ONES * (0x80 - u64::from(hi) - 1);
    (from_lo ^ past_hi) & HIGHS
}

/// The eight bytes of `bytes` from `at` as one little-endian word, padded
/// with `pad` past the end.
#[inline(always)]
pub(crate) fn load_padded(bytes: &[u8], at: usize, pad: u8) -> u64 {
    match bytes.get(at..at + 8) {
        Some(c) => u64::from_le_bytes(c.try_into().expect("8 bytes")),
        None => load_tail(bytes, at, pad),
    }
}

/// [`load_padded`] within eight bytes of the end (or past it), without a
/// loop over the bytes left (a line's own count, which the processor
/// cannot learn): the last eight bytes (or all of a shorter text, by
/// overlapping loads) shifted down to `at`, the padding put above.
#[inline(always)]
fn load_tail(bytes: &[u8], at: usize, pad: u8) -> u64 {
    let len = bytes.len();
    let (x, base) = if len >= 8 {
        let c = &bytes[len - 8..];
        (u64::from_le_bytes(c.try_into().expect("8 bytes")), len - 8)
    } else {
        (load_short(bytes), 0)
    };
    // Shifted by at most 64 bits, in two halves (a shift by 64 is none).
    let sh = 4 * (at.max(base) - base).min(8) as u32;
    let x = (x >> sh) >> sh;
    let valid = 4 * len.saturating_sub(at).min(8) as u32;
    let above = (!0u64 << valid) << valid;
    x | ((ONES * u64::from(pad)) & above)
}

/// The bytes of a text shorter than eight bytes, zero above: by loads that
/// may overlap (an overlapping byte is the same byte, and `|` keeps it).
#[inline(always)]
fn load_short(w: &[u8]) -> u64 {
    let len = w.len();
    let u32_at = |i: usize| u64::from(u32::from_le_bytes([w[i], w[i + 1], w[i + 2], w[i + 3]]));
    match len {
        0 => 0,
        1..=3 => {
            u64::from(w[0])
                | u64::from(w[len / 2]) << (8 * (len / 2))
                | u64::from(w[len - 1]) << (8 * (len - 1))
        }
        _ => u32_at(0) | u32_at(len - 4) << (8 * (len - 4)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_tests_agree_with_plain_ones() {
        let all: Vec<u8> = (0u8..=255).chain(*b"  a b\x7f\x80\xff ").collect();
        let ascii: Vec<u8> = (0u8..0x80).chain(*b"  a Z9\x7f ").collect();
        // Every short text and every tail, at every offset.
        let texts = (0..20)
            .map(|n| &all[all.len() - n..])
            .chain((0..20).map(|n| &ascii[ascii.len() - n..]))
            .chain([&all[..], &ascii[..]]);
        for (bytes, at) in texts.flat_map(|b| (0..b.len() + 9).map(move |at| (b, at))) {
            for pad in [b' ', b'a'] {
                let x = load_padded(bytes, at, pad);
                for k in 0..8 {
                    let want = bytes.get(at + k).copied().unwrap_or(pad);
                    assert_eq!((x >> (8 * k)) as u8, want, "{at} {k}");
                    if bytes.is_ascii() && pad.is_ascii() {
                        for (lo, hi) in [(b'a', b'z'), (b'A', b'Z'), (b'0', b'9'), (0, 0x7f)] {
                            let hit = bytes_within(x, lo, hi) >> (8 * k) & 0x80 != 0;
                            assert_eq!(hit, (lo..=hi).contains(&want), "{at} {k} {lo}");
                        }
                    }
                    for b in [b' ', b'a', 0, 0x80, 0xff] {
                        let hit = bytes_equal(x, b) >> (8 * k) & 0x80 != 0;
                        assert_eq!(hit, want == b, "{at} {k} {b}");
                    }
                }
            }
        }
    }
}
