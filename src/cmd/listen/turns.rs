//! One attempt at a time per buffered delivery in this process: a redelivery that comes while an
//! earlier attempt is still forwarding (its relay was lost, and another sent it again) waits for
//! that attempt to be recorded, then finds the record rather than sending it twice.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use tokio::sync::OwnedMutexGuard;

type Gate = Arc<tokio::sync::Mutex<()>>;

#[derive(Default)]
pub struct Turns(Mutex<HashMap<String, Gate>>);

/// The turn of one delivery id: the next attempt at it starts once this is dropped.
pub struct Turn {
    guard: Option<OwnedMutexGuard<()>>,
    id: String,
    turns: Arc<Turns>,
}

impl Turns {
    /// Waits until no other attempt at `id` is under way here (calling `waiting` first if one
    /// is), then holds the turn.
    pub async fn take(self: &Arc<Self>, id: &str, waiting: impl FnOnce()) -> Turn {
        let gate = lock(&self.0).entry(id.to_string()).or_default().clone();
        let guard = match gate.clone().try_lock_owned() {
            Ok(g) => g,
            Err(_) => {
                waiting();
                gate.lock_owned().await
            }
        };
        Turn {
            guard: Some(guard),
            id: id.to_string(),
            turns: self.clone(),
        }
    }

    #[cfg(test)]
    fn len(&self) -> usize {
        lock(&self.0).len()
    }
}

impl Drop for Turn {
    fn drop(&mut self) {
        drop(self.guard.take());
        let mut all = lock(&self.turns.0);
        // Nobody else waits for this id (the map holds the only handle): its entry goes.
        if all.get(&self.id).is_some_and(|g| Arc::strong_count(g) == 1) {
            all.remove(&self.id);
        }
    }
}

/// The map is only ever held for a lookup: a panic elsewhere cannot leave it half-changed.
fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[tokio::test]
    async fn a_second_attempt_at_an_id_waits_for_the_first_and_others_do_not() {
        let turns = Arc::new(Turns::default());
        let first = turns.take("a", || panic!("nothing under way")).await;
        let other = tokio::time::timeout(Duration::from_secs(5), turns.take("b", || {}))
            .await
            .expect("another id does not wait");
        let t = turns.clone();
        let (told, waited) = tokio::sync::oneshot::channel();
        let mut second = tokio::spawn(async move { t.take("a", || told.send(()).unwrap()).await });
        waited.await.expect("the second attempt is told it waits");
        assert!(
            tokio::time::timeout(Duration::from_millis(50), &mut second)
                .await
                .is_err(),
            "the same id waits for the first attempt"
        );
        drop(first);
        let second = tokio::time::timeout(Duration::from_secs(5), second)
            .await
            .expect("its turn comes once the first is over")
            .unwrap();
        drop((second, other));
        assert_eq!(turns.len(), 0, "no entry outlives its attempts");
    }
}
