//! Labelled form controls shared by the screens. Inputs are uncontrolled
//! after their first render (the DOM keeps what the user types, caret
//! included); every input event hands NFC text to the caller.

use crate::format::nfc;
use leptos::prelude::*;

/// DOM id for a field name: `N01.text` → `f-N01-text`.
pub fn field_id(name: &str) -> String {
    let safe: String = name.chars().map(|c| if c.is_ascii_alphanumeric() || c == '_' { c } else { '-' }).collect();
    format!("f-{safe}")
}

fn input_text(ev: &leptos::ev::Event) -> String {
    nfc(&event_target_value(ev))
}

/// The control `id` with its label above and its hint below; `control`
/// gets the id and its `aria-describedby` (the hint, when there is one).
fn labelled<V: IntoView>(
    label: String,
    id: String,
    hint: Option<String>,
    control: impl FnOnce(String, Option<String>) -> V,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let described = hint.as_ref().map(|_| hint_id.clone());
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            {control(id, described)}
            {hint.map(|h| view! { <p class="hint" id=hint_id>{h}</p> })}
        </div>
    }
}

/// One-line text with a label above it.
#[component]
pub fn TextInput(
    #[prop(into)] label: String,
    #[prop(into)] name: String,
    #[prop(into)] value: String,
    #[prop(into)] on_change: Callback<String>,
    #[prop(optional, into)] placeholder: Option<String>,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(optional, into)] readonly: Signal<bool>,
) -> impl IntoView {
    labelled(label, field_id(&name), hint, move |id, described| {
        view! {
            <input
                id=id
                name=name
                type="text"
                prop:value=value
                placeholder=placeholder
                aria-describedby=described
                readonly=move || readonly.get()
                on:input=move |ev| on_change.run(input_text(&ev))
            />
        }
    })
}

/// Multi-line text that grows with its content.
#[component]
pub fn TextArea(
    #[prop(into)] label: String,
    #[prop(into)] name: String,
    #[prop(into)] value: String,
    #[prop(into)] on_change: Callback<String>,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(optional, into)] readonly: Signal<bool>,
    #[prop(optional)] rows: Option<u32>,
) -> impl IntoView {
    labelled(label, field_id(&name), hint, move |id, described| {
        view! {
            <textarea
                id=id
                name=name
                rows=rows.unwrap_or(4)
                aria-describedby=described
                readonly=move || readonly.get()
                prop:value=value
                on:input=move |ev| on_change.run(input_text(&ev))
            ></textarea>
        }
    })
}
