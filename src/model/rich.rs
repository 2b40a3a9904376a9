//! The safe rich text used in fields documented as *rich*. It is parsed into data
//! (blocks and inlines), never into HTML, so the widget renders it as text nodes.
//!
//! Grammar:
//! - Blocks are separated by blank lines.
//! - A block whose first line starts with `- ` is a bullet list; with `1. ` (any
//!   number) a numbered list. Each line with a marker starts an item; other lines
//!   continue the item.
//! - Any other block is a paragraph; single line breaks become spaces.
//! - Inline: `**strong**`, `*emphasis*`, `[label](href)`, and `\` before any
//!   character makes it literal. Unclosed markers are plain text.
//! - A link whose href fails [`safe_href`](super::links::safe_href) becomes the
//!   plain text of its label.

use super::links::safe_href;

/// Strong/emphasis/link may nest this deep; deeper markers are plain text.
const MAX_NESTING: usize = 4;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Paragraph(Vec<Inline>),
    List {
        ordered: bool,
        items: Vec<Vec<Inline>>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inline {
    Text(String),
    Strong(Vec<Inline>),
    Emphasis(Vec<Inline>),
    Link { href: String, children: Vec<Inline> },
}

/// Parses rich text. Never fails: anything it does not understand is text.
pub fn parse(src: &str) -> Vec<Block> {
    parse_collecting(src, &mut Vec::new())
}

/// The hrefs in `src` that were refused and shown as plain text (for the check).
pub fn unsafe_links(src: &str) -> Vec<String> {
    let mut refused = Vec::new();
    // Most texts have no link at all, and every link starts with `[`: the checker
    // then skips the parse, the bulk of its time on a large content.
    if src.as_bytes().contains(&b'[') {
        parse_collecting(src, &mut refused);
    }
    refused
}

/// The text without markup, blocks and list items joined by single spaces;
/// for search and snippets.
pub fn plain(src: &str) -> String {
    let mut out = String::new();
    for block in parse(src) {
        match block {
            Block::Paragraph(inlines) => push_plain(&mut out, &inlines),
            Block::List { items, .. } => {
                for item in items {
                    push_plain(&mut out, &item);
                }
            }
        }
    }
    out
}

fn push_plain(out: &mut String, inlines: &[Inline]) {
    if !out.is_empty() {
        out.push(' ');
    }
    flatten(out, inlines);
}

fn flatten(out: &mut String, inlines: &[Inline]) {
    for inline in inlines {
        match inline {
            Inline::Text(t) => out.push_str(t),
            Inline::Strong(c) | Inline::Emphasis(c) | Inline::Link { children: c, .. } => {
                flatten(out, c)
            }
        }
    }
}

fn parse_collecting(src: &str, refused: &mut Vec<String>) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut lines: Vec<&str> = Vec::new();
    for line in src.lines().chain(std::iter::once("")) {
        if line.trim().is_empty() {
            if !lines.is_empty() {
                blocks.push(block(&lines, refused));
                lines.clear();
            }
        } else {
            lines.push(line.trim());
        }
    }
    blocks
}

/// The rest of the line after a list marker, and whether it is numbered.
fn list_marker(line: &str) -> Option<(bool, &str)> {
    if let Some(rest) = line.strip_prefix("- ") {
        return Some((false, rest));
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=9).contains(&digits) {
        return line[digits..].strip_prefix(". ").map(|rest| (true, rest));
    }
    None
}

fn block(lines: &[&str], refused: &mut Vec<String>) -> Block {
    let Some((ordered, _)) = list_marker(lines[0]) else {
        return Block::Paragraph(inline(&lines.join(" "), refused));
    };
    let mut items: Vec<String> = Vec::new();
    for line in lines {
        match list_marker(line) {
            Some((o, rest)) if o == ordered => items.push(rest.to_string()),
            _ => match items.last_mut() {
                Some(last) => {
                    last.push(' ');
                    last.push_str(line);
                }
                None => items.push(line.to_string()),
            },
        }
    }
    Block::List {
        ordered,
        items: items.iter().map(|i| inline(i, refused)).collect(),
    }
}

fn inline(text: &str, refused: &mut Vec<String>) -> Vec<Inline> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    inlines(&chars, 0, false, refused, &mut out);
    out
}

/// Index of the next unescaped `**` at or after `from`.
fn find_strong_end(s: &[char], from: usize) -> Option<usize> {
    let mut k = from;
    while k + 1 < s.len() {
        match s[k] {
            '\\' => k += 2,
            '*' if s[k + 1] == '*' => return Some(k),
            _ => k += 1,
        }
    }
    None
}

/// Index of the next unescaped single `*` at or after `from` (skipping `**` pairs).
fn find_emphasis_end(s: &[char], from: usize) -> Option<usize> {
    let mut k = from;
    while k < s.len() {
        match s[k] {
            '\\' => k += 2,
            '*' if s.get(k + 1) == Some(&'*') => k += 2,
            '*' => return Some(k),
            _ => k += 1,
        }
    }
    None
}

/// For `[` at `open`: the index of `]` and of the `)` closing `](href)`.
fn find_link_end(s: &[char], open: usize) -> Option<(usize, usize)> {
    let mut k = open + 1;
    while k < s.len() {
        match s[k] {
            '\\' => k += 2,
            ']' => break,
            _ => k += 1,
        }
    }
    if s.get(k) != Some(&']') || s.get(k + 1) != Some(&'(') {
        return None;
    }
    let close = (k + 2..s.len()).find(|&j| s[j] == ')')?;
    Some((k, close))
}

fn push_text(out: &mut Vec<Inline>, text: &str) {
    if text.is_empty() {
        return;
    }
    if let Some(Inline::Text(last)) = out.last_mut() {
        last.push_str(text);
    } else {
        out.push(Inline::Text(text.to_string()));
    }
}

fn push_char(out: &mut Vec<Inline>, c: char) {
    let mut buf = [0u8; 4];
    push_text(out, c.encode_utf8(&mut buf));
}

fn inlines(
    s: &[char],
    depth: usize,
    in_link: bool,
    refused: &mut Vec<String>,
    out: &mut Vec<Inline>,
) {
    let nest = depth < MAX_NESTING;
    let mut i = 0;
    while i < s.len() {
        let c = s[i];
        match c {
            '\\' if i + 1 < s.len() => {
                push_char(out, s[i + 1]);
                i += 2;
            }
            '*' if nest && s.get(i + 1) == Some(&'*') => match find_strong_end(s, i + 2) {
                Some(end) if end > i + 2 => {
                    let mut children = Vec::new();
                    inlines(&s[i + 2..end], depth + 1, in_link, refused, &mut children);
                    out.push(Inline::Strong(children));
                    i = end + 2;
                }
                _ => {
                    push_text(out, "**");
                    i += 2;
                }
            },
            '*' if nest => match find_emphasis_end(s, i + 1) {
                Some(end) if end > i + 1 => {
                    let mut children = Vec::new();
                    inlines(&s[i + 1..end], depth + 1, in_link, refused, &mut children);
                    out.push(Inline::Emphasis(children));
                    i = end + 1;
                }
                _ => {
                    push_char(out, '*');
                    i += 1;
                }
            },
            '[' if nest && !in_link => match find_link_end(s, i) {
                Some((label_end, close)) => {
                    let href: String = s[label_end + 2..close].iter().collect();
                    let mut children = Vec::new();
                    inlines(
                        &s[i + 1..label_end],
                        depth + 1,
                        true,
                        refused,
                        &mut children,
                    );
                    if safe_href(&href).is_some() && !children.is_empty() {
                        out.push(Inline::Link { href, children });
                    } else {
                        let mut label = String::new();
                        flatten(&mut label, &children);
                        push_text(out, &label);
                        refused.push(href);
                    }
                    i = close + 1;
                }
                None => {
                    push_char(out, '[');
                    i += 1;
                }
            },
            _ => {
                push_char(out, c);
                i += 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Inline {
        Inline::Text(s.into())
    }

    #[test]
    fn paragraphs_join_lines_and_split_on_blank_lines() {
        assert_eq!(
            parse("a\nb\n\n  \nc"),
            vec![
                Block::Paragraph(vec![t("a b")]),
                Block::Paragraph(vec![t("c")])
            ]
        );
    }

    #[test]
    fn dash_and_number_lines_are_lists() {
        assert_eq!(
            parse("- en\n- to\n  fortsatt\n\n1. første\n2. andre"),
            vec![
                Block::List {
                    ordered: false,
                    items: vec![vec![t("en")], vec![t("to fortsatt")]]
                },
                Block::List {
                    ordered: true,
                    items: vec![vec![t("første")], vec![t("andre")]]
                },
            ]
        );
    }

    #[test]
    fn strong_emphasis_and_links_nest() {
        assert_eq!(
            parse("**Ring** *[116 111](tel:116111)* nå"),
            vec![Block::Paragraph(vec![
                Inline::Strong(vec![t("Ring")]),
                t(" "),
                Inline::Emphasis(vec![Inline::Link {
                    href: "tel:116111".into(),
                    children: vec![t("116 111")]
                }]),
                t(" nå"),
            ])]
        );
    }

    #[test]
    fn unsafe_link_becomes_its_label_as_text() {
        assert_eq!(
            parse("[klikk](javascript:alert(1))"),
            vec![Block::Paragraph(vec![t("klikk)")])]
        );
        assert_eq!(
            unsafe_links("se [her](data:x) og [der](https://x.no)"),
            vec!["data:x".to_string()]
        );
    }

    #[test]
    fn backslash_and_unclosed_markers_are_text() {
        assert_eq!(
            parse(r"\*ikke\* *uavsluttet [lenke"),
            vec![Block::Paragraph(vec![t("*ikke* *uavsluttet [lenke")])]
        );
    }

    #[test]
    fn html_stays_text() {
        assert_eq!(
            parse("<script>x</script>"),
            vec![Block::Paragraph(vec![t("<script>x</script>")])]
        );
    }

    #[test]
    fn plain_drops_markup() {
        assert_eq!(
            plain("**Ring** [116 111](tel:116111)\n\n- a\n- b"),
            "Ring 116 111 a b"
        );
    }
}
