//! Faults only a test build can inject (cargo feature `test-faults`, which the release bundle
//! never has): a document whose title names a fault makes its chart's core panic there, so the
//! browser tests can prove that a panic stays inside one chart (`tests/browser/faults.test.mjs`).

/// Where a chart's core is told to panic.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) enum Fault {
    /// Nowhere: an ordinary chart.
    #[default]
    None,
    /// While the document is being taken in.
    Load,
    /// At every hit test (pointer move or tap).
    Hover,
}

impl Fault {
    /// The fault a chart title asks for: "test-faults: panic on load" or "… on hover".
    pub(crate) fn from_title(title: &str) -> Self {
        match title {
            "test-faults: panic on load" => Self::Load,
            "test-faults: panic on hover" => Self::Hover,
            _ => Self::None,
        }
    }

    /// Panics if this is the fault `at`.
    pub(crate) fn trip(self, at: Fault) {
        if self == at && at != Fault::None {
            panic!("test fault injected: panic on {at:?}");
        }
    }
}
