//! A fast hasher for the page's own maps of strings (its lines, its words).
//!
//! std's SipHash resists hash flooding, at about a cycle and a half a byte;
//! these maps hash every line of a page once or more. The multiply-rotate
//! hash of rustc (FxHash), eight bytes a step, does the same job in a
//! fraction of that. A page could hold keys made to collide, so each map
//! seeds its hasher from std's random state (one SipHash of nothing, once a
//! map) and the hash is mixed down before the map takes its low bits. No
//! map's iteration order is read where it could change an answer.

use std::hash::{BuildHasher, Hasher};

/// Builds [`FxHasher`]s from a random seed (see the module's note).
#[derive(Clone)]
pub(crate) struct FastState {
    seed: u64,
}

impl Default for FastState {
    fn default() -> Self {
        FastState {
            seed: std::collections::hash_map::RandomState::new().hash_one(()),
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
