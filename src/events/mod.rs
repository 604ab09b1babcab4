//! The event catalog: provider-shaped and domain-pack events as embedded data files, and the
//! generator that fills their payload templates with fresh, plausible values.
//!
//! `trigger` and friends use it as: `Catalog::load(&user_dirs(..), &registry)?`, `catalog.find(id)?`,
//! `event.generate(&mut rng)` → body + event headers + the message id and timestamp to sign with
//! (`event.signed_with()` names the provider), and `Generated::set` for `--set path=value`.

pub mod catalog;
pub mod definitions;
pub mod event;
pub mod fake;
mod files;
pub mod lint;
pub mod path;
pub mod template;

pub use catalog::{Catalog, default_user_dir, user_dirs};
pub use event::{DEFAULT_PROVIDER, Encoding, Event, Generated, Origin, Violation};
pub use lint::{Linted, lint};
pub use path::{PathError, parse_value, set_path, set_value};
