//! Inputs bound to report paths. Each input keeps the text the user typed
//! (half-typed numbers included); the report gets the parsed value.

use super::ctx::Ctx;
use crate::editor::input;
use crate::model::Value;
use crate::template::{FieldType, ListDef};
use crate::ui::fields::field_id;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Where a value lives in the report.
#[derive(Clone, Debug, PartialEq)]
pub enum Slot {
    /// `values[key]`, input name `key`.
    Value(String),
    /// `cung_ky[key]`, input name `cung_ky.key`.
    CungKy(String),
    /// `lists[list][row][col]`, input name `list.row.col`.
    Cell(String, usize, String),
}

impl Slot {
    pub fn name(&self) -> String {
        match self {
            Slot::Value(k) => k.clone(),
            Slot::CungKy(k) => format!("cung_ky.{k}"),
            Slot::Cell(l, r, c) => format!("{l}.{r}.{c}"),
        }
    }

    fn read(&self, r: &crate::model::Report) -> Option<Value> {
        match self {
            Slot::Value(k) => r.values.get(k).cloned(),
            Slot::CungKy(k) => r.cung_ky.get(k).cloned(),
            Slot::Cell(l, row, c) => r.lists.get(l).and_then(|rows| rows.get(*row)).and_then(|cells| cells.get(c)).cloned(),
        }
    }

    fn write(&self, r: &mut crate::model::Report, value: Option<Value>) {
        let map = match self {
            Slot::Value(_) => &mut r.values,
            Slot::CungKy(_) => &mut r.cung_ky,
            Slot::Cell(l, row, _) => {
                let rows = r.lists.entry(l.clone()).or_default();
                if rows.len() <= *row {
                    rows.resize_with(row + 1, Default::default);
                }
                &mut rows[*row]
            }
        };
        let key = match self {
            Slot::Value(k) | Slot::CungKy(k) | Slot::Cell(_, _, k) => k.clone(),
        };
        match value {
            Some(v) => {
                map.insert(key, v);
            }
            None => {
                map.remove(&key);
            }
        }
    }
}

/// One labelled value input with its unit, parse message, engine issues and
/// the value as it will read in the report.
#[component]
pub fn ValueInput(
    at: Slot,
    #[prop(into)] label: String,
    #[prop(into)] unit: String,
    ty: FieldType,
    /// Hide the label visually (tables), keep it for screen readers.
    #[prop(optional)]
    compact: bool,
) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let name = at.name();
    let id = field_id(&name);
    let msgs_id = format!("{id}-msgs");
    let stored = ctx.report.with_untracked(|r| at.read(r));
    let initial = stored.as_ref().map(|v| input::shown(&ty, v)).unwrap_or_default();
    let parse_error = RwSignal::new(stored.as_ref().and_then(|v| {
        let typed = matches!(v, Value::Text(_) | Value::Unparsed(_));
        typed.then(|| input::read(&ty, &input::shown(&ty, v)).error).flatten()
    }));
    let reads_as = RwSignal::new(stored.as_ref().and_then(|v| input::reads_as(&ty, &unit, v)));
    let issues = {
        let name = name.clone();
        Memo::new(move |_| ctx.messages_for(&name))
    };
    let invalid = move || parse_error.with(|e| e.is_some()) || issues.with(|i| i.iter().any(|(err, _)| *err));

    let ty_for_input = ty.clone();
    let unit_for_input = unit.clone();
    let slot_for_input = at.clone();
    let name_for_input = name.clone();
    let on_input = move |ev: leptos::ev::Event| {
        let raw = event_target_value(&ev);
        ctx.record.run((name_for_input.clone(), raw.clone()));
        let typed = input::read(&ty_for_input, &raw);
        parse_error.set(typed.error.clone());
        reads_as.set(typed.value.as_ref().and_then(|v| input::reads_as(&ty_for_input, &unit_for_input, v)));
        let slot = slot_for_input.clone();
        ctx.edit(move |r| slot.write(r, typed.value));
    };
    let ty_for_blur = ty.clone();
    // Show the canonical form ("12.717") once the user leaves a valid number.
    let on_blur = move |ev: leptos::ev::FocusEvent| {
        let Some(el) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        if let Some(Value::Int(n)) = input::read(&ty_for_blur, &el.value()).value {
            el.set_value(&input::shown(&ty_for_blur, &Value::Int(n)));
        }
    };

    let control = match &ty {
        FieldType::Enum(options) => {
            let options = options.clone();
            let current = initial.clone();
            view! {
                <select id=id.clone() name=name.clone() aria-describedby=msgs_id.clone() disabled=move || ctx.locked.get() on:change=on_input>
                    <option value="">"— chọn —"</option>
                    {options
                        .into_iter()
                        .map(|o| {
                            let selected = o.value == current;
                            view! { <option value=o.value prop:selected=selected>{o.label}</option> }
                        })
                        .collect_view()}
                </select>
            }
                .into_any()
        }
        FieldType::Date => view! {
            <input type="date" id=id.clone() name=name.clone() prop:value=initial aria-describedby=msgs_id.clone()
                readonly=move || ctx.locked.get() on:input=on_input />
        }
            .into_any(),
        FieldType::Text => view! {
            <input type="text" id=id.clone() name=name.clone() prop:value=initial aria-describedby=msgs_id.clone()
                readonly=move || ctx.locked.get() on:input=on_input />
        }
            .into_any(),
        numeric => {
            let mode = if matches!(numeric, FieldType::Dec(_)) { "decimal" } else { "numeric" };
            view! {
                <input type="text" inputmode=mode autocomplete="off" id=id.clone() name=name.clone() prop:value=initial
                    aria-describedby=msgs_id.clone() aria-invalid=move || invalid().then_some("true")
                    readonly=move || ctx.locked.get() on:input=on_input on:blur=on_blur />
            }
                .into_any()
        }
    };
    let show_unit = ty.is_numeric() && !unit.is_empty() && !matches!(ty, FieldType::Money);
    let unit_text = if matches!(ty, FieldType::Money) { "đồng".to_string() } else { unit.clone() };

    view! {
        <div class="field value" class:invalid=invalid>
            <label for=id class:visually-hidden=compact>{label}</label>
            <div class="input-unit">
                {control}
                {(show_unit || matches!(ty, FieldType::Money)).then(|| view! { <span class="unit" aria-hidden="true">{unit_text}</span> })}
            </div>
            <div class="field-msgs" id=msgs_id>
                {move || parse_error.get().map(|m| view! { <p class="msg error">{m}</p> })}
                {move || issues.get().into_iter().map(|(is_error, m)| {
                    view! { <p class="msg" class:error=is_error class:warning=!is_error>{m}</p> }
                }).collect_view()}
                {move || (!compact).then(|| reads_as.get().map(|t| view! { <p class="msg reads">{format!("Sẽ ghi: {t}")}</p> })).flatten()}
            </div>
        </div>
    }
}

/// A repeatable list: add, remove and reorder rows.
#[component]
pub fn ListEditor(list: ListDef) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    // Rows are rebuilt from the report after each structural change.
    let version = RwSignal::new(0u32);
    let key = list.key.clone();
    let rows_len = {
        let key = key.clone();
        move || ctx.report.with(|r| r.lists.get(&key).map_or(0, |rows| rows.len()))
    };
    let structural = move |f: Box<dyn FnOnce(&mut Vec<crate::model::Row>)>| {
        let key = key.clone();
        ctx.edit(move |r| f(r.lists.entry(key).or_default()));
        version.update(|v| *v += 1);
    };
    let structural = StoredValue::new(structural);
    let list_for_rows = list.clone();
    let caption = list.label.clone();
    let list_key = list.key.clone();

    view! {
        <div class="list-editor">
            <h3 class="list-title">{caption.clone()}</h3>
            {move || {
                version.track();
                ctx.generation.track();
                let n = ctx.report.with_untracked(|r| r.lists.get(&list_key).map_or(0, |rows| rows.len()));
                let list = list_for_rows.clone();
                view! {
                    <div class="table-scroll">
                        <table class="list">
                            <caption class="visually-hidden">{caption.clone()}</caption>
                            <thead>
                                <tr>
                                    <th scope="col">"TT"</th>
                                    {list.columns.iter().map(|c| view! { <th scope="col">{c.label.clone()}</th> }).collect_view()}
                                    <th scope="col"><span class="visually-hidden">"Thao tác"</span></th>
                                </tr>
                            </thead>
                            <tbody>
                                {(0..n).map(|row| {
                                    let list = list.clone();
                                    view! {
                                        <tr>
                                            <td class="row-no">{row + 1}</td>
                                            {list.columns.iter().map(|c| {
                                                let label = format!("{} (dòng {})", c.label, row + 1);
                                                view! {
                                                    <td>
                                                        <ValueInput
                                                            at=Slot::Cell(list.key.clone(), row, c.key.clone())
                                                            label=label
                                                            unit=c.unit.clone().unwrap_or_default()
                                                            ty=c.ty.clone()
                                                            compact=true
                                                        />
                                                    </td>
                                                }
                                            }).collect_view()}
                                            <td class="row-actions">
                                                <button type="button" class="icon" disabled=move || { ctx.locked.get() || row == 0 }
                                                    aria-label=format!("Đưa dòng {} lên", row + 1)
                                                    on:click=move |_| structural.with_value(|f| f(Box::new(move |rows| rows.swap(row - 1, row))))>"↑"</button>
                                                <button type="button" class="icon" disabled=move || { ctx.locked.get() || row + 1 >= n }
                                                    aria-label=format!("Đưa dòng {} xuống", row + 1)
                                                    on:click=move |_| structural.with_value(|f| f(Box::new(move |rows| rows.swap(row, row + 1))))>"↓"</button>
                                                <button type="button" class="icon danger" disabled=move || ctx.locked.get()
                                                    aria-label=format!("Xóa dòng {}", row + 1)
                                                    on:click=move |_| structural.with_value(|f| f(Box::new(move |rows| { rows.remove(row); })))>"✕"</button>
                                            </td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }
            }}
            <button type="button" class="add-row" disabled=move || ctx.locked.get()
                on:click=move |_| structural.with_value(|f| f(Box::new(|rows| rows.push(Default::default()))))>
                "+ Thêm dòng"
            </button>
            <span class="visually-hidden" aria-live="polite">{move || format!("{} dòng", rows_len())}</span>
        </div>
    }
}
