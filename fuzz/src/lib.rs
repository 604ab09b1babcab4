//! Input shapes the fuzz targets share: a delivery aimed at one provider's own headers.

use hookctl::message::{Delivery, Headers};
use hookctl::signature::Info;
use libfuzzer_sys::arbitrary::{self, Arbitrary};

/// A delivery whose header *names* come from the provider under test, so the fuzzer spends its
/// time on values the scheme actually reads instead of guessing names like `Stripe-Signature`.
#[derive(Debug, Arbitrary)]
pub struct DeliveryInput {
    /// Values for the provider's headers, in the order `Info::headers` lists them.
    pub values: Vec<String>,
    /// Headers of any name, after the provider's (repeats, odd names, the URL-signing ones).
    pub extra: Vec<(String, String)>,
    pub body: Vec<u8>,
    pub url: Option<String>,
    pub method: String,
}

impl DeliveryInput {
    /// The delivery as `info`'s provider would receive it.
    pub fn delivery_for(&self, info: &Info) -> Delivery {
        let mut headers = Headers::new();
        for (name, value) in info.headers.iter().zip(&self.values) {
            headers.push(name.as_str(), value.as_str());
        }
        for (name, value) in &self.extra {
            headers.push(name.as_str(), value.as_str());
        }
        Delivery {
            method: self.method.clone(),
            url: self.url.clone(),
            headers,
            body: self.body.clone(),
        }
    }
}

/// The variant `sign --variant` would get for a choice byte: `None` (the default) or one listed.
pub fn pick_variant(info: &Info, choice: u8) -> Option<String> {
    let n = info.variants.len();
    if n == 0 || usize::from(choice) % (n + 1) == n {
        None
    } else {
        Some(info.variants[usize::from(choice) % (n + 1)].clone())
    }
}
