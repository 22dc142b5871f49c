use super::editor::EditorScreen;
use super::home::Home;
use super::offline::UpdatePrompt;
use super::on_demand::on_demand;
use super::outlines::{move_draft_screen, outlines_screen};
use super::print::print_screen;
use super::profile::profile_screen;
use super::shared::PendingEdits;
use super::summary::summary_screen;
use crate::route::Route;
use leptos::prelude::*;

fn current_route() -> Route {
    Route::parse(&window().location().hash().unwrap_or_default())
}

/// Top bar, navigation and the current screen.
#[component]
pub fn App() -> impl IntoView {
    let route = RwSignal::new(current_route());
    let pending = RwSignal::new(false);
    provide_context(PendingEdits(pending));
    let listener = window_event_listener(leptos::ev::hashchange, move |_| route.set(current_route()));
    on_cleanup(move || listener.remove());

    let nav_link = move |target: Route, label: &'static str| {
        let href = target.href();
        let current = {
            let target = target.clone();
            move || (route.get() == target).then_some("page")
        };
        view! { <a href=href aria-current=current>{label}</a> }
    };

    view! {
        <header class="topbar">
            <a class="brand" href=Route::Home.href()>
                <img src="icon.svg" alt="" width="28" height="28" />
                <span>"Báo cáo Dân vận"</span>
            </a>
            <nav aria-label="Chức năng chính">
                {nav_link(Route::Home, "Báo cáo")}
                {nav_link(Route::Summary, "Tổng hợp")}
                {nav_link(Route::Outlines, "Đề cương")}
                {nav_link(Route::Profile, "Thông tin đơn vị")}
            </nav>
        </header>
        <UpdatePrompt pending_edits=pending.into() />
        <main id="noi-dung">
            {move || match route.get() {
                Route::Home => view! { <Home /> }.into_any(),
                Route::Profile => on_demand(profile_screen),
                Route::Summary => on_demand(summary_screen),
                Route::Edit(id) => view! { <EditorScreen id=id.into_string() /> }.into_any(),
                Route::Print(id) => on_demand(move || print_screen(id.clone().into_string())),
                Route::Outlines => on_demand(outlines_screen),
                Route::MoveDraft(id) => on_demand(move || move_draft_screen(id.clone().into_string())),
                Route::SelfTestPanic => panic!("kiểm tra thông báo lỗi"),
                other => view! { <NotFound route=other /> }.into_any(),
            }}
        </main>
    }
}

#[component]
fn NotFound(route: Route) -> impl IntoView {
    view! {
        <section class="screen">
            <h1>"Không tìm thấy trang"</h1>
            <p>"Địa chỉ “" {route.href()} "” không có trong ứng dụng."</p>
            <p><a href=Route::Home.href()>"Về danh sách báo cáo"</a></p>
        </section>
    }
}
