//! Norwegian word folding, stemming, word splitting and the one-typo test:
//! the text rules shared by the index and the query.

/// Endings [`stem`] strips, longest first (folded spelling, so `-ane` also covers
/// written `-åne`, and nynorsk `-ar`/`-ane` sit beside bokmål `-er`/`-ene`).
pub const ENDINGS: &[&str] = &[
    "hetene", "heten", "heter", "ende", "het", "ene", "ane", "ers", "ens", "ets", "en", "et", "er",
    "ar", "as", "a", "e", "s",
];

/// Letters a stem keeps at least; an ending that would leave fewer is not stripped.
pub const MIN_STEM: usize = 3;

/// Folds one word for matching: lowercase; `æ`/`ä` → `ae`; `ø`/`ö`/`œ` → `o`; `å` → `a`;
/// accents on common Latin letters (French, German, Polish, Sámi, …) dropped, `ß` → `ss`;
/// combining marks dropped (decomposed `å` is `a` + ring). Then `oe` → `o` and `aa` → `a`,
/// so the spellings people type without Norwegian letters meet the real ones:
/// `møte`, `moete` and `mote` all fold to `mote`, `påstand` and `paastand` to `pastand`.
/// (Words with a real `oe`/`aa`, like `poeng`, fold the same way on both sides, so they
/// still find themselves.)
pub fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        for l in c.to_lowercase() {
            match l {
                'æ' | 'ä' => {
                    push(&mut out, 'a');
                    push(&mut out, 'e');
                }
                'ß' => out.push_str("ss"),
                '\u{300}'..='\u{36f}' => {}
                _ => push(&mut out, base_letter(l)),
            }
        }
    }
    out
}

/// Pushes `c` unless it completes `oe` or `aa`, which fold to `o` and `a`.
fn push(out: &mut String, c: char) {
    match (out.as_bytes().last(), c) {
        (Some(b'o'), 'e') | (Some(b'a'), 'a') => {}
        _ => out.push(c),
    }
}

fn base_letter(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'å' | 'ā' | 'ą' => 'a',
        'ç' | 'ć' | 'č' => 'c',
        'đ' | 'ď' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'ī' => 'i',
        'ł' => 'l',
        'ñ' | 'ń' | 'ň' | 'ŋ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'œ' => 'o',
        'ř' => 'r',
        'ś' | 'š' => 's',
        'ť' | 'ŧ' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' => 'u',
        'ý' | 'ÿ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        _ => c,
    }
}

/// The stem of a folded word: the word without the longest ending in [`ENDINGS`] that
/// leaves at least [`MIN_STEM`] letters. `-s` is not stripped after another `s`
/// (`prosess`), and words with digits are left alone (`13`, `10a`).
/// `barn`, `barnet`, `barna` → `barn`; `samtykke`, `samtykket` → `samtykk`.
/// The stem is always a prefix of the word.
pub fn stem(folded: &str) -> &str {
    if folded.bytes().any(|b| b.is_ascii_digit()) {
        return folded;
    }
    for ending in ENDINGS {
        if let Some(rest) = folded.strip_suffix(ending) {
            if rest.chars().count() >= MIN_STEM && !(*ending == "s" && rest.ends_with('s')) {
                return rest;
            }
        }
    }
    folded
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || ('\u{300}'..='\u{36f}').contains(&c)
}

/// Byte ranges of the words in `text`: runs of letters and digits (with any combining
/// marks). Everything else, including `-` and `§`, separates words.
pub fn words(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let start = loop {
            let (i, c) = chars.next()?;
            if is_word_char(c) {
                break i;
            }
        };
        let mut end = text.len();
        while let Some(&(i, c)) = chars.peek() {
            if !is_word_char(c) {
                end = i;
                break;
            }
            chars.next();
        }
        Some((start, end))
    })
}

/// Optimal-string-alignment distance ≤ 1: equal, or one letter substituted, inserted,
/// deleted, or two neighbours swapped.
pub fn within_one(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        within_one_slice(a.as_bytes(), b.as_bytes())
    } else {
        let a: Vec<char> = a.chars().collect();
        let b: Vec<char> = b.chars().collect();
        within_one_slice(&a, &b)
    }
}

fn within_one_slice<T: PartialEq>(a: &[T], b: &[T]) -> bool {
    let (a, b) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let i = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    match b.len() - a.len() {
        0 if i == a.len() => true,
        0 => {
            a[i + 1..] == b[i + 1..]
                || (i + 1 < a.len()
                    && a[i] == b[i + 1]
                    && a[i + 1] == b[i]
                    && a[i + 2..] == b[i + 2..])
        }
        1 => a[i..] == b[i + 1..],
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn norwegian_letters_fold_to_what_people_type_without_them() {
        assert_eq!(fold("Møte"), "mote");
        assert_eq!(fold("MOETE"), "mote");
        assert_eq!(fold("Ærlig"), "aerlig");
        assert_eq!(fold("påstand"), "pastand");
        assert_eq!(fold("paastand"), "pastand");
        assert_eq!(fold("Drøftingsteam"), fold("droftingsteam"));
        assert_eq!(fold("café"), "cafe");
        assert_eq!(fold("a\u{30a}r"), "ar");
        assert_eq!(fold("Straße"), "strasse");
    }

    #[test]
    fn stems_drop_common_endings_but_keep_three_letters() {
        for w in ["barn", "barnet", "barna", "barnas"] {
            assert_eq!(stem(w), "barn", "{w}");
        }
        assert_eq!(stem("samtykket"), "samtykk");
        assert_eq!(stem("samtykke"), "samtykk");
        assert_eq!(stem("foreldrene"), "foreldr");
        assert_eq!(stem("tjenestane"), "tjenest");
        assert_eq!(stem("tausheten"), "taus");
        assert_eq!(stem("prosess"), "prosess");
        assert_eq!(stem("ene"), "ene");
        assert_eq!(stem("13"), "13");
    }

    #[test]
    fn words_split_on_anything_but_letters_and_digits() {
        let text = "BTI-koordinator, § 13-2 «møte»";
        let got: Vec<&str> = words(text).map(|(s, e)| &text[s..e]).collect();
        assert_eq!(got, ["BTI", "koordinator", "13", "2", "møte"]);
    }

    #[test]
    fn one_edit_is_tolerated_and_two_are_not() {
        assert!(within_one("taushetsplikt", "taushetsplkt"));
        assert!(within_one("samarbeid", "samarbied"));
        assert!(within_one("samarbeid", "samarbeidx"));
        assert!(within_one("samarbeid", "samarbeit"));
        assert!(!within_one("samarbeid", "samrabied"));
        assert!(!within_one("barn", "barnehag"));
        assert!(within_one("påstand", "pastand"));
    }
}
