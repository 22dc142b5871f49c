//! Which outline node a field path belongs to, so the editor can open the
//! right section and focus the field (issue list, "next missing item").

use crate::model::{FieldPath, Mark};
use crate::template::Template;

/// Node id that shows `path` (`hg_thanh`, `cung_ky.hg_thanh`,
/// `don_tiep_nhan.cong_dan`, `hoi_quan_ds.2.thanh_vien`, `N22.uu_diem`).
pub fn node_of(template: &Template, path: &str) -> Option<String> {
    let path = FieldPath::parse(path).ok()?;
    let key = match &path {
        FieldPath::Key(key) | FieldPath::CungKy(key) => key.as_str(),
        FieldPath::Mark { mark: Mark::NoneInPeriod, key, .. } => return template.node(key).map(|n| n.id.clone()),
        FieldPath::Mark { mark: Mark::NotTracked, key, .. } | FieldPath::Qualifier(key) => key.as_str(),
        FieldPath::FiguresOf(node) => return template.node(node).map(|n| n.id.clone()),
        FieldPath::Cell { list, .. } => list.as_str(),
        // A sentence's section is the node (W07 names it).
        FieldPath::Report(_) | FieldPath::Sentence(_) => return None,
    };
    if let Some(found) = template.indicator(key) {
        return Some(found.node_id.to_string());
    }
    // A list's own path (`hoi_quan_ds`, E07) or a computed field's, grouped
    // (`hg_ty_le_thanh.xa`) or per row, names its node by its first segment.
    let first = key.split('.').next().unwrap_or(key);
    template
        .walk()
        .into_iter()
        .map(|(_, node)| node)
        .find(|node| {
            node.narratives.iter().any(|n| n.key == key)
                || node.lists.iter().any(|l| l.key == first)
                || node.computed.iter().any(|c| c.key == first)
        })
        .map(|node| node.id.clone())
}

#[cfg(test)]
mod tests {
    use super::node_of;
    use crate::model::Kind;
    use crate::template::Template;

    #[test]
    fn every_kind_of_path_finds_its_node() {
        let t = Template::builtin(Kind::Cq);
        assert_eq!(node_of(t, "hg_thanh").as_deref(), Some("N09"));
        assert_eq!(node_of(t, "cung_ky.hg_thanh").as_deref(), Some("N09"));
        assert_eq!(node_of(t, "don_tiep_nhan.cong_dan").as_deref(), Some("N08"));
        assert_eq!(node_of(t, "hoi_quan_ds.2.thanh_vien").as_deref(), Some("N17"));
        assert_eq!(node_of(t, "N01.text").as_deref(), Some("N01"));
        assert_eq!(node_of(t, "khong_co"), None);
    }
}
