//! Why a relay could not run: the user's input (exit 2) or the system (exit 3).

use crate::exit::Exit;

#[derive(Debug, thiserror::Error)]
pub enum RelayError {
    #[error("{0}")]
    Usage(String),
    #[error("{0}")]
    Runtime(String),
}

impl RelayError {
    pub fn exit(&self) -> Exit {
        match self {
            RelayError::Usage(_) => Exit::Usage,
            RelayError::Runtime(_) => Exit::Runtime,
        }
    }
}
