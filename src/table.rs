//! Plain-text tables: columns padded to their widest cell, and cut with `…` only to fit a terminal.

use std::io::IsTerminal;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Columns sit this many spaces apart.
const GAP: usize = 2;

/// The width to fit tables to: the terminal's when stdout is one. A pipe or a file gets every
/// character, so that what a script reads is never cut.
pub fn stdout_width() -> Option<usize> {
    if !std::io::stdout().is_terminal() {
        return None;
    }
    terminal_size::terminal_size_of(std::io::stdout()).map(|(w, _)| usize::from(w.0))
}

/// Lays out `rows` (the first is the header) as lines. Without a width nothing is cut. With one,
/// the widest column gives way first, a column by column, never below its header; a cell that no
/// longer fits, and any line still too long, ends in `…`, so a cut never passes for a whole word.
pub fn layout(rows: &[Vec<String>], width: Option<usize>) -> Vec<String> {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let cell_width = |c: usize| {
        rows.iter()
            .filter_map(|r| r.get(c))
            .map(|s| s.width())
            .max()
            .unwrap_or(0)
    };
    let mut widths: Vec<usize> = (0..columns).map(cell_width).collect();
    if let Some(limit) = width {
        let floor: Vec<usize> = (0..columns)
            .map(|c| {
                rows.first()
                    .and_then(|h| h.get(c))
                    .map_or(1, |s| s.width().max(1))
            })
            .collect();
        let total = |w: &[usize]| w.iter().sum::<usize>() + GAP * w.len().saturating_sub(1);
        while total(&widths) > limit {
            let Some(c) = (0..columns)
                .filter(|&c| widths[c] > floor[c])
                .max_by_key(|&c| (widths[c], c))
            else {
                break;
            };
            widths[c] -= 1;
        }
    }
    rows.iter()
        .map(|row| {
            let mut line = String::new();
            for (c, cell) in row.iter().enumerate() {
                if c > 0 {
                    line.push_str(&" ".repeat(GAP));
                }
                let cell = cut(cell, widths[c]);
                line.push_str(&cell);
                if c + 1 < row.len() {
                    line.push_str(&" ".repeat(widths[c] - cell.width()));
                }
            }
            match width {
                Some(limit) => cut(&line, limit),
                None => line,
            }
        })
        .collect()
}

/// `text` if it fits in `width` columns; else as much as fits before a closing `…`.
fn cut(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for ch in text.chars() {
        let w = ch.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(ch);
        used += w;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows() -> Vec<Vec<String>> {
        [
            ["ID", "ALGORITHM", "HEADER"],
            [
                "stripe",
                "HMAC-SHA256 (hex) of timestamp.body",
                "Stripe-Signature",
            ],
            [
                "github",
                "HMAC-SHA256 (hex, sha256= prefix)",
                "X-Hub-Signature-256",
            ],
        ]
        .iter()
        .map(|r| r.iter().map(|s| s.to_string()).collect())
        .collect()
    }

    #[test]
    fn without_a_width_nothing_is_cut() {
        let lines = layout(&rows(), None);
        assert_eq!(
            lines[1],
            "stripe  HMAC-SHA256 (hex) of timestamp.body  Stripe-Signature"
        );
        assert!(lines.iter().all(|l| !l.contains('…')));
    }

    #[test]
    fn with_a_width_every_line_fits_and_each_cut_ends_in_an_ellipsis() {
        for width in [30, 44, 50, 61] {
            let lines = layout(&rows(), Some(width));
            for (line, row) in lines.iter().zip(rows()) {
                assert!(line.width() <= width, "{width}: '{line}' is too wide");
                for cell in &row {
                    let whole = line.contains(cell.as_str());
                    let cut_with_ellipsis = line.split("  ").any(|part| {
                        part.strip_suffix('…')
                            .is_some_and(|kept| !kept.is_empty() && cell.starts_with(kept))
                    });
                    assert!(
                        whole || cut_with_ellipsis,
                        "{width}: '{cell}' lost in '{line}'"
                    );
                }
            }
        }
    }

    #[test]
    fn a_width_narrower_than_the_headers_cuts_each_line_with_an_ellipsis() {
        for line in layout(&rows(), Some(12)) {
            assert_eq!(line.width(), 12, "'{line}'");
            assert!(line.ends_with('…'), "'{line}'");
        }
    }

    #[test]
    fn the_widest_column_gives_way_first_and_the_ids_stay_whole() {
        let lines = layout(&rows(), Some(50));
        assert_eq!(lines[1], "stripe  HMAC-SHA256 (hex) of…  Stripe-Signature");
        assert_eq!(
            lines[2],
            "github  HMAC-SHA256 (hex, sh…  X-Hub-Signature-256"
        );
    }

    #[test]
    fn a_cut_counts_wide_characters_by_their_columns() {
        assert_eq!(cut("日本語テキスト", 7), "日本語…");
        assert_eq!(cut("abc", 3), "abc");
        assert_eq!(cut("abcd", 3), "ab…");
    }
}
