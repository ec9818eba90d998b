//! Whether every text in a value read back from a cache is one `validate` could have let
//! through: no character that drives or deceives a terminal, no overlong cluster. A
//! forged cache could otherwise bring them past `check` to the screen.
//!
//! A serde serializer that only looks at strings: it walks any model type, fields added
//! later included, without building anything.
use crate::content::text_safety;
use serde::Serialize;
use serde::ser;
use std::fmt;

/// Whether every string in `value` is safe course text.
pub fn all_safe<T: Serialize + ?Sized>(value: &T) -> bool {
    value.serialize(Scan).is_ok()
}

fn safe(text: &str) -> bool {
    let forbidden = text_safety::may_hold_forbidden(text.as_bytes()) && text.chars().any(text_safety::is_forbidden);
    !forbidden && text_safety::overlong_cluster(text).is_none()
}

/// A text that is not safe was found (or serde failed): the walk stops.
#[derive(Debug)]
pub struct Unsafe;

impl fmt::Display for Unsafe {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a text a course may not hold")
    }
}

impl std::error::Error for Unsafe {}

impl ser::Error for Unsafe {
    fn custom<M: fmt::Display>(_: M) -> Self {
        Unsafe
    }
}

struct Scan;

type Done = Result<(), Unsafe>;

impl ser::Serializer for Scan {
    type Ok = ();
    type Error = Unsafe;
    type SerializeSeq = Scan;
    type SerializeTuple = Scan;
    type SerializeTupleStruct = Scan;
    type SerializeTupleVariant = Scan;
    type SerializeMap = Scan;
    type SerializeStruct = Scan;
    type SerializeStructVariant = Scan;

    fn serialize_str(self, v: &str) -> Done {
        if safe(v) { Ok(()) } else { Err(Unsafe) }
    }
    fn serialize_char(self, v: char) -> Done {
        self.serialize_str(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_bool(self, _: bool) -> Done {
        Ok(())
    }
    fn serialize_i8(self, _: i8) -> Done {
        Ok(())
    }
    fn serialize_i16(self, _: i16) -> Done {
        Ok(())
    }
    fn serialize_i32(self, _: i32) -> Done {
        Ok(())
    }
    fn serialize_i64(self, _: i64) -> Done {
        Ok(())
    }
    fn serialize_u8(self, _: u8) -> Done {
        Ok(())
    }
    fn serialize_u16(self, _: u16) -> Done {
        Ok(())
    }
    fn serialize_u32(self, _: u32) -> Done {
        Ok(())
    }
    fn serialize_u64(self, _: u64) -> Done {
        Ok(())
    }
    fn serialize_f32(self, _: f32) -> Done {
        Ok(())
    }
    fn serialize_f64(self, _: f64) -> Done {
        Ok(())
    }
    fn serialize_bytes(self, _: &[u8]) -> Done {
        Ok(())
    }
    fn serialize_none(self) -> Done {
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Done {
        value.serialize(Scan)
    }
    fn serialize_unit(self) -> Done {
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Done {
        Ok(())
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, _: &'static str) -> Done {
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, value: &T) -> Done {
        value.serialize(Scan)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        value: &T,
    ) -> Done {
        value.serialize(Scan)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Scan, Unsafe> {
        Ok(Scan)
    }
    fn serialize_tuple(self, _: usize) -> Result<Scan, Unsafe> {
        Ok(Scan)
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Scan, Unsafe> {
        Ok(Scan)
    }
    fn serialize_tuple_variant(self, _: &'static str, _: u32, _: &'static str, _: usize) -> Result<Scan, Unsafe> {
        Ok(Scan)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Scan, Unsafe> {
        Ok(Scan)
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Scan, Unsafe> {
        Ok(Scan)
    }
    fn serialize_struct_variant(self, _: &'static str, _: u32, _: &'static str, _: usize) -> Result<Scan, Unsafe> {
        Ok(Scan)
    }
}

/// The sequence-like parts of the walk: every element is scanned, nothing is built.
macro_rules! scan_elements {
    ($($part:ident :: $method:ident),* $(,)?) => {$(
        impl ser::$part for Scan {
            type Ok = ();
            type Error = Unsafe;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
                value.serialize(Scan)
            }
            fn end(self) -> Done {
                Ok(())
            }
        }
    )*};
}

scan_elements!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field,
);

impl ser::SerializeMap for Scan {
    type Ok = ();
    type Error = Unsafe;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Done {
        key.serialize(Scan)
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
        value.serialize(Scan)
    }
    fn end(self) -> Done {
        Ok(())
    }
}

impl ser::SerializeStruct for Scan {
    type Ok = ();
    type Error = Unsafe;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, _: &'static str, value: &T) -> Done {
        value.serialize(Scan)
    }
    fn end(self) -> Done {
        Ok(())
    }
}

impl ser::SerializeStructVariant for Scan {
    type Ok = ();
    type Error = Unsafe;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, _: &'static str, value: &T) -> Done {
        value.serialize(Scan)
    }
    fn end(self) -> Done {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_control_character_anywhere_in_a_value_is_found() {
        let clean = (vec!["Not Found", "tab\there\nand newline"], Some("café"), 404u16);
        assert!(all_safe(&clean));
        assert!(!all_safe(&(vec!["fine", "esc \u{1b}[2J"], 1)));
        assert!(!all_safe(&Some(vec![("key", "bidi \u{202e}")])));
        assert!(!all_safe(&format!("e{}", "\u{301}".repeat(31))));
    }
}
