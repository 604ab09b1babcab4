//! What this machine keeps beside the delivery log and never in the config a team may share:
//! listen's key, relay tokens, listen's stable tunnel names, and the listens running now.

pub mod folder;
pub mod key;
pub mod relays;
pub mod running;
