//! The provider registry: every signature scheme hookctl can sign and verify, behind one trait.
//!
//! A provider is data (headers, what is signed, algorithm, encoding, tolerance) plus code only
//! where its scheme needs it. `sign`, `verify`, `trigger`, `replay --resign`, `validate`, `load`
//! and `listen --verify-provider` all come through here. This file only names the files and
//! re-exports: the files import each other, never this one, so no file imports what imports it.

pub mod crypto;
pub mod diagnose;
pub mod faithful;
pub mod keys;
pub mod registry;
pub mod scheme;
pub mod sdk;
pub mod template;
pub mod verdict;

// Scheme families: one file each.
pub mod asymmetric;
pub mod body_fields;
pub mod box_signature;
pub mod contentful;
pub mod hmac_look_alikes;
pub mod hmac_providers;
pub mod hmac_scheme;
pub mod hmac_stamped;
pub mod hubspot;
pub mod jwt;
pub mod linear;
pub mod standard_webhooks;
pub mod token;
pub mod twilio;
pub mod variants;

pub use registry::{Registry, detect};
pub use scheme::{
    Info, KeyKind, KeyMaterial, Keys, Scheme, SignError, SignRequest, Signed, VerifyOptions,
    attach, new_message_id,
};
pub use verdict::{Reason, Verdict};
