//! A panic must never leave a dead page: log it and tell the user, in
//! Vietnamese, that stored drafts are safe and a reload will recover.

use wasm_bindgen::JsCast;

const MESSAGE: &str = "Ứng dụng gặp lỗi ngoài dự kiến và phải dừng. Các bản nháp đã lưu vẫn còn nguyên. \
     Hãy tải lại trang (F5); nếu lỗi lặp lại, hãy xuất tệp báo cáo và báo cho bộ phận hỗ trợ.";

pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show();
    }));
}

/// Plain DOM, no framework: the reactive runtime may be what failed.
fn show() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    if document.get_element_by_id("loi-nghiem-trong").is_some() {
        return;
    }
    let Some(body) = document.body() else { return };
    let Ok(banner) = document.create_element("div") else { return };
    banner.set_id("loi-nghiem-trong");
    banner.set_class_name("fatal-banner");
    let _ = banner.set_attribute("role", "alert");
    banner.set_text_content(Some(MESSAGE));
    if let Ok(button) = document.create_element("button") {
        button.set_text_content(Some("Tải lại trang"));
        let _ = button.set_attribute("type", "button");
        let reload = wasm_bindgen::closure::Closure::<dyn Fn()>::new(|| {
            if let Some(w) = web_sys::window() {
                let _ = w.location().reload();
            }
        });
        let _ = button.dyn_ref::<web_sys::HtmlElement>().map(|b| b.set_onclick(Some(reload.as_ref().unchecked_ref())));
        reload.forget();
        let _ = banner.append_child(&button);
    }
    let _ = body.prepend_with_node_1(&banner);
}
