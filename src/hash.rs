//! Fast hashing for the page's own maps of strings (its lines, its words).
//!
//! std's SipHash resists hash flooding, at about a cycle and a half a byte;
//! these maps hash every line of a page once or more. The multiply-rotate
//! hash of rustc (FxHash), eight bytes a step, does the same job in a
//! fraction of that. A page could hold keys made to collide, so each map
//! seeds its hasher from std's random state (one SipHash of nothing, once a
//! map) and the hash is mixed down before the map takes its low bits. No
//! map's iteration order is read where it could change an answer.

use std::hash::{BuildHasher, Hasher};

/// A random seed for one map (one SipHash of nothing under std's random
/// keys).
pub(crate) fn random_seed() -> u64 {
    std::collections::hash_map::RandomState::new().hash_one(())
}

/// Builds [`FxHasher`]s from a random seed (see the module's note).
#[derive(Clone)]
pub(crate) struct FastState {
    seed: u64,
}

impl Default for FastState {
    fn default() -> Self {
        FastState {
            seed: random_seed(),
        }
    }
}

impl BuildHasher for FastState {
    type Hasher = FxHasher;

    #[inline]
    fn build_hasher(&self) -> FxHasher {
        FxHasher { hash: self.seed }
    }
}

/// rustc's FxHash over eight bytes a step.
pub(crate) struct FxHasher {
    hash: u64,
}

const K: u64 = 0x517c_c1b7_2722_0a95;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(K);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().expect("8 bytes")));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut last = [0u8; 8];
            last[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(last));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    /// The words' hash mixed down (murmur3's finaliser): each step's
    /// product carries low bits into high ones only, and the map picks
    /// buckets by the low bits.
    #[inline]
    fn finish(&self) -> u64 {
        let mut h = self.hash;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h
    }
}

/// A map of the page's own keys.
pub(crate) type FastMap<K, V> = std::collections::HashMap<K, V, FastState>;
/// A set of the page's own keys.
pub(crate) type FastSet<K> = std::collections::HashSet<K, FastState>;

/// A seeded hash of a text's bytes (the seed from [`random_seed`]),
/// sixteen bytes a step, each step one 64 x 64 -> 128-bit multiply folded
/// to 64 bits (wyhash's construction):
/// a line is hashed in a few multiplies that do not wait on each other as
/// FxHash's chain of eight-byte steps does. The seed is random per page,
/// so no page can be made whose lines collide (see the module's note).
#[inline]
pub(crate) fn bytes_hash(seed: u64, b: &[u8]) -> u64 {
    const P0: u64 = 0xa076_1d64_78bd_642f;
    const P1: u64 = 0xe703_7ed1_a0b4_28db;
    const P2: u64 = 0x8ebc_6af0_9c88_c6e3;
    #[inline(always)]
    fn mum(a: u64, b: u64) -> u64 {
        let r = u128::from(a) * u128::from(b);
        (r as u64) ^ ((r >> 64) as u64)
    }
    #[inline(always)]
    fn read8(b: &[u8], at: usize) -> u64 {
        u64::from_le_bytes(b[at..at + 8].try_into().expect("8 bytes"))
    }
    #[inline(always)]
    fn read4(b: &[u8], at: usize) -> u64 {
        u64::from(u32::from_le_bytes(
            b[at..at + 4].try_into().expect("4 bytes"),
        ))
    }
    let len = b.len();
    let mut s = seed ^ mum(seed ^ P0, len as u64 ^ P1);
    let (x, y) = if len <= 16 {
        if len >= 8 {
            (read8(b, 0), read8(b, len - 8))
        } else if len >= 4 {
            (read4(b, 0), read4(b, len - 4))
        } else if len > 0 {
            let three = u64::from(b[0]) << 16 | u64::from(b[len / 2]) << 8 | u64::from(b[len - 1]);
            (three, 0)
        } else {
            (0, 0)
        }
    } else {
        let mut i = 0;
        while len - i > 16 {
            s = mum(read8(b, i) ^ P1, read8(b, i + 8) ^ s);
            i += 16;
        }
        (read8(b, len - 16), read8(b, len - 8))
    };
    mum(P1 ^ len as u64, mum(x ^ P1, y ^ s) ^ P2)
}
