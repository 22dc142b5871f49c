//! Checking a raw template and resolving its formulas (runs once per load).

use super::compiled::{ComputedInst, Expr, Index, RuleInst, ValueSlot};
use super::error::TemplateError;
use super::formula::{self, Ast, CmpOp};
use super::raw::{RawAlt, RawColumn, RawNode, RawOption, RawPer, RawTemplate, FORMAT_VERSION};
use super::{
    Applies, Column, ComputedDef, Display, EnumOption, FieldType, Group, Indicator, Level, ListDef, ListPrint,
    MessagePattern, Mode, Narrative, Node, PerUnit, Requirement, RuleDef, Template, WhenNone,
};
use crate::format;
use crate::model::{FieldPath, HgDenominator, Kind, PeriodType};
use std::collections::{HashMap, HashSet};

type Result<T> = std::result::Result<T, TemplateError>;

/// A formula waiting for pass 2 (it may name indicators of later nodes).
struct Pending<T> {
    path: String,
    /// The bare JSON path (`nodes[3].computed[0]`), for the place of a syntax error.
    bare: String,
    node_id: String,
    def: T,
    alts: Vec<RawAlt>,
}

#[derive(Default)]
struct Ctx {
    node_ids: HashSet<String>,
    narrative_keys: HashSet<String>,
    index: Index,
    computed: Vec<Pending<ComputedDef>>,
    rules: Vec<Pending<RuleDef>>,
    part_of_checks: Vec<(String, String)>,
    /// Group sets by owning node id.
    group_sets: HashMap<String, Vec<Group>>,
    /// Computed base key → owning node id of its group set (None = ungrouped); declared so far.
    computed_bases: HashMap<String, Option<String>>,
    /// Full computed key → the place of its declaration, for messages.
    computed_paths: HashMap<String, String>,
    /// Indicator key → one of its value keys in `index.values` (a grouped
    /// indicator has one per group, all with the same indicator and node):
    /// formulas name indicators, and scanning every value key for each name
    /// was a third of the compile.
    value_bases: HashMap<String, String>,
}

impl Ctx {
    /// The value slot of indicator `base` (any of its groups' for a grouped one).
    fn slot_of(&self, base: &str) -> Option<&ValueSlot> {
        self.value_bases.get(base).and_then(|key| self.index.values.get(key))
    }
}

pub(super) fn compile(raw: RawTemplate) -> Result<Template> {
    if raw.format == 0 || raw.format > FORMAT_VERSION {
        return Err(TemplateError::at(
            "format",
            format!("định dạng đề cương {} không phải định dạng {FORMAT_VERSION} mà ứng dụng này đọc được; hãy cập nhật ứng dụng", raw.format),
        ));
    }
    if raw.id.trim().is_empty() {
        return Err(TemplateError::at(
            "id",
            "mã đề cương không hợp lệ (chữ cái Latinh không dấu, chữ số, dấu gạch dưới; bắt đầu bằng chữ cái)",
        ));
    }
    let kind = match raw.kind.as_str() {
        "DANG" => Kind::Dang,
        "CQ" => Kind::Cq,
        other => return Err(TemplateError::at("kind", format!("loại “{other}” không có (DANG hoặc CQ)"))),
    };
    if raw.nodes.is_empty() {
        return Err(TemplateError::at("nodes", "đề cương cần ít nhất một mục"));
    }
    let mut ctx = Ctx::default();
    let nodes = compile_nodes(&raw.nodes, "nodes", 1, &mut ctx)?;
    for (path, target) in std::mem::take(&mut ctx.part_of_checks) {
        if !ctx.node_ids.contains(&target) {
            return Err(TemplateError::at(path, format!("part_of chỉ tới mục “{target}” không có trong đề cương")));
        }
    }
    check_per_bounds(&ctx)?;
    for p in std::mem::take(&mut ctx.computed) {
        compile_computed(p, &mut ctx)?;
    }
    for p in std::mem::take(&mut ctx.rules) {
        compile_rule(p, &mut ctx)?;
    }
    check_cycles(&ctx)?;
    let applies = compile_applies(&raw)?;
    let mut t = Template {
        id: raw.id.clone(),
        version: raw.version,
        kind,
        title: raw.title.clone(),
        issuer: raw.issuer.clone(),
        applies,
        nodes,
        index: ctx.index,
        hash: hash_of(&raw),
        raw: Some(raw),
        builtin: false,
    };
    let mut compare = Vec::new();
    for (_, node) in t.walk() {
        for ind in node.indicators.iter().filter(|i| i.compare && i.ty.is_numeric()) {
            compare.extend(node.keys_of(ind).into_iter().map(|k| (k, ind.ty.clone(), None)));
        }
    }
    t.index.compare = compare;
    t.index.fill_modes();
    Ok(t)
}

/// See [`Template::hash`].
fn hash_of(raw: &RawTemplate) -> String {
    use sha2::{Digest, Sha256};
    let canonical = serde_json::to_string(raw).unwrap_or_default();
    Sha256::digest(canonical.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

fn compile_applies(raw: &RawTemplate) -> Result<Applies> {
    let Some(a) = &raw.applies else { return Ok(Applies::default()) };
    let date = |field: &str, iso: &Option<String>| -> Result<Option<chrono::NaiveDate>> {
        match iso {
            None => Ok(None),
            Some(s) => crate::model::parse_iso_date(s).map(Some).ok_or_else(|| {
                TemplateError::at(format!("applies.{field}"), format!("ngày “{s}” không hợp lệ (NNNN-TT-NN)"))
            }),
        }
    };
    let applies = Applies {
        periods: parse_periods("applies", &Some(a.periods.clone()))?,
        from: date("from", &a.from)?,
        until: date("until", &a.until)?,
    };
    if let (Some(f), Some(u)) = (applies.from, applies.until) {
        if f > u {
            return Err(TemplateError::at("applies", "ngày “from” sau ngày “until”"));
        }
    }
    Ok(applies)
}

fn is_ident(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic()) && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

fn parse_periods(path: &str, codes: &Option<Vec<String>>) -> Result<Vec<PeriodType>> {
    let mut out = Vec::new();
    for (i, code) in codes.iter().flatten().enumerate() {
        match PeriodType::ALL.iter().find(|p| p.code() == code) {
            Some(p) => out.push(*p),
            None => {
                return Err(TemplateError::at(
                    format!("{path}.periods[{i}]"),
                    format!("loại kỳ “{code}” không có (Q1, Q2, Q3, Q4, H1, M9, Y)"),
                ))
            }
        }
    }
    Ok(out)
}

fn parse_type(ty: &str, options: &Option<Vec<RawOption>>) -> std::result::Result<FieldType, String> {
    let t = match ty {
        "INT" => FieldType::Int,
        "MONEY" => FieldType::Money,
        "TEXT" => FieldType::Text,
        "DATE" => FieldType::Date,
        "ENUM" => {
            let opts: Vec<EnumOption> = options
                .iter()
                .flatten()
                .map(|o| match o {
                    RawOption::Plain(s) => EnumOption { value: s.clone(), label: s.clone() },
                    RawOption::Labelled { value, label } => EnumOption { value: value.clone(), label: label.clone() },
                })
                .collect();
            if opts.is_empty() {
                return Err("kiểu ENUM cần danh sách “options” không rỗng".into());
            }
            let mut seen = HashSet::new();
            for o in &opts {
                if o.value.trim().is_empty() || !seen.insert(o.value.as_str()) {
                    return Err(format!("lựa chọn “{}” bị trống hoặc lặp lại", o.value));
                }
            }
            return Ok(FieldType::Enum(opts));
        }
        other => {
            let scale = other
                .strip_prefix("DEC(")
                .and_then(|r| r.strip_suffix(')'))
                .and_then(|n| n.parse::<u32>().ok())
                .filter(|n| *n <= 6);
            match scale {
                Some(s) => FieldType::Dec(s),
                None => return Err(format!("kiểu “{other}” không có")),
            }
        }
    };
    if options.is_some() {
        return Err(format!("“options” chỉ dùng cho kiểu ENUM, không cho “{ty}”"));
    }
    Ok(t)
}

fn compile_nodes(raws: &[RawNode], base: &str, depth: usize, ctx: &mut Ctx) -> Result<Vec<Node>> {
    let mut out = Vec::with_capacity(raws.len());
    for (i, r) in raws.iter().enumerate() {
        let path = format!("{base}[{i}]");
        out.push(compile_node(r, &path, depth, i, ctx)?);
    }
    out.sort_by_key(|n| n.order);
    Ok(out)
}

fn compile_node(r: &RawNode, path: &str, depth: usize, pos: usize, ctx: &mut Ctx) -> Result<Node> {
    if !is_ident(&r.id) {
        return Err(TemplateError::at(path, format!("mã mục “{}” không hợp lệ", r.id)));
    }
    let here = format!("{path} (mã “{}”)", r.id);
    if !ctx.node_ids.insert(r.id.clone()) {
        return Err(TemplateError::at(&here, format!("mã mục “{}” bị lặp", r.id)));
    }
    let title = r.title.clone().unwrap_or_default();
    if title.trim().is_empty() {
        return Err(TemplateError::at(&here, "tiêu đề trống"));
    }
    let appendix = r.appendix.unwrap_or(false);
    if appendix && depth != 1 {
        return Err(TemplateError::at(&here, "phụ lục phải là mục cấp cao nhất"));
    }
    if !appendix && depth > 3 {
        return Err(TemplateError::at(&here, "mục lồng nhau tối đa 3 cấp (I., 1., a))"));
    }
    if let Some(p) = &r.part_of {
        if p == &r.id {
            return Err(TemplateError::at(&here, "một mục không thể là part_of của chính nó"));
        }
        ctx.part_of_checks.push((here.clone(), p.clone()));
    }
    let content_id = r.part_of.clone().unwrap_or_else(|| r.id.clone());
    let periods = parse_periods(path, &r.periods)?;

    let when_none = match r.when_none.as_deref() {
        None | Some("sentence") => WhenNone::Sentence,
        Some("nothing") => WhenNone::Nothing,
        Some(other) => {
            return Err(TemplateError::at(
                &here,
                format!("“when_none” phải là “sentence” hoặc “nothing”, không phải “{other}”"),
            ))
        }
    };
    let groups = compile_groups(r, path, ctx)?;
    let narratives = compile_narratives(r, path, &content_id, &groups, ctx)?;
    let indicators = compile_indicators(r, path, &groups, ctx)?;
    let lists = compile_lists(r, path, ctx)?;
    let computed = compile_computed_defs(r, path, ctx)?;
    let rules = compile_rule_defs(r, path, ctx)?;

    let children = compile_nodes(&r.children, &format!("{path}.children"), depth + 1, ctx)?;
    let mut keys = Vec::new();
    for ind in &indicators {
        if ind.grouped {
            keys.extend(groups.iter().map(|g| FieldPath::group_key(&ind.key, &g.id)));
        } else {
            keys.push(ind.key.clone());
        }
    }
    if appendix && !children.is_empty() {
        return Err(TemplateError::at(&here, "phụ lục không có mục con"));
    }
    Ok(Node {
        id: r.id.clone(),
        part_of: r.part_of.clone(),
        title,
        order: r.order.unwrap_or((pos as u32 + 1) * 10),
        guidance: r.guidance.clone().unwrap_or_default(),
        required: r.required.unwrap_or(false),
        periods,
        appendix,
        when_none,
        narratives,
        groups,
        indicators,
        lists,
        computed,
        rules,
        children,
        keys,
    })
}

/// Row groups of one node (e.g. the organisations of N15).
fn compile_groups(r: &RawNode, path: &str, ctx: &mut Ctx) -> Result<Vec<Group>> {
    let mut groups = Vec::new();
    for (gi, g) in r.groups.iter().flatten().enumerate() {
        let gp = format!("{path}.groups[{gi}]");
        if !is_ident(&g.id) || g.label.trim().is_empty() {
            return Err(TemplateError::at(gp, format!("mã nhóm “{}” không hợp lệ hoặc nhãn trống", g.id)));
        }
        if groups.iter().any(|x: &Group| x.id == g.id) {
            return Err(TemplateError::at(gp, format!("mã nhóm “{}” bị lặp", g.id)));
        }
        groups.push(Group { id: g.id.clone(), label: g.label.clone() });
    }
    if !groups.is_empty() {
        ctx.group_sets.insert(r.id.clone(), groups.clone());
    }
    Ok(groups)
}

fn compile_narratives(
    r: &RawNode,
    path: &str,
    content_id: &str,
    groups: &[Group],
    ctx: &mut Ctx,
) -> Result<Vec<Narrative>> {
    let mut narratives = Vec::new();
    for (ni, n) in r.narratives.iter().flatten().enumerate() {
        let np = format!("{path}.narratives[{ni}] (trường “{}”)", n.field);
        if !is_ident(&n.field) {
            return Err(TemplateError::at(np, "tên trường không hợp lệ"));
        }
        if n.label.trim().is_empty() {
            return Err(TemplateError::at(np, "nhãn trống"));
        }
        let key = format!("{content_id}.{}", n.field);
        if !ctx.narrative_keys.insert(key.clone()) {
            return Err(TemplateError::at(np, format!("khóa phần viết “{key}” bị lặp")));
        }
        if let Some(g) = &n.group {
            if !groups.iter().any(|x| &x.id == g) {
                return Err(TemplateError::at(np, format!("nhóm “{g}” không có ở mục này")));
            }
        }
        narratives.push(Narrative {
            field: n.field.clone(),
            key,
            label: n.label.clone(),
            required: n.required,
            group: n.group.clone(),
            periods: parse_periods(&np, &n.periods)?,
            items: n.items,
        });
    }
    Ok(narratives)
}

fn compile_indicators(r: &RawNode, path: &str, groups: &[Group], ctx: &mut Ctx) -> Result<Vec<Indicator>> {
    let mut indicators = Vec::new();
    for (ii, ind) in r.indicators.iter().flatten().enumerate() {
        let ip = format!("{path}.indicators[{ii}] (khóa “{}”)", ind.key);
        if !is_ident(&ind.key) {
            return Err(TemplateError::at(ip, "khóa không hợp lệ"));
        }
        if ind.label.trim().is_empty() {
            return Err(TemplateError::at(ip, "nhãn trống"));
        }
        let ty = parse_type(&ind.ty, &ind.options).map_err(|m| TemplateError::at(&ip, m))?;
        let req = match ind.req.as_str() {
            "R" => Requirement::Required,
            "O" => Requirement::Optional,
            "C" => Requirement::Computed,
            other => return Err(TemplateError::at(ip, format!("“req” là “{other}”, phải là R, O hoặc C"))),
        };
        if ind.grouped && groups.is_empty() {
            return Err(TemplateError::at(ip, "chỉ tiêu theo nhóm (grouped) ở mục không có nhóm"));
        }
        if ind.per.is_some() && ty != FieldType::Money {
            return Err(TemplateError::at(ip, "“per” chỉ dùng cho kiểu MONEY"));
        }
        let indicator = Indicator {
            key: ind.key.clone(),
            label: ind.label.clone(),
            short: ind.short.clone(),
            unit: ind.unit.clone(),
            ty,
            req,
            compare: ind.compare,
            grouped: ind.grouped,
            mentions: ind.mentions.iter().map(|m| format::old_tone_placement(&format::lowercase(m))).collect(),
            per: ind.per.as_ref().map(per),
        };
        let already = ctx.value_bases.contains_key(&ind.key) || ctx.index.lists.contains_key(&ind.key);
        if already {
            return Err(TemplateError::at(ip, format!("khóa chỉ tiêu “{}” bị lặp", ind.key)));
        }
        let slot_groups: Vec<Option<Group>> =
            if ind.grouped { groups.iter().cloned().map(Some).collect() } else { vec![None] };
        for g in slot_groups {
            let key = match &g {
                Some(g) => FieldPath::group_key(&ind.key, &g.id),
                None => ind.key.clone(),
            };
            ctx.value_bases.entry(ind.key.clone()).or_insert_with(|| key.clone());
            ctx.index.values.insert(key, ValueSlot { node_id: r.id.clone(), indicator: indicator.clone(), group: g });
        }
        indicators.push(indicator);
    }
    Ok(indicators)
}

fn compile_lists(r: &RawNode, path: &str, ctx: &mut Ctx) -> Result<Vec<ListDef>> {
    let mut lists = Vec::new();
    for (li, l) in r.lists.iter().flatten().enumerate() {
        let lp = format!("{path}.lists[{li}] (khóa “{}”)", l.key);
        if !is_ident(&l.key) || l.label.trim().is_empty() {
            return Err(TemplateError::at(lp, "khóa không hợp lệ hoặc nhãn trống"));
        }
        if ctx.index.lists.contains_key(&l.key) || ctx.index.values.contains_key(&l.key) {
            return Err(TemplateError::at(lp, format!("khóa “{}” bị lặp", l.key)));
        }
        if l.columns.is_empty() {
            return Err(TemplateError::at(lp, "danh sách cần ít nhất một cột"));
        }
        let mut columns: Vec<Column> = Vec::new();
        for (ci, c) in l.columns.iter().enumerate() {
            let cp = format!("{lp}.columns[{ci}] (khóa “{}”)", c.key);
            columns.push(column(c, &cp)?);
            if columns[..ci].iter().any(|x| x.key == c.key) {
                return Err(TemplateError::at(cp, format!("khóa cột “{}” bị lặp", c.key)));
            }
        }
        for (ci, c) in columns.iter().enumerate() {
            if let Some(p) = &c.per {
                if !columns.iter().any(|x| x.key == p.key && x.ty.is_numeric()) {
                    return Err(TemplateError::at(
                        format!("{lp}.columns[{ci}] (khóa “{}”)", c.key),
                        format!("“per” chỉ tới cột số “{}” không có", p.key),
                    ));
                }
            }
        }
        let print = match l.print.as_deref() {
            None | Some("table") => ListPrint::Table,
            Some("sentences") => ListPrint::Sentences,
            Some(other) => {
                return Err(TemplateError::at(
                    lp,
                    format!("“print” phải là “table” hoặc “sentences”, không phải “{other}”"),
                ))
            }
        };
        let def = ListDef { key: l.key.clone(), label: l.label.clone(), columns, print };
        ctx.index.lists.insert(l.key.clone(), (r.id.clone(), def.clone()));
        lists.push(def);
    }
    Ok(lists)
}

/// Computed fields of one node, parsed now for syntax and resolved in pass 2
/// (they may name indicators of later nodes).
fn compile_computed_defs(r: &RawNode, path: &str, ctx: &mut Ctx) -> Result<Vec<ComputedDef>> {
    let mut computed = Vec::new();
    for (ci, c) in r.computed.iter().flatten().enumerate() {
        let cp = format!("{path}.computed[{ci}] (khóa “{}”)", c.key);
        if c.id.trim().is_empty() || !is_ident(&c.key) || c.label.trim().is_empty() {
            return Err(TemplateError::at(cp, "trường tính toán cần mã, khóa và nhãn"));
        }
        let display = match c.display.as_str() {
            "percent" => Display::Percent,
            "plan" => Display::Plan,
            "quota" => Display::Quota,
            "count" => Display::Count,
            "money" => Display::Money,
            other => return Err(TemplateError::at(cp, format!("cách hiển thị “{other}” không có"))),
        };
        let mode = match c.mode.as_str() {
            "always" => Mode::Always,
            "if_blank" => Mode::IfBlank,
            other => return Err(TemplateError::at(cp, format!("chế độ “{other}” không có"))),
        };
        let def = ComputedDef {
            id: c.id.clone(),
            key: c.key.clone(),
            label: c.label.clone(),
            formula: c.formula.clone(),
            display,
            mode,
            per_row: c.per_row.clone(),
            compare: c.compare,
            mentions: c.mentions.iter().map(|m| format::old_tone_placement(&format::lowercase(m))).collect(),
            unit: c.unit.clone(),
        };
        for (ai, a) in c.alt.iter().enumerate() {
            let ap = format!("{path}.computed[{ci}].alt[{ai}]");
            if a.option != "hg_denominator" {
                return Err(TemplateError::at(ap, format!("tùy chọn “{}” không có", a.option)));
            }
            if ![HgDenominator::TiepNhan, HgDenominator::ThanhPlusKhongThanh].iter().any(|h| h.code() == a.value) {
                return Err(TemplateError::at(ap, format!("giá trị hg_denominator “{}” không có", a.value)));
            }
        }
        computed.push(def.clone());
        ctx.computed.push(Pending {
            path: cp,
            bare: format!("{path}.computed[{ci}]"),
            node_id: r.id.clone(),
            def,
            alts: c.alt.clone(),
        });
    }
    Ok(computed)
}

/// Rules of one node; like computed fields, resolved in pass 2.
fn compile_rule_defs(r: &RawNode, path: &str, ctx: &mut Ctx) -> Result<Vec<RuleDef>> {
    let mut rules = Vec::new();
    for (ri, rr) in r.rules.iter().flatten().enumerate() {
        let rp = format!("{path}.rules[{ri}] (mã “{}”)", rr.id);
        if rr.id.trim().is_empty() {
            return Err(TemplateError::at(rp, "mã quy tắc trống"));
        }
        let level = match rr.level.as_str() {
            "error" => Level::Error,
            "warning" => Level::Warning,
            other => return Err(TemplateError::at(rp, format!("mức “{other}” không có (error hoặc warning)"))),
        };
        let message = match rr.message.as_str() {
            "compare" => MessagePattern::Compare,
            "exceeds" => MessagePattern::Exceeds,
            "rows" => MessagePattern::Rows,
            other => return Err(TemplateError::at(rp, format!("mẫu thông báo “{other}” không có"))),
        };
        let def = RuleDef {
            id: rr.id.clone(),
            level,
            formula: rr.formula.clone(),
            message,
            per_row: rr.per_row.clone(),
            skip_if_entered: rr.skip_if_entered.clone(),
            cung_ky: rr.cung_ky,
        };
        rules.push(def.clone());
        ctx.rules.push(Pending {
            path: rp,
            bare: format!("{path}.rules[{ri}]"),
            node_id: r.id.clone(),
            def,
            alts: Vec::new(),
        });
    }
    Ok(rules)
}

fn per(p: &RawPer) -> PerUnit {
    PerUnit { key: p.key.clone(), min: p.min, max: p.max }
}

fn column(c: &RawColumn, cp: &str) -> Result<Column> {
    if !is_ident(&c.key) || c.label.trim().is_empty() {
        return Err(TemplateError::at(cp, "khóa không hợp lệ hoặc nhãn trống"));
    }
    let ty = parse_type(&c.ty, &c.options).map_err(|m| TemplateError::at(cp, m))?;
    if c.default.is_some() && !ty.is_numeric() {
        return Err(TemplateError::at(cp, "“default” chỉ dùng cho cột số"));
    }
    if c.per.is_some() && ty != FieldType::Money {
        return Err(TemplateError::at(cp, "“per” chỉ dùng cho kiểu MONEY"));
    }
    Ok(Column {
        key: c.key.clone(),
        label: c.label.clone(),
        ty,
        unit: c.unit.clone(),
        default: c.default,
        per: c.per.as_ref().map(per),
    })
}

fn check_per_bounds(ctx: &Ctx) -> Result<()> {
    for slot in ctx.index.values.values() {
        if let Some(p) = &slot.indicator.per {
            let ok = ctx.index.values.get(&p.key).is_some_and(|s| s.indicator.ty.is_numeric());
            if !ok || p.min > p.max {
                return Err(TemplateError::at(
                    format!("chỉ tiêu “{}”", slot.indicator.key),
                    format!("“per” chỉ tới chỉ tiêu số “{}” không có, hoặc min lớn hơn max", p.key),
                ));
            }
        }
    }
    Ok(())
}

/// What a name in a formula refers to, before row-group expansion.
enum Resolved {
    Cell {
        col: String,
        scale: u32,
        default: Option<i64>,
    },
    /// `group_owner`: node whose groups the key is expanded over when unqualified.
    Var {
        base: String,
        qualified: Option<String>,
        group_owner: Option<String>,
        scale: u32,
    },
}

fn resolve(name: &str, ctx: &Ctx, row_list: Option<&ListDef>) -> std::result::Result<Resolved, String> {
    if let Some(list) = row_list {
        if let Some(c) = list.columns.iter().find(|c| c.key == name) {
            if !c.ty.is_numeric() {
                return Err(format!("cột “{name}” không phải cột số"));
            }
            return Ok(Resolved::Cell { col: c.key.clone(), scale: c.ty.scale(), default: c.default });
        }
    }
    let (base, qualified) = match name.split_once('.') {
        Some((b, g)) => (b, Some(g.to_string())),
        None => (name, None),
    };
    // Indicator?
    let slot = ctx.slot_of(base);
    if let Some(slot) = slot {
        if !slot.indicator.ty.is_numeric() {
            return Err(format!("“{base}” có kiểu {}, không dùng được trong công thức", slot.indicator.ty.code()));
        }
        let group_owner = slot.indicator.grouped.then(|| slot.node_id.clone());
        if let Some(g) = &qualified {
            if !ctx.index.values.contains_key(&FieldPath::group_key(base, g)) {
                return Err(format!("“{base}” không có nhóm “{g}”"));
            }
            return Ok(Resolved::Var {
                base: base.into(),
                qualified,
                group_owner: None,
                scale: slot.indicator.ty.scale(),
            });
        }
        return Ok(Resolved::Var { base: base.into(), qualified: None, group_owner, scale: slot.indicator.ty.scale() });
    }
    // Computed key declared earlier?
    if let Some(owner) = ctx.computed_bases.get(base) {
        if let Some(g) = &qualified {
            let ok = owner.as_ref().and_then(|o| ctx.group_sets.get(o)).is_some_and(|gs| gs.iter().any(|x| &x.id == g));
            if !ok {
                return Err(format!("“{base}” không có nhóm “{g}”"));
            }
            return Ok(Resolved::Var { base: base.into(), qualified, group_owner: None, scale: 0 });
        }
        return Ok(Resolved::Var { base: base.into(), qualified: None, group_owner: owner.clone(), scale: 0 });
    }
    if ctx.index.lists.contains_key(base) {
        return Err(format!("danh sách “{base}” chỉ dùng được trong sum(danh_sách.cột) hoặc count(danh_sách)"));
    }
    Err(format!("khóa “{name}” không có trong đề cương (hoặc là trường tính toán khai báo sau)"))
}

/// The single group set (owner node id) an AST's unqualified grouped names use.
fn group_owner_of(ast: &Ast, ctx: &Ctx, row_list: Option<&ListDef>) -> std::result::Result<Option<String>, String> {
    let mut owner: Option<String> = None;
    for name in ast.names() {
        if let Resolved::Var { group_owner: Some(o), .. } = resolve(name, ctx, row_list)? {
            match &owner {
                Some(x) if x != &o => return Err(format!("công thức trộn nhóm của mục {x} và mục {o}")),
                _ => owner = Some(o),
            }
        }
    }
    Ok(owner)
}

fn build(ast: &Ast, ctx: &Ctx, row_list: Option<&ListDef>, group: Option<&str>) -> std::result::Result<Expr, String> {
    Ok(match ast {
        Ast::Lit(n) => Expr::Lit(*n),
        Ast::Name(name) => match resolve(name, ctx, row_list)? {
            Resolved::Cell { col, scale, default } => Expr::Cell { col, scale, default },
            Resolved::Var { base, qualified, group_owner, scale } => {
                let key = match (qualified, group_owner, group) {
                    (Some(g), _, _) => FieldPath::group_key(&base, &g),
                    (None, Some(_), Some(g)) => FieldPath::group_key(&base, g),
                    (None, Some(_), None) => return Err(format!("“{base}” cần ghi rõ nhóm")),
                    (None, None, _) => base,
                };
                Expr::Var { key, scale, mode: None }
            }
        },
        Ast::ListSum(list, col) => {
            let (_, def) = ctx.index.lists.get(list).ok_or_else(|| format!("danh sách “{list}” không có"))?;
            let c = def
                .columns
                .iter()
                .find(|c| &c.key == col)
                .ok_or_else(|| format!("danh sách “{list}” không có cột “{col}”"))?;
            if !c.ty.is_numeric() {
                return Err(format!("cột “{list}.{col}” không phải cột số"));
            }
            Expr::ListSum { list: list.clone(), col: col.clone(), scale: c.ty.scale() }
        }
        Ast::ListCount(list) => {
            if !ctx.index.lists.contains_key(list) {
                return Err(format!("danh sách “{list}” không có"));
            }
            Expr::ListCount { list: list.clone() }
        }
        Ast::SumOf(v) => {
            Expr::SumOf(v.iter().map(|a| build(a, ctx, row_list, group)).collect::<std::result::Result<_, _>>()?)
        }
        Ast::Add(a, b) => {
            Expr::Add(Box::new(build(a, ctx, row_list, group)?), Box::new(build(b, ctx, row_list, group)?))
        }
        Ast::Sub(a, b) => {
            Expr::Sub(Box::new(build(a, ctx, row_list, group)?), Box::new(build(b, ctx, row_list, group)?))
        }
        Ast::Div(a, b) => {
            Expr::Div(Box::new(build(a, ctx, row_list, group)?), Box::new(build(b, ctx, row_list, group)?))
        }
    })
}

fn row_list<'a>(ctx: &'a Ctx, per_row: &Option<String>) -> std::result::Result<Option<&'a ListDef>, String> {
    match per_row {
        None => Ok(None),
        Some(l) => ctx
            .index
            .lists
            .get(l)
            .map(|(_, d)| Some(d))
            .ok_or_else(|| format!("per_row chỉ tới danh sách “{l}” không có")),
    }
}

/// Computed fields that depend on each other in a circle are refused. A
/// formula can name only computed keys declared before it, but a computed
/// field whose key is also an indicator (`if_blank` totals) can be named
/// by an earlier one, which can close a circle: its values would then
/// depend on the order of evaluation.
fn check_cycles(ctx: &Ctx) -> Result<()> {
    let index = &ctx.index;
    let deps = |i: usize| -> Vec<usize> {
        fn names(e: &Expr, out: &mut Vec<String>) {
            match e {
                Expr::Var { key, .. } => out.push(key.clone()),
                Expr::SumOf(v) => v.iter().for_each(|x| names(x, out)),
                Expr::Add(a, b) | Expr::Sub(a, b) | Expr::Div(a, b) => {
                    names(a, out);
                    names(b, out);
                }
                _ => {}
            }
        }
        let c = &index.computed[i];
        let mut keys = Vec::new();
        names(&c.expr, &mut keys);
        c.alts.iter().for_each(|(_, e)| names(e, &mut keys));
        keys.iter().filter_map(|k| index.computed_keys.get(k).copied()).collect()
    };
    // Depth-first search with colours: 1 = on the current path, 2 = done.
    let mut colour = vec![0u8; index.computed.len()];
    for start in 0..index.computed.len() {
        if colour[start] != 0 || index.computed[start].per_row.is_some() {
            continue;
        }
        let mut stack: Vec<(usize, Vec<usize>)> = vec![(start, deps(start))];
        colour[start] = 1;
        while let Some((node, next)) = stack.last_mut() {
            let node = *node;
            match next.pop() {
                Some(d) if colour[d] == 1 => {
                    let mut circle: Vec<&str> = stack.iter().map(|(i, _)| index.computed[*i].key.as_str()).collect();
                    let from = circle.iter().position(|k| *k == index.computed[d].key).unwrap_or(0);
                    circle.drain(..from);
                    circle.push(&index.computed[d].key);
                    let key = &index.computed[d].key;
                    let place = ctx.computed_paths.get(key).cloned().unwrap_or_else(|| key.clone());
                    return Err(TemplateError::at(
                        place,
                        format!("các trường tính toán phụ thuộc nhau vòng tròn: {}", circle.join(" → ")),
                    ));
                }
                Some(d) if colour[d] == 0 => {
                    colour[d] = 1;
                    stack.push((d, deps(d)));
                }
                Some(_) => {}
                None => {
                    colour[node] = 2;
                    stack.pop();
                }
            }
        }
    }
    Ok(())
}

/// A formula's syntax error, placed at its character (counted from 1).
fn syntax(at: &str, formula: &str, e: formula::ParseError) -> TemplateError {
    let shown: String = formula.chars().take(120).collect();
    TemplateError::at(format!("{at}, ký tự {}", e.at + 1), format!("công thức “{shown}”: {}", e.message))
}

fn compile_computed(p: Pending<ComputedDef>, ctx: &mut Ctx) -> Result<()> {
    let err = |m: String| TemplateError::at(&p.path, m);
    let c = &p.def;
    let ast = formula::parse_expr(&c.formula).map_err(|e| syntax(&format!("{}.formula", p.bare), &c.formula, e))?;
    let mut alt_asts = Vec::new();
    for (ai, a) in p.alts.iter().enumerate() {
        let ast = formula::parse_expr(&a.formula)
            .map_err(|e| syntax(&format!("{}.alt[{ai}].formula", p.bare), &a.formula, e))?;
        let h = if a.value == HgDenominator::TiepNhan.code() {
            HgDenominator::TiepNhan
        } else {
            HgDenominator::ThanhPlusKhongThanh
        };
        alt_asts.push((h, ast));
    }
    if !c.display.is_rate() && ast.has_division() {
        return Err(err("cách hiển thị count hoặc money không dùng được công thức có phép chia “/”".into()));
    }
    let rl = row_list(ctx, &c.per_row).map_err(err)?;
    let rl = rl.cloned();
    let target_slot = ctx.slot_of(&c.key).cloned();
    if let Some(s) = &target_slot {
        if !s.indicator.ty.is_numeric() {
            return Err(err(format!("khóa đích “{}” không phải chỉ tiêu số", c.key)));
        }
    }
    let mut owner = group_owner_of(&ast, ctx, rl.as_ref()).map_err(err)?;
    for (_, a) in &alt_asts {
        if group_owner_of(a, ctx, rl.as_ref()).map_err(err)? != owner {
            return Err(err("công thức thay thế (alt) dùng nhóm khác".into()));
        }
    }
    if let Some(s) = &target_slot {
        if s.indicator.grouped {
            match &owner {
                Some(o) if o != &s.node_id => return Err(err("khóa đích và công thức dùng nhóm khác nhau".into())),
                _ => owner = Some(s.node_id.clone()),
            }
        }
    }
    if rl.is_some() && owner.is_some() {
        return Err(err("công thức theo dòng (per_row) không dùng được nhóm".into()));
    }
    let groups: Vec<Option<Group>> = match &owner {
        Some(o) => ctx.group_sets.get(o).cloned().unwrap_or_default().into_iter().map(Some).collect(),
        None => vec![None],
    };
    for g in groups {
        let gid = g.as_ref().map(|g| g.id.as_str());
        let expr = build(&ast, ctx, rl.as_ref(), gid).map_err(err)?;
        let alts = alt_asts
            .iter()
            .map(|(h, a)| build(a, ctx, rl.as_ref(), gid).map(|e| (*h, e)))
            .collect::<std::result::Result<Vec<_>, _>>()
            .map_err(err)?;
        let key = match gid {
            Some(g) => FieldPath::group_key(&c.key, g),
            None => c.key.clone(),
        };
        if c.per_row.is_none() {
            if ctx.index.computed_keys.contains_key(&key) {
                return Err(err(format!("khóa trường tính toán “{key}” bị lặp")));
            }
            ctx.index.computed_keys.insert(key.clone(), ctx.index.computed.len());
            ctx.computed_paths.insert(key.clone(), p.path.clone());
        }
        ctx.index.computed.push(ComputedInst {
            id: c.id.clone(),
            key,
            node_id: p.node_id.clone(),
            label: c.label.clone(),
            display: c.display,
            mode: c.mode,
            expr,
            alts,
            per_row: c.per_row.clone(),
            compare: c.compare,
            mentions: c.mentions.clone(),
        });
    }
    if c.per_row.is_none() {
        ctx.computed_bases.insert(c.key.clone(), owner);
    }
    Ok(())
}

fn compile_rule(p: Pending<RuleDef>, ctx: &mut Ctx) -> Result<()> {
    let err = |m: String| TemplateError::at(&p.path, m);
    let r = &p.def;
    let ast = formula::parse_rule(&r.formula).map_err(|e| syntax(&format!("{}.formula", p.bare), &r.formula, e))?;
    let rl = row_list(ctx, &r.per_row).map_err(err)?.cloned();
    let mut owner: Option<String> = None;
    for operand in &ast.operands {
        if let Some(o) = group_owner_of(operand, ctx, rl.as_ref()).map_err(err)? {
            match &owner {
                Some(x) if x != &o => return Err(err(format!("công thức trộn nhóm của mục {x} và mục {o}"))),
                _ => owner = Some(o),
            }
        }
    }
    if r.message == MessagePattern::Rows && !ast.operands.iter().any(|o| matches!(o, Ast::ListCount(_))) {
        return Err(err("mẫu thông báo “rows” cần một vế count(danh_sách)".into()));
    }
    if r.message == MessagePattern::Exceeds && ast.ops.iter().any(|o| !matches!(o, CmpOp::Le | CmpOp::Ge)) {
        return Err(err("mẫu thông báo “exceeds” cần phép so sánh <= hoặc >=".into()));
    }
    let groups: Vec<Option<Group>> = match &owner {
        Some(o) => ctx.group_sets.get(o).cloned().unwrap_or_default().into_iter().map(Some).collect(),
        None => vec![None],
    };
    for g in groups {
        let gid = g.as_ref().map(|g| g.id.as_str());
        let operands = ast
            .operands
            .iter()
            .map(|a| build(a, ctx, rl.as_ref(), gid))
            .collect::<std::result::Result<Vec<_>, _>>()
            .map_err(err)?;
        let mut skip = Vec::new();
        for k in &r.skip_if_entered {
            match build(&Ast::Name(k.clone()), ctx, rl.as_ref(), gid).map_err(err)? {
                Expr::Var { key, .. } => skip.push(key),
                _ => return Err(err(format!("skip_if_entered “{k}” phải là khóa chỉ tiêu"))),
            }
        }
        ctx.index.rules.push(RuleInst {
            id: r.id.clone(),
            level: r.level,
            pattern: r.message,
            node_id: p.node_id.clone(),
            group: g,
            per_row: r.per_row.clone(),
            operands,
            ops: ast.ops.clone(),
            skip_if_entered: skip,
            cung_ky: r.cung_ky,
        });
    }
    Ok(())
}
