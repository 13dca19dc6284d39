// The janitor's report as text and an exit code (0 clean, 3 an account or region could not be
// listed, 4 something is left after --delete). Pure, so the CLI only prints it.
import type { JanitorReport } from './run-janitor.js'

export function formatJanitorReport(report: JanitorReport, options: { delete: boolean }): { stdout: string; stderr: string; exitCode: number } {
  const out: string[] = []
  const { plan } = report
  out.push(`scanned ${report.scanned.map((s) => `${s.alias}/${s.region}`).join(', ')}`)
  if (!options.delete) {
    out.push(`${plan.remove.length} resource(s) of finished runs would be deleted, in this order:`)
    for (const r of plan.remove) out.push(`  ${r.kind.padEnd(22)} ${r.arn}  (run ${r.runId}, account ${r.alias})`)
    if (plan.remove.length > 0) out.push('run again with --delete to delete them')
  } else {
    out.push(`deleted ${report.deleted.length}, already gone ${report.gone.length}, failed ${report.failed.length}`)
  }
  if (plan.unsupported.length > 0) {
    out.push(`${plan.unsupported.length} resource(s) of finished runs the janitor does not delete (remove by hand):`)
    for (const u of plan.unsupported) out.push(`  ${u.resource.arn}: ${u.reason}`)
  }
  const kept = plan.keep.length
  if (kept > 0) out.push(`kept ${kept} resource(s): ${summarize(plan.keep.map((k) => k.reason))}`)

  const err: string[] = []
  for (const s of report.scanErrors) err.push(`plh: could not list ${s.alias}/${s.region}: ${s.error}`)
  const left = [...report.failed.map((f) => `${f.resource.arn} (${f.error})`), ...(options.delete ? plan.unsupported.map((u) => `${u.resource.arn} (not deleted by the janitor)`) : [])]
  if (options.delete && left.length > 0) {
    err.push(`plh: ${left.length} resource(s) left: ${left.join('; ')}; run \`plh janitor --target aws --delete\` again or remove them by hand`)
  }
  const exitCode = options.delete && left.length > 0 ? 4 : report.scanErrors.length > 0 ? 3 : 0
  return { stdout: `${out.join('\n')}\n`, stderr: err.length ? `${err.join('\n')}\n` : '', exitCode }
}

function summarize(reasons: string[]): string {
  const counts = new Map<string, number>()
  for (const r of reasons) counts.set(r, (counts.get(r) ?? 0) + 1)
  return [...counts].map(([reason, n]) => `${n} × ${reason}`).join('; ')
}
