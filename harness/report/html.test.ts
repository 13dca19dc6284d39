import { describe, expect, it } from 'vitest'
import { buildRelativeHref, escapeHtml, formatMs, formatRatio, formatTime, html, trustHtml } from './html.js'

describe('html', () => {
  it('escapes every interpolation, joins arrays and keeps built markup', () => {
    const hostile = `<script>alert("x")</script>'&`
    const out = html`<p title="${hostile}">${hostile}${[html`<b>${'<i>'}</b>`, '<u>']}${trustHtml('<svg></svg>')}${null}${false}</p>`.value
    expect(out).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39;&amp;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39;&amp;<b>&lt;i&gt;</b>&lt;u&gt;<svg></svg></p>',
    )
    expect(escapeHtml('a < b && "c"')).toBe('a &lt; b &amp;&amp; &quot;c&quot;')
  })

  it('links only plain relative paths, encoding each segment', () => {
    expect(buildRelativeHref('logs/ssm/3f1c.log')).toBe('logs/ssm/3f1c.log')
    expect(buildRelativeHref('logs/my run/a#b?.log')).toBe('logs/my%20run/a%23b%3F.log')
    expect(buildRelativeHref('javascript:alert(1)')).toBeNull()
    expect(buildRelativeHref('https://example.com/x.log')).toBeNull()
    expect(buildRelativeHref('//example.com/x.log')).toBeNull()
    expect(buildRelativeHref('')).toBeNull()
  })

  it('formats numbers for people', () => {
    expect(formatMs(1.234)).toBe('1.2 ms')
    expect(formatMs(1234.4)).toBe('1,234 ms')
    expect(formatMs(null)).toBe('–')
    expect(formatRatio(0.95)).toBe('95 %')
    expect(formatRatio(0.9876)).toBe('98.8 %')
    expect(formatTime('2026-11-21T02:00:03.120Z')).toBe('2026-11-21 02:00:03 UTC')
    expect(formatTime('not a time')).toBe('not a time')
  })
})
