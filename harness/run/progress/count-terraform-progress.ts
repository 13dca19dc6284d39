// Terraform's machine-readable UI (`terraform apply -json`, one message per line) counted into
// "resources done out of planned" (pure). Message types used: planned_change (one per resource
// to change), change_summary (operation "plan" announces the total, "apply"/"destroy" the end),
// apply_complete and apply_errored (one per resource finished). Unknown types are ignored, as
// the format's compatibility promise asks.

/** The fields of a terraform `-json` UI message this file reads (the rest is passed through). */
export interface TerraformUiMessage {
  type: string
  '@message'?: string
  '@level'?: string
  change?: { action?: string; resource?: { addr?: string } }
  hook?: { action?: string; resource?: { addr?: string } }
  changes?: { add?: number; change?: number; import?: number; remove?: number; operation?: string }
  [key: string]: unknown
}

/**
 * Terraform's own message from what a target hands over: either the JSON UI line itself, or the
 * AWS target's parsed event (harness/targets/aws/terraform/terraform-events.ts), which keeps the
 * original line in `raw` and lifts `message` and `action` out.
 */
export function toTerraformMessage(event: { type: string; [key: string]: unknown }): TerraformUiMessage {
  const raw = event.raw
  if (raw !== null && typeof raw === 'object' && typeof (raw as { type?: unknown }).type === 'string') return raw as TerraformUiMessage
  const message = typeof event['@message'] === 'string' ? event['@message'] : typeof event.message === 'string' ? event.message : undefined
  const lifted = typeof event.action === 'string' && event.change === undefined && event.type === 'planned_change' ? { change: { action: event.action } } : {}
  return { ...event, ...lifted, ...(message !== undefined ? { '@message': message } : {}) } as TerraformUiMessage
}

export interface TerraformCount {
  done: number
  total: number
}

const ignoredActions = new Set(['noop', 'read'])

/** The count after `event`; the same object when the event changes nothing. */
export function countTerraformEvent(count: TerraformCount, event: TerraformUiMessage): TerraformCount {
  switch (event.type) {
    case 'planned_change':
      return ignoredActions.has(event.change?.action ?? '') ? count : { ...count, total: count.total + 1 }
    case 'change_summary': {
      const c = event.changes ?? {}
      const sum = (c.add ?? 0) + (c.change ?? 0) + (c.remove ?? 0)
      // "plan" states the total; a final "apply"/"destroy" summary says everything is done
      if (c.operation === 'plan') return { ...count, total: Math.max(sum, count.done) }
      return { done: Math.max(count.done, sum), total: Math.max(count.total, sum) }
    }
    case 'apply_complete':
    case 'apply_errored':
      return { done: count.done + 1, total: Math.max(count.total, count.done + 1) }
    default:
      return count
  }
}
