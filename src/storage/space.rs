//! How much of localStorage the app uses, and what the home screen says
//! about it.
//!
//! localStorage has its own limit, far below the origin's quota that
//! `navigator.storage.estimate()` reports (gigabytes, for IndexedDB and the
//! caches): Chromium allows 5 Mi UTF-16 code units of keys and values per
//! origin, whatever the characters (measured by probing, and checked in
//! Chromium by `tests/storage_browser.rs`); Firefox and Safari allow about
//! the same. "5 MB" below is that figure.

/// localStorage's room per origin, in UTF-16 code units of keys and values
/// (what [`super::MemoryStore::with_quota`] counts, too).
pub const LOCAL_STORAGE_QUOTA: usize = 5 * 1024 * 1024;

/// Share of [`LOCAL_STORAGE_QUOTA`] in percent from which the home screen
/// warns: room enough left then for a few more drafts and their previous
/// revisions (a full report takes some 40 thousand code units, twice).
pub const WARN_PERCENT: usize = 80;

/// UTF-16 code units of the app's own keys and values in `store`, as the
/// browser counts them against [`LOCAL_STORAGE_QUOTA`].
pub fn used_units<S: super::KeyValueStore>(store: &S) -> usize {
    let keys = store.keys().unwrap_or_default();
    keys.iter()
        .filter(|k| k.starts_with(super::PREFIX))
        .map(|k| k.encode_utf16().count() + store.get(k).ok().flatten().map_or(0, |v| v.encode_utf16().count()))
        .sum()
}

/// The app's use of localStorage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Space {
    /// UTF-16 code units of the app's keys and values.
    pub used: usize,
    pub quota: usize,
}

impl Space {
    pub fn new(used: usize) -> Space {
        Space { used, quota: LOCAL_STORAGE_QUOTA }
    }

    /// Used share in whole percent, rounded up (never 0 % while something is stored).
    pub fn percent(&self) -> usize {
        (self.used * 100).div_ceil(self.quota.max(1))
    }

    /// Whether the app should warn that room is running out.
    pub fn running_out(&self) -> bool {
        self.percent() >= WARN_PERCENT
    }

    /// The storage line of the home screen, in Vietnamese: the space used
    /// and the room localStorage really has; with a warning when it runs out.
    pub fn message(&self) -> String {
        let used = mb(self.used);
        let quota = mb(self.quota);
        let line = format!(
            "Báo cáo và đề cương đang dùng {used} MB trong khoảng {quota} MB bộ nhớ mà trình duyệt dành cho ứng dụng \
             trên máy này ({} %).",
            self.percent().min(100)
        );
        if self.running_out() {
            format!(
                "{line} Bộ nhớ sắp đầy: hãy xuất tệp hoặc sao lưu, rồi xóa bớt báo cáo cũ hoặc đề cương không dùng nữa, \
                 để việc lưu không bị từ chối."
            )
        } else {
            line
        }
    }
}

/// Code units as "MB" (Mi units) with one decimal, Vietnamese style ("1,2").
fn mb(units: usize) -> String {
    let tenths = (units * 10).div_ceil(1024 * 1024);
    format!("{},{}", tenths / 10, tenths % 10)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_notice_states_local_storage_room_of_about_5_mb_not_the_origin_quota() {
        let space = Space::new(1_258_291);
        assert_eq!(
            space.message(),
            "Báo cáo và đề cương đang dùng 1,2 MB trong khoảng 5,0 MB bộ nhớ mà trình duyệt dành cho ứng dụng \
             trên máy này (24 %)."
        );
        assert!(!space.running_out());
    }

    #[test]
    fn the_notice_warns_from_80_percent_on() {
        let below = Space::new(LOCAL_STORAGE_QUOTA * 79 / 100);
        assert!(!below.running_out());
        assert!(!below.message().contains("sắp đầy"));
        let at = Space::new(LOCAL_STORAGE_QUOTA * 80 / 100);
        assert!(at.running_out());
        assert!(at.message().contains("(80 %). Bộ nhớ sắp đầy: hãy xuất tệp"), "{}", at.message());
        let full = Space::new(LOCAL_STORAGE_QUOTA + 10);
        assert!(full.message().contains("(100 %)"), "{}", full.message());
    }

    #[test]
    fn a_little_stored_is_never_shown_as_nothing() {
        assert_eq!(Space::new(1).percent(), 1);
        assert!(Space::new(1).message().contains("đang dùng 0,1 MB"));
        assert_eq!(Space::new(0).percent(), 0);
    }
}
