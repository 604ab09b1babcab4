//! The config file: named secrets, named generic schemes, and where it lives. `edit` writes it.

mod edit;
mod model;

pub use edit::ConfigFile;
pub use model::{Config, EndpointDef, KeyPair, RelayDef, SmtpDef, TwilioDef, path};
