//! Which series and areas the reader has hidden with the legend buttons. At least one entry of
//! a legend always stays visible.

/// The legend key of the arrests series.
pub const ARRESTS: &str = "series:arrests";
/// The legend key of the charges series.
pub const CHARGED: &str = "series:charged";

/// The legend key of an area.
pub fn area_key(name: &str) -> String {
    format!("area:{name}")
}

/// The set of hidden legend keys: a handful at most (a legend has at most a dozen entries), so
/// a plain list, searched in order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Visibility {
    hidden: Vec<String>,
}

impl Visibility {
    /// Everything visible.
    pub fn new() -> Self {
        Self::default()
    }

    /// True when the entry `key` is hidden.
    pub fn is_hidden(&self, key: &str) -> bool {
        self.hidden.iter().any(|h| h == key)
    }

    /// Shows a hidden entry, or hides a visible one unless it is the last visible of `keys`
    /// (the legend it belongs to). Returns whether `key` is now hidden.
    pub fn toggle(&mut self, key: &str, keys: &[String]) -> bool {
        if let Some(at) = self.hidden.iter().position(|h| h == key) {
            self.hidden.swap_remove(at);
            return false;
        }
        let visible_others = keys.iter().filter(|k| k.as_str() != key && !self.is_hidden(k)).count();
        if visible_others > 0 && keys.iter().any(|k| k == key) {
            self.hidden.push(key.to_owned());
            true
        } else {
            false
        }
    }

    /// Shows everything again (new data may not have the same series or areas).
    pub fn clear(&mut self) {
        self.hidden.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_visible_entry_cannot_be_hidden() {
        let keys = vec![ARRESTS.to_owned(), CHARGED.to_owned()];
        let mut v = Visibility::new();
        assert!(v.toggle(ARRESTS, &keys));
        assert!(!v.toggle(CHARGED, &keys), "charged is the last one visible");
        assert!(!v.is_hidden(CHARGED));
        assert!(!v.toggle(ARRESTS, &keys), "a second press shows it again");
        assert!(!v.toggle("series:unknown", &keys));
    }
}
