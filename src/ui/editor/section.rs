//! The form of one outline node: guidance, narratives, figures with cùng kỳ,
//! computed values, lists.

use super::ctx::Ctx;
use super::inputs::{ListEditor, ValueInput};
use crate::model::{FieldPath, Mark};
use crate::template::{Indicator, Node, Requirement};
use crate::ui::fields::field_id;
use leptos::prelude::*;

/// A narrative text area bound to `texts[key]`. A narrative of items
/// (tasks, proposals) is one item per line, and shows the numbered list the
/// paper will print (`format::task_items`, the print's own rule).
#[component]
pub fn NarrativeInput(
    #[prop(into)] key: String,
    #[prop(into)] label: String,
    required: bool,
    #[prop(optional)] items: bool,
) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let id = field_id(&key);
    let msgs_id = format!("{id}-msgs");
    let initial = ctx.report.with_untracked(|r| r.texts.get(&key).cloned().unwrap_or_default());
    let typed = RwSignal::new(initial.clone());
    let issues = {
        let key = key.clone();
        Memo::new(move |_| ctx.messages_for(&key))
    };
    let key_for_input = key.clone();
    let key_for_move = key.clone();
    let hint_id = format!("{id}-hint");
    let described = if items { format!("{hint_id} {msgs_id}") } else { msgs_id.clone() };
    view! {
        <div class="field narrative" class:items=items>
            <label for=id.clone()>{label}{required.then_some(" (bắt buộc)")}</label>
            {items.then(|| view! {
                <p class="hint" id=hint_id.clone()>"Mỗi dòng một mục; bản in tự đánh số 1., 2., … (số hoặc gạch đầu dòng gõ ở đầu dòng được bỏ)."</p>
            })}
            <textarea id=id name=key rows="5" aria-describedby=described readonly=move || ctx.locked.get() prop:value=move || typed.get()
                on:input=move |ev| {
                    let text = crate::format::nfc(&event_target_value(&ev));
                    // Only the items' preview follows the typing; a plain narrative's text area is its own state.
                    if items {
                        typed.set(text.clone());
                    }
                    ctx.set(key_for_input.clone(), text)
                }></textarea>
            {items.then(|| view! {
                <div class="items-preview">
                    <p class="items-preview-label">"Sẽ in:"</p>
                    <ol>
                        {move || {
                            let all = typed.with(|t| crate::format::task_items(t));
                            let last = all.len().saturating_sub(1);
                            all.into_iter().enumerate().map(|(i, item)| {
                                let number = i + 1;
                                let move_to = {
                                    let key = key_for_move.clone();
                                    move |up: bool| {
                                        if let Some(text) = typed.with_untracked(|t| crate::format::move_item(t, i, up)) {
                                            typed.set(text.clone());
                                            ctx.set(key.clone(), text);
                                        }
                                    }
                                };
                                let move_down = move_to.clone();
                                view! {
                                    <li>
                                        <span>{item}</span>
                                        <button type="button" class="item-move" aria-label=format!("Đưa mục {number} lên")
                                            disabled=move || i == 0 || ctx.locked.get() on:click=move |_| move_to(true)>"↑"</button>
                                        <button type="button" class="item-move" aria-label=format!("Đưa mục {number} xuống")
                                            disabled=move || i == last || ctx.locked.get() on:click=move |_| move_down(false)>"↓"</button>
                                    </li>
                                }
                            }).collect_view()
                        }}
                    </ol>
                </div>
            })}
            <div class="field-msgs" id=msgs_id>
                {move || issues.get().into_iter().map(|(is_error, m)| {
                    view! { <p class="msg" class:error=is_error class:warning=!is_error>{m}</p> }
                }).collect_view()}
            </div>
        </div>
    }
}

/// A mark the cadre sets instead of content: "Không phát sinh trong kỳ" on a
/// required node, "Không theo dõi" on a required figure, with the optional
/// sentence printed in its place.
#[component]
fn MarkInput(
    kind: Mark,
    /// Node id or value key.
    #[prop(into)]
    key: String,
    /// The checkbox text.
    label: &'static str,
    /// What the sentence box is for.
    sentence_label: &'static str,
) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let path = FieldPath::mark(kind, &key).to_string();
    let text_path = FieldPath::mark_sentence(kind, &key).to_string();
    let read = {
        let key = key.clone();
        move |r: &crate::model::Report| kind.of(r).get(&key).cloned()
    };
    let initial = ctx.report.with_untracked(&read);
    let marked = {
        let read = read.clone();
        Memo::new(move |_| ctx.report.with(|r| read(r).is_some()))
    };
    let check_id = field_id(&path);
    let text_id = field_id(&text_path);
    let path_for_change = path.clone();
    let text_path_for_input = text_path.clone();
    view! {
        <div class="mark" class:marked=move || marked.get()>
            <label class="check">
                <input type="checkbox" id=check_id name=path checked=initial.is_some() disabled=move || ctx.locked.get()
                    on:change=move |ev| ctx.set(path_for_change.clone(), event_target_checked(&ev).to_string()) />
                {label}
            </label>
            <Show when=move || marked.get()>
                <div class="field">
                    <label for=text_id.clone()>{sentence_label}</label>
                    <input type="text" id=text_id.clone() name=text_path.clone()
                        prop:value=ctx.report.with_untracked(&read).unwrap_or_default()
                        readonly=move || ctx.locked.get()
                        on:input={
                            let p = text_path_for_input.clone();
                            move |ev| ctx.set(p.clone(), crate::format::nfc(&event_target_value(&ev)))
                        } />
                </div>
            </Show>
        </div>
    }
}

/// An indicator with, when comparable, its cùng kỳ input and the change.
#[component]
fn IndicatorRow(indicator: &'static Indicator, key: String, #[prop(into)] label: String) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let year = ctx.report.with_untracked(|r| r.cung_ky_year());
    let required = indicator.req == Requirement::Required;
    let label = if required { format!("{label} (bắt buộc)") } else { label };
    let compare = indicator.compare && indicator.ty.is_numeric();
    let delta_key = key.clone();
    let delta = move || ctx.eval.with(|e| e.as_ref()?.deltas.get(&delta_key).map(|d| d.text.clone()));
    let qualifier = crate::editor::paths::takes_qualifier(&indicator.ty).then(|| {
        view! { <QualifierSelect key=key.clone() label=format!("Từ chỉ mức độ trước số ({label})") /> }
    });
    view! {
        <div class="indicator" class:compare=compare>
            <ValueInput at=FieldPath::key(&key) label=label.clone() unit=indicator.unit.clone() ty=indicator.ty.clone() />
            {qualifier}
            {required.then(|| view! {
                <MarkInput kind=Mark::NotTracked key=key.clone() label="Không theo dõi"
                    sentence_label="Câu in thay số liệu (để trống: không in gì)" />
            })}
            {compare.then(|| view! {
                <ValueInput at=FieldPath::cung_ky(&key) label=format!("Cùng kỳ {year}") unit=indicator.unit.clone() ty=indicator.ty.clone() />
                <p class="delta" aria-live="polite">{move || delta().map(|d| format!("So với cùng kỳ: {d}"))}</p>
            })}
        </div>
    }
}

/// The word printed before a figure ("hơn 2,35 tỷ đồng", "khoảng 1.250 suất").
#[component]
pub fn QualifierSelect(key: String, label: String) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let name = FieldPath::Qualifier(key.clone()).to_string();
    let id = field_id(&name);
    let current = ctx.report.with_untracked(|r| r.qualifiers.get(&key).cloned().unwrap_or_default());
    let name_for_input = name.clone();
    view! {
        <div class="field qualifier">
            <label for=id.clone()>{label}</label>
            <select id=id name=name disabled=move || ctx.locked.get()
                on:change=move |ev| ctx.set(name_for_input.clone(), event_target_value(&ev))>
                {crate::model::limits::QUALIFIERS.into_iter().map(|q| view! {
                    <option value=q selected=q == current>{if q.is_empty() { "(không)" } else { q }}</option>
                }).collect_view()}
            </select>
        </div>
    }
}

/// Computed figures of the node, updated live.
#[component]
fn ComputedBox(node_id: String) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let year = ctx.report.with_untracked(|r| r.cung_ky_year());
    let rows = Memo::new(move |_| {
        ctx.eval.with(|e| {
            let Some(e) = e else { return Vec::new() };
            e.computed
                .values()
                .filter(|c| c.node_id == node_id)
                .map(|c| {
                    let prev = e.cung_ky.get(&c.key).map(|p| p.display.clone());
                    let delta = e.deltas.get(&c.key).map(|d| d.text.clone());
                    (c.key.clone(), c.label.clone(), c.display.clone(), prev, delta)
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <Show when=move || rows.with(|r| !r.is_empty())>
            <section class="computed" aria-label="Số liệu tự tính">
                <h3>"Số liệu tự tính"</h3>
                <dl>
                    {move || rows.get().into_iter().map(|(key, label, value, prev, delta)| view! {
                        <div class="computed-row" data-key=key>
                            <dt>{label}</dt>
                            <dd>
                                <output>{value}</output>
                                {prev.map(|p| view! { <span class="prev">{format!(" · cùng kỳ {year}: {p}")}</span> })}
                                {delta.map(|d| view! { <span class="delta">{format!(" · {d}")}</span> })}
                            </dd>
                        </div>
                    }).collect_view()}
                </dl>
            </section>
        </Show>
    }
}

/// The whole form of one node.
#[component]
pub fn SectionForm(node: &'static Node, #[prop(into)] heading: String) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let period = ctx.report.with_untracked(|r| r.period.period_type);
    let ungrouped_narratives: Vec<_> = node
        .narratives
        .iter()
        .filter(|n| n.group.is_none() && n.periods.is_empty() || n.group.is_none() && n.periods.contains(&period))
        .collect();
    let plain_indicators: Vec<_> = node.indicators.iter().filter(|i| !i.grouped).collect();
    let grouped_indicators: Vec<_> = node.indicators.iter().filter(|i| i.grouped).collect();
    let groups = &node.groups;
    let narratives_all = &node.narratives;
    let is_appendix = node.appendix;
    let report_id = ctx.report.with_untracked(|r| r.id.clone());

    view! {
        <section class="section-form" aria-labelledby="section-heading">
            <h2 id="section-heading" tabindex="-1">{heading}</h2>
            {(!node.guidance.is_empty()).then(|| view! { <p class="guidance">{node.guidance.clone()}</p> })}
            {(node.required && !is_appendix).then(|| view! {
                <MarkInput kind=Mark::NoneInPeriod key=node.id.clone() label="Không phát sinh trong kỳ"
                    sentence_label="Câu in thay nội dung mục (để trống: “Không phát sinh trong kỳ.”)" />
            })}
            {ungrouped_narratives.into_iter().map(|n| view! {
                <NarrativeInput key=n.key.clone() label=n.label.clone() required=n.required items=n.items />
            }).collect_view()}
            {(!plain_indicators.is_empty()).then(|| view! {
                <div class="indicators">
                    {plain_indicators.into_iter().map(|ind| {
                        let key = ind.key.clone();
                        let label = ind.label.clone();
                        view! { <IndicatorRow indicator=ind key=key label=label /> }
                    }).collect_view()}
                </div>
            })}
            {groups.iter().map(|g| {
                let narratives: Vec<_> = narratives_all.iter().filter(|n| n.group.as_deref() == Some(g.id.as_str())).collect();
                let indicators = grouped_indicators.clone();
                view! {
                    <fieldset class="group">
                        <legend>{g.label.clone()}</legend>
                        {narratives.into_iter().map(|n| view! {
                            <NarrativeInput key=n.key.clone() label=n.label.clone() required=n.required />
                        }).collect_view()}
                        <div class="indicators">
                            {indicators.into_iter().map(|ind| {
                                let key = FieldPath::group_key(&ind.key, &g.id);
                                let label = ind.label.clone();
                                view! { <IndicatorRow indicator=ind key=key label=label /> }
                            }).collect_view()}
                        </div>
                    </fieldset>
                }
            }).collect_view()}
            <ComputedBox node_id=node.id.clone() />
            <super::sentences::NodeSentences node=node />
            {node.lists.iter().map(|l| view! { <ListEditor list=l /> }).collect_view()}
            {is_appendix.then(|| view! {
                <p><a class="button" href=crate::route::Route::print(&report_id).href()>"Xem Phụ lục I trong bản in"</a></p>
            })}
        </section>
    }
}
