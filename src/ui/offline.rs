//! Offline shell: registers the service worker (`src/web/sw.js`) and offers
//! a new version once it has been downloaded. The switch happens only when
//! the user asks for it and no edit is still being saved, because the new
//! worker takes over every open page of the app.

use leptos::logging::warn;
use leptos::prelude::*;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{
    RegistrationOptions, ServiceWorker, ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState,
    VisibilityState,
};

/// `navigator.serviceWorker`, which browsers only expose in secure contexts
/// (https or localhost); web-sys would hand back `undefined` unchecked.
fn container() -> Option<ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    let value = js_sys::Reflect::get(&navigator, &JsValue::from_str("serviceWorker")).ok()?;
    if value.is_undefined() || value.is_null() {
        return None;
    }
    value.dyn_into().ok()
}

fn describe(error: &JsValue) -> String {
    match error.dyn_ref::<js_sys::Error>() {
        Some(e) => String::from(e.message()),
        None => format!("{error:?}"),
    }
}

/// Register `./sw.js` for the app's folder. Never fails loudly: without a
/// service worker the app still works while the connection lasts.
pub fn register_service_worker() {
    let Some(container) = container() else {
        warn!("Trình duyệt không cho dùng service worker (cần https hoặc localhost): ứng dụng sẽ không mở được khi mất mạng.");
        return;
    };
    let options = RegistrationOptions::new();
    options.set_scope("./");
    let registering = container.register_with_options("./sw.js", &options);
    spawn_local(async move {
        if let Err(e) = JsFuture::from(registering).await {
            // Offline is this app's normal state; if a worker already
            // controls the page, only the check for a new version failed.
            if container.controller().is_some() {
                warn!("Chưa kiểm tra được phiên bản mới (có thể đang mất mạng): {}", describe(&e));
            } else {
                warn!("Không cài được chế độ dùng khi mất mạng (service worker): {}", describe(&e));
            }
        }
    });
}

/// Ask the server for a newer sw.js. Failing is expected without a
/// connection, so the result is ignored (an unhandled rejection would be a
/// console error).
fn check_for_update(registration: &ServiceWorkerRegistration) {
    let Ok(checking) = registration.update() else { return };
    spawn_local(async move {
        let _ = JsFuture::from(checking).await;
    });
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Stage {
    /// Nothing to offer (or no service worker at all).
    Idle,
    /// A new version is installed and waiting.
    Available,
    /// The user asked for it; waiting for pending edits to be saved.
    Requested,
    /// SKIP_WAITING sent; the page reloads when the new worker takes over.
    Switching,
}

/// An update offers itself only when it would replace a running version:
/// on the very first install `waiting` is briefly set with no `active`.
fn offer_if_waiting(registration: &ServiceWorkerRegistration, stage: RwSignal<Stage>) {
    if registration.waiting().is_some() && registration.active().is_some() && stage.get_untracked() == Stage::Idle {
        stage.set(Stage::Available);
    }
}

/// Follow a worker that is installing until it is installed (then waiting).
fn follow(worker: ServiceWorker, registration: ServiceWorkerRegistration, stage: RwSignal<Stage>) {
    let watched = worker.clone();
    let on_state = Closure::<dyn Fn()>::new(move || {
        if watched.state() == ServiceWorkerState::Installed {
            offer_if_waiting(&registration, stage);
        }
    });
    let _ = worker.add_event_listener_with_callback("statechange", on_state.as_ref().unchecked_ref());
    // Lives as long as the worker object; one small closure per new version.
    on_state.forget();
}

/// Watch the registration for a new version: one already waiting, one
/// installing now, one found later (on `update()` at start and whenever the
/// page becomes visible again, e.g. the tablet wakes up).
fn watch(
    container: ServiceWorkerContainer,
    slot: StoredValue<Option<ServiceWorkerRegistration>, LocalStorage>,
    stage: RwSignal<Stage>,
) {
    // `ready` resolves once a worker is active, whatever happened to this
    // page's register() call (it fails offline while the old worker runs).
    let Ok(ready) = container.ready() else { return };
    spawn_local(async move {
        let Ok(registration) = JsFuture::from(ready).await else { return };
        let registration: ServiceWorkerRegistration = registration.unchecked_into();
        slot.set_value(Some(registration.clone()));

        let on_update_found = {
            let registration = registration.clone();
            Closure::<dyn Fn()>::new(move || {
                if let Some(worker) = registration.installing() {
                    follow(worker, registration.clone(), stage);
                }
            })
        };
        let _ = registration.add_event_listener_with_callback("updatefound", on_update_found.as_ref().unchecked_ref());
        // The prompt lives as long as the page.
        on_update_found.forget();

        if let Some(worker) = registration.installing() {
            follow(worker, registration.clone(), stage);
        }
        offer_if_waiting(&registration, stage);
        check_for_update(&registration);

        let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
        let on_visible = {
            let document = document.clone();
            Closure::<dyn Fn()>::new(move || {
                if document.visibility_state() == VisibilityState::Visible {
                    check_for_update(&registration);
                }
            })
        };
        let _ = document.add_event_listener_with_callback("visibilitychange", on_visible.as_ref().unchecked_ref());
        on_visible.forget();
    });
}

fn reload() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}

/// Let the waiting worker take over, then reload once into the new version.
fn switch_to_new_version(registration: Option<ServiceWorkerRegistration>) {
    let (Some(container), Some(registration)) = (container(), registration) else { return reload() };
    // Another tab may already have switched: this page is then controlled
    // by the new worker and only needs the reload.
    let Some(waiting) = registration.waiting() else { return reload() };

    let reloaded = Rc::new(Cell::new(false));
    let on_controller_change = Closure::<dyn Fn()>::new(move || {
        if !reloaded.replace(true) {
            reload();
        }
    });
    let _ =
        container.add_event_listener_with_callback("controllerchange", on_controller_change.as_ref().unchecked_ref());
    on_controller_change.forget();

    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &JsValue::from_str("type"), &JsValue::from_str("SKIP_WAITING"));
    if let Err(e) = waiting.post_message(&message) {
        warn!("Không chuyển được sang phiên bản mới: {}", describe(&e));
    }
}

/// Banner offering a downloaded new version. `pending_edits` is true while
/// the editor still has changes to save; the switch waits for it.
#[component]
pub fn UpdatePrompt(pending_edits: Signal<bool>) -> impl IntoView {
    let stage = RwSignal::new(Stage::Idle);
    let registration = StoredValue::new_local(None::<ServiceWorkerRegistration>);
    if let Some(container) = container() {
        watch(container, registration, stage);
    }

    // Runs on the click and again whenever `pending_edits` changes, so the
    // switch happens as soon as the last edit is saved, exactly once.
    Effect::new(move |_| {
        if stage.get() == Stage::Requested && !pending_edits.get() {
            stage.set(Stage::Switching);
            switch_to_new_version(registration.get_value());
        }
    });

    let message = move || match stage.get() {
        Stage::Idle => "",
        Stage::Available => "Có phiên bản mới của ứng dụng.",
        Stage::Requested if pending_edits.get() => "Đang lưu bản nháp… sẽ cập nhật sau khi lưu xong.",
        Stage::Requested | Stage::Switching => "Đang cập nhật…",
    };

    // The live region stays in the page so screen readers announce changes.
    view! {
        <div class="update-region" role="status" aria-live="polite">
            <div class="update-banner" hidden=move || stage.get() == Stage::Idle>
                <p>{message}</p>
                <button
                    type="button"
                    class="primary"
                    disabled=move || stage.get() != Stage::Available
                    on:click=move |_| stage.set(Stage::Requested)
                >
                    "Cập nhật ngay"
                </button>
            </div>
        </div>
    }
}
