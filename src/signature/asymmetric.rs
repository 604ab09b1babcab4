//! (being written)

use std::sync::Arc;

use super::Scheme;

pub fn providers() -> Vec<Arc<dyn Scheme>> {
    vec![]
}
