//! What checking a payload against a provider's definition found.

/// One way a payload departs from the provider's definition.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Problem {
    /// Where in the payload, dotted (`pull_request.head.sha`); `$` is the whole payload.
    pub path: String,
    pub message: String,
}

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
