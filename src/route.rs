//! Screens addressed by the URL fragment (`#/…`). Hash routing keeps every
//! navigation on `index.html`, so the offline shell is one cached file.

use crate::storage::DraftId;

/// One screen of the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// Draft list.
    Home,
    /// Unit profile (thông tin đơn vị).
    Profile,
    /// Editor of one draft.
    Edit(DraftId),
    /// Print view of one draft.
    Print(DraftId),
    /// Merge many units' files (tổng hợp).
    Summary,
    /// Outlines (đề cương) on this device: list, load, preview, export, remove.
    Outlines,
    /// Moving one draft to a newer version of its outline (preview, confirm).
    MoveDraft(DraftId),
    /// Deliberate failure, to check the error banner (support diagnostics).
    SelfTestPanic,
    NotFound(String),
}

impl Route {
    /// Parse `location.hash` ("#/bao-cao/abc", "", "#/").
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let mut parts = path.splitn(2, '/');
        match (parts.next().unwrap_or(""), parts.next()) {
            ("", None) => Route::Home,
            ("don-vi", None) => Route::Profile,
            ("tong-hop", None) => Route::Summary,
            ("de-cuong", None) => Route::Outlines,
            ("chuyen-de-cuong", Some(id)) => {
                DraftId::parse(id).map_or_else(|| Route::NotFound(path.to_string()), Route::MoveDraft)
            }
            // Only a draft id: `#/in/<id>.prev` must not read `.prev` as a draft.
            ("bao-cao", Some(id)) => DraftId::parse(id).map_or_else(|| Route::NotFound(path.to_string()), Route::Edit),
            ("in", Some(id)) => DraftId::parse(id).map_or_else(|| Route::NotFound(path.to_string()), Route::Print),
            ("kiem-tra-loi", None) => Route::SelfTestPanic,
            _ => Route::NotFound(path.to_string()),
        }
    }

    /// The editor of the draft with id `id` (a report's own id); an id that is
    /// not a draft id gives the "not found" screen, as its URL would.
    pub fn edit(id: &str) -> Route {
        DraftId::parse(id).map_or_else(|| Route::NotFound(format!("bao-cao/{id}")), Route::Edit)
    }

    /// Moving the draft with id `id` to a newer outline version (see [`Route::edit`]).
    pub fn move_draft(id: &str) -> Route {
        DraftId::parse(id).map_or_else(|| Route::NotFound(format!("chuyen-de-cuong/{id}")), Route::MoveDraft)
    }

    /// The print view of the draft with id `id` (see [`Route::edit`]).
    pub fn print(id: &str) -> Route {
        DraftId::parse(id).map_or_else(|| Route::NotFound(format!("in/{id}")), Route::Print)
    }

    /// The fragment that [`Route::parse`] maps back to this route.
    pub fn href(&self) -> String {
        match self {
            Route::Home => "#/".into(),
            Route::Profile => "#/don-vi".into(),
            Route::Summary => "#/tong-hop".into(),
            Route::Outlines => "#/de-cuong".into(),
            Route::MoveDraft(id) => format!("#/chuyen-de-cuong/{id}"),
            Route::Edit(id) => format!("#/bao-cao/{id}"),
            Route::Print(id) => format!("#/in/{id}"),
            Route::SelfTestPanic => "#/kiem-tra-loi".into(),
            Route::NotFound(path) => format!("#/{path}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{DraftId, Route};

    fn id(text: &str) -> DraftId {
        DraftId::parse(text).unwrap()
    }

    #[test]
    fn links_to_a_draft_are_made_from_its_id_and_parse_back() {
        assert_eq!(Route::edit("a1"), Route::Edit(id("a1")));
        assert_eq!(Route::parse(&Route::print("a1").href()), Route::Print(id("a1")));
        assert_eq!(Route::parse(&Route::edit("a1.prev").href()), Route::edit("a1.prev"));
        assert!(matches!(Route::edit("a1.prev"), Route::NotFound(_)));
    }

    #[test]
    fn every_route_round_trips_through_its_href() {
        for route in [
            Route::Home,
            Route::Profile,
            Route::Summary,
            Route::Outlines,
            Route::MoveDraft(id("a1")),
            Route::Edit(id("a1")),
            Route::Print(id("0f8fad5b-d9cb-469f-a165-70867728950e")),
            Route::SelfTestPanic,
        ] {
            assert_eq!(Route::parse(&route.href()), route);
        }
    }

    #[test]
    fn empty_and_unknown_fragments() {
        assert_eq!(Route::parse(""), Route::Home);
        assert_eq!(Route::parse("#"), Route::Home);
        assert_eq!(Route::parse("#/bao-cao/"), Route::NotFound("bao-cao/".into()));
    }

    #[test]
    fn only_draft_ids_reach_the_editor_and_the_print_view() {
        let hashes = [
            "#/in/a1.prev",
            "#/bao-cao/a1.prev",
            "#/bao-cao/a1/x",
            "#/in/..",
            "#/in/a%2Eprev",
            "#/bao-cao/a b",
            "#/chuyen-de-cuong/a1.prev",
            "#/chuyen-de-cuong/",
        ];
        for hash in hashes {
            assert!(matches!(Route::parse(hash), Route::NotFound(_)), "{hash}");
        }
        let long = "a".repeat(DraftId::MAX_LEN + 1);
        assert!(matches!(Route::parse(&format!("#/bao-cao/{long}")), Route::NotFound(_)));
        assert_eq!(Route::parse("#/in/a1"), Route::Print(id("a1")));
    }
}
