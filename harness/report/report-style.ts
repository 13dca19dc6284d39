// The report's only stylesheet, inlined into the page: system fonts (no font files to fetch),
// status colours with at least 4.5:1 contrast, and a print layout that shows every section.

/** CSS for index.html. */
export const reportStyle = `
:root { color-scheme: light; --fg: #1b1f24; --muted: #57606a; --line: #d0d7de; --bg-soft: #f6f8fa;
  --pass: #116329; --pass-bg: #e6f4ea; --fail: #a40e26; --fail-bg: #fdecee; --err: #7a4100; --err-bg: #fff1d6; --link: #0550ae; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--fg); background: #fff; font: 14px/1.45 -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", "DejaVu Sans", Arial, sans-serif; }
main { max-width: 1200px; margin: 0 auto; padding: 16px 24px 48px; }
code, pre { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: 12.5px; }
code.wrap, .dns code { overflow-wrap: anywhere; }
a { color: var(--link); }
h2 { font-size: 18px; margin: 28px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h4 { font-size: 15px; margin: 18px 0 6px; }
h5 { font-size: 13px; margin: 0 0 4px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
.muted { color: var(--muted); }
.site-head { display: flex; justify-content: space-between; align-items: baseline; gap: 12px; flex-wrap: wrap; color: var(--muted); font-size: 13px; }
.site-head strong { color: var(--fg); font-size: 15px; }
.icon { width: 1em; height: 1em; vertical-align: -0.15em; flex: none; }
.badge { display: inline-flex; align-items: center; gap: 4px; padding: 1px 7px; border-radius: 10px; font-size: 12px; font-weight: 700; letter-spacing: .02em; white-space: nowrap; border: 1px solid currentColor; }
.badge-passed { color: var(--pass); background: var(--pass-bg); }
.badge-failed { color: var(--fail); background: var(--fail-bg); }
.badge-error { color: var(--err); background: var(--err-bg); }
.badge-skipped { color: var(--muted); background: var(--bg-soft); }
.verdict { border: 2px solid; border-radius: 8px; padding: 14px 18px; margin: 12px 0 8px; }
.verdict-passed { color: var(--pass); background: var(--pass-bg); }
.verdict-failed { color: var(--fail); background: var(--fail-bg); }
.verdict-error { color: var(--err); background: var(--err-bg); }
.verdict-head { display: flex; align-items: center; gap: 12px; flex-wrap: wrap; }
.verdict-head .icon { width: 40px; height: 40px; }
.verdict-head h1 { margin: 0; font-size: 34px; letter-spacing: .04em; }
.verdict-head p { margin: 0; font-size: 16px; color: var(--fg); }
.facts { display: flex; flex-wrap: wrap; gap: 8px 28px; margin: 12px 0 0; color: var(--fg); }
.facts dt { font-size: 12px; color: var(--muted); }
.facts dd { margin: 0; font-size: 16px; }
.failures { list-style: none; padding: 0; margin: 0; display: grid; gap: 10px; }
.failure { border: 1px solid var(--line); border-left: 4px solid var(--fail); border-radius: 6px; padding: 10px 14px; background: #fff; }
.failure-error { border-left-color: var(--err); }
.failure p, .failure ul { margin: 6px 0; }
.failure-head { font-size: 14px; }
.expectations { padding-left: 18px; }
.sample { display: grid; grid-template-columns: repeat(auto-fill, minmax(190px, 1fr)); gap: 4px 16px; margin: 6px 0; padding: 8px 10px; background: var(--bg-soft); border-radius: 4px; }
.sample dt { font-size: 11.5px; color: var(--muted); }
.sample dd { margin: 0; overflow-wrap: anywhere; }
.sample .wide { grid-column: 1 / -1; }
code.body { white-space: pre-wrap; }
.regressions ul { padding-left: 0; list-style: none; display: grid; gap: 6px; }
table { border-collapse: collapse; margin: 8px 0; }
caption { text-align: left; font-weight: 600; padding: 4px 0; }
th, td { text-align: left; vertical-align: top; padding: 4px 8px; border-bottom: 1px solid var(--line); }
thead th { background: var(--bg-soft); font-size: 12.5px; white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.table-wrap { overflow-x: auto; }
table.probes { width: 100%; }
tr.row-failed td { background: #fff7f7; }
table.compact th { font-weight: 500; color: var(--muted); white-space: nowrap; }
.overview td:first-child { white-space: nowrap; }
.scenario { border: 1px solid var(--line); border-radius: 8px; margin: 10px 0; background: #fff; }
.scenario > summary { cursor: pointer; padding: 10px 14px; display: flex; flex-wrap: wrap; gap: 6px 10px; align-items: center; }
.scenario[open] > summary { border-bottom: 1px solid var(--line); }
.scenario-name { font-weight: 700; font-size: 15px; }
.scenario-body { padding: 4px 16px 12px; }
.error-box { padding: 8px 12px; background: var(--err-bg); border-radius: 6px; overflow-wrap: anywhere; }
.topology { margin: 4px 0 8px; overflow-x: auto; break-inside: avoid; }
.topology svg { display: block; max-width: 100%; height: auto; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.topology-facts { margin: 4px 0; padding-left: 18px; }
.tag { display: inline-block; font-size: 11.5px; padding: 0 6px; border-radius: 8px; background: #ddf4ff; color: #0a3069; }
.ok { color: var(--pass); } .bad { color: var(--fail); }
.side-by-side { display: flex; gap: 12px 32px; flex-wrap: wrap; align-items: flex-start; }
.side-by-side > table { flex: 1 1 320px; }
.side-by-side > table.phases { flex: 0 1 420px; }
.side-by-side > table.names { flex: 2 1 520px; }
.phases { min-width: 300px; }
.bar-cell { width: 160px; } .bar { display: block; height: 10px; margin-top: 5px; background: #0072B2; border-radius: 2px; min-width: 1px; }
figure { margin: 10px 0; break-inside: avoid; }
figcaption { font-size: 12.5px; color: var(--muted); margin-bottom: 2px; }
.cdf-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(340px, 1fr)); gap: 8px 16px; }
figure svg { max-width: 100%; height: auto; }
/* Plot sets font-family="system-ui" as an attribute; on Linux that can resolve to a serif face */
figure svg[class^="plot-"], figure [class$="-swatches"] { font-family: inherit; }
td code.id, td .muted { white-space: nowrap; }
pre.apply-error { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0; max-height: 240px; overflow: auto; background: var(--bg-soft); padding: 6px 8px; }
pre.raw { background: var(--bg-soft); padding: 8px; overflow: auto; max-height: 320px; }
footer { margin-top: 32px; color: var(--muted); font-size: 12px; }
@media (max-width: 720px) { main { padding: 8px 10px 32px; } }
@media print {
  @page { margin: 14mm; }
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  a { color: inherit; }
  .scenario, .failure, figure, tr { break-inside: avoid; }
  .scenario > summary { list-style: none; }
  details::details-content { content-visibility: visible; display: block; }
  .table-wrap { overflow: visible; }
  .verdict, .badge, .bar, tr.row-failed td { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`
