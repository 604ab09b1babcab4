//! What checking a payload against a provider's definition found.

/// One way a payload departs from the provider's definition: where, dotted
/// (`pull_request.head`, `$` for the whole payload), and what is wrong — the same record as a
/// violation of the catalog's own schema, so `events lint` reports both alike.
pub use crate::events::event::Violation as Problem;

/// The outcome of `definitions::check`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Checked {
    /// The provider publishes no definition of this event that hookctl carries.
    NoDefinition,
    Checked {
        /// What the payload was checked against: package or spec, and version
        /// (`@octokit/webhooks-schemas 7.6.1`).
        source: &'static str,
        /// Empty when the payload matches.
        problems: Vec<Problem>,
    },
}
