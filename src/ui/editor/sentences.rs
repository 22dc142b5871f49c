//! Generated sentences shown where they belong, each with "Sửa câu này" to
//! replace it and "Dùng lại câu tự động" to go back (issue 14 item 1). The
//! sentences themselves and rule W07 are `print::sentences`; this view only
//! shows them and records the cadre's choice as journal edits.

use super::ctx::Ctx;
use crate::editor::journal::Edit;
use crate::print::{Sentence, SentenceId};
use crate::ui::fields::field_id;
use leptos::prelude::*;

/// Every generated sentence of the open report (recomputed with the report).
pub fn sentences_memo(ctx: Ctx) -> Memo<Vec<Sentence>> {
    Memo::new(move |_| ctx.report.with(|r| ctx.eval.with(|e| crate::print::sentences(ctx.template, r, e))))
}

/// One sentence: the generated text and "Sửa câu này", or the cadre's text
/// in a box with "Dùng lại câu tự động" (and "Vẫn dùng câu này" when W07
/// says it may be stale).
#[component]
pub fn SentenceEditor(id: SentenceId, all: Memo<Vec<Sentence>>) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let key = id.key();
    let path = id.path();
    let dom_id = field_id(&path);
    let label_id = format!("{dom_id}-label");
    let msgs_id = format!("{dom_id}-msgs");
    let sentence = {
        let id = id.clone();
        Memo::new(move |_| all.with(|all| all.iter().find(|s| s.id == id).cloned()))
    };
    let replaced = {
        let key = key.clone();
        Memo::new(move |_| ctx.report.with(|r| r.sentences.contains_key(&key)))
    };
    let messages = {
        let path = path.clone();
        Memo::new(move |_| ctx.messages_for(&path))
    };
    // Copy handles, so each button's handler is a copy.
    let stored_key = StoredValue::new(key.clone());
    let take_over = move |_| {
        let key = stored_key.get_value();
        let generated = sentence.get_untracked().map(|s| s.generated).unwrap_or_default();
        ctx.apply(Edit::TakeOver { id: key.clone(), text: generated.clone(), written_against: generated });
        super::ctx::focus_field_soon(format!("sentences.{key}"));
    };
    let confirm = move |_| {
        let key = stored_key.get_value();
        let text = ctx.report.with_untracked(|r| r.sentences.get(&key).map(|o| o.text.clone())).unwrap_or_default();
        let generated = sentence.get_untracked().map(|s| s.generated).unwrap_or_default();
        ctx.apply(Edit::TakeOver { id: key, text, written_against: generated });
    };
    let reset = move |_| ctx.apply(Edit::ResetSentence { id: stored_key.get_value() });
    let body = {
        let (key, path, dom_id, label_id, msgs_id) =
            (key.clone(), path.clone(), dom_id.clone(), label_id.clone(), msgs_id.clone());
        move || {
            ctx.generation.track();
            if replaced.get() {
                let text =
                    ctx.report.with_untracked(|r| r.sentences.get(&key).map(|o| o.text.clone())).unwrap_or_default();
                let path_for_input = path.clone();
                let stale = Memo::new(move |_| !messages.get().is_empty());
                view! {
                    <textarea id=dom_id.clone() name=path.clone() rows="4" aria-labelledby=label_id.clone()
                        aria-describedby=msgs_id.clone() readonly=move || ctx.locked.get() prop:value=text
                        on:input=move |ev| ctx.set(path_for_input.clone(), crate::format::nfc(&event_target_value(&ev)))></textarea>
                    <div class="sentence-actions">
                        <Show when=move || stale.get()>
                            <button type="button" disabled=move || ctx.locked.get() on:click=confirm>"Vẫn dùng câu này"</button>
                        </Show>
                        <button type="button" disabled=move || ctx.locked.get() on:click=reset>"Dùng lại câu tự động"</button>
                    </div>
                }
                .into_any()
            } else {
                view! {
                    <p class="sentence-generated" id=dom_id.clone()>
                        {move || sentence.get().map(|s| s.generated).unwrap_or_default()}
                    </p>
                    <div class="sentence-actions">
                        <button type="button" disabled=move || ctx.locked.get() aria-describedby=label_id.clone()
                            on:click=take_over>"Sửa câu này"</button>
                    </div>
                }
                .into_any()
            }
        }
    };
    view! {
        <div class="sentence" data-sentence=key.clone()>
            <p class="sentence-label" id=label_id.clone()>
                {move || sentence.get().map(|s| s.label).unwrap_or_default()}
                {move || replaced.get().then_some(" (đã sửa)")}
            </p>
            {body}
            <div class="field-msgs" id=msgs_id.clone()>
                {move || messages.get().into_iter().map(|(is_error, m)| view! {
                    <p class="msg" class:error=is_error class:warning=!is_error>{m}</p>
                }).collect_view()}
            </div>
        </div>
    }
}
