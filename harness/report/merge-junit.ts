// Joins the JUnit files of a sharded run's shards into one: every shard's <testsuite> elements
// under one <testsuites> whose counts are the sums. linkedom parses the XML (no hand-written
// parser); suites are copied as serialised, so names, failure messages and CDATA stay intact.
import { DOMParser } from 'linkedom'

/** One shard's junit.xml and where it came from (for messages). */
export interface JunitPart {
  source: string
  xml: string
}

const counted = ['tests', 'failures', 'errors'] as const

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

/** The merged junit.xml text; throws an Error naming the part that is not a JUnit report. */
export function mergeJunit(parts: readonly JunitPart[], name = 'vitest tests'): string {
  const totals = { tests: 0, failures: 0, errors: 0, time: 0 }
  const suites: string[] = []
  for (const part of parts) {
    const doc = new DOMParser().parseFromString(part.xml, 'text/xml') as unknown as Document
    const root = doc.documentElement
    if (!root || root.tagName !== 'testsuites') throw new Error(`${part.source}: not a JUnit report (its root element is ${root ? `<${root.tagName}>` : 'missing'}, not <testsuites>)`)
    for (const key of counted) totals[key] += Number(root.getAttribute(key) ?? 0) || 0
    totals.time += Number(root.getAttribute('time') ?? 0) || 0
    for (const suite of root.querySelectorAll('testsuite')) suites.push(`    ${suite.outerHTML}`)
  }
  const attributes = `name="${escapeAttribute(name)}" tests="${totals.tests}" failures="${totals.failures}" errors="${totals.errors}" time="${totals.time.toFixed(3)}"`
  return `<?xml version="1.0" encoding="UTF-8" ?>\n<testsuites ${attributes}>\n${suites.join('\n')}\n</testsuites>\n`
}
