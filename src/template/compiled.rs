//! Checked, resolved forms of formulas, ready for the engine (built once per template).

use super::formula::CmpOp;
use super::{Display, Group, Indicator, Level, ListDef, MessagePattern, Mode};
use crate::model::HgDenominator;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// FNV-1a: the engine hashes short keys many times per evaluation, where
/// SipHash's DoS resistance buys nothing.
#[derive(Default, Clone, Copy)]
pub(crate) struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for b in bytes {
            h ^= *b as u64;
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// A HashMap with the FNV hasher.
pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

/// A resolved expression: every name is a full value key or a list column.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub(crate) enum Expr {
    Lit(i64),
    /// Full value key (`don_tiep_nhan.cong_dan`); `scale` for DEC; `mode` when
    /// the key is also a computed target (filled in after all fields are known).
    Var {
        key: String,
        scale: u32,
        mode: Option<Mode>,
    },
    /// A column of the current row (per-row formulas).
    Cell {
        col: String,
        scale: u32,
        default: Option<i64>,
    },
    ListSum {
        list: String,
        col: String,
        scale: u32,
    },
    ListCount {
        list: String,
    },
    SumOf(Vec<Expr>),
    Add(Box<Expr>, Box<Expr>),
    Sub(Box<Expr>, Box<Expr>),
    Div(Box<Expr>, Box<Expr>),
}

/// Where an indicator value key points.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub(crate) struct ValueSlot {
    pub node_id: String,
    pub indicator: Indicator,
    pub group: Option<Group>,
}

/// One computed value to produce (grouped declarations are expanded per group).
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub(crate) struct ComputedInst {
    pub id: String,
    /// Full target key; for per-row fields the column-like key (`ntm_ty_le`).
    pub key: String,
    pub node_id: String,
    pub label: String,
    pub display: Display,
    pub mode: Mode,
    pub expr: Expr,
    pub alts: Vec<(HgDenominator, Expr)>,
    pub per_row: Option<String>,
    pub compare: bool,
    pub mentions: Vec<String>,
}

impl Index {
    /// The computed mode of a key, when a computed field targets it.
    pub fn mode_of(&self, key: &str) -> Option<Mode> {
        self.computed_keys.get(key).map(|i| self.computed[*i].mode)
    }

    /// Record in every `Var` whether its key is a computed target (done once at load).
    pub fn fill_modes(&mut self) {
        let modes: FastMap<String, Mode> =
            self.computed_keys.iter().map(|(k, i)| (k.clone(), self.computed[*i].mode)).collect();
        fn fill(e: &mut Expr, modes: &FastMap<String, Mode>) {
            match e {
                Expr::Var { key, mode, .. } => *mode = modes.get(key.as_str()).copied(),
                Expr::SumOf(v) => v.iter_mut().for_each(|x| fill(x, modes)),
                Expr::Add(a, b) | Expr::Sub(a, b) | Expr::Div(a, b) => {
                    fill(a, modes);
                    fill(b, modes);
                }
                _ => {}
            }
        }
        for c in &mut self.computed {
            fill(&mut c.expr, &modes);
            for (_, a) in &mut c.alts {
                fill(a, &modes);
            }
        }
        for r in &mut self.rules {
            r.operands.iter_mut().for_each(|o| fill(o, &modes));
        }
        for (key, _, mode) in &mut self.compare {
            *mode = modes.get(key.as_str()).copied();
        }
    }
}

impl ComputedInst {
    /// The formula in force for a report's options.
    pub fn expr_for(&self, hg: HgDenominator) -> &Expr {
        self.alts.iter().find(|(v, _)| *v == hg).map(|(_, e)| e).unwrap_or(&self.expr)
    }
}

/// One rule check to run (grouped declarations are expanded per group).
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub(crate) struct RuleInst {
    pub id: String,
    pub level: Level,
    pub pattern: MessagePattern,
    pub node_id: String,
    pub group: Option<Group>,
    pub per_row: Option<String>,
    pub operands: Vec<Expr>,
    pub ops: Vec<CmpOp>,
    pub skip_if_entered: Vec<String>,
    pub cung_ky: bool,
}

/// Lookup tables built at load.
#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize)]
pub(crate) struct Index {
    pub values: FastMap<String, ValueSlot>,
    pub lists: FastMap<String, (String, ListDef)>,
    pub computed: Vec<ComputedInst>,
    /// Full computed key → position in `computed` (not per-row ones).
    pub computed_keys: FastMap<String, usize>,
    pub rules: Vec<RuleInst>,
    /// Comparable indicator value keys in outline order, with their type and
    /// computed mode (when the key is also computed).
    pub compare: Vec<(String, super::FieldType, Option<Mode>)>,
}
