//! The form of one outline node: guidance, narratives, figures with cùng kỳ,
//! computed values, lists.

use super::ctx::Ctx;
use super::inputs::{ListEditor, Slot, ValueInput};
use crate::template::{Indicator, Node, Requirement};
use crate::ui::fields::field_id;
use leptos::prelude::*;

/// A narrative text area bound to `texts[key]`.
#[component]
pub fn NarrativeInput(#[prop(into)] key: String, #[prop(into)] label: String, required: bool) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let id = field_id(&key);
    let msgs_id = format!("{id}-msgs");
    let initial = ctx.report.with_untracked(|r| r.texts.get(&key).cloned().unwrap_or_default());
    let issues = {
        let key = key.clone();
        Memo::new(move |_| ctx.messages_for(&key))
    };
    let key_for_input = key.clone();
    view! {
        <div class="field narrative">
            <label for=id.clone()>{label}{required.then_some(" (bắt buộc)")}</label>
            <textarea id=id name=key rows="5" aria-describedby=msgs_id.clone() readonly=move || ctx.locked.get() prop:value=initial
                on:input=move |ev| ctx.set(key_for_input.clone(), crate::format::nfc(&event_target_value(&ev)))></textarea>
            <div class="field-msgs" id=msgs_id>
                {move || issues.get().into_iter().map(|(is_error, m)| {
                    view! { <p class="msg" class:error=is_error class:warning=!is_error>{m}</p> }
                }).collect_view()}
            </div>
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
    let delta = move || ctx.eval.with(|e| e.deltas.get(&delta_key).map(|d| d.text.clone()));
    let qualifier = crate::editor::paths::takes_qualifier(&indicator.ty).then(|| {
        view! { <QualifierSelect key=key.clone() label=format!("Từ chỉ mức độ trước số ({label})") /> }
    });
    view! {
        <div class="indicator" class:compare=compare>
            <ValueInput at=Slot::Value(key.clone()) label=label.clone() unit=indicator.unit.clone() ty=indicator.ty.clone() />
            {qualifier}
            {compare.then(|| view! {
                <ValueInput at=Slot::CungKy(key.clone()) label=format!("Cùng kỳ {year}") unit=indicator.unit.clone() ty=indicator.ty.clone() />
                <p class="delta" aria-live="polite">{move || delta().map(|d| format!("So với cùng kỳ: {d}"))}</p>
            })}
        </div>
    }
}

/// The word printed before a figure ("hơn 2,35 tỷ đồng", "khoảng 1.250 suất").
#[component]
pub fn QualifierSelect(key: String, label: String) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let name = crate::editor::paths::qualifier(&key);
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
            {ungrouped_narratives.into_iter().map(|n| view! {
                <NarrativeInput key=n.key.clone() label=n.label.clone() required=n.required />
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
                                let key = format!("{}.{}", ind.key, g.id);
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
