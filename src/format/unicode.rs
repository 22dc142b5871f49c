//! Unicode normalisation in one place, so callers do not care where it runs.
//!
//! On wasm32 the browser already carries ICU's normalisation data, so we ask
//! it (`String.prototype.normalize`) instead of shipping about 90 kB of
//! `unicode-normalization` tables in the download. Native builds (tests,
//! benchmarks, tools) use the crate; the browser test `tests/unicode_browser.rs`
//! checks that both give the same result for Vietnamese text.

/// NFC form of `s` (pasted text from Word is often NFD).
pub fn nfc(s: &str) -> String {
    imp::nfc(s)
}

/// NFD form of `s` (base letters followed by their combining marks).
pub fn nfd(s: &str) -> String {
    imp::nfd(s)
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

    pub fn nfc(s: &str) -> String {
        // Most text is already NFC; the quick check avoids recomposing it.
        if is_nfc_quick(s.chars()) == IsNormalized::Yes {
            return s.to_string();
        }
        s.nfc().collect()
    }

    pub fn nfd(s: &str) -> String {
        s.nfd().collect()
    }
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use js_sys::JsString;

    pub fn nfc(s: &str) -> String {
        normalize(s, "NFC")
    }

    pub fn nfd(s: &str) -> String {
        normalize(s, "NFD")
    }

    fn normalize(s: &str, form: &str) -> String {
        // ASCII is unchanged by every normalisation form; skip the round trip
        // through a JS string for the common case.
        if s.is_ascii() {
            return s.to_string();
        }
        String::from(JsString::from(s).normalize(form))
    }
}
