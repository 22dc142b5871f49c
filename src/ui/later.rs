//! Work the first screen does not need waits until that screen is on the
//! glass: the service worker's registration (which starts downloading the
//! whole build into its cache) and the storage estimate would otherwise run
//! in the same task as the first render, or in the microtasks right after it,
//! and hold back the first frame.

use leptos::prelude::{request_animation_frame, set_timeout};
use std::time::Duration;

/// Run `f` in a task of its own after the next frame has been produced.
///
/// `requestAnimationFrame` runs just before that frame is painted; the task
/// it queues runs after it.
pub fn after_first_paint(f: impl FnOnce() + 'static) {
    request_animation_frame(move || set_timeout(f, Duration::ZERO));
}
