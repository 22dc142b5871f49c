//! Generated sentences the cadre can take over (issue 14 item 1): the trích
//! yếu, the opening (căn cứ) paragraph, the closing sentence, the appendix's
//! "Kèm theo Báo cáo số …" line, each generated figure line of the body and
//! each "Đánh giá chung" bullet of Phụ lục I.
//!
//! A replaced sentence is stored raw in `Report::sentences` under its
//! [`SentenceId`] key with the generated sentence it replaced, and printed as
//! written. Rule W07 (a warning) names a replaced sentence whose generated
//! form has changed since, i.e. the figures or citations it was written
//! against changed: the cadre confirms it ("Vẫn dùng câu này", which stores
//! today's generated sentence as `written_against`) or goes back to the
//! generated one. W07 lives here, not in the engine, because the sentences
//! are made here (the engine is below print); the editor adds these
//! warnings to the engine's.

use super::body;
use crate::engine::{node_title, numbering, Evaluation, Issue, Level};
use crate::format;
use crate::model::{FieldPath, Report};
use crate::template::Template;

/// Which generated sentence a replacement stands for.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum SentenceId {
    /// The trích yếu under "BÁO CÁO".
    TrichYeu,
    /// The opening paragraph citing the căn cứ.
    Opening,
    /// The closing sentence.
    Closing,
    /// "(Kèm theo Báo cáo số … của …)" under the Phụ lục I title.
    AttachedTo,
    /// A generated figure line of node `node`: `line` is the indicator or
    /// computed key, or the row group id.
    Figure { node: String, line: String },
    /// Bullet `index` of the "Đánh giá chung" column of Phụ lục I table
    /// `table` ("t1.cbccvc", "t1.cong_dan", "t2", "t3").
    Bullet { table: String, index: usize },
}

/// The tables of Phụ lục I whose "Đánh giá chung" bullets can be replaced.
const BULLET_TABLES: [&str; 4] = ["t1.cbccvc", "t1.cong_dan", "t2", "t3"];

impl SentenceId {
    /// The key stored in `Report::sentences`: "trich_yeu", "opening",
    /// "closing", "attached_to", "figure.N09.hg_thanh", "bullet.t2.0".
    pub fn key(&self) -> String {
        match self {
            SentenceId::TrichYeu => "trich_yeu".into(),
            SentenceId::Opening => "opening".into(),
            SentenceId::Closing => "closing".into(),
            SentenceId::AttachedTo => "attached_to".into(),
            SentenceId::Figure { node, line } => format!("figure.{node}.{line}"),
            SentenceId::Bullet { table, index } => format!("bullet.{table}.{index}"),
        }
    }

    /// The id a stored key names; None for a key this version does not know.
    pub fn parse(key: &str) -> Option<SentenceId> {
        match key {
            "trich_yeu" => return Some(SentenceId::TrichYeu),
            "opening" => return Some(SentenceId::Opening),
            "closing" => return Some(SentenceId::Closing),
            "attached_to" => return Some(SentenceId::AttachedTo),
            _ => {}
        }
        if let Some(rest) = key.strip_prefix("figure.") {
            let (node, line) = rest.split_once('.')?;
            let valid = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.');
            return (valid(node) && valid(line) && !node.contains('.'))
                .then(|| SentenceId::Figure { node: node.into(), line: line.into() });
        }
        let rest = key.strip_prefix("bullet.")?;
        let (table, index) = rest.rsplit_once('.')?;
        let index: usize = index.parse().ok().filter(|i| *i < 100)?;
        BULLET_TABLES.contains(&table).then(|| SentenceId::Bullet { table: table.into(), index })
    }

    /// The name of a stored key as the editor writes it (`sentences.<key>`).
    pub fn path(&self) -> String {
        format!("sentences.{}", self.key())
    }
}

/// One generated sentence of a report, as the editor shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub id: SentenceId,
    /// Where it is, in Vietnamese ("Câu mở đầu (căn cứ)", "Dòng số liệu «Hòa giải thành» ở mục Công tác hòa giải").
    pub label: String,
    /// The sentence as the app writes it today.
    pub generated: String,
    /// Outline node it belongs to (figure lines; the appendix for bullets).
    pub node_id: Option<String>,
}

/// The printed text for `id`: the cadre's sentence when replaced, else `generated`.
pub(crate) fn chosen(report: &Report, id: &SentenceId, generated: String) -> String {
    match report.sentences.get(&id.key()) {
        Some(o) => format::nfc(o.text.trim()),
        None => generated,
    }
}

/// The trích yếu, the opening and the closing sentence: the first of
/// [`sentences`], and the only ones that need no evaluation of the figures.
pub fn general_sentences(report: &Report) -> Vec<Sentence> {
    let general = |id: SentenceId, label: &str, generated: String| Sentence {
        id,
        label: label.to_string(),
        generated,
        node_id: None,
    };
    vec![
        general(SentenceId::TrichYeu, "Trích yếu", super::generated_trich_yeu(report)),
        general(SentenceId::Opening, "Câu mở đầu (căn cứ)", super::generated_opening(report)),
        general(SentenceId::Closing, "Câu kết thúc", super::generated_closing(report)),
    ]
}

/// Every generated sentence of the report as printed today, in document
/// order (overrides do not change them, except that the opening and the
/// closing name the trích yếu as printed).
pub fn sentences(template: &Template, report: &Report, evaluation: &Evaluation) -> Vec<Sentence> {
    let mut out = general_sentences(report);
    let printed: Vec<String> = numbering(template, report).into_iter().map(|(id, _)| id).collect();
    for (_, node) in template.walk() {
        // Listed even where the report or the section does not print its
        // figure lines: the editor shows them beside that choice, and a
        // replaced line stays checked (W07) should it be printed again.
        if node.appendix || !printed.contains(&node.id) {
            continue;
        }
        let (lines, groups) = body::figures(template, report, evaluation, node);
        let title = node_title(node, report);
        let group_lines = node.groups.iter().filter_map(|g| groups.get(&g.id).map(|l| (g.label.clone(), l.clone())));
        let labelled = lines
            .into_iter()
            .map(|l| {
                let name = template
                    .indicator(&l.key)
                    .map(|f| f.indicator.label.clone())
                    .or_else(|| node.computed.iter().find(|c| c.key == l.key).map(|c| c.label.clone()))
                    .unwrap_or_else(|| l.key.clone());
                (name, l)
            })
            .chain(group_lines);
        for (name, line) in labelled {
            out.push(Sentence {
                id: SentenceId::Figure { node: node.id.clone(), line: line.key },
                label: format!("Dòng số liệu «{name}» ở mục «{title}»"),
                generated: line.text,
                node_id: Some(node.id.clone()),
            });
        }
    }
    let appendix_node = template.nodes_flat().into_iter().find(|n| n.appendix).map(|n| n.id.clone());
    if let (Some(node), Some(tables)) = (appendix_node.filter(|id| printed.contains(id)), &evaluation.appendix) {
        out.push(Sentence {
            id: SentenceId::AttachedTo,
            label: "Dòng «Kèm theo Báo cáo số …» của Phụ lục I".into(),
            generated: super::generated_attached_to(report),
            node_id: Some(node.clone()),
        });
        for (table, bullets) in bullet_lists(tables) {
            for (index, b) in bullets.iter().enumerate() {
                out.push(Sentence {
                    id: SentenceId::Bullet { table: table.to_string(), index },
                    label: format!("Ý {} cột «Đánh giá chung», {}", index + 1, table_name(table)),
                    generated: b.clone(),
                    node_id: Some(node.clone()),
                });
            }
        }
    }
    out
}

/// "t1.cong_dan" → "bảng 1, phần công dân".
fn table_name(table: &str) -> &'static str {
    match table {
        "t1.cbccvc" => "Phụ lục I bảng 1, phần cán bộ, công chức, viên chức",
        "t1.cong_dan" => "Phụ lục I bảng 1, phần công dân",
        "t2" => "Phụ lục I bảng 2",
        _ => "Phụ lục I bảng 3",
    }
}

/// The bullet lists of the appendix tables by [`BULLET_TABLES`] name.
fn bullet_lists(tables: &crate::engine::Appendix) -> Vec<(&'static str, &Vec<String>)> {
    let mut out = Vec::new();
    for g in &tables.t1.groups {
        match g.group.as_str() {
            "cbccvc" => out.push((BULLET_TABLES[0], &g.bullets)),
            "cong_dan" => out.push((BULLET_TABLES[1], &g.bullets)),
            _ => {}
        }
    }
    out.push((BULLET_TABLES[2], &tables.t2.bullets));
    out.push((BULLET_TABLES[3], &tables.t3.bullets));
    out
}

/// The appendix tables with the cadre's bullets in place of the generated ones.
pub(crate) fn apply_to_bullets(report: &Report, tables: &mut crate::engine::Appendix) {
    let replace = |table: &str, bullets: &mut Vec<String>| {
        for (index, b) in bullets.iter_mut().enumerate() {
            let id = SentenceId::Bullet { table: table.to_string(), index };
            *b = chosen(report, &id, std::mem::take(b));
        }
    };
    for g in &mut tables.t1.groups {
        match g.group.as_str() {
            "cbccvc" => replace(BULLET_TABLES[0], &mut g.bullets),
            "cong_dan" => replace(BULLET_TABLES[1], &mut g.bullets),
            _ => {}
        }
    }
    replace(BULLET_TABLES[2], &mut tables.t2.bullets);
    replace(BULLET_TABLES[3], &mut tables.t3.bullets);
}

/// W07: each replaced sentence whose generated form is no longer the one it
/// was written against (a figure, citation or name it used has changed, or
/// the line is no longer generated at all), until the cadre confirms or resets it.
pub fn stale_sentences(template: &Template, report: &Report, evaluation: &Evaluation) -> Vec<Issue> {
    if report.sentences.is_empty() {
        return Vec::new();
    }
    let today = sentences(template, report, evaluation);
    let mut out = Vec::new();
    for (key, o) in &report.sentences {
        let found = SentenceId::parse(key).and_then(|id| today.iter().find(|s| s.id == id));
        let generated = found.map(|s| s.generated.as_str()).unwrap_or("");
        if format::nfc(generated) == format::nfc(&o.written_against) {
            continue;
        }
        let label = found.map(|s| s.label.clone()).unwrap_or_else(|| format!("Câu đã sửa «{key}»"));
        let now = if generated.is_empty() {
            "nay ứng dụng không còn tạo câu này".to_string()
        } else {
            format!("câu tự động nay là «{generated}»")
        };
        out.push(Issue::new(
            "W07",
            Level::Warning,
            vec![FieldPath::Sentence(key.clone())],
            format!(
                "{label}: câu đã sửa tay được viết theo số liệu cũ ({now}); hãy đọc lại rồi chọn «Vẫn dùng câu này» \
                 hoặc «Dùng lại câu tự động»"
            ),
            found.and_then(|s| s.node_id.as_deref()),
        ));
    }
    out
}
