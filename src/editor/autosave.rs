//! When to write a draft: debounce keystrokes, but never wait longer than a
//! maximum since the first unsaved change (a cadre typing non-stop must still
//! get saves), and flush at once when the page is hidden or closed.
//!
//! Pure timing policy over milliseconds; the browser glue only asks it when
//! the next write is due.

/// Quiet time after the last change before writing.
pub const DEBOUNCE_MS: f64 = 400.0;
/// Longest a change may stay unsaved while the user keeps typing.
pub const MAX_WAIT_MS: f64 = 2_000.0;

/// Autosave schedule for one open draft.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Autosave {
    first_unsaved: Option<f64>,
    last_change: Option<f64>,
}

impl Autosave {
    /// Record a change at `now`; returns when the write becomes due.
    pub fn changed(&mut self, now: f64) -> f64 {
        self.first_unsaved.get_or_insert(now);
        self.last_change = Some(now);
        self.due_at().unwrap_or(now)
    }

    /// When the pending change must be written, if any.
    pub fn due_at(&self) -> Option<f64> {
        let first = self.first_unsaved?;
        let last = self.last_change.unwrap_or(first);
        Some((last + DEBOUNCE_MS).min(first + MAX_WAIT_MS))
    }

    /// Whether a write should happen now.
    pub fn is_due(&self, now: f64) -> bool {
        self.due_at().is_some_and(|due| now >= due)
    }

    /// Whether there are changes not yet written.
    pub fn pending(&self) -> bool {
        self.first_unsaved.is_some()
    }

    /// The write of everything changed up to `started_at` succeeded. Changes
    /// made after `started_at` (while writing) stay pending.
    pub fn saved(&mut self, started_at: f64) {
        if self.last_change.is_some_and(|last| last <= started_at) {
            *self = Autosave::default();
        } else if self.first_unsaved.is_some() {
            self.first_unsaved = self.last_change;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn single_change_is_written_after_the_debounce() {
        let mut a = Autosave::default();
        assert_eq!(a.changed(1_000.0), 1_400.0);
        assert!(!a.is_due(1_399.0));
        assert!(a.is_due(1_400.0));
    }

    #[test]
    fn continuous_typing_is_still_written_within_the_max_wait() {
        let mut a = Autosave::default();
        let mut due = 0.0;
        for i in 0..100 {
            due = a.changed(i as f64 * 100.0);
        }
        assert_eq!(due, MAX_WAIT_MS);
        assert!(a.is_due(MAX_WAIT_MS));
    }

    #[test]
    fn saving_clears_only_what_was_written() {
        let mut a = Autosave::default();
        a.changed(0.0);
        a.saved(10.0);
        assert!(!a.pending());
        a.changed(20.0);
        a.changed(30.0);
        a.saved(25.0); // the write started before the change at 30
        assert!(a.pending());
        assert_eq!(a.due_at(), Some(30.0 + DEBOUNCE_MS));
    }

    #[test]
    fn nothing_pending_means_nothing_due() {
        let a = Autosave::default();
        assert!(!a.pending());
        assert_eq!(a.due_at(), None);
        assert!(!a.is_due(f64::MAX));
    }
}
