//! Inputs bound to report paths. Each input keeps the text the user typed
//! (half-typed numbers included); the report gets the parsed value.

use super::ctx::Ctx;
use crate::editor::journal::Edit;
use crate::editor::{input, paging};
use crate::model::{FieldPath, Value};
use crate::template::{FieldType, ListDef};
use crate::ui::fields::field_id;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// One labelled value input with its unit, parse message, engine issues and
/// the value as it will read in the report.
#[component]
pub fn ValueInput(
    /// The value shown and set; its display form is the input's `name`.
    at: FieldPath,
    #[prop(into)] label: String,
    #[prop(into)] unit: String,
    ty: FieldType,
    /// Hide the label visually (tables), keep it for screen readers.
    #[prop(optional)]
    compact: bool,
) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let name = at.to_string();
    let id = field_id(&name);
    let msgs_id = format!("{id}-msgs");
    let stored = ctx.report.with_untracked(|r| r.value_at(&at).cloned());
    let initial = stored.as_ref().map(|v| input::shown(&ty, v)).unwrap_or_default();
    let parse_error = RwSignal::new(stored.as_ref().and_then(|v| {
        let typed = matches!(v, Value::Text(_) | Value::Unparsed(_));
        typed.then(|| input::read(&ty, &input::shown(&ty, v)).error).flatten()
    }));
    // The typed value; "Sẽ ghi: …" formats it with the report's zero-padding choice.
    let typed_value = RwSignal::new(stored.clone());
    let issues = {
        let name = name.clone();
        Memo::new(move |_| ctx.messages_for(&name))
    };
    let invalid = move || parse_error.with(|e| e.is_some()) || issues.with(|i| i.iter().any(|(err, _)| *err));

    let ty_for_input = ty.clone();
    let name_for_input = name.clone();
    let on_input = move |ev: leptos::ev::Event| {
        let raw = event_target_value(&ev);
        let typed = input::read(&ty_for_input, &raw);
        parse_error.set(typed.error);
        typed_value.set(typed.value.clone());
        // The report gets the value through the journal's own path, so a
        // replay after a crash sets exactly what typing set.
        ctx.set(name_for_input.clone(), raw);
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
    let reads_as = {
        let (ty, unit) = (ty.clone(), unit.clone());
        // Table cells (compact) show no preview: they do not follow the report's options.
        let pad = (!compact).then(|| Memo::new(move |_| ctx.report.with(|r| r.options.pad_small_counts)));
        move || {
            let pad = pad?.get();
            typed_value.with(|v| v.as_ref().and_then(|v| input::reads_as(&ty, &unit, v, pad)))
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
                {move || reads_as().map(|t| view! { <p class="msg reads">{format!("Sẽ ghi: {t}")}</p> })}
            </div>
        </div>
    }
}

/// A repeatable list: add, remove and reorder rows. A long list shows one
/// page of rows at a time ("Trang 3/100"), with controls to reach every row.
#[component]
pub fn ListEditor(list: &'static ListDef) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    // Rows are rebuilt from the report after each structural change.
    let version = RwSignal::new(0u32);
    let key = list.key.clone();
    let rows_len = {
        let key = key.clone();
        Memo::new(move |_| ctx.report.with(|r| r.lists.get(&key).map_or(0, |rows| rows.len())))
    };
    let page = {
        let key = key.clone();
        Memo::new(move |_| paging::clamp(ctx.list_pages.with(|p| p.get(&key).copied().unwrap_or(0)), rows_len.get()))
    };
    let go = {
        let key = key.clone();
        StoredValue::new(move |to: usize| {
            let to = paging::clamp(to, rows_len.get_untracked());
            ctx.list_pages.update(|p| {
                p.insert(key.clone(), to);
            });
        })
    };
    let go = move |to: usize| go.with_value(|f| f(to));
    let structural = {
        let key = key.clone();
        StoredValue::new(move |edit: fn(String, usize) -> Edit, row: usize| {
            ctx.apply(edit(key.clone(), row));
            version.update(|v| *v += 1);
        })
    };
    let structural = move |edit: fn(String, usize) -> Edit, row: usize| structural.with_value(|f| f(edit, row));
    let list_for_rows = list.clone();
    let caption = list.label.clone();
    let list_key = list.key.clone();
    let on_go = Callback::new(go);
    let (pager_top, pager_bottom) = (format!("{caption} (trên bảng)"), format!("{caption} (dưới bảng)"));
    view! {
        <div class="list-editor">
            <h3 class="list-title">{caption.clone()}</h3>
            <Pager label=pager_top page=page rows=rows_len on_go=on_go with_row_jump=true />
            {move || {
                version.track();
                ctx.generation.track();
                let n = ctx.report.with_untracked(|r| r.lists.get(&list_key).map_or(0, |rows| rows.len()));
                let shown = paging::rows_of(page.get(), n);
                // A paged list keeps its column widths from page to page, and
                // fixed layout spares the browser measuring every cell on
                // each keystroke.
                let paged = n > paging::PAGE_ROWS;
                let list = list_for_rows.clone();
                view! {
                    <div class="table-scroll">
                        <table class="list" class:paged=paged>
                            <caption class="visually-hidden">{caption.clone()}</caption>
                            <thead>
                                <tr>
                                    <th scope="col" class="col-no">"TT"</th>
                                    {list.columns.iter().map(|c| view! { <th scope="col">{c.label.clone()}</th> }).collect_view()}
                                    <th scope="col" class="col-actions"><span class="visually-hidden">"Thao tác"</span></th>
                                </tr>
                            </thead>
                            <tbody>
                                {shown.map(|row| {
                                    let list = list.clone();
                                    view! {
                                        <tr>
                                            <td class="row-no">{row + 1}</td>
                                            {list.columns.iter().map(|c| {
                                                let label = format!("{} (dòng {})", c.label, row + 1);
                                                view! {
                                                    <td>
                                                        <ValueInput
                                                            at=FieldPath::cell(&list.key, row, &c.key)
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
                                                    on:click=move |_| {
                                                        structural(|list, row| Edit::SwapDown { list, row: row - 1 }, row);
                                                        go(paging::page_of(row - 1));
                                                    }>"↑"</button>
                                                <button type="button" class="icon" disabled=move || { ctx.locked.get() || row + 1 >= n }
                                                    aria-label=format!("Đưa dòng {} xuống", row + 1)
                                                    on:click=move |_| {
                                                        structural(|list, row| Edit::SwapDown { list, row }, row);
                                                        go(paging::page_of(row + 1));
                                                    }>"↓"</button>
                                                <button type="button" class="icon danger" disabled=move || ctx.locked.get()
                                                    aria-label=format!("Xóa dòng {}", row + 1)
                                                    on:click=move |_| structural(|list, row| Edit::RemoveRow { list, row }, row)>"✕"</button>
                                            </td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }
            }}
            <Pager label=pager_bottom page=page rows=rows_len on_go=on_go />
            <button type="button" class="add-row" disabled=move || ctx.locked.get()
                on:click=move |_| {
                    structural(|list, _| Edit::AddRow { list }, 0);
                    // Show the new row, on the last page.
                    go(usize::MAX);
                }>
                "+ Thêm dòng"
            </button>
            <span class="visually-hidden" aria-live="polite">{move || format!("{} dòng", rows_len.get())}</span>
        </div>
    }
}

/// Page controls of a long list (nothing for a list that fits one page).
#[component]
fn Pager(
    label: String,
    page: Memo<usize>,
    rows: Memo<usize>,
    on_go: Callback<usize>,
    /// Also offer "Đến dòng" (go to a row number), once per list.
    #[prop(optional)]
    with_row_jump: bool,
) -> impl IntoView {
    let jump_id = field_id(&format!("pager.{label}"));
    let pages = move || paging::page_count(rows.get());
    let last = move || page.get() + 1 >= pages();
    move || {
        (rows.get() > paging::PAGE_ROWS).then(|| {
            view! {
                <nav class="pager" aria-label=format!("Các trang của danh sách {label}")>
                    <button type="button" disabled=move || page.get() == 0 on:click=move |_| on_go.run(0)>"« Đầu"</button>
                    <button type="button" disabled=move || page.get() == 0
                        on:click=move |_| on_go.run(page.get_untracked().saturating_sub(1))>"‹ Trang trước"</button>
                    <span class="page-no">
                        {move || {
                            let shown = paging::rows_of(page.get(), rows.get());
                            format!("Trang {}/{} (dòng {}–{})", page.get() + 1, pages(), shown.start + 1, shown.end)
                        }}
                    </span>
                    <button type="button" disabled=last on:click=move |_| on_go.run(page.get_untracked() + 1)>"Trang sau ›"</button>
                    <button type="button" disabled=last on:click=move |_| on_go.run(usize::MAX)>"Cuối »"</button>
                    {with_row_jump.then(|| view! {
                        <label for=jump_id.clone()>"Đến dòng"</label>
                        <input type="number" id=jump_id.clone() class="row-jump" min="1" max=move || rows.get()
                            inputmode="numeric"
                            on:change=move |ev| {
                                if let Ok(row) = event_target_value(&ev).trim().parse::<usize>() {
                                    on_go.run(paging::page_of(row.max(1) - 1));
                                }
                            } />
                    })}
                </nav>
            }
        })
    }
}
