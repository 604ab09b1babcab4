//! A provider with several schemes (GitHub's sha256 and legacy sha1): the variant is read from the
//! headers when verifying and chosen with `--variant` when signing.

use std::sync::Arc;

use super::scheme::{Info, Keys, Scheme, SignError, SignRequest, Signed, VerifyOptions};
use super::verdict::Verdict;
use crate::message::{Delivery, Headers};

pub struct Variants {
    info: Info,
    members: Vec<(String, Arc<dyn Scheme>)>,
    /// Without `--variant`, sign with every member at once (GitHub sends both headers).
    sign_all: bool,
}

impl Variants {
    /// The first member is the default and the preferred one when several are present.
    pub fn new(
        id: &str,
        name: &str,
        members: Vec<(&str, Arc<dyn Scheme>)>,
        sign_all: bool,
    ) -> Self {
        let first = members[0].1.info();
        let mut headers: Vec<String> = Vec::new();
        for (_, m) in &members {
            for h in &m.info().headers {
                if !headers.iter().any(|x| x.eq_ignore_ascii_case(h)) {
                    headers.push(h.clone());
                }
            }
        }
        let info = Info {
            id: id.into(),
            name: name.into(),
            // The default variant's; the others are listed in `variants`.
            algorithm: first.algorithm.clone(),
            signed: first.signed.clone(),
            headers,
            tolerance_seconds: first.tolerance_seconds,
            can_sign: members.iter().any(|(_, m)| m.info().can_sign),
            variants: members.iter().map(|(v, _)| v.to_string()).collect(),
            detect: vec![],
            key: first.key,
            secret_prefix: first.secret_prefix.clone(),
            docs: first.docs.clone(),
        };
        let mut info = info;
        // Auto-detection: any member's headers identify the provider; the shortest list is used.
        info.detect = members
            .iter()
            .map(|(_, m)| m.info().detect.clone())
            .min_by_key(Vec::len)
            .unwrap_or_default();
        Variants {
            info,
            members: members
                .into_iter()
                .map(|(v, m)| (v.to_string(), m))
                .collect(),
            sign_all,
        }
    }

    fn member(&self, variant: &str) -> Result<&Arc<dyn Scheme>, SignError> {
        self.members
            .iter()
            .find(|(v, _)| v.eq_ignore_ascii_case(variant))
            .map(|(_, m)| m)
            .ok_or_else(|| SignError::UnknownVariant {
                provider: self.info.id.clone(),
                variant: variant.into(),
                choices: self.info.variants.join(", "),
            })
    }

    /// The member the delivery's headers point to: the first whose identifying headers are all there.
    /// Falls back to the first member whose signature header is there (a legacy GitHub
    /// delivery relayed without its event header), then to the default member.
    pub fn detect_member(&self, headers: &Headers) -> &Arc<dyn Scheme> {
        let found = |pred: &dyn Fn(&Info) -> bool| {
            self.members
                .iter()
                .find(|(_, m)| pred(m.info()))
                .map(|(_, m)| m)
        };
        found(&|i| i.detect.iter().all(|h| headers.contains(h)))
            .or_else(|| found(&|i| i.headers.first().is_some_and(|h| headers.contains(h))))
            .unwrap_or(&self.members[0].1)
    }
}

impl Scheme for Variants {
    fn info(&self) -> &Info {
        &self.info
    }

    fn sign(&self, req: &SignRequest) -> Result<Signed, SignError> {
        if let Some(v) = &req.variant {
            return self.member(v)?.sign(req);
        }
        if !self.sign_all {
            return self.members[0].1.sign(req);
        }
        let mut out = Signed::default();
        for (_, m) in &self.members {
            out.headers.0.extend(m.sign(req)?.headers.0);
        }
        Ok(out)
    }

    fn verify(&self, delivery: &Delivery, keys: &Keys, opts: &VerifyOptions) -> Verdict {
        self.detect_member(&delivery.headers)
            .verify(delivery, keys, opts)
    }
}
