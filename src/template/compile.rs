//! Checking a raw template and resolving its formulas (runs once per load).

use super::compiled::{ComputedInst, Expr, Index, RuleInst, ValueSlot};
use super::error::TemplateError;
use super::formula::{self, Ast, CmpOp};
use super::raw::{RawAlt, RawColumn, RawNode, RawOption, RawPer, RawTemplate};
use super::{
    Column, ComputedDef, Display, EnumOption, FieldType, Group, Indicator, Level, ListDef, ListPrint, MessagePattern,
    Mode, Narrative, Node, PerUnit, Requirement, RuleDef, Template, WhenNone,
};
use crate::format;
use crate::model::{FieldPath, HgDenominator, Kind, PeriodType};
use std::collections::{HashMap, HashSet};

type Result<T> = std::result::Result<T, TemplateError>;

/// A formula waiting for pass 2 (it may name indicators of later nodes).
struct Pending<T> {
    path: String,
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
}

pub(super) fn compile(raw: RawTemplate) -> Result<Template> {
    if raw.id.trim().is_empty() {
        return Err(TemplateError::at("id", "empty template id"));
    }
    let kind = match raw.kind.as_str() {
        "DANG" => Kind::Dang,
        "CQ" => Kind::Cq,
        other => return Err(TemplateError::at("kind", format!("unknown kind \"{other}\" (DANG or CQ)"))),
    };
    if raw.nodes.is_empty() {
        return Err(TemplateError::at("nodes", "a template needs at least one node"));
    }
    let mut ctx = Ctx::default();
    let nodes = compile_nodes(&raw.nodes, "nodes", 1, &mut ctx)?;
    for (path, target) in std::mem::take(&mut ctx.part_of_checks) {
        if !ctx.node_ids.contains(&target) {
            return Err(TemplateError::at(path, format!("part_of names unknown node \"{target}\"")));
        }
    }
    check_per_bounds(&ctx)?;
    for p in std::mem::take(&mut ctx.computed) {
        compile_computed(p, &mut ctx)?;
    }
    for p in std::mem::take(&mut ctx.rules) {
        compile_rule(p, &mut ctx)?;
    }
    let mut t = Template {
        id: raw.id.clone(),
        version: raw.version,
        kind,
        title: raw.title.clone(),
        nodes,
        index: ctx.index,
        raw,
        builtin: false,
        hash: std::sync::OnceLock::new(),
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
                    format!("unknown period type \"{code}\""),
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
                return Err("ENUM needs a non-empty \"options\" list".into());
            }
            let mut seen = HashSet::new();
            for o in &opts {
                if o.value.trim().is_empty() || !seen.insert(o.value.as_str()) {
                    return Err(format!("ENUM option \"{}\" is empty or repeated", o.value));
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
                None => return Err(format!("unknown type \"{other}\"")),
            }
        }
    };
    if options.is_some() {
        return Err(format!("\"options\" given for non-ENUM type \"{ty}\""));
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
        return Err(TemplateError::at(path, format!("bad node id \"{}\"", r.id)));
    }
    let here = format!("{path} (id \"{}\")", r.id);
    if !ctx.node_ids.insert(r.id.clone()) {
        return Err(TemplateError::at(&here, format!("duplicate node id \"{}\"", r.id)));
    }
    let title = r.title.clone().unwrap_or_default();
    if title.trim().is_empty() {
        return Err(TemplateError::at(&here, "empty title"));
    }
    let appendix = r.appendix.unwrap_or(false);
    if appendix && depth != 1 {
        return Err(TemplateError::at(&here, "an appendix must be a top-level node"));
    }
    if !appendix && depth > 3 {
        return Err(TemplateError::at(&here, "nodes may nest at most 3 levels (I., 1., a))"));
    }
    if let Some(p) = &r.part_of {
        if p == &r.id {
            return Err(TemplateError::at(&here, "a node cannot be part_of itself"));
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
                format!("\"when_none\" must be \"sentence\" or \"nothing\", not \"{other}\""),
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
        return Err(TemplateError::at(&here, "an appendix node cannot have children"));
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
            return Err(TemplateError::at(gp, format!("bad group id \"{}\" or empty label", g.id)));
        }
        if groups.iter().any(|x: &Group| x.id == g.id) {
            return Err(TemplateError::at(gp, format!("duplicate group id \"{}\"", g.id)));
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
        let np = format!("{path}.narratives[{ni}] (field \"{}\")", n.field);
        if !is_ident(&n.field) {
            return Err(TemplateError::at(np, "bad field name"));
        }
        if n.label.trim().is_empty() {
            return Err(TemplateError::at(np, "empty label"));
        }
        let key = format!("{content_id}.{}", n.field);
        if !ctx.narrative_keys.insert(key.clone()) {
            return Err(TemplateError::at(np, format!("duplicate narrative key \"{key}\"")));
        }
        if let Some(g) = &n.group {
            if !groups.iter().any(|x| &x.id == g) {
                return Err(TemplateError::at(np, format!("unknown group \"{g}\"")));
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
        let ip = format!("{path}.indicators[{ii}] (key \"{}\")", ind.key);
        if !is_ident(&ind.key) {
            return Err(TemplateError::at(ip, "bad key"));
        }
        if ind.label.trim().is_empty() {
            return Err(TemplateError::at(ip, "empty label"));
        }
        let ty = parse_type(&ind.ty, &ind.options).map_err(|m| TemplateError::at(&ip, m))?;
        let req = match ind.req.as_str() {
            "R" => Requirement::Required,
            "O" => Requirement::Optional,
            "C" => Requirement::Computed,
            other => return Err(TemplateError::at(ip, format!("unknown req \"{other}\" (R, O or C)"))),
        };
        if ind.grouped && groups.is_empty() {
            return Err(TemplateError::at(ip, "grouped indicator in a node without groups"));
        }
        if ind.per.is_some() && ty != FieldType::Money {
            return Err(TemplateError::at(ip, "\"per\" is only for MONEY"));
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
        let already = ctx.index.values.keys().any(|k| k.split('.').next() == Some(ind.key.as_str()))
            || ctx.index.lists.contains_key(&ind.key);
        if already {
            return Err(TemplateError::at(ip, format!("duplicate indicator key \"{}\"", ind.key)));
        }
        let slot_groups: Vec<Option<Group>> =
            if ind.grouped { groups.iter().cloned().map(Some).collect() } else { vec![None] };
        for g in slot_groups {
            let key = match &g {
                Some(g) => FieldPath::group_key(&ind.key, &g.id),
                None => ind.key.clone(),
            };
            ctx.index.values.insert(key, ValueSlot { node_id: r.id.clone(), indicator: indicator.clone(), group: g });
        }
        indicators.push(indicator);
    }
    Ok(indicators)
}

fn compile_lists(r: &RawNode, path: &str, ctx: &mut Ctx) -> Result<Vec<ListDef>> {
    let mut lists = Vec::new();
    for (li, l) in r.lists.iter().flatten().enumerate() {
        let lp = format!("{path}.lists[{li}] (key \"{}\")", l.key);
        if !is_ident(&l.key) || l.label.trim().is_empty() {
            return Err(TemplateError::at(lp, "bad key or empty label"));
        }
        if ctx.index.lists.contains_key(&l.key) || ctx.index.values.contains_key(&l.key) {
            return Err(TemplateError::at(lp, format!("duplicate key \"{}\"", l.key)));
        }
        if l.columns.is_empty() {
            return Err(TemplateError::at(lp, "a list needs columns"));
        }
        let mut columns: Vec<Column> = Vec::new();
        for (ci, c) in l.columns.iter().enumerate() {
            let cp = format!("{lp}.columns[{ci}] (key \"{}\")", c.key);
            columns.push(column(c, &cp)?);
            if columns[..ci].iter().any(|x| x.key == c.key) {
                return Err(TemplateError::at(cp, format!("duplicate column key \"{}\"", c.key)));
            }
        }
        for (ci, c) in columns.iter().enumerate() {
            if let Some(p) = &c.per {
                if !columns.iter().any(|x| x.key == p.key && x.ty.is_numeric()) {
                    return Err(TemplateError::at(
                        format!("{lp}.columns[{ci}] (key \"{}\")", c.key),
                        format!("\"per\" names unknown numeric column \"{}\"", p.key),
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
                    format!("\"print\" must be \"table\" or \"sentences\", not \"{other}\""),
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
        let cp = format!("{path}.computed[{ci}] (key \"{}\")", c.key);
        if c.id.trim().is_empty() || !is_ident(&c.key) || c.label.trim().is_empty() {
            return Err(TemplateError::at(cp, "computed field needs an id, a key and a label"));
        }
        let display = match c.display.as_str() {
            "percent" => Display::Percent,
            "plan" => Display::Plan,
            "quota" => Display::Quota,
            "count" => Display::Count,
            "money" => Display::Money,
            other => return Err(TemplateError::at(cp, format!("unknown display \"{other}\""))),
        };
        let mode = match c.mode.as_str() {
            "always" => Mode::Always,
            "if_blank" => Mode::IfBlank,
            other => return Err(TemplateError::at(cp, format!("unknown mode \"{other}\""))),
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
                return Err(TemplateError::at(ap, format!("unknown option \"{}\"", a.option)));
            }
            if ![HgDenominator::TiepNhan, HgDenominator::ThanhPlusKhongThanh].iter().any(|h| h.code() == a.value) {
                return Err(TemplateError::at(ap, format!("unknown hg_denominator value \"{}\"", a.value)));
            }
        }
        computed.push(def.clone());
        ctx.computed.push(Pending { path: cp, node_id: r.id.clone(), def, alts: c.alt.clone() });
    }
    Ok(computed)
}

/// Rules of one node; like computed fields, resolved in pass 2.
fn compile_rule_defs(r: &RawNode, path: &str, ctx: &mut Ctx) -> Result<Vec<RuleDef>> {
    let mut rules = Vec::new();
    for (ri, rr) in r.rules.iter().flatten().enumerate() {
        let rp = format!("{path}.rules[{ri}] (id \"{}\")", rr.id);
        if rr.id.trim().is_empty() {
            return Err(TemplateError::at(rp, "empty rule id"));
        }
        let level = match rr.level.as_str() {
            "error" => Level::Error,
            "warning" => Level::Warning,
            other => return Err(TemplateError::at(rp, format!("unknown level \"{other}\" (error or warning)"))),
        };
        let message = match rr.message.as_str() {
            "compare" => MessagePattern::Compare,
            "exceeds" => MessagePattern::Exceeds,
            "rows" => MessagePattern::Rows,
            other => return Err(TemplateError::at(rp, format!("unknown message pattern \"{other}\""))),
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
        ctx.rules.push(Pending { path: rp, node_id: r.id.clone(), def, alts: Vec::new() });
    }
    Ok(rules)
}

fn per(p: &RawPer) -> PerUnit {
    PerUnit { key: p.key.clone(), min: p.min, max: p.max }
}

fn column(c: &RawColumn, cp: &str) -> Result<Column> {
    if !is_ident(&c.key) || c.label.trim().is_empty() {
        return Err(TemplateError::at(cp, "bad key or empty label"));
    }
    let ty = parse_type(&c.ty, &c.options).map_err(|m| TemplateError::at(cp, m))?;
    if c.default.is_some() && !ty.is_numeric() {
        return Err(TemplateError::at(cp, "\"default\" is only for numeric columns"));
    }
    if c.per.is_some() && ty != FieldType::Money {
        return Err(TemplateError::at(cp, "\"per\" is only for MONEY"));
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
                    format!("indicator \"{}\"", slot.indicator.key),
                    format!("\"per\" names unknown numeric key \"{}\" or has min > max", p.key),
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
                return Err(format!("column \"{name}\" is not numeric"));
            }
            return Ok(Resolved::Cell { col: c.key.clone(), scale: c.ty.scale(), default: c.default });
        }
    }
    let (base, qualified) = match name.split_once('.') {
        Some((b, g)) => (b, Some(g.to_string())),
        None => (name, None),
    };
    // Indicator?
    let slot = ctx.index.values.iter().find(|(k, _)| k.split('.').next() == Some(base)).map(|(_, s)| s);
    if let Some(slot) = slot {
        if !slot.indicator.ty.is_numeric() {
            return Err(format!("\"{base}\" is {} and cannot be used in a formula", slot.indicator.ty.code()));
        }
        let group_owner = slot.indicator.grouped.then(|| slot.node_id.clone());
        if let Some(g) = &qualified {
            if !ctx.index.values.contains_key(&FieldPath::group_key(base, g)) {
                return Err(format!("\"{base}\" has no row group \"{g}\""));
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
                return Err(format!("\"{base}\" has no row group \"{g}\""));
            }
            return Ok(Resolved::Var { base: base.into(), qualified, group_owner: None, scale: 0 });
        }
        return Ok(Resolved::Var { base: base.into(), qualified: None, group_owner: owner.clone(), scale: 0 });
    }
    if ctx.index.lists.contains_key(base) {
        return Err(format!("list \"{base}\" can only be used in sum(list.col) or count(list)"));
    }
    Err(format!("unknown key \"{name}\""))
}

/// The single group set (owner node id) an AST's unqualified grouped names use.
fn group_owner_of(ast: &Ast, ctx: &Ctx, row_list: Option<&ListDef>) -> std::result::Result<Option<String>, String> {
    let mut owner: Option<String> = None;
    for name in ast.names() {
        if let Resolved::Var { group_owner: Some(o), .. } = resolve(name, ctx, row_list)? {
            match &owner {
                Some(x) if x != &o => return Err(format!("formula mixes the row groups of {x} and {o}")),
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
                    (None, Some(_), None) => return Err(format!("\"{base}\" needs a row group")),
                    (None, None, _) => base,
                };
                Expr::Var { key, scale, mode: None }
            }
        },
        Ast::ListSum(list, col) => {
            let (_, def) = ctx.index.lists.get(list).ok_or_else(|| format!("unknown list \"{list}\""))?;
            let c = def
                .columns
                .iter()
                .find(|c| &c.key == col)
                .ok_or_else(|| format!("list \"{list}\" has no column \"{col}\""))?;
            if !c.ty.is_numeric() {
                return Err(format!("column \"{list}.{col}\" is not numeric"));
            }
            Expr::ListSum { list: list.clone(), col: col.clone(), scale: c.ty.scale() }
        }
        Ast::ListCount(list) => {
            if !ctx.index.lists.contains_key(list) {
                return Err(format!("unknown list \"{list}\""));
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
        Some(l) => {
            ctx.index.lists.get(l).map(|(_, d)| Some(d)).ok_or_else(|| format!("per_row names unknown list \"{l}\""))
        }
    }
}

fn compile_computed(p: Pending<ComputedDef>, ctx: &mut Ctx) -> Result<()> {
    let err = |m: String| TemplateError::at(&p.path, m);
    let c = &p.def;
    let ast = formula::parse_expr(&c.formula).map_err(|e| err(format!("formula \"{}\": {e}", c.formula)))?;
    let mut alt_asts = Vec::new();
    for a in &p.alts {
        let ast = formula::parse_expr(&a.formula).map_err(|e| err(format!("alt formula \"{}\": {e}", a.formula)))?;
        let h = if a.value == HgDenominator::TiepNhan.code() {
            HgDenominator::TiepNhan
        } else {
            HgDenominator::ThanhPlusKhongThanh
        };
        alt_asts.push((h, ast));
    }
    if !c.display.is_rate() && ast.has_division() {
        return Err(err("a count or money display cannot show a formula with '/'".into()));
    }
    let rl = row_list(ctx, &c.per_row).map_err(err)?;
    let rl = rl.cloned();
    let target_slot =
        ctx.index.values.iter().find(|(k, _)| k.split('.').next() == Some(c.key.as_str())).map(|(_, s)| s.clone());
    if let Some(s) = &target_slot {
        if !s.indicator.ty.is_numeric() {
            return Err(err(format!("target \"{}\" is not a numeric indicator", c.key)));
        }
    }
    let mut owner = group_owner_of(&ast, ctx, rl.as_ref()).map_err(err)?;
    for (_, a) in &alt_asts {
        if group_owner_of(a, ctx, rl.as_ref()).map_err(err)? != owner {
            return Err(err("alt formula uses different row groups".into()));
        }
    }
    if let Some(s) = &target_slot {
        if s.indicator.grouped {
            match &owner {
                Some(o) if o != &s.node_id => return Err(err("target and formula use different row groups".into())),
                _ => owner = Some(s.node_id.clone()),
            }
        }
    }
    if rl.is_some() && owner.is_some() {
        return Err(err("a per-row formula cannot use row groups".into()));
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
                return Err(err(format!("duplicate computed key \"{key}\"")));
            }
            ctx.index.computed_keys.insert(key.clone(), ctx.index.computed.len());
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
    let ast = formula::parse_rule(&r.formula).map_err(|e| err(format!("formula \"{}\": {e}", r.formula)))?;
    let rl = row_list(ctx, &r.per_row).map_err(err)?.cloned();
    let mut owner: Option<String> = None;
    for operand in &ast.operands {
        if let Some(o) = group_owner_of(operand, ctx, rl.as_ref()).map_err(err)? {
            match &owner {
                Some(x) if x != &o => return Err(err(format!("formula mixes the row groups of {x} and {o}"))),
                _ => owner = Some(o),
            }
        }
    }
    if r.message == MessagePattern::Rows && !ast.operands.iter().any(|o| matches!(o, Ast::ListCount(_))) {
        return Err(err("message \"rows\" needs a count(list) side".into()));
    }
    if r.message == MessagePattern::Exceeds && ast.ops.iter().any(|o| !matches!(o, CmpOp::Le | CmpOp::Ge)) {
        return Err(err("message \"exceeds\" needs <= or >=".into()));
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
                _ => return Err(err(format!("skip_if_entered \"{k}\" must be an indicator key"))),
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
