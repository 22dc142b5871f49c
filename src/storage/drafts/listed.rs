//! What the draft list reads of a stored envelope: the same members, checked
//! the same way, except that the report is only scanned for its `id` instead
//! of being built into a `serde_json::Value` tree. The list is the first
//! screen; a full report is tens of kilobytes per draft and the list shows
//! none of it.

use super::DraftSummary;
use chrono::{DateTime, Utc};
use serde::de::{Deserializer, IgnoredAny, MapAccess, Visitor};
use serde::Deserialize;

/// An envelope as the list reads it. The members it does not show are typed
/// anyway, so that an entry the editor could not open is not listed either.
#[derive(Deserialize)]
pub(super) struct ListedEnvelope {
    #[serde(rename = "storage_version")]
    _storage_version: u32,
    #[serde(rename = "schema_version")]
    _schema_version: u32,
    #[serde(rename = "template_id")]
    _template_id: String,
    #[serde(rename = "template_version")]
    _template_version: u32,
    #[serde(rename = "revision")]
    _revision: u64,
    #[serde(rename = "saved_at", deserialize_with = "crate::model::de_utc")]
    _saved_at: DateTime<Utc>,
    pub summary: DraftSummary,
    pub report: ReportId,
}

/// The report's own `id` member, as `foreign_id` compares it: any JSON
/// value (the last one when it is repeated, as `serde_json::Value` keeps);
/// `None` when the report is not an object or has no `id`.
pub(super) struct ReportId(pub Option<serde_json::Value>);

impl<'de> Deserialize<'de> for ReportId {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = ReportId;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<ReportId, A::Error> {
                let mut id = None;
                while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
                    if key == "id" {
                        id = Some(map.next_value::<serde_json::Value>()?);
                    } else {
                        map.next_value::<IgnoredAny>()?;
                    }
                }
                Ok(ReportId(id))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<ReportId, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(ReportId(None))
            }
            fn visit_bool<E>(self, _: bool) -> Result<ReportId, E> {
                Ok(ReportId(None))
            }
            fn visit_i64<E>(self, _: i64) -> Result<ReportId, E> {
                Ok(ReportId(None))
            }
            fn visit_u64<E>(self, _: u64) -> Result<ReportId, E> {
                Ok(ReportId(None))
            }
            fn visit_f64<E>(self, _: f64) -> Result<ReportId, E> {
                Ok(ReportId(None))
            }
            fn visit_str<E>(self, _: &str) -> Result<ReportId, E> {
                Ok(ReportId(None))
            }
            fn visit_unit<E>(self) -> Result<ReportId, E> {
                Ok(ReportId(None))
            }
        }
        d.deserialize_any(V)
    }
}

#[cfg(test)]
mod tests {
    use super::super::{foreign, foreign_id, Envelope};
    use super::ListedEnvelope;
    use serde_json::json;

    /// How the editor's full read and the list's read judge one stored text:
    /// refused, or the draft another id names (`Some`) or none (`None`).
    fn judged(raw: &str) -> (Option<Option<String>>, Option<Option<String>>) {
        let full = serde_json::from_str::<Envelope>(raw).ok().map(|e| foreign_id(&e, "a"));
        let listed =
            serde_json::from_str::<ListedEnvelope>(raw).ok().map(|e| foreign(&e.summary.id, e.report.0.as_ref(), "a"));
        (full, listed)
    }

    fn envelope(report: serde_json::Value) -> serde_json::Value {
        json!({
            "storage_version": 1, "schema_version": 2, "template_id": "CQ", "template_version": 1,
            "revision": 3, "saved_at": "2025-07-01T08:00:00Z",
            "summary": {
                "id": "a", "name": "Báo cáo a", "unit": "Phường 1", "kind": "CQ", "period_type": "H1",
                "year": 2025, "status": "draft", "progress": 10, "updated_at": "2025-07-01T08:00:00Z"
            },
            "report": report,
        })
    }

    #[test]
    fn the_list_accepts_and_refuses_stored_drafts_exactly_as_the_full_read_does() {
        let full_report = serde_json::to_value(crate::fixtures::full_report(crate::model::Kind::Cq)).unwrap();
        let mut own = full_report.clone();
        own["id"] = json!("a");
        let mut texts: Vec<String> = [
            envelope(own),
            envelope(full_report),
            envelope(json!({ "id": "b", "x": [1, { "id": "a" }] })),
            envelope(json!({ "id": 7 })),
            envelope(json!({ "x": { "id": "b" } })),
            envelope(json!([{ "id": "b" }])),
            envelope(json!("a")),
            envelope(json!(null)),
            envelope(json!(12.5)),
        ]
        .iter()
        .map(|v| v.to_string())
        .collect();
        // A repeated `id`: the last one counts, in both reads.
        texts.push(envelope(json!({})).to_string().replace(r#""report":{}"#, r#""report":{"id":"b","id":"a"}"#));
        texts.push(envelope(json!({})).to_string().replace(r#""report":{}"#, r#""report":{"id":"a","id":"b"}"#));
        // Broken in the report, in a member the list does not show, or cut short.
        texts.push(envelope(json!({})).to_string().replace(r#""report":{}"#, r#""report":{"id":"a",}"#));
        texts.push(envelope(json!({})).to_string().replace(r#""revision":3"#, r#""revision":"3""#));
        texts.push(
            envelope(json!({})).to_string().replace(r#""saved_at":"2025-07-01T08:00:00Z""#, r#""saved_at":"hôm qua""#),
        );
        texts.push(envelope(json!({})).to_string().replace(r#""template_id":"CQ","#, ""));
        let cut = envelope(json!({ "id": "a" })).to_string();
        texts.push(cut[..cut.len() - 5].to_string());
        let mut outcomes = Vec::new();
        for raw in &texts {
            let (full, listed) = judged(raw);
            assert_eq!(full, listed, "{raw:.300}");
            outcomes.push(listed);
        }
        // The cases above cover every outcome.
        assert!(outcomes.contains(&Some(None)), "listed");
        assert!(outcomes.contains(&Some(Some("b".into()))), "names another draft");
        assert!(outcomes.contains(&None), "refused");
    }
}
