/// The report's inline style sheet: system fonts only (nothing fetched), print-friendly colours,
/// tables with right-aligned numbers, chart strokes and fills named by class.
enum ReportStyle {
    static let css = """
    body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", Arial, sans-serif;
           margin: 24px 32px; color: #1d2530; background: #fff; font-size: 14px; line-height: 1.4; }
    h1 { font-size: 24px; margin: 0 0 4px; }
    h2 { font-size: 18px; margin: 28px 0 8px; padding-bottom: 4px; border-bottom: 2px solid #d8dee6; }
    .facts { font-size: 15px; margin: 2px 0; }
    .note { color: #5a6675; margin: 4px 0 8px; }
    table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
    th, td { padding: 4px 10px; border-bottom: 1px solid #e3e7ec; text-align: left; white-space: nowrap; }
    thead th { background: #f1f4f7; border-bottom: 2px solid #c9d1da; font-weight: 600; }
    tfoot th, tfoot td { border-top: 2px solid #c9d1da; font-weight: 600; }
    tbody th { font-weight: 600; }
    .num { text-align: right; }
    .totals { font-size: 15px; margin: 10px 0; }
    .scroll { overflow-x: auto; }
    figure { margin: 10px 0 18px; }
    figcaption { font-size: 15px; margin-bottom: 2px; }
    .legend { margin: 4px 0 8px; color: #3b4654; }
    .swatch { display: inline-block; width: 22px; height: 12px; margin: 0 6px 0 4px; vertical-align: -1px; border-radius: 2px; }
    .swatch.required { height: 0; border-top: 3px solid #c0392b; vertical-align: 3px; border-radius: 0; }
    .swatch.scheduled { background: #b7d3f0; border: 1px solid #2f6db3; }
    .swatch.short { background: rgba(214, 48, 49, 0.45); }
    .swatch.weekend { background: #eef0f3; border: 1px solid #d5d9df; }
    svg.chart { width: 100%; min-width: 1000px; max-width: 1320px; height: auto; display: block; }
    svg .weekend { fill: #eef0f3; }
    svg .grid { stroke: #dfe3e8; stroke-width: 1; }
    svg .ytick { font-size: 11px; fill: #5a6675; text-anchor: end; }
    svg .yaxis { font-size: 11px; fill: #5a6675; text-anchor: middle; }
    svg .scheduled { fill: #b7d3f0; stroke: #2f6db3; stroke-width: 1; }
    svg .short { fill: rgba(214, 48, 49, 0.45); }
    svg .required { fill: none; stroke: #c0392b; stroke-width: 2; }
    svg .projected { fill: none; stroke: #2f6db3; stroke-width: 1.5; }
    svg .simulated { fill: none; stroke: #e67e22; stroke-width: 1.5; }
    .swatch.projected { height: 0; border-top: 3px solid #2f6db3; vertical-align: 3px; border-radius: 0; }
    .swatch.simulated { height: 0; border-top: 3px solid #e67e22; vertical-align: 3px; border-radius: 0; }
    svg .hour { stroke: #c3cad3; stroke-width: 1; stroke-dasharray: 2 3; }
    svg .hourlabel { font-size: 9px; fill: #7b8794; text-anchor: middle; }
    svg .day { stroke: #7b8794; stroke-width: 1; }
    svg .daylabel { font-size: 12px; font-weight: 600; fill: #1d2530; text-anchor: middle; }
    svg .daysl { font-size: 11px; fill: #5a6675; text-anchor: middle; }
    svg .hit { fill: transparent; }
    svg .hit:hover { fill: rgba(29, 37, 48, 0.08); }
    table.roster td, table.roster th { text-align: center; border: 1px solid #e3e7ec; }
    table.roster th.agent, table.burnout th.agent { text-align: left; }
    table.roster td.shift { background: #e6f0fb; font-weight: 600; }
    table.roster td.night { background: #2c3e66; color: #fff; }
    table.roster td.off { color: #9aa4b0; background: #fafbfc; }
    table.roster td.off.weekend, table.roster th.weekend { background: #eef0f3; }
    table.roster .sid { display: block; font-size: 11px; font-weight: 400; color: #5a6675; }
    table.roster td.night .sid { color: #d7def0; }
    tr.unused th, tr.unused td { color: #9aa4b0; }
    td.near { background: #fff1c2; font-weight: 600; }
    td.over { background: #f8c9c4; color: #8e1b10; font-weight: 700; }
    tr.broken th, tr.broken td { background: #f8c9c4; color: #8e1b10; }
    table.kpi td { white-space: normal; }
    table.kpi td.period { white-space: nowrap; }
    tr.horizon th, tr.horizon td { font-weight: 700; border-bottom: 2px solid #c9d1da; }
    table.calendar { font-size: 11px; }
    table.calendar th, table.calendar td { padding: 1px 3px; border: 1px solid #e3e7ec; text-align: center; min-width: 16px; }
    table.calendar th.agent { text-align: left; }
    table.calendar td.num { text-align: right; }
    table.calendar th.d { font-weight: 400; line-height: 1.15; }
    table.calendar td.off.weekend, table.calendar th.weekend { background: #eef0f3; }
    table.calendar .wk { border-left: 2px solid #5a6675; }
    table.calendar td.night, .code.night-mark { box-shadow: inset 0 -3px 0 #1d2530; }
    .code { display: inline-block; padding: 0 4px; border-radius: 2px; font-weight: 600; }
    table.calendar td.t0, .code.t0 { background: #cfe3f7; } table.calendar td.t1, .code.t1 { background: #fbd9b5; }
    table.calendar td.t2, .code.t2 { background: #cdeccd; } table.calendar td.t3, .code.t3 { background: #e2d5f3; }
    table.calendar td.t4, .code.t4 { background: #f7efb0; } table.calendar td.t5, .code.t5 { background: #f3c9d9; }
    table.calendar td.t6, .code.t6 { background: #bfe8e6; } table.calendar td.t7, .code.t7 { background: #e0c9b3; }
    table.calendar td.t8, .code.t8 { background: #9fc3ea; } table.calendar td.t9, .code.t9 { background: #f2a9a0; }
    table.calendar td.t10, .code.t10 { background: #b8d99a; } table.calendar td.t11, .code.t11 { background: #d6dbe0; }
    @page { size: A4 landscape; margin: 10mm; }
    @media print {
      body { margin: 0; font-size: 10px; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
      h1 { font-size: 18px; } h2 { font-size: 14px; margin-top: 14px; }
      .scroll { overflow: visible; }
      svg.chart { min-width: 0; }
      figure, tr { break-inside: avoid; }
      section#roster { break-before: page; }
      table.calendar { font-size: 8.5px; }
      table.calendar th, table.calendar td { padding: 0 1px; min-width: 0; }
    }
    """
}
