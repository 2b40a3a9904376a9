//! Readability as LIX (läsbarhetsindex), defined once for the checker, the
//! tests and the studio:
//!
//! - Rich-text markup is removed first: a link keeps its label and loses its URL,
//!   `**`, `*` and list markers go.
//! - A word is a run of letters (any alphabetic character, so æ, ø, å, é, …),
//!   with inner hyphens ("BTI-modellen" is one word). Numbers are not words.
//! - Sentences end at `.`, `!`, `?`, `:` and at every line break, so each list
//!   item is a sentence. A sentence without words does not count.
//! - A long word has more than 6 letters.
//! - LIX = words ÷ sentences + 100 × long words ÷ words.

use super::rich;

/// Counts behind a LIX score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    pub words: usize,
    pub long_words: usize,
    pub sentences: usize,
}

impl Counts {
    /// The LIX score, or `None` for a text without words.
    pub fn lix(&self) -> Option<f64> {
        (self.words > 0).then(|| {
            self.words as f64 / self.sentences.max(1) as f64
                + 100.0 * self.long_words as f64 / self.words as f64
        })
    }
}

/// Scores only texts of at least this many words; shorter ones say too little.
pub const MIN_WORDS: usize = 20;

/// Counts words, long words and sentences in a rich text.
pub fn counts(text: &str) -> Counts {
    let mut c = Counts::default();
    for line in text.lines() {
        let line = strip_list_marker(line.trim_start());
        let plain = rich::plain(line);
        for sentence in plain.split(['.', '!', '?', ':']) {
            let before = c.words;
            count_words(sentence, &mut c);
            if c.words > before {
                c.sentences += 1;
            }
        }
    }
    c
}

/// The LIX of a rich text of at least [`MIN_WORDS`] words, else `None`.
pub fn score(text: &str) -> Option<f64> {
    let c = counts(text);
    if c.words < MIN_WORDS {
        return None;
    }
    c.lix()
}

fn strip_list_marker(line: &str) -> &str {
    if let Some(rest) = line.strip_prefix("- ") {
        return rest;
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 {
        if let Some(rest) = line[digits..].strip_prefix(". ") {
            return rest;
        }
    }
    line
}

fn count_words(sentence: &str, c: &mut Counts) {
    let mut letters = 0;
    let mut chars = sentence.chars().peekable();
    while let Some(ch) = chars.next() {
        if ch.is_alphabetic() {
            letters += 1;
            continue;
        }
        // An inner hyphen joins two runs of letters into one word.
        if ch == '-' && letters > 0 && chars.peek().is_some_and(|n| n.is_alphabetic()) {
            continue;
        }
        end_word(&mut letters, c);
    }
    end_word(&mut letters, c);
}

fn end_word(letters: &mut usize, c: &mut Counts) {
    if *letters > 0 {
        c.words += 1;
        if *letters > 6 {
            c.long_words += 1;
        }
    }
    *letters = 0;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(words: usize, long_words: usize, sentences: usize) -> Counts {
        Counts {
            words,
            long_words,
            sentences,
        }
    }

    #[test]
    fn a_short_plain_sentence_scores_its_length_and_long_words() {
        // 7 words, 1 sentence, 2 long ("bekymret", "Alarmtelefonen"): 7 + 100·2/7.
        let text = "Er du bekymret, ring Alarmtelefonen i dag.";
        assert_eq!(counts(text), c(7, 2, 1));
        assert_eq!(format!("{:.1}", counts(text).lix().unwrap()), "35.6");
    }

    #[test]
    fn numbers_are_not_words_and_hyphenated_words_are_one() {
        assert_eq!(counts("Ring 116 111 for BTI-modellen."), c(3, 1, 1));
    }

    #[test]
    fn line_breaks_and_colons_end_sentences_and_list_markers_go() {
        let text = "Gjør dette:\n- ring politiet\n- snakk med barnet\n1. skriv ned";
        // "Gjør dette" | "ring politiet" | "snakk med barnet" | "skriv ned".
        assert_eq!(counts(text), c(9, 1, 4));
    }

    #[test]
    fn links_keep_their_label_and_lose_the_url_and_emphasis_goes() {
        let text =
            "Les **mer** på [nettsiden til kommunen](https://eksempel.kommune.no/barnevern).";
        assert_eq!(counts(text), c(6, 2, 1));
    }

    #[test]
    fn empty_sentences_do_not_count() {
        assert_eq!(counts("Hei!!! ... Ja?\n\n"), c(2, 0, 2));
    }

    #[test]
    fn texts_under_twenty_words_get_no_score() {
        assert_eq!(score("Ring 112 hvis noen er i fare nå."), None);
        let long = "Dette er en ganske vanlig setning med mange ord som ikke er veldig lange, og den fortsetter litt til her.";
        assert_eq!(counts(long).words, 20);
        // 20 words in 1 sentence, 2 long ("setning", "fortsetter"): 20 + 100·2/20.
        assert_eq!(score(long), Some(30.0));
    }
}
