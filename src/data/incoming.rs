//! A document arriving in parts: the web glue pushes each part of a fetched response body
//! straight into the core as it arrives, and a text it is given a part at a time as the browser
//! encodes it, so a large document exists once, here, and never as a whole in JavaScript too.
//! Past the size limit the parts are dropped as they come.

use std::hash::BuildHasher;

use foldhash::fast::FixedState;

use super::limits::MAX_DOCUMENT_BYTES;

/// The parts of one document received so far.
#[derive(Debug, Default)]
pub struct Incoming {
    bytes: Vec<u8>,
    /// How many bytes arrived in all (more than `bytes` holds once over the limit).
    total: usize,
}

impl Incoming {
    /// Starts a new document of `expected` bytes (0 when the server did not say), forgetting
    /// any earlier one.
    pub fn begin(&mut self, expected: usize) {
        self.bytes = Vec::new();
        self.total = 0;
        if expected <= MAX_DOCUMENT_BYTES {
            // The server's figure, so the buffer is made once at its size, not doubled.
            self.bytes.reserve_exact(expected);
        }
    }

    /// Appends `part`. False once the document is over the size limit: what arrived is dropped
    /// and the caller should stop reading.
    pub fn push(&mut self, part: &[u8]) -> bool {
        self.total = self.total.saturating_add(part.len());
        if self.total > MAX_DOCUMENT_BYTES {
            self.bytes = Vec::new();
            return false;
        }
        self.bytes.extend_from_slice(part);
        true
    }

    /// The whole document, taking it; or, when it went over the limit, how many bytes came.
    pub fn take(&mut self) -> Result<Vec<u8>, usize> {
        let total = std::mem::take(&mut self.total);
        let bytes = std::mem::take(&mut self.bytes);
        if total > MAX_DOCUMENT_BYTES { Err(total) } else { Ok(bytes) }
    }
}

/// A fingerprint of a document's bytes, to tell a refreshed copy that changed nothing (fixed
/// seed: the same bytes give the same value in every instance).
pub fn digest(bytes: &[u8]) -> (usize, u64) {
    (bytes.len(), FixedState::with_seed(0x6f70_6368_6172_7473).hash_one(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_make_the_document_and_the_limit_drops_them() {
        let mut incoming = Incoming::default();
        incoming.begin(6);
        assert!(incoming.push(b"{\"a\""));
        assert!(incoming.push(b":1}"));
        assert_eq!(incoming.take(), Ok(b"{\"a\":1}".to_vec()));
        incoming.begin(0);
        let part = vec![b' '; MAX_DOCUMENT_BYTES / 2 + 1];
        assert!(incoming.push(&part));
        assert!(!incoming.push(&part), "over the limit");
        assert_eq!(incoming.take(), Err(part.len() * 2));
        assert_eq!(incoming.take(), Ok(Vec::new()), "taken: nothing left");
    }

    #[test]
    fn the_same_bytes_give_the_same_digest() {
        assert_eq!(digest(b"{}"), digest(b"{}"));
        assert_ne!(digest(b"{}"), digest(b"[]"));
    }
}
