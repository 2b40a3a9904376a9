//! A small JSON parser that remembers where every value stands (line and column,
//! both 1-based), so a content problem can point into the editor's file.
//! It never panics, and refuses nesting deeper than [`MAX_DEPTH`] instead of
//! overflowing the stack.

use std::fmt;

/// Deepest nesting of arrays and objects accepted. Real content stays below 15.
pub const MAX_DEPTH: usize = 128;

/// Where a value starts: 1-based line and column (columns count characters).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Pos {
    pub line: u32,
    pub column: u32,
}

/// A parsed JSON value with its position. `source` tells which file it came
/// from when several files are merged (0 for the main or index file).
#[derive(Debug, Clone, PartialEq)]
pub struct Value {
    pub pos: Pos,
    pub source: u16,
    pub kind: Kind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    Null,
    Bool(bool),
    Number(Number),
    String(String),
    Array(Vec<Value>),
    /// Members in file order; keys are unique (a repeated key is a syntax error).
    Object(Vec<Member>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    pub key: String,
    pub key_pos: Pos,
    pub value: Value,
}

/// Unreadable JSON: where, and what to do about it (Norwegian).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub pos: Pos,
    pub message: String,
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.pos.line, self.pos.column, self.message)
    }
}

/// A number as written in the file. Kept as text: no content field is a float,
/// and an exact float parser would cost the wasm about 10 KB of tables.
#[derive(Debug, Clone, PartialEq)]
pub struct Number(Box<str>);

impl Number {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The value, for error messages and range checks only. Exact when the digits
    /// fit in 2^53 and the exponent is within ±22 (any number a person writes);
    /// otherwise within a few units in the last place.
    pub fn approx_f64(&self) -> f64 {
        let (neg, text) = match self.0.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, &*self.0),
        };
        let (digits, exponent) = text.split_once(['e', 'E']).unwrap_or((text, "0"));
        let mut mantissa: u64 = 0;
        let mut exp: i64 = 0;
        let mut after_dot = false;
        for b in digits.bytes() {
            match b {
                b'.' => after_dot = true,
                b'0'..=b'9' if mantissa < 100_000_000_000_000_000 => {
                    mantissa = mantissa * 10 + u64::from(b - b'0');
                    exp -= i64::from(after_dot);
                }
                _ => exp += i64::from(!after_dot),
            }
        }
        let (exp_neg, exp_digits) = match exponent.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, exponent.strip_prefix('+').unwrap_or(exponent)),
        };
        let mut e: i64 = 0;
        for b in exp_digits.bytes() {
            e = (e * 10 + i64::from(b.wrapping_sub(b'0'))).min(100_000);
        }
        exp += if exp_neg { -e } else { e };
        // Powers of ten up to 1e22 are exact, so one multiplication or division is correctly rounded.
        let pow10 = |k: i64| (0..k.min(22)).fold(1.0f64, |p, _| p * 10.0);
        let mut x = mantissa as f64;
        let mut k = exp.unsigned_abs().min(400) as i64;
        while k > 0 {
            let step = pow10(k);
            x = if exp < 0 { x / step } else { x * step };
            k -= 22;
        }
        if neg {
            -x
        } else {
            x
        }
    }
}

/// One step of a path into a document: an object key or an array index.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Seg {
    Key(String),
    Index(usize),
}

/// Writes a path the way editors read it: `services[3].contacts[0].phone`.
pub fn format_path(path: &[Seg]) -> String {
    let mut out = String::new();
    for seg in path {
        match seg {
            Seg::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            Seg::Index(i) => {
                out.push('[');
                out.push_str(&i.to_string());
                out.push(']');
            }
        }
    }
    out
}

/// [`format_path`], naming each list item that has an `id` (or, for a service
/// note, a `service`) in `tree` by it: `levels[niva-1].steps[n1-planlegging].who`.
/// Items without one keep their index.
pub fn format_path_in(tree: &Value, path: &[Seg]) -> String {
    format_path_cached(tree, path, &mut Repeats::default())
}

/// Per list (by address) the ids it holds more than once, so that naming many
/// paths into one tree stays linear ([`format_path_in`] alone scans each list).
#[derive(Default)]
pub struct Repeats(std::collections::HashMap<usize, std::collections::HashSet<String>>);

/// [`format_path_in`] with a cache of each list's repeated ids.
pub fn format_path_cached(tree: &Value, path: &[Seg], repeats: &mut Repeats) -> String {
    let mut out = String::new();
    let mut here = Some(tree);
    for seg in path {
        match seg {
            Seg::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
                here = here.and_then(|v| v.get(k));
            }
            Seg::Index(i) => {
                let items = match here.map(|v| &v.kind) {
                    Some(Kind::Array(items)) => items.as_slice(),
                    _ => &[],
                };
                let item = items.get(*i);
                fn name_of(v: &Value) -> Option<&str> {
                    v.get("id")
                        .or_else(|| v.get("service"))
                        .and_then(Value::as_str)
                        .filter(|s| !s.is_empty())
                }
                // A repeated id names nothing: the index says which one.
                let repeated = repeats.0.entry(items.as_ptr() as usize).or_insert_with(|| {
                    let mut seen = std::collections::HashSet::new();
                    items
                        .iter()
                        .filter_map(name_of)
                        .filter(|n| !seen.insert(*n))
                        .map(str::to_string)
                        .collect()
                });
                let name = item.and_then(name_of).filter(|n| !repeated.contains(*n));
                out.push('[');
                match name {
                    Some(id) => out.push_str(id),
                    None => out.push_str(&i.to_string()),
                }
                out.push(']');
                here = item;
            }
        }
    }
    out
}

/// Parses one JSON document (a leading byte-order mark is allowed).
pub fn parse(text: &str) -> Result<Value, SyntaxError> {
    parse_source(text, 0)
}

/// Like [`parse`], tagging every value with `source` (the file's number).
pub fn parse_source(text: &str, source: u16) -> Result<Value, SyntaxError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut p = Parser {
        bytes: text.as_bytes(),
        at: 0,
        line: 1,
        column: 1,
        source,
    };
    p.skip_ws();
    if p.peek().is_none() {
        return Err(p.error("Filen er tom. Den må inneholde et JSON-objekt som starter med {."));
    }
    let value = p.value(0)?;
    p.skip_ws();
    if p.peek().is_some() {
        return Err(p.error(
            "Det står noe etter slutten av dokumentet. Fjern det, eller sjekk om en } eller ] står for tidlig.",
        ));
    }
    Ok(value)
}

impl Value {
    pub fn get(&self, key: &str) -> Option<&Value> {
        match &self.kind {
            Kind::Object(members) => members.iter().find(|m| m.key == key).map(|m| &m.value),
            _ => None,
        }
    }

    pub fn get_mut(&mut self, key: &str) -> Option<&mut Value> {
        match &mut self.kind {
            Kind::Object(members) => members
                .iter_mut()
                .find(|m| m.key == key)
                .map(|m| &mut m.value),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            Kind::String(s) => Some(s),
            _ => None,
        }
    }

    /// The deepest value along `path` that exists, and how many steps of the path it used.
    pub fn locate(&self, path: &[Seg]) -> (&Value, usize) {
        let mut here = self;
        for (used, seg) in path.iter().enumerate() {
            let next = match (seg, &here.kind) {
                (Seg::Key(k), Kind::Object(_)) => here.get(k),
                (Seg::Index(i), Kind::Array(items)) => items.get(*i),
                _ => None,
            };
            match next {
                Some(v) => here = v,
                None => return (here, used),
            }
        }
        (here, path.len())
    }

    /// The position of `key`'s name inside the object at `path`, if it is there.
    pub fn key_pos(&self, path: &[Seg], key: &str) -> Option<Pos> {
        let (obj, used) = self.locate(path);
        if used != path.len() {
            return None;
        }
        match &obj.kind {
            Kind::Object(members) => members.iter().find(|m| m.key == key).map(|m| m.key_pos),
            _ => None,
        }
    }

    /// Converts to a `serde_json::Value` (positions are dropped). Native only:
    /// the wasm decodes the tree directly (`model::decoder`) and carries no serde_json.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn to_serde(&self) -> serde_json::Value {
        use serde_json::Value as J;
        match &self.kind {
            Kind::Null => J::Null,
            Kind::Bool(b) => J::Bool(*b),
            // The parser only keeps numbers serde_json reads too, so this never falls back.
            Kind::Number(n) => serde_json::from_str(n.as_str())
                .map(J::Number)
                .unwrap_or(J::Null),
            Kind::String(s) => J::String(s.clone()),
            Kind::Array(items) => J::Array(items.iter().map(Value::to_serde).collect()),
            Kind::Object(members) => J::Object(
                members
                    .iter()
                    .map(|m| (m.key.clone(), m.value.to_serde()))
                    .collect(),
            ),
        }
    }
}

struct Parser<'a> {
    bytes: &'a [u8],
    at: usize,
    line: u32,
    column: u32,
    source: u16,
}

impl Parser<'_> {
    fn pos(&self) -> Pos {
        Pos {
            line: self.line,
            column: self.column,
        }
    }

    fn error(&self, message: &str) -> SyntaxError {
        SyntaxError {
            pos: self.pos(),
            message: message.to_string(),
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn bump(&mut self) -> Option<u8> {
        let b = self.peek()?;
        self.at += 1;
        if b == b'\n' {
            self.line = self.line.saturating_add(1);
            self.column = 1;
        } else if b & 0xC0 != 0x80 {
            // Continuation bytes of a UTF-8 character do not start a new column.
            self.column = self.column.saturating_add(1);
        }
        Some(b)
    }

    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.bump();
        }
    }

    fn unexpected(&self) -> SyntaxError {
        match self.current_char() {
            None => {
                self.error("Filen slutter midt i en verdi. Sjekk at alle {, [ og \" er lukket.")
            }
            Some(c) => {
                let mut msg = format!("Uventet tegn «{}». ", c.escape_debug());
                msg.push_str(match c {
                    '\'' => "Bruk doble anførselstegn (\") rundt tekst i JSON.",
                    '/' => "Kommentarer er ikke lov i JSON. Fjern dem.",
                    _ => "Her skulle det stått en verdi: tekst i \"…\", et tall, true, false, null, { eller [.",
                });
                self.error(&msg)
            }
        }
    }

    fn current_char(&self) -> Option<char> {
        let rest = self.bytes.get(self.at..)?;
        let end = rest.len().min(4);
        (1..=end).find_map(|n| {
            std::str::from_utf8(&rest[..n])
                .ok()
                .and_then(|s| s.chars().next())
        })
    }

    fn value(&mut self, depth: usize) -> Result<Value, SyntaxError> {
        let pos = self.pos();
        let kind = match self.peek() {
            Some(b'{') => self.object(depth + 1)?,
            Some(b'[') => self.array(depth + 1)?,
            Some(b'"') => Kind::String(self.string()?),
            Some(b't') => self.word("true", Kind::Bool(true))?,
            Some(b'f') => self.word("false", Kind::Bool(false))?,
            Some(b'n') => self.word("null", Kind::Null)?,
            Some(b'-' | b'0'..=b'9') => self.number()?,
            _ => return Err(self.unexpected()),
        };
        Ok(Value {
            pos,
            source: self.source,
            kind,
        })
    }

    fn word(&mut self, word: &str, kind: Kind) -> Result<Kind, SyntaxError> {
        if self.bytes[self.at..].starts_with(word.as_bytes()) {
            for _ in 0..word.len() {
                self.bump();
            }
            Ok(kind)
        } else {
            Err(self.error(&format!(
                "Ukjent ord. Mente du {word}? Tekst må stå i doble anførselstegn (\"…\")."
            )))
        }
    }

    fn too_deep(&self, depth: usize) -> Result<(), SyntaxError> {
        if depth > MAX_DEPTH {
            Err(self.error(&format!(
                "Strukturen er nestet for dypt (over {MAX_DEPTH} nivåer med {{ og [). Sjekk at klammene er lukket."
            )))
        } else {
            Ok(())
        }
    }

    fn array(&mut self, depth: usize) -> Result<Kind, SyntaxError> {
        self.too_deep(depth)?;
        self.bump();
        let mut items = Vec::new();
        self.skip_ws();
        if self.peek() == Some(b']') {
            self.bump();
            return Ok(Kind::Array(items));
        }
        loop {
            self.skip_ws();
            if self.peek() == Some(b']') {
                return Err(self.error("Komma rett før ] er ikke lov i JSON. Fjern kommaet."));
            }
            items.push(self.value(depth)?);
            self.skip_ws();
            match self.peek() {
                Some(b',') => {
                    self.bump();
                }
                Some(b']') => {
                    self.bump();
                    return Ok(Kind::Array(items));
                }
                None => return Err(self.error("Filen slutter før listen er lukket. Legg til ].")),
                _ => return Err(self.error("Mangler komma eller ] etter verdien i listen.")),
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<Kind, SyntaxError> {
        self.too_deep(depth)?;
        self.bump();
        let mut members: Vec<Member> = Vec::new();
        self.skip_ws();
        if self.peek() == Some(b'}') {
            self.bump();
            return Ok(Kind::Object(members));
        }
        loop {
            self.skip_ws();
            let key_pos = self.pos();
            match self.peek() {
                Some(b'"') => {}
                Some(b'}') => {
                    return Err(self.error("Komma rett før } er ikke lov i JSON. Fjern kommaet."))
                }
                None => return Err(self.error("Filen slutter før objektet er lukket. Legg til }.")),
                _ => {
                    return Err(self.error(
                        "Her skulle det stått et feltnavn i doble anførselstegn, f.eks. \"title\".",
                    ))
                }
            }
            let key = self.string()?;
            if members.iter().any(|m| m.key == key) {
                return Err(SyntaxError {
                    pos: key_pos,
                    message: format!(
                        "Feltet «{key}» står to ganger i samme objekt. Fjern det ene."
                    ),
                });
            }
            self.skip_ws();
            if self.peek() != Some(b':') {
                return Err(self.error("Mangler kolon (:) etter feltnavnet."));
            }
            self.bump();
            self.skip_ws();
            let value = self.value(depth)?;
            members.push(Member {
                key,
                key_pos,
                value,
            });
            self.skip_ws();
            match self.peek() {
                Some(b',') => {
                    self.bump();
                }
                Some(b'}') => {
                    self.bump();
                    return Ok(Kind::Object(members));
                }
                None => return Err(self.error("Filen slutter før objektet er lukket. Legg til }.")),
                _ => return Err(self.error("Mangler komma eller } etter verdien.")),
            }
        }
    }

    fn string(&mut self) -> Result<String, SyntaxError> {
        self.bump(); // opening quote
        let mut out: Vec<u8> = Vec::new();
        loop {
            match self.peek() {
                None => {
                    return Err(self.error("Teksten slutter aldri. Legg til \" på slutten av teksten."))
                }
                Some(b'"') => {
                    self.bump();
                    break;
                }
                Some(b'\\') => {
                    self.bump();
                    let c = match self.bump() {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => self.unicode_escape()?,
                        _ => {
                            return Err(self.error(
                                "Ugyldig \\-kode i teksten. Skriv \\\\ for en omvendt skråstrek, \\\" for anførselstegn og \\n for linjeskift.",
                            ))
                        }
                    };
                    let mut buf = [0u8; 4];
                    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                }
                Some(b) if b < 0x20 => {
                    return Err(self.error(
                        "Linjeskift og tabulator kan ikke stå rett i en tekst. Skriv \\n for linjeskift, eller lukk teksten med \".",
                    ))
                }
                Some(b) => {
                    self.bump();
                    out.push(b);
                }
            }
        }
        // The input is a &str and escapes add whole characters, so this holds valid UTF-8.
        String::from_utf8(out).map_err(|_| self.error("Teksten er ikke gyldig UTF-8."))
    }

    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let mut n = 0u32;
        for _ in 0..4 {
            let d = match self.peek() {
                Some(b) if b.is_ascii_hexdigit() => (b as char).to_digit(16).unwrap_or(0),
                _ => {
                    return Err(
                        self.error("\\u må følges av fire heksadesimale sifre, f.eks. \\u00e5.")
                    )
                }
            };
            self.bump();
            n = n * 16 + d;
        }
        Ok(n)
    }

    fn unicode_escape(&mut self) -> Result<char, SyntaxError> {
        let first = self.hex4()?;
        let code = if (0xD800..0xDC00).contains(&first) {
            if self.peek() != Some(b'\\') || self.bytes.get(self.at + 1) != Some(&b'u') {
                return Err(self.error("Halvt tegnpar i \\u-kode. Skriv tegnet direkte i stedet."));
            }
            self.bump();
            self.bump();
            let second = self.hex4()?;
            if !(0xDC00..0xE000).contains(&second) {
                return Err(self.error("Halvt tegnpar i \\u-kode. Skriv tegnet direkte i stedet."));
            }
            0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
        } else {
            first
        };
        char::from_u32(code)
            .ok_or_else(|| self.error("Ugyldig \\u-kode. Skriv tegnet direkte i stedet."))
    }

    fn number(&mut self) -> Result<Kind, SyntaxError> {
        let start = self.at;
        let bad = |p: &Self| {
            p.error(
                "Ugyldig tall. Skriv tall uten mellomrom og uten ledende null, f.eks. 1 eller 2.5.",
            )
        };
        if self.peek() == Some(b'-') {
            self.bump();
        }
        match self.peek() {
            Some(b'0') => {
                self.bump();
            }
            Some(b'1'..=b'9') => {
                while let Some(b'0'..=b'9') = self.peek() {
                    self.bump();
                }
            }
            _ => return Err(bad(self)),
        }
        if self.peek() == Some(b'.') {
            self.bump();
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(bad(self));
            }
            while let Some(b'0'..=b'9') = self.peek() {
                self.bump();
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.bump();
            if let Some(b'+' | b'-') = self.peek() {
                self.bump();
            }
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(bad(self));
            }
            while let Some(b'0'..=b'9') = self.peek() {
                self.bump();
            }
        }
        if let Some(b'0'..=b'9' | b'.' | b'a'..=b'z' | b'A'..=b'Z') = self.peek() {
            return Err(bad(self));
        }
        let text = std::str::from_utf8(&self.bytes[start..self.at]).unwrap_or("");
        let number = Number(text.into());
        if number.approx_f64().is_infinite() {
            return Err(self.error("Tallet er for stort. Bruk et mindre tall."));
        }
        Ok(Kind::Number(number))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_know_their_line_and_column() {
        let v = parse("{\n  \"a\": [1,\n    \"æø\", true]\n}").unwrap();
        let a = v.get("a").unwrap();
        assert_eq!(a.pos, Pos { line: 2, column: 8 });
        let Kind::Array(items) = &a.kind else {
            panic!()
        };
        assert_eq!(items[1].pos, Pos { line: 3, column: 5 });
        assert_eq!(
            items[2].pos,
            Pos {
                line: 3,
                column: 11
            }
        );
    }

    #[test]
    fn trailing_comma_is_reported_where_it_stands() {
        let e = parse("{\"a\": 1,\n}").unwrap_err();
        assert_eq!(e.pos, Pos { line: 2, column: 1 });
        assert_eq!(
            e.message,
            "Komma rett før } er ikke lov i JSON. Fjern kommaet."
        );
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let text = "[".repeat(100_000);
        let e = parse(&text).unwrap_err();
        assert!(
            e.message.starts_with("Strukturen er nestet for dypt"),
            "{}",
            e.message
        );
        let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse(&ok).is_ok());
    }

    #[test]
    fn repeated_key_is_an_error() {
        let e = parse("{\"a\": 1, \"a\": 2}").unwrap_err();
        assert_eq!(
            e.pos,
            Pos {
                line: 1,
                column: 10
            }
        );
    }

    #[test]
    fn agrees_with_serde_json_on_valid_input() {
        let text = r#"{"s":"a\u00e5\ud83d\ude00\n","n":[-0,1.5e3,12],"b":[true,false,null]}"#;
        let ours = parse(text).unwrap().to_serde();
        let theirs: serde_json::Value = serde_json::from_str(text).unwrap();
        assert_eq!(ours, theirs);
    }

    #[test]
    fn numbers_a_person_writes_have_their_exact_value() {
        for text in [
            "0",
            "-0",
            "1.5",
            "0.1",
            "-2.25e-3",
            "123456789012345",
            "1e22",
            "7E-22",
            "0.000001",
            "99.99",
        ] {
            let Kind::Number(n) = parse(text).unwrap().kind else {
                panic!("{text}")
            };
            assert_eq!(n.approx_f64(), text.parse::<f64>().unwrap(), "{text}");
        }
        assert!(parse("1e400")
            .unwrap_err()
            .message
            .starts_with("Tallet er for stort"));
        let Kind::Number(n) = parse("1e-400").unwrap().kind else {
            panic!()
        };
        assert_eq!(n.approx_f64(), 0.0);
    }

    #[test]
    fn path_is_written_like_editors_read_it() {
        let p = [
            Seg::Key("services".into()),
            Seg::Index(3),
            Seg::Key("phone".into()),
        ];
        assert_eq!(format_path(&p), "services[3].phone");
    }
}
