//! HMAC-SHA256 (RFC 2104 over SHA-256, FIPS 180-4), written small: one block
//! buffer, one round loop (the RustCrypto `hmac`/`sha2` pair cost ≈6 KB of wasm for
//! the same, unrolled). Checked against RFC 4231's vectors, OpenSSL's, and the
//! `hmac`/`sha2` crates on every key and message length up to two blocks.

/// Bytes in a digest.
pub const DIGEST_LEN: usize = 32;
const BLOCK: usize = 64;

use core::sync::atomic::{AtomicU32, Ordering};

/// SHA-256's constants (FIPS 180-4, 4.2.2 and 5.3.3): the first 32 bits of the
/// fractional parts of the cube roots of the first 64 primes (the round constants)
/// and of the square roots of the first 8 (the initial hash), worked out on first
/// use rather than stored: 288 bytes of table that gzip cannot shrink. A cache: the
/// last round constant, stored last (release), says they are there; threads that
/// find it empty at once each store the same values. An `f64` holds a root below 7
/// (or 20) to about 2^-49, far inside the 32 bits kept; a test holds them to the
/// standard's tables.
static K: [AtomicU32; 64] = [const { AtomicU32::new(0) }; 64];
static INITIAL: [AtomicU32; 8] = [const { AtomicU32::new(0) }; 8];

/// Works out [`K`] and [`INITIAL`] unless done.
fn constants() {
    if K[63].load(Ordering::Acquire) != 0 {
        return;
    }
    let mut prime = 1;
    for (i, k) in K.iter().enumerate() {
        prime += 1;
        while (2..prime)
            .take_while(|d| d * d <= prime)
            .any(|d| prime % d == 0)
        {
            prime += 1;
        }
        k.store(root_bits(prime, true), Ordering::Release);
        if let Some(initial) = INITIAL.get(i) {
            initial.store(root_bits(prime, false), Ordering::Relaxed);
        }
    }
}

/// The first 32 bits of the fractional part of `n`'s cube root (else square root),
/// the root found by Newton's method from 4 (every root here is from 1.2 to 7: 10
/// steps, the last few doubling the exact bits).
fn root_bits(n: u32, cube: bool) -> u32 {
    let (n, power) = (f64::from(n), if cube { 3.0 } else { 2.0 });
    let mut root = 4.0;
    for _ in 0..10 {
        // root^(power - 1)
        let lower = if cube { root * root } else { root };
        root -= (lower * root - n) / (power * lower);
    }
    ((root - f64::from(root as u32)) * 4_294_967_296.0) as u32
}

/// A SHA-256 being computed.
#[derive(Clone)]
struct Sha256 {
    state: [u32; 8],
    /// The block being filled, as big-endian words: a byte taken is shifted into its
    /// word, so four shifts leave none of the previous block's (no clearing, no
    /// bytes-to-words loop).
    words: [u32; 16],
    /// Bytes taken so far (the block holds `taken % 64` of them): a `usize`, as a
    /// message is in memory whole (the body, nonce and timestamp of one call).
    taken: usize,
}

impl Sha256 {
    /// Not inlined: an HMAC starts up to three (the long key's, the inner and the
    /// outer), and each inlined start is a copy of the initial state and a zeroed block.
    #[inline(never)]
    fn new() -> Self {
        constants();
        let mut hash = Self {
            state: [0; 8],
            words: [0; 16],
            taken: 0,
        };
        // By a loop, not `each_ref().map`: that builds two arrays on the way.
        for (word, initial) in hash.state.iter_mut().zip(&INITIAL) {
            *word = initial.load(Ordering::Relaxed);
        }
        hash
    }

    fn update(&mut self, data: &[u8]) {
        for &byte in data {
            self.push(byte);
        }
    }

    fn push(&mut self, byte: u8) {
        let word = &mut self.words[self.taken / 4 % 16];
        *word = (*word << 8) | u32::from(byte);
        self.taken = self.taken.wrapping_add(1);
        if self.taken % BLOCK == 0 {
            compress(&mut self.state, &mut self.words);
        }
    }

    fn finish(&mut self) -> [u8; DIGEST_LEN] {
        let bits = (self.taken as u64).wrapping_mul(8);
        self.push(0x80);
        while self.taken % BLOCK != BLOCK - 8 {
            self.push(0);
        }
        // The length as the block's last two words.
        self.words[14] = (bits >> 32) as u32;
        self.words[15] = bits as u32;
        compress(&mut self.state, &mut self.words);
        let mut out = [0; DIGEST_LEN];
        for (i, byte) in out.iter_mut().enumerate() {
            *byte = (self.state[i / 4] >> (24 - 8 * (i % 4))) as u8;
        }
        out
    }
}

/// One block's rounds; its message schedule computed in place over the block's 16
/// words as the rounds go (a word is last read 16 rounds after it is written).
fn compress(state: &mut [u32; 8], w: &mut [u32; 16]) {
    let mut v = *state;
    for (i, k) in K.iter().enumerate() {
        let k = k.load(Ordering::Relaxed);
        if i >= 16 {
            let (w15, w2) = (w[(i + 1) % 16], w[(i + 14) % 16]);
            let s0 = w15.rotate_right(7) ^ w15.rotate_right(18) ^ (w15 >> 3);
            let s1 = w2.rotate_right(17) ^ w2.rotate_right(19) ^ (w2 >> 10);
            w[i % 16] = w[i % 16]
                .wrapping_add(s0)
                .wrapping_add(w[(i + 9) % 16])
                .wrapping_add(s1);
        }
        let [a, b, c, d, e, f, g, h] = v;
        let s1 = e.rotate_right(6) ^ e.rotate_right(11) ^ e.rotate_right(25);
        let choice = (e & f) ^ (!e & g);
        let t1 = h
            .wrapping_add(s1)
            .wrapping_add(choice)
            .wrapping_add(k)
            .wrapping_add(w[i % 16]);
        let s0 = a.rotate_right(2) ^ a.rotate_right(13) ^ a.rotate_right(22);
        let majority = (a & b) ^ (a & c) ^ (b & c);
        let t2 = s0.wrapping_add(majority);
        v = [t1.wrapping_add(t2), a, b, c, d.wrapping_add(t1), e, f, g];
    }
    for (word, &add) in state.iter_mut().zip(&v) {
        *word = word.wrapping_add(add);
    }
}

/// An HMAC-SHA256 being computed.
#[derive(Clone)]
pub struct HmacSha256 {
    inner: Sha256,
    /// The key block, XORed with the outer pad.
    outer_key: [u8; BLOCK],
}

impl HmacSha256 {
    /// Keyed with `key` (of any length; a key longer than a block is hashed first).
    pub fn new(key: &[u8]) -> Self {
        let mut block = [0u8; BLOCK];
        if key.len() > BLOCK {
            let mut hash = Sha256::new();
            hash.update(key);
            block[..DIGEST_LEN].copy_from_slice(&hash.finish());
        } else {
            for (slot, byte) in block.iter_mut().zip(key) {
                *slot = *byte;
            }
        }
        // The pads XORed in place (no `array::map` copies): inner, then inner to outer.
        let mut inner = Sha256::new();
        for byte in &mut block {
            *byte ^= 0x36;
        }
        inner.update(&block);
        for byte in &mut block {
            *byte ^= 0x36 ^ 0x5c;
        }
        Self {
            inner,
            outer_key: block,
        }
    }

    /// Takes more of the message.
    pub fn update(&mut self, data: &[u8]) {
        self.inner.update(data);
    }

    /// The MAC.
    pub fn finish(&mut self) -> [u8; DIGEST_LEN] {
        let mut outer = Sha256::new();
        outer.update(&self.outer_key);
        outer.update(&self.inner.finish());
        outer.finish()
    }

    /// Whether the MAC is `expected`, compared in constant time.
    pub fn verify(&mut self, expected: &[u8; DIGEST_LEN]) -> bool {
        let differ = (self.finish().iter().zip(expected))
            .fold(0u8, |acc, (a, b)| core::hint::black_box(acc | (a ^ b)));
        differ == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use hmac::Mac;

    #[test]
    fn constants_are_the_standards() {
        const K: [u32; 64] = [
            0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
            0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
            0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
            0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
            0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
            0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
            0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
            0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
            0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
            0xc67178f2,
        ];
        const INITIAL: [u32; 8] = [
            0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab,
            0x5be0cd19,
        ];
        constants();
        assert_eq!(super::K.each_ref().map(|k| k.load(Ordering::Relaxed)), K);
        assert_eq!(
            super::INITIAL.each_ref().map(|k| k.load(Ordering::Relaxed)),
            INITIAL
        );
    }

    fn mac(key: &[u8], message: &[u8]) -> [u8; DIGEST_LEN] {
        let mut mac = HmacSha256::new(key);
        mac.update(message);
        mac.finish()
    }

    fn hex(bytes: &[u8]) -> String {
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    }

    #[test]
    fn rfc_4231_vectors() {
        let long_key = [0xaa; 131];
        for (key, message, expected) in [
            (
                &[0x0b; 20][..],
                &b"Hi There"[..],
                "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
            ),
            (
                b"Jefe",
                b"what do ya want for nothing?",
                "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
            ),
            (
                &long_key,
                b"Test Using Larger Than Block-Size Key - Hash Key First",
                "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
            ),
            (
                &long_key,
                b"This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm.",
                "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2",
            ),
        ] {
            assert_eq!(hex(&mac(key, message)), expected);
        }
    }

    #[test]
    fn agrees_with_the_rustcrypto_crates_on_every_length() {
        let bytes: Vec<u8> = (0..200u32).map(|i| (i * 37 + 11) as u8).collect();
        for key_len in [0, 1, 31, 32, 55, 56, 63, 64, 65, 127, 128, 129, 200] {
            for message_len in 0..=bytes.len() {
                let (key, message) = (&bytes[..key_len], &bytes[..message_len]);
                let mut theirs = hmac::Hmac::<sha2::Sha256>::new_from_slice(key).unwrap();
                theirs.update(message);
                let theirs: [u8; DIGEST_LEN] = theirs.finalize().into_bytes().into();
                assert_eq!(mac(key, message), theirs, "{key_len} {message_len}");
                let mut ours = HmacSha256::new(key);
                ours.update(message);
                assert!(ours.clone().verify(&theirs));
                let mut flipped = theirs;
                flipped[message_len % DIGEST_LEN] ^= 1;
                assert!(!ours.verify(&flipped));
            }
        }
    }
}
