//! What several commands share, so that no command imports another: reading the user's input,
//! the endpoints under test, signed samples, sending in batches.

pub mod answer;
pub mod batch;
pub mod durations;
pub mod endpoints;
pub mod input;
pub mod key_lookup;
pub mod provider_lookup;
pub mod record_lookup;
pub mod sample;
pub mod selection;
