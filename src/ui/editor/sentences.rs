//! Generated sentences shown where they belong, each with "Sửa câu này" to
//! replace it and "Dùng lại câu tự động" to go back (issue 14 item 1). The
//! sentences themselves and rule W07 are `print::sentences`; this view only
//! shows them and records the cadre's choice as journal edits.

use super::ctx::Ctx;
use super::section::QualifierSelect;
use crate::editor::journal::Edit;
use crate::model::FieldPath;
use crate::print::{Sentence, SentenceId};
use crate::template::Display;
use crate::ui::fields::field_id;
use leptos::prelude::*;

/// Every generated sentence of the open report (recomputed with the
/// report); `None` until the first evaluation (see `Ctx::eval`).
pub fn sentences_memo(ctx: Ctx) -> Memo<Option<Vec<Sentence>>> {
    Memo::new(move |_| {
        ctx.report.with(|r| ctx.eval.with(|e| e.as_ref().map(|e| crate::print::sentences(ctx.template, r, e))))
    })
}

/// [`sentences_memo`] for "Thông tin chung", the editor's first screen: its
/// trích yếu, opening and closing need no evaluation, so they show at once;
/// the rest (the Phụ lục I line) follows the first evaluation.
pub fn general_sentences_memo(ctx: Ctx) -> Memo<Option<Vec<Sentence>>> {
    Memo::new(move |_| {
        ctx.report.with(|r| {
            Some(ctx.eval.with(|e| match e {
                Some(e) => crate::print::sentences(ctx.template, r, e),
                None => crate::print::general_sentences(r),
            }))
        })
    })
}

/// One sentence: the generated text and "Sửa câu này", or the cadre's text
/// in a box with "Dùng lại câu tự động" (and "Vẫn dùng câu này" when W07
/// says it may be stale).
#[component]
pub fn SentenceEditor(id: SentenceId, all: Memo<Option<Vec<Sentence>>>) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let key = id.key();
    let path = id.path();
    let dom_id = field_id(&path);
    let label_id = format!("{dom_id}-label");
    let msgs_id = format!("{dom_id}-msgs");
    let sentence = {
        let id = id.clone();
        Memo::new(move |_| all.with(|all| all.as_ref()?.iter().find(|s| s.id == id).cloned()))
    };
    let pending = move || all.with(Option::is_none);
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
                        {move || if pending() {
                            "Đang soạn câu…".to_string()
                        } else {
                            sentence.get().map(|s| s.generated).unwrap_or_default()
                        }}
                    </p>
                    <div class="sentence-actions">
                        <button type="button" disabled=move || ctx.locked.get() || pending() aria-describedby=label_id.clone()
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
                {move || match sentence.get() {
                    Some(s) => s.label,
                    None if pending() => String::new(),
                    None => "Câu đã sửa, ứng dụng không còn tạo câu này".into(),
                }}
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

/// The generated sentences of one outline node (figure lines; the
/// "Đánh giá chung" bullets on the Phụ lục I node), with the section's
/// choice to print its figure lines. A replaced sentence whose line is no
/// longer generated stays listed, so it can be reset.
#[component]
pub fn NodeSentences(node: &'static crate::template::Node) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let all = sentences_memo(ctx);
    let node_id = node.id.clone();
    let ids = {
        let node_id = node_id.clone();
        Memo::new(move |_| {
            let mut ids: Vec<SentenceId> = all.with(|all| {
                all.iter()
                    .flatten()
                    .filter(|s| s.node_id.as_deref() == Some(node_id.as_str()) && s.id != SentenceId::AttachedTo)
                    .map(|s| s.id.clone())
                    .collect()
            });
            let replaced: Vec<SentenceId> = ctx.report.with(|r| {
                r.sentences.keys().filter_map(|k| SentenceId::parse(k)).filter(|id| belongs(id, node)).collect()
            });
            for id in replaced {
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
            ids
        })
    };
    let has_figures = !node.indicators.is_empty() || !node.computed.is_empty();
    let option_name = FieldPath::FiguresOf(node.id.clone()).to_string();
    let select_id = field_id(&option_name);
    let choice = {
        let node_id = node_id.clone();
        ctx.report.with_untracked(|r| match r.options.figures_by_node.get(&node_id) {
            Some(true) => "true",
            Some(false) => "false",
            None => "",
        })
    };
    let option_for_input = option_name.clone();
    // Computed totals the outline prints (counts, money) take a qualifier too.
    let totals: Vec<_> = node
        .computed
        .iter()
        .filter(|c| c.per_row.is_none() && matches!(c.display, Display::Count | Display::Money))
        .filter(|c| !node.indicators.iter().any(|i| i.key == c.key))
        .map(|c| (c.key.clone(), format!("Từ chỉ mức độ trước «{}»", c.label)))
        .collect();
    view! {
        <Show when=move || has_figures || !ids.with(Vec::is_empty)>
            <fieldset class="sentences">
                <legend>"Câu số liệu trong bản in"</legend>
                {totals.clone().into_iter().map(|(key, label)| view! { <QualifierSelect key=key label=label /> }).collect_view()}
                {(has_figures && !node.appendix).then(|| {
                    let (option_name, select_id, option_for_input) = (option_name.clone(), select_id.clone(), option_for_input.clone());
                    view! {
                        <div class="field">
                            <label for=select_id.clone()>"In các dòng số liệu tự động của mục này"</label>
                            <select id=select_id name=option_name disabled=move || ctx.locked.get()
                                on:change=move |ev| ctx.set(option_for_input.clone(), event_target_value(&ev))>
                                <option value="" selected=choice.is_empty()>"Theo tùy chọn chung của báo cáo"</option>
                                <option value="true" selected=choice == "true">"In"</option>
                                <option value="false" selected=choice == "false">"Không in"</option>
                            </select>
                        </div>
                    }
                })}
                <For each=move || ids.get() key=|id| id.key() let:id>
                    <SentenceEditor id=id all=all />
                </For>
            </fieldset>
        </Show>
    }
}

/// Whether a sentence id belongs to `node`'s form (bullets: the Phụ lục I node).
fn belongs(id: &SentenceId, node: &crate::template::Node) -> bool {
    match id {
        SentenceId::Figure { node: of, .. } => *of == node.id,
        SentenceId::Bullet { .. } => node.appendix,
        _ => false,
    }
}
