//! Actors (states, alliances) and the speakers whose words the claims quote.

use serde::{Deserialize, Serialize};

/// A state or alliance with a stake in the story; places and claims are styled by actor.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Actor {
    /// Identifier used by places, regions and claims.
    pub id: String,
    /// Display name, e.g. "NATO / US".
    pub name: String,
    /// Colour as `#rrggbb`.
    pub colour: String,
}

impl Actor {
    /// The colour as RGB bytes, if `colour` is a valid `#rrggbb`.
    pub fn rgb(&self) -> Option<[u8; 3]> {
        parse_hex_colour(&self.colour)
    }
}

/// Parses `#rrggbb` into bytes.
pub fn parse_hex_colour(s: &str) -> Option<[u8; 3]> {
    let hex = s.strip_prefix('#')?;
    if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
    Some([byte(0)?, byte(2)?, byte(4)?])
}

/// Who says a claim: a minister, a newspaper's source, an agency, the author.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Speaker {
    /// Identifier used by claims.
    pub id: String,
    /// Name as the article gives it.
    pub name: String,
    /// Role or affiliation, e.g. "Russian Foreign Minister".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
}

impl Speaker {
    /// "Name, role" for display and export.
    pub fn label(&self) -> String {
        match &self.role {
            Some(role) => format!("{}, {role}", self.name),
            None => self.name.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_colours() {
        assert_eq!(parse_hex_colour("#c0392B"), Some([0xc0, 0x39, 0x2b]));
        assert_eq!(parse_hex_colour("c0392b"), None);
        assert_eq!(parse_hex_colour("#c0392"), None);
        assert_eq!(parse_hex_colour("#g0392b"), None);
    }
}
