//! What several commands share, so that no command imports another: reading the user's input,
//! looking up keys, providers and records, selecting from the log, signed samples, sending in
//! batches, the endpoints under test and what they answered. Nothing here imports a command.

pub mod answer;
pub mod batch;
pub mod durations;
pub mod endpoints;
pub mod formats;
pub mod input;
pub mod judge;
pub mod key_lookup;
pub mod provider_lookup;
pub mod ready_file;
pub mod record_lookup;
pub mod resend;
pub mod sample;
pub mod selection;
