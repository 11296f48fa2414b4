//! [`Raw`]: a record's whole JSON object, kept as the text the library lent and parsed the first
//! time it is read.

use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;
use std::sync::OnceLock;

use serde_json::Value;

/// The whole object of a record as the server sent it, every number as a JSON string: the
/// fields the record names and every other.
///
/// Reading a record copies this JSON text out of the C record once; it becomes a
/// [`serde_json::Value`] only when read as one, and then once: `raw["field"]`, `raw.get(..)`,
/// `*raw`, [`Raw::value`], `Debug`, `==` (when the two texts differ) and `Hash` parse it on first
/// use and keep the result. A caller that reads only the named fields never pays for the parse.
///
/// ```
/// # fn demo(account: &yativo::Account) {
/// let owner = &account.raw["user_id"]; // a &Value (parsed now, kept for the next read)
/// let text: &str = account.raw.as_str(); // the JSON text, never parsed
/// # let _ = (owner, text); }
/// ```
///
/// The text is the library's compact JSON; a text that is not JSON (not expected: the library
/// wrote it) reads as `Null`, as does the `null` of a record whose object the library ran out of
/// memory building.
#[derive(Clone)]
pub struct Raw {
    text: String,
    value: OnceLock<Value>,
}

impl Raw {
    /// The JSON text `text`, parsed when first read.
    pub(crate) fn from_text(text: String) -> Self {
        Raw {
            text,
            value: OnceLock::new(),
        }
    }

    /// `null`, already parsed.
    pub(crate) fn null() -> Self {
        Value::Null.into()
    }

    /// The object as a JSON value, parsed on the first call (or the first read through `Deref`)
    /// and kept.
    pub fn value(&self) -> &Value {
        self.value
            .get_or_init(|| serde_json::from_str(&self.text).unwrap_or(Value::Null))
    }

    /// The JSON text, as the library wrote it (keys in the server's order); never parses.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The JSON value, parsed now unless it already was.
    pub fn into_value(self) -> Value {
        match self.value.into_inner() {
            Some(v) => v,
            None => serde_json::from_str(&self.text).unwrap_or(Value::Null),
        }
    }

    /// The JSON text.
    pub fn into_string(self) -> String {
        self.text
    }
}

impl Deref for Raw {
    type Target = Value;

    fn deref(&self) -> &Value {
        self.value()
    }
}

impl AsRef<Value> for Raw {
    fn as_ref(&self) -> &Value {
        self.value()
    }
}

impl From<Value> for Raw {
    /// The value and its compact text.
    fn from(value: Value) -> Self {
        Raw {
            text: value.to_string(),
            value: OnceLock::from(value),
        }
    }
}

impl From<Raw> for Value {
    fn from(raw: Raw) -> Self {
        raw.into_value()
    }
}

/// As the values: the same text is the same value without a parse; texts that differ are
/// parsed and compared as values (key order and spacing do not count).
impl PartialEq for Raw {
    fn eq(&self, other: &Raw) -> bool {
        self.text == other.text || self.value() == other.value()
    }
}

impl Eq for Raw {}

impl PartialEq<Value> for Raw {
    fn eq(&self, other: &Value) -> bool {
        self.value() == other
    }
}

impl PartialEq<Raw> for Value {
    fn eq(&self, other: &Raw) -> bool {
        self == other.value()
    }
}

/// The value's hash, consistent with `==`.
impl Hash for Raw {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.value().hash(state);
    }
}

/// As the [`Value`]'s `Debug`.
impl fmt::Debug for Raw {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.value(), f)
    }
}

/// The JSON text as it is (no parse); `{:#}` pretty-prints the value.
impl fmt::Display for Raw {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if f.alternate() {
            fmt::Display::fmt(self.value(), f)
        } else {
            f.write_str(&self.text)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn parses_only_when_read_and_once() {
        let raw = Raw::from_text(r#"{"b":"2","a":{"x":[1,"y"]}}"#.to_owned());
        assert!(raw.value.get().is_none());
        assert_eq!(raw.as_str(), r#"{"b":"2","a":{"x":[1,"y"]}}"#);
        assert_eq!(raw.to_string(), raw.as_str()); // Display is the text
        assert!(raw.value.get().is_none(), "as_str and Display do not parse");
        assert_eq!(raw["b"], "2");
        assert_eq!(
            raw.get("a").and_then(|a| a.get("x")),
            Some(&json!([1, "y"]))
        );
        let first: *const Value = raw.value();
        assert!(std::ptr::eq(first, &*raw), "the parsed value is kept");
    }

    #[test]
    fn compares_as_values() {
        let a = Raw::from_text(r#"{"a":"1","b":null}"#.to_owned());
        let same_text = Raw::from_text(a.as_str().to_owned());
        assert_eq!(a, same_text);
        assert!(
            a.value.get().is_none() && same_text.value.get().is_none(),
            "equal text: no parse"
        );
        let reordered = Raw::from_text(r#"{ "b": null, "a": "1" }"#.to_owned());
        assert_eq!(a, reordered);
        assert_ne!(a, Raw::from_text(r#"{"a":"2","b":null}"#.to_owned()));
        assert_eq!(a, json!({"a": "1", "b": null}));
        assert_eq!(json!({"a": "1", "b": null}), a);
        assert_ne!(a, json!({"a": 1, "b": null}));
        assert_eq!(
            format!("{a:?}"),
            format!("{:?}", json!({"a": "1", "b": null}))
        );
        let cloned = a.clone();
        assert_eq!(cloned.as_str(), a.as_str());
        assert_eq!(cloned.into_value(), json!({"a": "1", "b": null}));
    }

    #[test]
    fn null_and_not_json() {
        assert_eq!(Raw::null().as_str(), "null");
        assert!(Raw::null().is_null());
        let bad = Raw::from_text("{not json".to_owned());
        assert!(bad.is_null());
        assert_eq!(bad.as_str(), "{not json");
        let from: Raw = json!({"k": ["v"]}).into();
        assert_eq!(from.as_str(), r#"{"k":["v"]}"#);
        assert_eq!(Value::from(from), json!({"k": ["v"]}));
    }
}
