//! Print view (`#/in/<id>`): renders the pure [`crate::print::Document`] as
//! semantic HTML styled by `style/print.css`. Never the edit form; every
//! text is set as text (no `inner_html`).

use super::document::render_document;
use super::on_demand::on_demand_fn;
use super::shared::save_docx;
use super::storage_ui::open_store;
use crate::editor::drafts;
use crate::engine::evaluate;
use crate::model::Report;
use crate::print;
use crate::route::Route;
use crate::template::Template;
use leptos::prelude::*;

on_demand_fn! {
    /// The print view from its own wasm chunk (see `on_demand`).
    pub fn print_screen(id: String) -> AnyView {
        view! { <PrintScreen id=id /> }.into_any()
    }
}

/// Route entry: open the draft read-only and show its printed form.
#[component]
pub fn PrintScreen(id: String) -> impl IntoView {
    let opened =
        open_store().map_err(|e| e.message()).and_then(|store| drafts::open(&store, &id).map_err(|e| e.message()));
    match opened {
        Ok(opened) => view! { <PrintView report=opened.report /> }.into_any(),
        Err(message) => view! {
            <section class="screen">
                <h1>"Không mở được bản in"</h1>
                <p class="notice error" role="alert">{message}</p>
                <p><a href=crate::route::Route::Home.href()>"Về danh sách báo cáo"</a></p>
            </section>
        }
        .into_any(),
    }
}

/// Marks `<body>` while the print view is shown, so print CSS hides the
/// app's top bar and banners; restores the document title on leaving.
fn enter_print_mode() -> impl FnOnce() + Send + Sync + 'static {
    let doc = document();
    let old_title = doc.title();
    if let Some(body) = doc.body() {
        let _ = body.class_list().add_1("print-view");
    }
    move || {
        let doc = document();
        doc.set_title(&old_title);
        if let Some(body) = doc.body() {
            let _ = body.class_list().remove_1("print-view");
        }
    }
}

#[component]
fn PrintView(report: Report) -> impl IntoView {
    let template = Template::for_report(&report);
    let evaluation = evaluate(template, &report);
    let filled = print::build(template, &report, &evaluation);
    let blank = print::blank_outline(template, &report);
    let show_blank = RwSignal::new(false);
    let edit_href =
        crate::storage::DraftId::parse(&report.id).map_or_else(|| Route::Home.href(), |id| Route::Edit(id).href());

    let leave = enter_print_mode();
    // `on_cleanup` needs Send + Sync; the closure only holds a String.
    on_cleanup(leave);
    {
        let (filled_name, blank_name) = (filled.file_name.clone(), blank.file_name.clone());
        Effect::new(move |_| {
            let name = if show_blank.get() { &blank_name } else { &filled_name };
            document().set_title(name);
        });
    }

    let print_now = move |_| {
        let _ = window().print();
    };
    // The document shown (filled or empty outline) is the one saved as Word.
    let docs = StoredValue::new((filled, blank));
    let docx_error = RwSignal::new(None::<String>);
    let save_word = move |_| {
        let doc = docs.with_value(|(filled, blank)| if show_blank.get_untracked() { blank } else { filled }.clone());
        leptos::task::spawn_local(async move {
            let result = save_docx(doc).await;
            // The view may be gone by now; then there is no one to tell.
            let _ = docx_error.try_set(result.err().map(|m| format!("Không tải được bản Word: {m}")));
        });
    };
    view! {
        <div class="print-root">
            <div class="print-toolbar" role="toolbar" aria-label="Bản in">
                <button type="button" class="primary" on:click=print_now>"In"</button>
                <button type="button" on:click=save_word>"Tải bản Word (.docx)"</button>
                <a class="button" href=edit_href>"Về báo cáo"</a>
                <label class="toggle">
                    <input type="checkbox" name="blank-outline"
                        prop:checked=move || show_blank.get()
                        on:change=move |ev| show_blank.set(event_target_checked(&ev)) />
                    "In đề cương trống"
                </label>
                <p class="print-hint">"Trong hộp thoại in, chọn khổ giấy A4 và lề “Mặc định”: lề, số trang và phông chữ đã đặt sẵn."</p>
            </div>
            {move || docx_error.get().map(|m| view! { <p class="notice error" role="alert">{m}</p> })}
            {move || {
                let blank = show_blank.get();
                docs.with_value(|(filled, empty)| render_document(if blank { empty } else { filled }))
            }}
        </div>
    }
}
