//! hookctl: build, test and trust webhooks.
//!
//! - `cli`: every flag (clap derive); `cmd`: one module per subcommand.
//! - `signature`: the provider registry, the one signing core every command uses.
//! - `config`: the config file (named secrets, generic schemes, defaults).
//! - `output`: human vs JSON rendering, colour and TTY rules, the exit-code contract.
#![forbid(unsafe_code)]

pub mod signature;
