import { DOMParser } from 'linkedom'
import { describe, expect, it } from 'vitest'
import { mergeJunit } from './merge-junit.js'

const shard = (file: string, tests: number, failures: number, time: number, body: string) => `<?xml version="1.0" encoding="UTF-8" ?>
<testsuites name="vitest tests" tests="${tests}" failures="${failures}" errors="0" time="${time}">
    <testsuite name="${file}" tests="${tests}" failures="${failures}" errors="0" skipped="0" time="${time}">
${body}
    </testsuite>
</testsuites>
`

describe('mergeJunit', () => {
  it('puts every shard suite under one root with summed counts, keeping names, messages and CDATA', () => {
    const a = shard('a.scenario.test.ts', 2, 0, 1.25, `        <testcase classname="a" name="a &gt; consumer › regional &gt; HTTP 200 &amp; &quot;ok&quot;" time="0.1">\n        </testcase>\n        <testcase classname="a" name="two" time="0.1"></testcase>`)
    const b = shard('b.scenario.test.ts', 1, 1, 2.5, `        <testcase classname="b" name="p95 &lt; 250 ms" time="0.2">\n            <failure message="p95 300 ms &gt; 250 ms" type="Error"><![CDATA[Error: <stack>]]></failure>\n        </testcase>`)
    const merged = mergeJunit([{ source: 'shard-1/junit.xml', xml: a }, { source: 'shard-2/junit.xml', xml: b }])
    const doc = new DOMParser().parseFromString(merged, 'text/xml') as unknown as Document
    const root = doc.documentElement
    expect(root.tagName).toBe('testsuites')
    expect([root.getAttribute('tests'), root.getAttribute('failures'), root.getAttribute('errors'), root.getAttribute('time')]).toEqual(['3', '1', '0', '3.750'])
    expect([...root.querySelectorAll('testsuite')].map((s) => s.getAttribute('name'))).toEqual(['a.scenario.test.ts', 'b.scenario.test.ts'])
    expect([...root.querySelectorAll('testcase')].map((c) => c.getAttribute('classname'))).toEqual(['a', 'a', 'b'])
    // suites are copied byte for byte: escaped names and messages stay escaped exactly once
    expect(merged).toContain('name="a &gt; consumer › regional &gt; HTTP 200 &amp; &quot;ok&quot;"')
    expect(merged).toContain('<testcase classname="b" name="p95 &lt; 250 ms" time="0.2">')
    expect(merged).toContain('<failure message="p95 300 ms &gt; 250 ms" type="Error">')
    expect(merged).not.toContain('&amp;gt;')
    expect(merged).toContain('<![CDATA[Error: <stack>]]>')
  })

  it('refuses a file that is not a JUnit report, naming it', () => {
    expect(() => mergeJunit([{ source: 'x/junit.xml', xml: '<html><body>nope</body></html>' }])).toThrow(/^x\/junit\.xml: not a JUnit report/)
  })
})
