//! Screens addressed by the URL fragment (`#/…`). Hash routing keeps every
//! navigation on `index.html`, so the offline shell is one cached file.

/// One screen of the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// Draft list.
    Home,
    /// Unit profile (thông tin đơn vị).
    Profile,
    /// Editor of one draft.
    Edit(String),
    /// Print view of one draft.
    Print(String),
    /// Merge many units' files (tổng hợp).
    Summary,
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
            ("bao-cao", Some(id)) if !id.is_empty() => Route::Edit(id.to_string()),
            ("in", Some(id)) if !id.is_empty() => Route::Print(id.to_string()),
            ("kiem-tra-loi", None) => Route::SelfTestPanic,
            _ => Route::NotFound(path.to_string()),
        }
    }

    /// The fragment that [`Route::parse`] maps back to this route.
    pub fn href(&self) -> String {
        match self {
            Route::Home => "#/".into(),
            Route::Profile => "#/don-vi".into(),
            Route::Summary => "#/tong-hop".into(),
            Route::Edit(id) => format!("#/bao-cao/{id}"),
            Route::Print(id) => format!("#/in/{id}"),
            Route::SelfTestPanic => "#/kiem-tra-loi".into(),
            Route::NotFound(path) => format!("#/{path}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Route;

    #[test]
    fn every_route_round_trips_through_its_href() {
        for route in [
            Route::Home,
            Route::Profile,
            Route::Summary,
            Route::Edit("a1".into()),
            Route::Print("a1".into()),
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
}
