//! Plausible values for generated payloads: people, companies, places, text, ids.

use rand::Rng;
use rand::seq::SliceRandom;

const FIRST: &[&str] = &[
    "Amelia", "Noah", "Olivia", "Liam", "Sofia", "Mateo", "Hannah", "Lucas", "Maya", "Ethan",
    "Chloe", "Arjun", "Isabella", "Kenji", "Zoe", "Omar", "Grace", "Leon", "Priya", "Samuel",
    "Emma", "Tomás", "Aisha", "Felix", "Nora", "Jonas", "Lena", "Diego", "Clara", "Ravi", "Mia",
    "Hugo", "Elena", "Kwame", "Ingrid", "Yusuf", "Freya", "Marco", "Ava", "Daniel",
];
const LAST: &[&str] = &[
    "Johnson", "Okafor", "Garcia", "Nguyen", "Schmidt", "Rossi", "Kowalski", "Tanaka", "Patel",
    "Müller", "Andersen", "Silva", "Dubois", "Kim", "Haddad", "O'Brien", "Fischer", "Moreau",
    "Larsen", "Novak", "Costa", "Walker", "Bianchi", "Ivanova", "Mensah", "Bauer", "Lopez", "Chen",
    "Murphy", "Hughes", "Sato", "Ahmed", "Weber", "Price", "Castillo", "Berg",
];
const COMPANY_A: &[&str] = &[
    "Acme",
    "Northwind",
    "Bluebird",
    "Copperleaf",
    "Lumen",
    "Harbor",
    "Pinecrest",
    "Sable",
    "Evergreen",
    "Brightline",
    "Juniper",
    "Atlas",
    "Meridian",
    "Redwood",
    "Foxglove",
    "Kestrel",
    "Solstice",
    "Tidewater",
    "Orchard",
    "Granite",
];
const COMPANY_B: &[&str] = &[
    "Labs",
    "Studio",
    "Bakery",
    "Logistics",
    "Dental",
    "Outfitters",
    "Analytics",
    "Coffee",
    "Florals",
    "Health",
    "Software",
    "Events",
    "Supply Co",
    "Partners",
    "Photography",
    "Goods",
];
const TLD: &[&str] = &["com", "io", "co", "dev", "app", "net"];
const STREETS: &[&str] = &[
    "Market St",
    "Maple Ave",
    "King St",
    "Elm Street",
    "Harbour Rd",
    "Oak Lane",
    "Baker St",
    "Mission St",
    "Park Ave",
    "Church Rd",
    "Queen St W",
    "Rue de Rivoli",
];
/// City, region, postal code, ISO country.
const PLACES: &[(&str, &str, &str, &str)] = &[
    ("San Francisco", "CA", "94107", "US"),
    ("Austin", "TX", "78701", "US"),
    ("New York", "NY", "10013", "US"),
    ("Chicago", "IL", "60607", "US"),
    ("Toronto", "ON", "M5V 2T6", "CA"),
    ("London", "England", "EC1V 9HX", "GB"),
    ("Berlin", "BE", "10115", "DE"),
    ("Amsterdam", "NH", "1012 AB", "NL"),
    ("Sydney", "NSW", "2000", "AU"),
    ("Dublin", "D", "D02 X285", "IE"),
    ("Paris", "IDF", "75001", "FR"),
    ("Lisbon", "LI", "1100-148", "PT"),
];
const WORDS: &[&str] = &[
    "quick",
    "update",
    "order",
    "invoice",
    "design",
    "launch",
    "review",
    "billing",
    "team",
    "customer",
    "release",
    "fix",
    "api",
    "mobile",
    "checkout",
    "report",
    "weekly",
    "sync",
    "dashboard",
    "support",
    "migration",
    "export",
    "search",
    "onboarding",
    "pricing",
    "feedback",
    "shipping",
    "refund",
    "account",
    "login",
    "settings",
    "webhook",
    "retry",
    "timeout",
    "cache",
];
const SENTENCES: &[&str] = &[
    "Thanks for the quick turnaround on this.",
    "Can you check why the last payment did not go through?",
    "The order arrived on time and everything looks great.",
    "We would like to move the meeting to next week.",
    "Please update the billing address on our account.",
    "The export button returns an error since this morning.",
    "Could you send over the updated quote?",
    "Great service, friendly staff and fair prices.",
    "I was charged twice for the same invoice.",
    "Looking forward to working together on the launch.",
    "The checkout page times out on mobile.",
    "Everything was perfect, highly recommended!",
];
const TITLES: &[&str] = &[
    "Fix checkout timeout on mobile",
    "Add retry with backoff to webhook delivery",
    "Update onboarding copy",
    "Crash when exporting large reports",
    "Support EUR invoices",
    "Refactor the billing module",
    "Login fails with SSO enabled",
    "Improve search ranking for exact matches",
    "Dark mode for the dashboard",
    "Document the public API rate limits",
];
const PRODUCTS: &[&str] = &[
    "Classic Tee",
    "Canvas Tote",
    "Ceramic Mug",
    "Wool Beanie",
    "Leather Wallet",
    "Pro Plan",
    "Starter Plan",
    "Espresso Beans 1kg",
    "Desk Lamp",
    "Notebook Set",
    "Running Shoes",
    "Gift Card",
];
const USER_AGENTS: &[&str] = &[
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148",
];
const TIMEZONES: &[&str] = &[
    "America/New_York",
    "America/Los_Angeles",
    "Europe/London",
    "Europe/Berlin",
    "Asia/Tokyo",
    "Australia/Sydney",
    "America/Chicago",
    "Europe/Paris",
];

const BASE62: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

fn pick<R: Rng + ?Sized>(rng: &mut R, list: &[&'static str]) -> &'static str {
    list.choose(rng).copied().unwrap_or_default()
}

pub fn first_name<R: Rng + ?Sized>(rng: &mut R) -> String {
    pick(rng, FIRST).into()
}
pub fn last_name<R: Rng + ?Sized>(rng: &mut R) -> String {
    pick(rng, LAST).into()
}
pub fn name<R: Rng + ?Sized>(rng: &mut R) -> String {
    format!("{} {}", pick(rng, FIRST), pick(rng, LAST))
}
pub fn company<R: Rng + ?Sized>(rng: &mut R) -> String {
    format!("{} {}", pick(rng, COMPANY_A), pick(rng, COMPANY_B))
}

/// Lower-case ASCII letters and digits only, so that it fits in a host name or a login.
fn ascii_slug(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            'a'..='z' | '0'..='9' => Some(c),
            'A'..='Z' => Some(c.to_ascii_lowercase()),
            'ü' => Some('u'),
            'á' => Some('a'),
            _ => None,
        })
        .collect()
}

pub fn domain<R: Rng + ?Sized>(rng: &mut R) -> String {
    format!(
        "{}{}.{}",
        ascii_slug(pick(rng, COMPANY_A)),
        ascii_slug(pick(rng, COMPANY_B)),
        pick(rng, TLD)
    )
}
pub fn email<R: Rng + ?Sized>(rng: &mut R) -> String {
    let first = ascii_slug(pick(rng, FIRST));
    let last = ascii_slug(pick(rng, LAST));
    let sep = pick(rng, &[".", "_", ""]);
    format!("{first}{sep}{last}@{}", domain(rng))
}
pub fn username<R: Rng + ?Sized>(rng: &mut R) -> String {
    let n: u16 = rng.gen_range(1..999);
    format!(
        "{}{}{n}",
        ascii_slug(pick(rng, FIRST)),
        &ascii_slug(pick(rng, LAST))[..2]
    )
}
pub fn url<R: Rng + ?Sized>(rng: &mut R) -> String {
    let path = pick(
        rng,
        &["", "pricing", "about", "blog/launch", "account", "orders"],
    );
    format!("https://www.{}/{path}", domain(rng))
}
pub fn phone<R: Rng + ?Sized>(rng: &mut R) -> String {
    format!(
        "+1{}{}",
        rng.gen_range(201..990),
        rng.gen_range(2_000_000..9_999_999)
    )
}
pub fn street<R: Rng + ?Sized>(rng: &mut R) -> String {
    format!("{} {}", rng.gen_range(1..2400), pick(rng, STREETS))
}
fn place<R: Rng + ?Sized>(rng: &mut R) -> (&'static str, &'static str, &'static str, &'static str) {
    *PLACES.choose(rng).unwrap_or(&PLACES[0])
}
pub fn city<R: Rng + ?Sized>(rng: &mut R) -> String {
    place(rng).0.into()
}
pub fn region<R: Rng + ?Sized>(rng: &mut R) -> String {
    place(rng).1.into()
}
pub fn postal_code<R: Rng + ?Sized>(rng: &mut R) -> String {
    place(rng).2.into()
}
pub fn country<R: Rng + ?Sized>(rng: &mut R) -> String {
    place(rng).3.into()
}
pub fn word<R: Rng + ?Sized>(rng: &mut R) -> String {
    pick(rng, WORDS).into()
}
pub fn words<R: Rng + ?Sized>(rng: &mut R, n: usize) -> String {
    (0..n.max(1))
        .map(|_| pick(rng, WORDS))
        .collect::<Vec<_>>()
        .join(" ")
}
pub fn slug<R: Rng + ?Sized>(rng: &mut R) -> String {
    format!("{}-{}", pick(rng, WORDS), pick(rng, WORDS))
}
pub fn sentence<R: Rng + ?Sized>(rng: &mut R) -> String {
    pick(rng, SENTENCES).into()
}
pub fn title<R: Rng + ?Sized>(rng: &mut R) -> String {
    pick(rng, TITLES).into()
}
pub fn product<R: Rng + ?Sized>(rng: &mut R) -> String {
    pick(rng, PRODUCTS).into()
}
pub fn user_agent<R: Rng + ?Sized>(rng: &mut R) -> String {
    pick(rng, USER_AGENTS).into()
}
pub fn timezone<R: Rng + ?Sized>(rng: &mut R) -> String {
    pick(rng, TIMEZONES).into()
}
pub fn ipv4<R: Rng + ?Sized>(rng: &mut R) -> String {
    format!(
        "{}.{}.{}.{}",
        rng.gen_range(23..223),
        rng.gen_range(0..255),
        rng.gen_range(0..255),
        rng.gen_range(1..254)
    )
}
pub fn base62<R: Rng + ?Sized>(rng: &mut R, len: usize) -> String {
    (0..len)
        .map(|_| BASE62[rng.gen_range(0..BASE62.len())] as char)
        .collect()
}
pub fn hex<R: Rng + ?Sized>(rng: &mut R, len: usize) -> String {
    (0..len)
        .map(|_| char::from_digit(rng.gen_range(0..16), 16).unwrap_or('0'))
        .collect()
}
pub fn digits<R: Rng + ?Sized>(rng: &mut R, len: usize) -> String {
    (0..len)
        .enumerate()
        .map(|(i, _)| char::from_digit(rng.gen_range(u32::from(i == 0)..10), 10).unwrap_or('1'))
        .collect()
}
pub fn uuid<R: Rng + ?Sized>(rng: &mut R) -> String {
    uuid::Builder::from_random_bytes(rng.r#gen())
        .into_uuid()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_and_domains_are_ascii() {
        let mut rng = rand::thread_rng();
        for _ in 0..200 {
            let e = email(&mut rng);
            assert!(
                e.is_ascii() && e.contains('@') && !e.starts_with('@'),
                "{e}"
            );
        }
        assert_eq!(uuid(&mut rng).len(), 36);
        assert_eq!(digits(&mut rng, 5).len(), 5);
    }
}
