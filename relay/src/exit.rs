//! The exit codes both binaries keep: `hookctl-relay`'s and, re-exported, `hookctl`'s.

use std::process::ExitCode;

/// The exit codes (README, "Verify a webhook you received" and each command's section).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// Success; the check passed.
    Ok = 0,
    /// A negative verdict: invalid signature, failed check, non-2xx delivery.
    Negative = 1,
    /// Usage error or bad input.
    Usage = 2,
    /// Runtime failure outside the verdict.
    Runtime = 3,
}

impl From<Exit> for ExitCode {
    fn from(e: Exit) -> Self {
        ExitCode::from(e as u8)
    }
}
