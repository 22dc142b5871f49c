//! A printed [`crate::print::Document`] as semantic HTML styled by
//! `style/print.css`: the print view shows it, and the outline screen
//! previews an empty outline with it. Every text is set as text (no
//! `inner_html`).

use crate::engine::{Appendix, SimpleTable};
use crate::model::Kind;
use crate::print::{AppendixPage, Block, Document, Header, HeaderLine, HeaderRole, Paragraph, Signing, Span};
use leptos::prelude::*;

fn kind_class(kind: Kind) -> &'static str {
    match kind {
        Kind::Cq => "doc doc-cq",
        Kind::Dang => "doc doc-dang",
    }
}

/// The whole document: body sheet, then Phụ lục I on its own sheet.
pub fn render_document(doc: &Document) -> AnyView {
    let label = if doc.blank { "Đề cương báo cáo (để trống)" } else { "Bản in báo cáo" };
    view! {
        <article class=kind_class(doc.kind) aria-label=label>
            <div class="sheet sheet-body">
                {render_header(&doc.header)}
                <h1 class="doc-title">
                    <span class="doc-type">{doc.title.clone()}</span>
                    <span class="trich-yeu">{doc.trich_yeu.clone()}</span>
                    {(doc.kind == Kind::Dang).then(|| view! { <span class="dashes" aria-hidden="true">"-----"</span> })}
                </h1>
                {render_para(&doc.opening, "para opening")}
                {doc.body.iter().map(render_block).collect_view()}
                // Closing sentence, notes and signature move to a new page together,
                // so the signature never stands alone.
                <div class="ending">
                    {render_para(&doc.closing, "para closing")}
                    {(!doc.footnotes.is_empty()).then(|| view! {
                        <section class="notes" aria-label="Chú thích">
                            {doc.footnotes.iter().map(|n| view! {
                                <p class="note"><sup class="note-mark">{n.marker.clone()}</sup>" "{n.text.clone()}</p>
                            }).collect_view()}
                        </section>
                    })}
                    {render_signing(&doc.signing)}
                </div>
            </div>
            {doc.appendix.as_ref().map(render_appendix)}
        </article>
    }
    .into_any()
}

fn line_class(line: &HeaderLine) -> String {
    let role = match line.role {
        HeaderRole::UpperBody => "hl-upper",
        HeaderRole::Issuer => "hl-issuer",
        HeaderRole::Star => "hl-star",
        HeaderRole::NationalName => "hl-national",
        HeaderRole::Motto => "hl-motto",
        HeaderRole::PartyName => "hl-party",
    };
    if line.rule_below {
        format!("hl {role} rule-below")
    } else {
        format!("hl {role}")
    }
}

fn render_lines(lines: &[HeaderLine]) -> impl IntoView {
    lines
        .iter()
        .map(|l| view! { <span class=line_class(l)><span class="hl-text">{l.text.clone()}</span></span> })
        .collect_view()
}

/// Two-column borderless header table (docs/domain.md §4.2/§4.3).
fn render_header(h: &Header) -> impl IntoView {
    view! {
        <table class="doc-header" role="presentation">
            <tbody>
                <tr>
                    <td class="hcol hcol-left">{render_lines(&h.left)}</td>
                    <td class="hcol hcol-right">{render_lines(&h.right)}</td>
                </tr>
                <tr>
                    <td class="hcol hcol-left"><span class="hl hl-number">{h.number.clone()}</span></td>
                    <td class="hcol hcol-right"><span class="hl hl-date">{h.date.clone()}</span></td>
                </tr>
            </tbody>
        </table>
    }
}

fn render_spans(spans: &[Span]) -> impl IntoView {
    spans
        .iter()
        .map(|s| match s {
            Span::Text(t) => view! { <span>{t.clone()}</span> }.into_any(),
            Span::RunIn(t) => view! { <em class="run-in">{t.clone()}</em> }.into_any(),
            Span::NoteRef(m) => view! { <sup class="note-ref">{m.clone()}</sup> }.into_any(),
        })
        .collect_view()
}

fn render_para(p: &Paragraph, class: &'static str) -> impl IntoView {
    let class = if p.dash { format!("{class} dash") } else { class.to_string() };
    view! { <p class=class>{render_spans(&p.spans)}</p> }
}

fn render_block(b: &Block) -> AnyView {
    match b {
        Block::Heading { level, number, title, .. } => {
            let inner =
                view! { <span class="h-num">{number.clone()}</span>" "<span class="h-title">{title.clone()}</span> };
            match level {
                1 => view! { <h2 class="h h-1">{inner}</h2> }.into_any(),
                2 => view! { <h3 class="h h-2">{inner}</h3> }.into_any(),
                _ => view! { <h4 class="h h-3">{inner}</h4> }.into_any(),
            }
        }
        Block::Para(p) => render_para(p, "para").into_any(),
        Block::Guidance(t) => view! { <p class="fill-guidance">{t.clone()}</p> }.into_any(),
        Block::Label(t) => view! { <p class="fill-label">{t.clone()}</p> }.into_any(),
        Block::Lines(n) => view! {
            <div class="fill-lines">{(0..*n).map(|_| view! { <span class="fill-line"></span> }).collect_view()}</div>
        }
        .into_any(),
        Block::Table { header, rows } => view! {
            <table class="grid list-table">
                <thead><tr>{header.iter().map(|h| view! { <th scope="col">{h.clone()}</th> }).collect_view()}</tr></thead>
                <tbody>
                    {rows.iter().map(|row| view! {
                        <tr>{row.iter().enumerate().map(|(i, c)| view! { <td class:num=i == 0>{c.clone()}</td> }).collect_view()}</tr>
                    }).collect_view()}
                </tbody>
            </table>
        }
        .into_any(),
        Block::Field { label, unit } => view! {
            <p class="fill-field">
                <span class="ff-label">{format!("- {label}:")}</span>
                <span class="ff-dots"></span>
                <span class="ff-unit">{unit.clone()}</span>
            </p>
        }
        .into_any(),
    }
}

/// Nơi nhận (left, ≈ 45%) and signature (right, ≈ 55%) in one borderless row.
fn render_signing(s: &Signing) -> impl IntoView {
    view! {
        <table class="signing" role="presentation">
            <tbody>
                <tr>
                    <td class="recipients">
                        <p class="recipients-label">{s.recipients_label.clone()}</p>
                        {s.recipients.iter().map(|r| view! { <p class="recipient">{r.clone()}</p> }).collect_view()}
                    </td>
                    <td class="signer">
                        <p class="authority">{s.authority.clone()}</p>
                        <p class="position">{s.position.clone()}</p>
                        <div class="sign-space"></div>
                        <p class="signer-name">{s.name.clone()}</p>
                    </td>
                </tr>
            </tbody>
        </table>
    }
}

fn bullets(lines: &[String]) -> impl IntoView {
    lines.iter().map(|b| view! { <span class="bullet">{b.clone()}</span> }).collect_view()
}

/// T2 / T3: one header row, one data row.
fn render_simple_table(t: &SimpleTable, class: &'static str) -> impl IntoView {
    view! {
        <h3 class="table-title">{t.title.clone()}</h3>
        <table class=format!("grid {class}")>
            <thead>
                <tr>{t.columns.iter().map(|c| view! { <th scope="col">{c.clone()}</th> }).collect_view()}</tr>
            </thead>
            <tbody>
                <tr>
                    {t.cells.iter().map(|c| view! { <td class="num">{c.clone()}</td> }).collect_view()}
                    <td class="assess">{bullets(&t.bullets)}</td>
                </tr>
            </tbody>
        </table>
    }
}

/// Phụ lục I (docs/domain.md §3): T1 with its two header rows and row groups; T2, T3.
fn render_tables(a: &Appendix) -> impl IntoView {
    let t1 = &a.t1;
    let cols = &t1.columns;
    let col5 = cols.get(4).cloned().unwrap_or_default();
    view! {
        <h3 class="table-title">{t1.title.clone()}</h3>
        <table class="grid t1">
            <thead>
                <tr>
                    <th scope="colgroup" colspan="4">{t1.header_top.clone()}</th>
                    <th scope="col" rowspan="2">{col5}</th>
                </tr>
                <tr>{cols.iter().take(4).map(|c| view! { <th scope="col">{c.clone()}</th> }).collect_view()}</tr>
            </thead>
            <tbody>
                {t1.groups.iter().map(|g| {
                    let span = if g.text_row.is_some() { "2" } else { "1" };
                    let assess = view! { <td class="assess" rowspan=span>{bullets(&g.bullets)}</td> };
                    let cells = g.cells.iter().map(|c| view! { <td class="num">{c.clone()}</td> }).collect_view();
                    view! {
                        <tr class="group-row"><td colspan="5" class="group-title">{g.title.clone()}</td></tr>
                        {match &g.text_row {
                            Some(text) => view! {
                                <tr><td colspan="4" class="text-row">{text.clone()}</td>{assess}</tr>
                                <tr>{cells}</tr>
                            }.into_any(),
                            None => view! { <tr>{cells}{assess}</tr> }.into_any(),
                        }}
                    }
                }).collect_view()}
            </tbody>
        </table>
        {render_simple_table(&a.t2, "t2")}
        {render_simple_table(&a.t3, "t3")}
    }
}

fn render_appendix(a: &AppendixPage) -> impl IntoView {
    view! {
        <section class="sheet sheet-appendix" aria-label=a.label.clone()>
            <h2 class="appx-heading">
                <span class="appx-label">{a.label.clone()}</span>
                <span class="appx-title">{a.title.clone()}</span>
                <span class="appx-attached">{a.attached_to.clone()}</span>
            </h2>
            {render_tables(&a.tables)}
        </section>
    }
}
