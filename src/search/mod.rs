//! Handbook search: an index built once from the content, and ranked, highlighted
//! results per keystroke. Pure Rust, no web dependencies, integer scores only.
//!
//! # Matching
//! Text and query are split into words (runs of letters and digits) and each word is
//! *folded* ([`fold`]: lowercase, `æ`→`ae`, `ø`→`o`, `å`→`a`, `oe`→`o`, `aa`→`a`, accents
//! dropped) and *stemmed* ([`stem`]: the longest of [`ENDINGS`] stripped —
//! `-hetene -heten -heter -ende -het -ene -ane -ers -ens -ets -en -et -er -ar -as -a -e -s` —
//! keeping at least three letters; no `-s` after `s`; words with digits kept whole).
//!
//! Every query word must match some word of a document (AND). A query word matches an
//! indexed word, best first:
//! - **exact** (8): same stem (`barnet` ~ `barna` ~ `barn`);
//! - **compound** (7): the indexed word starts with the query word (or its stem) and the
//!   rest, after an optional linking `s` or `e`, is itself a stem in the content
//!   (`samtykke` ~ `samtykkeskjemaet`, `taushet` ~ `taushetsplikt`);
//! - **prefix** (4): the indexed word starts with the query word's stem — the word
//!   being typed (`samty` ~ `samtykket`);
//! - **typo** (2): for query words of 5+ letters whose stem has 4+ letters, stems of
//!   4+ letters at most one edit apart (one letter changed, added, dropped, or two
//!   neighbours swapped: `taushetsplkt` ~ `taushetsplikt`). Only indexed stems of
//!   length ±1 are tried.
//!
//! Queries whose words hold fewer than two letters in all find nothing; only the
//! first [`MAX_QUERY_WORDS`] words count.
//!
//! # Scoring
//! Per query word, a document scores `10 × best title quality`, plus 15 when that
//! title word is the title's first (a title that starts with the word is about it),
//! plus `best body quality + min(body matches − 1, 3)`. A body-only match scores at
//! most 11 and any title match at least 20, so for each word titles rank above
//! body-only matches. A document's score is the sum over query words; ties keep
//! handbook order (levels and steps, services, tools, laws, roles, kommune pages,
//! etat pages, glossary).

mod build;
mod fold;

use std::ops::Range;

use crate::model::{Content, Id};

pub use build::Labels;
pub use fold::{fold, stem, within_one, words, ENDINGS, MIN_STEM};

/// Query words beyond this many are ignored, so a pasted paragraph stays cheap.
pub const MAX_QUERY_WORDS: usize = 8;
/// Snippet length in characters, without the "…" marks.
pub const SNIPPET_CHARS: usize = 160;
/// Characters of context kept before the first match in a snippet (at most).
const SNIPPET_LEAD: usize = 40;
/// Stems longer than this are never tried for typos.
const MAX_TYPO_LEN: usize = 48;

const EXACT: u8 = 8;
const COMPOUND: u8 = 7;
const PREFIX: u8 = 4;
const TYPO: u8 = 2;
const TITLE_WEIGHT: u32 = 10;
const FIRST_WORD_BONUS: u32 = 15;
const MAX_EXTRA_BODY_MATCHES: u32 = 3;

/// What a hit opens in the handbook; each holds the content id.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Target {
    Level(Id),
    Step(Id),
    Service(Id),
    Tool(Id),
    Law(Id),
    Role(Id),
    Kommune(Id),
    Etat(Id),
    Term(Id),
}

/// One search result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub target: Target,
    pub title: String,
    /// Where the document sits, e.g. `["Nivå 0", "Undring"]` or `["Verktøy"]`.
    pub place: Vec<String>,
    /// About [`SNIPPET_CHARS`] characters of body around the first body match (or the
    /// body's start), with "…" where text was cut.
    pub snippet: String,
    /// Byte ranges of matched words in `title`: sorted, non-overlapping, on char boundaries.
    pub title_marks: Vec<Range<usize>>,
    /// Byte ranges of matched words in `snippet`, same guarantees.
    pub snippet_marks: Vec<Range<usize>>,
    pub score: u32,
}

#[derive(Debug, Clone, Copy)]
struct Token {
    word: u32,
    start: u32,
    end: u32,
}

#[derive(Debug)]
struct Doc {
    target: Target,
    title: String,
    place: Vec<String>,
    body: String,
    title_tokens: Vec<Token>,
    body_tokens: Vec<Token>,
}

/// The search index over every handbook document in one language.
#[derive(Debug)]
pub struct Index {
    docs: Vec<Doc>,
    /// Distinct folded words, sorted, so a prefix is a binary search.
    vocab: Vec<Box<str>>,
    /// Byte length of each vocab word's stem (the stem is a prefix of the word).
    stem_len: Vec<u16>,
    /// Distinct stems, sorted, for the compound test.
    stems: Vec<Box<str>>,
    /// Vocab ids by the char length of their stem, for typo candidates.
    by_stem_chars: Vec<Vec<u32>>,
    /// Where each vocab word occurs: `postings[post_start[w]..post_start[w + 1]]`,
    /// one entry per document, in document order.
    post_start: Vec<u32>,
    postings: Vec<Posting>,
}

/// One vocab word in one document.
#[derive(Debug, Clone, Copy)]
struct Posting {
    doc: u32,
    /// 0: not in the title, 1: in the title, 2: the title's first word.
    title: u8,
    /// Occurrences in the body.
    body: u16,
}

/// One query word: the match quality of every vocab word (0: none) and the
/// vocab ids that match.
struct Term {
    quality: Vec<u8>,
    matched: Vec<u32>,
}

impl Index {
    /// Builds the index with bokmål place labels.
    pub fn build(content: &Content, lang: &str) -> Index {
        Index::build_with(content, lang, &Labels::NB)
    }

    /// Builds the index with the given place labels.
    pub fn build_with(content: &Content, lang: &str, labels: &Labels) -> Index {
        let mut ids: std::collections::HashMap<String, u32> = Default::default();
        let mut tokenize = |text: &str| -> Vec<Token> {
            words(text)
                .map(|(s, e)| {
                    let folded = fold(&text[s..e]);
                    let next = ids.len() as u32;
                    let word = *ids.entry(folded).or_insert(next);
                    Token {
                        word,
                        start: s as u32,
                        end: e as u32,
                    }
                })
                .collect()
        };
        let mut docs: Vec<Doc> = build::sources(content, lang, labels)
            .into_iter()
            .map(|s| Doc {
                title_tokens: tokenize(&s.title),
                body_tokens: tokenize(&s.body),
                target: s.target,
                title: s.title,
                place: s.place,
                body: s.body,
            })
            .collect();

        let mut vocab: Vec<(String, u32)> = ids.into_iter().collect();
        vocab.sort_unstable();
        let mut renumber = vec![0u32; vocab.len()];
        for (new, (_, old)) in vocab.iter().enumerate() {
            renumber[*old as usize] = new as u32;
        }
        for doc in &mut docs {
            for t in doc
                .title_tokens
                .iter_mut()
                .chain(doc.body_tokens.iter_mut())
            {
                t.word = renumber[t.word as usize];
            }
        }
        let vocab: Vec<Box<str>> = vocab.into_iter().map(|(w, _)| w.into_boxed_str()).collect();
        let stem_len: Vec<u16> = vocab
            .iter()
            .map(|w| stem(w).len().min(u16::MAX as usize) as u16)
            .collect();
        let mut stems: Vec<Box<str>> = vocab.iter().map(|w| stem(w).into()).collect();
        stems.sort_unstable();
        stems.dedup();
        let mut by_stem_chars: Vec<Vec<u32>> = Vec::new();
        for (id, w) in vocab.iter().enumerate() {
            let n = stem(w).chars().count();
            if n <= MAX_TYPO_LEN + 1 {
                if by_stem_chars.len() <= n {
                    by_stem_chars.resize(n + 1, Vec::new());
                }
                by_stem_chars[n].push(id as u32);
            }
        }
        let (post_start, postings) = postings(&docs, vocab.len());
        Index {
            docs,
            vocab,
            stem_len,
            stems,
            by_stem_chars,
            post_start,
            postings,
        }
    }

    /// Number of documents.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// The best `limit` documents for `query`, best first.
    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit> {
        let query_words: Vec<&str> = words(query)
            .take(MAX_QUERY_WORDS)
            .map(|(s, e)| &query[s..e])
            .collect();
        if limit == 0 || query_words.iter().map(|w| w.chars().count()).sum::<usize>() < 2 {
            return Vec::new();
        }
        let mut terms = Vec::with_capacity(query_words.len());
        for w in query_words {
            match self.qualities(&fold(w)) {
                Some(q) => terms.push(q),
                None => return Vec::new(),
            }
        }

        let mut total = vec![0u32; self.docs.len()];
        let mut alive = vec![true; self.docs.len()];
        let mut acc = vec![(0u32, 0u32, 0u32); self.docs.len()];
        for term in &terms {
            self.score(term, &mut acc);
            for ((t, a), (title, body, count)) in total.iter_mut().zip(&mut alive).zip(&mut acc) {
                if *title == 0 && *body == 0 {
                    *a = false;
                }
                *t += *title + *body + count.saturating_sub(1).min(MAX_EXTRA_BODY_MATCHES);
                (*title, *body, *count) = (0, 0, 0);
            }
        }
        let mut scored: Vec<(u32, usize)> = total
            .into_iter()
            .enumerate()
            .filter(|&(n, _)| alive[n])
            .map(|(n, t)| (t, n))
            .collect();
        scored.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        scored.truncate(limit);
        scored
            .into_iter()
            .map(|(score, n)| hit(&self.docs[n], &terms, score))
            .collect()
    }

    /// Per document: best title score, best body quality and body matches of one query word.
    fn score(&self, term: &Term, acc: &mut [(u32, u32, u32)]) {
        for &w in &term.matched {
            let quality = term.quality[w as usize] as u32;
            let range =
                self.post_start[w as usize] as usize..self.post_start[w as usize + 1] as usize;
            for p in &self.postings[range] {
                let (title, body, count) = &mut acc[p.doc as usize];
                if p.title > 0 {
                    let bonus = if p.title == 2 { FIRST_WORD_BONUS } else { 0 };
                    *title = (*title).max(TITLE_WEIGHT * quality + bonus);
                }
                if p.body > 0 {
                    *body = (*body).max(quality);
                    *count += p.body as u32;
                }
            }
        }
    }

    /// Match quality of every vocab word for one folded query word, or `None` when
    /// nothing matches.
    fn qualities(&self, folded: &str) -> Option<Term> {
        let qstem = stem(folded);
        let mut q = vec![0u8; self.vocab.len()];
        let mut matched = Vec::new();
        let from = self.vocab.partition_point(|w| &**w < qstem);
        for (id, w) in self.vocab.iter().enumerate().skip(from) {
            if !w.starts_with(qstem) {
                break;
            }
            q[id] = if self.stem_len[id] as usize == qstem.len() {
                EXACT
            } else if self.is_compound(w, folded, qstem) {
                COMPOUND
            } else {
                PREFIX
            };
            matched.push(id as u32);
        }

        let chars = qstem.chars().count();
        if folded.chars().count() >= 5 && (4..=MAX_TYPO_LEN).contains(&chars) {
            for n in (chars - 1).max(4)..=chars + 1 {
                for &id in self.by_stem_chars.get(n).map(Vec::as_slice).unwrap_or(&[]) {
                    let id = id as usize;
                    if q[id] == 0
                        && within_one(&self.vocab[id][..self.stem_len[id] as usize], qstem)
                    {
                        q[id] = TYPO;
                        matched.push(id as u32);
                    }
                }
            }
        }
        (!matched.is_empty()).then_some(Term {
            quality: q,
            matched,
        })
    }

    /// `word` is the query word (or its stem) followed by another word of the content.
    fn is_compound(&self, word: &str, folded: &str, qstem: &str) -> bool {
        if qstem.chars().count() < MIN_STEM {
            return false;
        }
        [folded, qstem].iter().any(|head| {
            let Some(rest) = word.strip_prefix(head) else {
                return false;
            };
            let linked = rest.strip_prefix(['s', 'e']).into_iter();
            std::iter::once(rest).chain(linked).any(|rest| {
                let rest = stem(rest);
                rest.chars().count() >= MIN_STEM
                    && self.stems.binary_search_by(|s| (**s).cmp(rest)).is_ok()
            })
        })
    }
}

/// The posting lists, built once: for each vocab word, the documents it occurs in.
fn postings(docs: &[Doc], words: usize) -> (Vec<u32>, Vec<Posting>) {
    let mut lists: Vec<Vec<Posting>> = vec![Vec::new(); words];
    for (n, doc) in docs.iter().enumerate() {
        let title = doc
            .title_tokens
            .iter()
            .enumerate()
            .map(|(i, t)| (t.word, if i == 0 { 2 } else { 1 }, 0));
        let body = doc.body_tokens.iter().map(|t| (t.word, 0, 1));
        for (word, in_title, in_body) in title.chain(body) {
            let list = &mut lists[word as usize];
            if list.last().is_none_or(|p| p.doc != n as u32) {
                list.push(Posting {
                    doc: n as u32,
                    title: 0,
                    body: 0,
                });
            }
            let p = list.last_mut().expect("pushed above");
            p.title = p.title.max(in_title);
            p.body = p.body.saturating_add(in_body);
        }
    }
    let mut start = Vec::with_capacity(words + 1);
    let mut flat = Vec::new();
    for list in lists {
        start.push(flat.len() as u32);
        flat.extend(list);
    }
    start.push(flat.len() as u32);
    (start, flat)
}

fn matches(terms: &[Term], t: &Token) -> bool {
    terms.iter().any(|term| term.quality[t.word as usize] > 0)
}

fn hit(doc: &Doc, terms: &[Term], score: u32) -> Hit {
    let title_marks = merge(
        doc.title_tokens
            .iter()
            .filter(|t| matches(terms, t))
            .map(|t| t.start as usize..t.end as usize),
    );
    let (snippet, snippet_marks) = snippet(doc, terms);
    Hit {
        target: doc.target.clone(),
        title: doc.title.clone(),
        place: doc.place.clone(),
        snippet,
        title_marks,
        snippet_marks,
        score,
    }
}

/// The body around its first match (or its start), cut at spaces where possible.
fn snippet(doc: &Doc, terms: &[Term]) -> (String, Vec<Range<usize>>) {
    let body = doc.body.as_str();
    let first = doc.body_tokens.iter().find(|t| matches(terms, t));
    let (anchor, anchor_end) = first.map_or((0, 0), |t| (t.start as usize, t.end as usize));

    let mut start = chars_back(body, anchor, SNIPPET_LEAD);
    if start > 0 {
        if let Some(space) = body[start..anchor].find(' ') {
            start += space + 1;
        }
    }
    let mut end = chars_forward(body, start, SNIPPET_CHARS);
    if end < body.len() && end > anchor_end {
        if let Some(space) = body[anchor_end..end].rfind(' ') {
            end = anchor_end + space;
        }
    }

    let lead = if start > 0 { "…" } else { "" };
    let tail = if end < body.len() { "…" } else { "" };
    let text = format!("{lead}{}{tail}", &body[start..end]);
    let shift = lead.len();
    let marks = merge(
        doc.body_tokens
            .iter()
            .filter(|t| (t.end as usize) > start && (t.start as usize) < end && matches(terms, t))
            .map(|t| {
                (t.start as usize).max(start) - start + shift
                    ..(t.end as usize).min(end) - start + shift
            }),
    );
    (text, marks)
}

/// The byte offset `n` chars before `at` (or 0). Counts bytes that start a char,
/// which is much cheaper than decoding them.
fn chars_back(text: &str, at: usize, n: usize) -> usize {
    let bytes = text.as_bytes();
    let (mut i, mut left) = (at, n);
    while i > 0 && left > 0 {
        i -= 1;
        if !is_continuation(bytes[i]) {
            left -= 1;
        }
    }
    i
}

/// The byte offset `n` chars after `at` (or the text's end).
fn chars_forward(text: &str, at: usize, n: usize) -> usize {
    let bytes = text.as_bytes();
    let (mut i, mut left) = (at, n);
    while i < bytes.len() {
        if !is_continuation(bytes[i]) {
            if left == 0 {
                return i;
            }
            left -= 1;
        }
        i += 1;
    }
    bytes.len()
}

fn is_continuation(b: u8) -> bool {
    b & 0xC0 == 0x80
}

/// Sorts ranges and merges the ones that overlap or touch.
fn merge(ranges: impl Iterator<Item = Range<usize>>) -> Vec<Range<usize>> {
    let mut all: Vec<Range<usize>> = ranges.filter(|r| r.start < r.end).collect();
    all.sort_unstable_by_key(|r| r.start);
    let mut out: Vec<Range<usize>> = Vec::with_capacity(all.len());
    for r in all {
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_steps_land_on_char_boundaries() {
        let text = "aø🙂b";
        assert_eq!(chars_forward(text, 0, 2), 3);
        assert_eq!(chars_forward(text, 0, 3), 7);
        assert_eq!(chars_forward(text, 0, 9), text.len());
        assert_eq!(chars_back(text, 7, 1), 3);
        assert_eq!(chars_back(text, 7, 2), 1);
        assert_eq!(chars_back(text, 7, 9), 0);
    }

    #[test]
    fn touching_and_overlapping_marks_merge() {
        assert_eq!(
            merge([5..8, 0..2, 2..3, 6..10].into_iter()),
            vec![0..3, 5..10]
        );
    }
}
