//! The tiny formula language of templates: parsed once at template load.
//!
//! Grammar (whitespace ignored):
//! ```text
//! rule    := expr (cmp expr)*          chained: a <= b <= c
//! cmp     := "<=" | "<" | "=" | ">=" | ">" | "≤" | "≥"
//! expr    := term (("+" | "-" | "−") term)*
//! term    := atom ("/" atom)*
//! atom    := integer | name | func "(" args ")" | "(" expr ")"
//! name    := ident ("." ident)?            indicator key, optionally group-qualified
//! func    := sum(list.col) | sum(a, b, …) | count(list)
//! ```
//! `sum(a, b, …)` over names is lenient: blank terms are skipped and the sum is
//! blank only when every term is blank. `+` and `-` are strict: a blank operand
//! makes the result blank, and a rule with a blank side is not checked.

use std::fmt;

/// Comparison operator of a rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum CmpOp {
    /// `<=`
    Le,
    /// `<`
    Lt,
    /// `=`
    Eq,
    /// `>=`
    Ge,
    /// `>`
    Gt,
}

impl CmpOp {
    /// Source spelling.
    pub fn symbol(self) -> &'static str {
        match self {
            CmpOp::Le => "<=",
            CmpOp::Lt => "<",
            CmpOp::Eq => "=",
            CmpOp::Ge => ">=",
            CmpOp::Gt => ">",
        }
    }
}

/// A parsed expression. Names are kept as written; the template compiler
/// resolves them into [`crate::template::Operand`]s.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Ast {
    /// Integer literal.
    Lit(i64),
    /// Indicator key (maybe `key.group`), or a list column inside a per-row formula.
    Name(String),
    /// `sum(list.col)`.
    ListSum(String, String),
    /// `count(list)`.
    ListCount(String),
    /// `sum(a, b, …)` (lenient).
    SumOf(Vec<Ast>),
    /// `a + b`.
    Add(Box<Ast>, Box<Ast>),
    /// `a - b`.
    Sub(Box<Ast>, Box<Ast>),
    /// `a / b`.
    Div(Box<Ast>, Box<Ast>),
}

impl Ast {
    /// Every name used, in order of appearance (list functions excluded).
    pub fn names(&self) -> Vec<&str> {
        let mut out = Vec::new();
        self.collect_names(&mut out);
        out
    }

    fn collect_names<'a>(&'a self, out: &mut Vec<&'a str>) {
        match self {
            Ast::Lit(_) | Ast::ListSum(..) | Ast::ListCount(_) => {}
            Ast::Name(n) => out.push(n),
            Ast::SumOf(v) => v.iter().for_each(|a| a.collect_names(out)),
            Ast::Add(a, b) | Ast::Sub(a, b) | Ast::Div(a, b) => {
                a.collect_names(out);
                b.collect_names(out);
            }
        }
    }

    /// Whether the expression contains a division (its value is a rate).
    pub fn has_division(&self) -> bool {
        match self {
            Ast::Div(..) => true,
            Ast::Add(a, b) | Ast::Sub(a, b) => a.has_division() || b.has_division(),
            Ast::SumOf(v) => v.iter().any(|a| a.has_division()),
            _ => false,
        }
    }
}

/// A parsed rule: operands joined by comparisons (`ops.len() == operands.len() - 1`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleAst {
    /// The compared expressions, left to right.
    pub operands: Vec<Ast>,
    /// The comparisons between neighbours.
    pub ops: Vec<CmpOp>,
}

/// A syntax error with the character offset where it was found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    /// 0-based character position in the formula.
    pub at: usize,
    /// What went wrong (Vietnamese: outline files come from the level above).
    pub message: String,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (ký tự {})", self.message, self.at + 1)
    }
}

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    Int(i64),
    Ident(String),
    Plus,
    Minus,
    Slash,
    LParen,
    RParen,
    Comma,
    Cmp(CmpOp),
}

fn lex(src: &str) -> Result<Vec<(usize, Tok)>, ParseError> {
    let chars: Vec<char> = src.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let start = i;
        match c {
            c if c.is_whitespace() => {
                i += 1;
            }
            '0'..='9' => {
                let mut n: i64 = 0;
                while i < chars.len() && chars[i].is_ascii_digit() {
                    let d = chars[i] as i64 - '0' as i64;
                    n = n
                        .checked_mul(10)
                        .and_then(|n| n.checked_add(d))
                        .ok_or(ParseError { at: start, message: "số quá lớn".into() })?;
                    i += 1;
                }
                out.push((start, Tok::Int(n)));
            }
            c if c.is_ascii_alphabetic() || c == '_' => {
                let mut s = String::new();
                while i < chars.len() && (chars[i].is_ascii_alphanumeric() || chars[i] == '_' || chars[i] == '.') {
                    s.push(chars[i]);
                    i += 1;
                }
                if s.ends_with('.') || s.contains("..") || s.matches('.').count() > 1 {
                    return Err(ParseError { at: start, message: format!("tên “{s}” không hợp lệ") });
                }
                out.push((start, Tok::Ident(s)));
            }
            '+' => {
                out.push((start, Tok::Plus));
                i += 1;
            }
            '-' | '−' => {
                out.push((start, Tok::Minus));
                i += 1;
            }
            '/' => {
                out.push((start, Tok::Slash));
                i += 1;
            }
            '(' => {
                out.push((start, Tok::LParen));
                i += 1;
            }
            ')' => {
                out.push((start, Tok::RParen));
                i += 1;
            }
            ',' => {
                out.push((start, Tok::Comma));
                i += 1;
            }
            '≤' => {
                out.push((start, Tok::Cmp(CmpOp::Le)));
                i += 1;
            }
            '≥' => {
                out.push((start, Tok::Cmp(CmpOp::Ge)));
                i += 1;
            }
            '=' => {
                // Accept "==" as well as "=".
                i += if chars.get(i + 1) == Some(&'=') { 2 } else { 1 };
                out.push((start, Tok::Cmp(CmpOp::Eq)));
            }
            '<' | '>' => {
                let eq = chars.get(i + 1) == Some(&'=');
                let op = match (c, eq) {
                    ('<', true) => CmpOp::Le,
                    ('<', false) => CmpOp::Lt,
                    ('>', true) => CmpOp::Ge,
                    _ => CmpOp::Gt,
                };
                i += if eq { 2 } else { 1 };
                out.push((start, Tok::Cmp(op)));
            }
            other => {
                return Err(ParseError {
                    at: start,
                    message: format!("ký tự “{other}” không dùng được trong công thức"),
                })
            }
        }
    }
    Ok(out)
}

struct Parser {
    toks: Vec<(usize, Tok)>,
    pos: usize,
    len: usize,
    /// Open parentheses and calls around the current token.
    depth: usize,
}

/// Deepest nesting of parentheses and calls: far beyond any real formula,
/// and it keeps a hostile one from exhausting the (small, in wasm) stack.
const MAX_DEPTH: usize = 32;

impl Parser {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos).map(|(_, t)| t)
    }

    fn at(&self) -> usize {
        self.toks.get(self.pos).map(|(p, _)| *p).unwrap_or(self.len)
    }

    fn err<T>(&self, message: impl Into<String>) -> Result<T, ParseError> {
        Err(ParseError { at: self.at(), message: message.into() })
    }

    fn expect(&mut self, t: Tok, what: &str) -> Result<(), ParseError> {
        if self.peek() == Some(&t) {
            self.pos += 1;
            Ok(())
        } else {
            self.err(format!("cần {what}"))
        }
    }

    fn expr(&mut self) -> Result<Ast, ParseError> {
        let mut left = self.term()?;
        loop {
            match self.peek() {
                Some(Tok::Plus) => {
                    self.pos += 1;
                    left = Ast::Add(Box::new(left), Box::new(self.term()?));
                }
                Some(Tok::Minus) => {
                    self.pos += 1;
                    left = Ast::Sub(Box::new(left), Box::new(self.term()?));
                }
                _ => return Ok(left),
            }
        }
    }

    fn term(&mut self) -> Result<Ast, ParseError> {
        let mut left = self.atom()?;
        while self.peek() == Some(&Tok::Slash) {
            self.pos += 1;
            left = Ast::Div(Box::new(left), Box::new(self.atom()?));
        }
        Ok(left)
    }

    fn atom(&mut self) -> Result<Ast, ParseError> {
        if self.depth >= MAX_DEPTH {
            return self.err(format!("lồng ngoặc quá {MAX_DEPTH} cấp"));
        }
        self.depth += 1;
        let atom = self.atom_inner();
        self.depth -= 1;
        atom
    }

    fn atom_inner(&mut self) -> Result<Ast, ParseError> {
        match self.peek().cloned() {
            Some(Tok::Int(n)) => {
                self.pos += 1;
                Ok(Ast::Lit(n))
            }
            Some(Tok::LParen) => {
                self.pos += 1;
                let e = self.expr()?;
                self.expect(Tok::RParen, "dấu “)”")?;
                Ok(e)
            }
            Some(Tok::Ident(name)) => {
                self.pos += 1;
                if self.peek() == Some(&Tok::LParen) {
                    self.call(&name)
                } else {
                    Ok(Ast::Name(name))
                }
            }
            Some(_) => self.err("cần một số, một tên hoặc dấu “(”"),
            None => self.err("công thức kết thúc giữa chừng"),
        }
    }

    fn call(&mut self, func: &str) -> Result<Ast, ParseError> {
        let func_at = self.at();
        self.pos += 1; // '('
        let mut args = vec![self.expr()?];
        while self.peek() == Some(&Tok::Comma) {
            self.pos += 1;
            args.push(self.expr()?);
        }
        self.expect(Tok::RParen, "dấu “)”")?;
        match (func, args.as_slice()) {
            ("count", [Ast::Name(list)]) if !list.contains('.') => Ok(Ast::ListCount(list.clone())),
            ("count", _) => {
                Err(ParseError { at: func_at, message: "count() nhận đúng một khóa danh sách".into() })
            }
            ("sum", [Ast::Name(n)]) if n.contains('.') => {
                let (list, col) = n.split_once('.').unwrap_or((n, ""));
                Ok(Ast::ListSum(list.to_string(), col.to_string()))
            }
            ("sum", _) => Ok(Ast::SumOf(args)),
            (other, _) => Err(ParseError {
                at: func_at,
                message: format!("không có hàm “{other}” (chỉ có sum và count)"),
            }),
        }
    }
}

/// Parse a value expression (computed fields).
pub fn parse_expr(src: &str) -> Result<Ast, ParseError> {
    let mut p = Parser { toks: lex(src)?, pos: 0, len: src.chars().count(), depth: 0 };
    let e = p.expr()?;
    if p.pos != p.toks.len() {
        return p.err("thừa nội dung sau biểu thức");
    }
    Ok(e)
}

/// Parse a rule: at least one comparison, chains allowed.
pub fn parse_rule(src: &str) -> Result<RuleAst, ParseError> {
    let mut p = Parser { toks: lex(src)?, pos: 0, len: src.chars().count(), depth: 0 };
    let mut operands = vec![p.expr()?];
    let mut ops = Vec::new();
    while let Some(Tok::Cmp(op)) = p.peek().cloned() {
        p.pos += 1;
        ops.push(op);
        operands.push(p.expr()?);
    }
    if p.pos != p.toks.len() {
        return p.err("thừa nội dung sau quy tắc");
    }
    if ops.is_empty() {
        return Err(ParseError { at: 0, message: "quy tắc cần một phép so sánh (<=, <, =, >=, >)".into() });
    }
    Ok(RuleAst { operands, ops })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_chained_comparison() {
        let r = parse_rule("don_da_giai_quyet <= don_thuoc_tham_quyen <= don_tiep_nhan").unwrap();
        assert_eq!(r.ops, vec![CmpOp::Le, CmpOp::Le]);
        assert_eq!(r.operands[2], Ast::Name("don_tiep_nhan".into()));
    }

    #[test]
    fn division_binds_tighter_than_addition() {
        let e = parse_expr("a + b / c").unwrap();
        assert_eq!(
            e,
            Ast::Add(
                Box::new(Ast::Name("a".into())),
                Box::new(Ast::Div(Box::new(Ast::Name("b".into())), Box::new(Ast::Name("c".into()))))
            )
        );
    }

    #[test]
    fn list_functions_and_lenient_sum_parse() {
        assert_eq!(
            parse_expr("sum(hoi_quan_ds.thanh_vien)").unwrap(),
            Ast::ListSum("hoi_quan_ds".into(), "thanh_vien".into())
        );
        assert_eq!(parse_expr("count(hoi_quan_ds)").unwrap(), Ast::ListCount("hoi_quan_ds".into()));
        assert!(matches!(parse_expr("sum(a, b, c)").unwrap(), Ast::SumOf(v) if v.len() == 3));
        assert!(matches!(parse_expr("sum(a)").unwrap(), Ast::SumOf(v) if v.len() == 1));
    }

    #[test]
    fn unicode_minus_and_comparison_signs_are_accepted() {
        assert!(parse_rule("a − b ≤ c").is_ok());
        assert!(parse_rule("a ≥ 3").is_ok());
    }

    #[test]
    fn syntax_errors_name_the_position() {
        let e = parse_expr("a + * b").unwrap_err();
        assert_eq!(e.at, 4);
        assert!(parse_rule("a + b").unwrap_err().message.contains("phép so sánh"));
        assert!(parse_expr("max(a)").unwrap_err().message.contains("không có hàm “max”"));
        assert!(parse_expr("(a + b").is_err());
        assert!(parse_expr("a b").is_err());
    }

    #[test]
    fn deeply_nested_parentheses_are_refused_not_overflowing_the_stack() {
        let deep = format!("{}a{}", "(".repeat(5000), ")".repeat(5000));
        assert!(parse_expr(&deep).unwrap_err().message.contains("lồng ngoặc"));
        let fine = format!("{}a{}", "(".repeat(10), ")".repeat(10));
        assert_eq!(parse_expr(&fine), Ok(Ast::Name("a".into())));
    }
}
