//! One SMS segment: 160 characters of the GSM 03.38 alphabet (its extension characters count
//! twice), or 70 UTF-16 units once any character needs UCS-2; a text is cut to fit.

/// The GSM 03.38 default alphabet (3GPP TS 23.038 §6.2.1), one septet each.
const BASIC: &str = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?\
¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
/// The extension table's characters, sent as ESC + one septet.
const EXTENDED: &str = "\u{c}^{}\\[~]|€";

/// Septets one GSM-7 segment holds.
pub const GSM_SEGMENT: usize = 160;
/// UTF-16 units one UCS-2 segment holds.
pub const UCS2_SEGMENT: usize = 70;

/// Septets `c` takes in GSM-7, or None if it needs UCS-2.
fn septets(c: char) -> Option<usize> {
    if BASIC.contains(c) {
        Some(1)
    } else if EXTENDED.contains(c) {
        Some(2)
    } else {
        None
    }
}

/// Whether the whole text can be sent in the GSM-7 alphabet.
pub fn is_gsm(text: &str) -> bool {
    text.chars().all(|c| septets(c).is_some())
}

/// What `text` costs in its encoding's units, and the segment size for that encoding.
pub fn cost(text: &str) -> (usize, usize) {
    if is_gsm(text) {
        (text.chars().filter_map(septets).sum(), GSM_SEGMENT)
    } else {
        (text.encode_utf16().count(), UCS2_SEGMENT)
    }
}

/// `text` as it fits one segment: whole if it does, else cut and ended with "..." (GSM-7) or
/// "…" (UCS-2), never splitting a character.
pub fn fit(text: &str) -> String {
    let (units, limit) = cost(text);
    if units <= limit {
        return text.to_string();
    }
    let gsm = limit == GSM_SEGMENT;
    let (ellipsis, ellipsis_units) = if gsm { ("...", 3) } else { ("…", 1) };
    let unit = |c: char| {
        if gsm {
            septets(c).unwrap_or(1)
        } else {
            c.len_utf16()
        }
    };
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        if used + unit(c) > limit - ellipsis_units {
            break;
        }
        used += unit(c);
        out.push(c);
    }
    let kept = out.trim_end().len();
    out.truncate(kept);
    out.push_str(ellipsis);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_alphabet_has_its_127_characters_besides_escape_and_ten_extensions() {
        assert_eq!(BASIC.chars().count(), 127);
        assert_eq!(EXTENDED.chars().count(), 10);
    }

    #[test]
    fn a_short_text_is_kept_whole() {
        assert_eq!(fit("DOWN: orders"), "DOWN: orders");
    }

    #[test]
    fn a_long_gsm_text_is_cut_to_160_septets_counting_extensions_twice() {
        let long = "{".repeat(50) + &"a".repeat(200);
        let f = fit(&long);
        assert!(is_gsm(&f));
        let (units, limit) = cost(&f);
        assert_eq!(limit, GSM_SEGMENT);
        assert!((158..=160).contains(&units), "{units}");
        assert!(f.ends_with("..."));
    }

    #[test]
    fn one_character_outside_gsm_makes_it_a_70_unit_ucs2_text() {
        let long = format!("DOWN: ✓ {}", "x".repeat(100));
        let f = fit(&long);
        assert_eq!(cost(&f), (70, UCS2_SEGMENT));
        assert!(f.ends_with('…'));
        // An emoji is two UTF-16 units and is never split.
        let emoji = "🔴".repeat(40);
        let f = fit(&emoji);
        assert!(f.encode_utf16().count() <= 70);
        assert!(f.starts_with("🔴"));
    }
}
