// A failure of the app must never leave a dead page: say so, in Vietnamese,
// with the drafts reassured and a way to reload.
//
// Plain DOM, outside the wasm, which may be what failed (the reactive
// runtime mid-update, the allocator, a half-run handler). The app's panics
// abort (`panic = "abort"`): after the Rust hook has logged the message
// (src/ui/mod.rs), each ends in a trap, which reaches the page as a
// WebAssembly.RuntimeError thrown out of the call into wasm: an uncaught
// error from an event handler, or a rejected promise from the start or from
// an async task. A module that fails to compile or link (a damaged download)
// is reported the same way. A build whose panics abort without a hook
// (`-Cpanic=immediate-abort`, tried in tests/bench/NOTES.md) is covered too.
const MESSAGE = 'Ứng dụng gặp lỗi ngoài dự kiến và phải dừng. Các bản nháp đã lưu vẫn còn nguyên. ' +
  'Hãy tải lại trang (F5); nếu lỗi lặp lại, hãy xuất tệp báo cáo và báo cho bộ phận hỗ trợ.';

const isFatal = (error) => error instanceof WebAssembly.RuntimeError ||
  error instanceof WebAssembly.CompileError || error instanceof WebAssembly.LinkError;

function showBanner() {
  if (document.getElementById('loi-nghiem-trong')) return;
  const banner = document.createElement('div');
  banner.id = 'loi-nghiem-trong';
  banner.className = 'fatal-banner';
  banner.setAttribute('role', 'alert');
  banner.textContent = MESSAGE;
  const reload = document.createElement('button');
  reload.type = 'button';
  reload.textContent = 'Tải lại trang';
  reload.addEventListener('click', () => location.reload());
  banner.append(reload);
  document.body.prepend(banner);
}

addEventListener('error', (event) => { if (isFatal(event.error)) showBanner(); });
addEventListener('unhandledrejection', (event) => { if (isFatal(event.reason)) showBanner(); });
