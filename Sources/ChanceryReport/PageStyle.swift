/// The page's inline style sheet and content security policy.
enum PageStyle {
    /// Nothing may be fetched: no script, no font, no image, no frame, no connection; only
    /// the inline style sheet and inline SVG.
    static let contentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

    /// System fonts only; colours with at least 4.5:1 contrast on white (the type colours
    /// too, so marks stand out from the background); a print layout.
    static let css = """
    :root { color-scheme: light; --ink: #1a1a1a; --muted: #4d4d4d; --rule: #c8c8c8; --bg-alt: #f3f4f6; --link: #0b4f9c;
      --visit: #0b5fa5; --talks: #a64400; --agreement: #1b6e36; --trade: #6f2c91; --alert: #a3111c; }
    * { box-sizing: border-box; }
    html { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", "Liberation Sans", Arial, sans-serif;
      color: var(--ink); background: #fff; line-height: 1.45; font-size: 15px; }
    body { margin: 0 auto; max-width: 1040px; padding: 24px 28px 48px; }
    h1 { font-size: 1.9rem; margin: 0.1rem 0 0.3rem; }
    h2 { font-size: 1.35rem; margin: 2.2rem 0 0.8rem; padding-bottom: 0.25rem; border-bottom: 2px solid var(--ink); }
    h3 { font-size: 1.05rem; margin: 1.2rem 0 0.5rem; }
    a { color: var(--link); }
    a:focus-visible { outline: 3px solid var(--link); outline-offset: 2px; }
    .kicker { text-transform: uppercase; letter-spacing: 0.08em; font-size: 0.78rem; color: var(--muted); margin: 0; }
    .pair, .slice { margin: 0.2rem 0; color: var(--muted); }
    .code { font-family: ui-monospace, "DejaVu Sans Mono", "Liberation Mono", monospace; font-weight: 700; color: var(--ink);
      border: 1px solid var(--rule); border-radius: 3px; padding: 0 0.25rem; white-space: nowrap; }
    code, .hash, .sha { font-family: ui-monospace, "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 0.85em; }
    .hash, .sha { word-break: break-all; }
    .muted, .sha { color: var(--muted); }
    nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: 0.4rem 1.2rem; padding: 0.5rem 0; margin: 0.8rem 0 0;
      border-top: 1px solid var(--rule); border-bottom: 1px solid var(--rule); }
    .card .facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(230px, 1fr)); gap: 0.8rem 1.4rem; margin: 0; }
    .card .fact { border-left: 3px solid var(--rule); padding-left: 0.7rem; }
    .card dt { font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.05em; color: var(--muted); }
    .card dd { margin: 0.1rem 0 0; }
    .card ul.files { margin: 0.2rem 0 0; padding-left: 1.1rem; font-size: 0.85rem; }
    table { border-collapse: collapse; width: 100%; font-size: 0.9rem; margin: 0.4rem 0 0.8rem; }
    caption { text-align: left; font-weight: 600; padding: 0.3rem 0; }
    th, td { text-align: left; vertical-align: top; padding: 0.35rem 0.5rem; border-bottom: 1px solid var(--rule); }
    thead th { border-bottom: 2px solid var(--ink); font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.04em; }
    td.files { font-size: 0.8rem; word-break: break-all; max-width: 14rem; }
    td.num { text-align: right; font-variant-numeric: tabular-nums; }
    tr.retracted td.summary { text-decoration: line-through; text-decoration-thickness: 2px; }
    .figure { overflow-x: auto; }
    svg.chart { display: block; width: 100%; max-width: 960px; height: auto; font-size: 12px; }
    svg.icon { vertical-align: -3px; }
    .chart text { fill: var(--ink); }
    .chart text.heading { font-weight: 600; font-size: 13px; }
    .chart text.label { font-size: 13px; }
    .chart text.tick, .chart text.unit { fill: var(--muted); font-size: 11px; }
    .chart text.mark-label { font-size: 11.5px; }
    .chart text.value { font-size: 11.5px; font-weight: 600; }
    .chart .lane-bg.even, .chart .plot-bg { fill: var(--bg-alt); }
    .chart .lane-bg.odd { fill: #fff; }
    .chart .grid { stroke: #d9d9d9; stroke-width: 1; }
    .chart .axis { stroke: var(--ink); stroke-width: 1.2; }
    .chart .divider { stroke: var(--muted); stroke-width: 1; stroke-dasharray: 4 3; }
    .shape { stroke-width: 2; }
    .t-visit { fill: var(--visit); stroke: var(--visit); }
    .t-talks { fill: var(--talks); stroke: var(--talks); }
    .t-agreement { fill: var(--agreement); stroke: var(--agreement); }
    .t-trade { fill: var(--trade); stroke: var(--trade); }
    .shape.hollow { fill: #fff; stroke-width: 2.5; }
    .chart line.span { stroke-width: 3; stroke-linecap: round; opacity: 0.45; }
    .chart .strike { stroke: var(--alert); stroke-width: 3; stroke-linecap: round; }
    .chart a.mark.retracted .shape { opacity: 0.55; }
    .chart a.mark.retracted text.mark-label { text-decoration: line-through; }
    .chart a:focus .shape, .chart a:hover .shape { stroke: var(--ink); stroke-width: 3; }
    .chart .bar { fill-opacity: 0.3; stroke: none; }
    .chart .level { stroke-width: 3; fill: none; }
    .chart .point { stroke: #fff; stroke-width: 1.5; }
    .chart .stem { stroke-width: 2; }
    .chart .target { stroke-width: 2.5; stroke-dasharray: 8 5; fill: none; }
    .s0 { fill: #0b5fa5; stroke: #0b5fa5; } .s1 { fill: #a64400; stroke: #a64400; } .s2 { fill: #1b6e36; stroke: #1b6e36; }
    .s3 { fill: #6f2c91; stroke: #6f2c91; } .s4 { fill: #7a5c00; stroke: #7a5c00; } .s5 { fill: #8a1850; stroke: #8a1850; }
    .chart line.s0, .chart line.s1, .chart line.s2, .chart line.s3, .chart line.s4, .chart line.s5 { fill: none; }
    ul.legend { list-style: none; display: flex; flex-wrap: wrap; gap: 0.3rem 1.3rem; padding: 0; margin: 0.5rem 0; font-size: 0.88rem; }
    .strike-sample { text-decoration: line-through; text-decoration-color: var(--alert); text-decoration-thickness: 2px; }
    .note { font-size: 0.9rem; border-left: 3px solid var(--rule); padding-left: 0.7rem; }
    details.evidence { border: 1px solid var(--rule); border-radius: 4px; padding: 0.5rem 0.8rem; margin: 0.6rem 0; }
    details.evidence:target { outline: 3px solid var(--link); outline-offset: 2px; }
    details.evidence > summary { cursor: pointer; font-weight: 600; }
    details.evidence.retracted .what { text-decoration: line-through; text-decoration-color: var(--alert); text-decoration-thickness: 2px; }
    .when { font-family: ui-monospace, "DejaVu Sans Mono", "Liberation Mono", monospace; font-weight: 400; }
    .badge { display: inline-block; margin-left: 0.5rem; padding: 0 0.4rem; border: 1px solid var(--ink); border-radius: 3px;
      font-size: 0.75rem; font-weight: 600; text-transform: uppercase; }
    .badge.alert { color: var(--alert); border-color: var(--alert); }
    .meta { font-size: 0.82rem; color: var(--muted); margin: 0.3rem 0; }
    ol.sources { padding-left: 1.3rem; margin: 0.3rem 0; }
    blockquote.quote { margin: 0.3rem 0; padding: 0.3rem 0.7rem; border-left: 4px solid var(--link); background: var(--bg-alt);
      white-space: pre-wrap; }
    .cite { font-size: 0.84rem; margin: 0.2rem 0 0.6rem; }
    .file { font-weight: 600; }
    .retraction { color: var(--alert); }
    footer { margin-top: 2.5rem; padding-top: 0.6rem; border-top: 1px solid var(--rule); font-size: 0.8rem; color: var(--muted);
      word-break: break-all; }
    @page { margin: 14mm 12mm; }
    @media print {
      html { font-size: 10.5pt; }
      body { max-width: none; padding: 0; }
      nav, .ev { display: none; }
      ul.legend { break-before: avoid; break-inside: avoid; }
      a { color: inherit; text-decoration: none; }
      h2 { break-after: avoid; }
      .figure, svg.chart, details.evidence, tr, .card .fact { break-inside: avoid; }
      details.evidence > summary { list-style: none; }
      details.evidence > summary::-webkit-details-marker { display: none; }
      .chart .lane-bg.even, .chart .plot-bg, blockquote.quote { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    }
    """
}
