//! The fault-injection suite's harness: the processes under test and their faults, the target
//! the webhooks go to, the senders, the seeded schedule, and the verdict on what arrived.

pub mod cluster;
pub mod schedule;
pub mod senders;
pub mod target;
pub mod verdict;
