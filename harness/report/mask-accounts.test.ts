import { describe, expect, it } from 'vitest'
import { maskAccountIds, maskRunResults } from './mask-accounts.js'
import { buildRunResults } from './test-fixtures.js'

describe('maskAccountIds', () => {
  it('masks stand-alone 12-digit ids, in ARNs too', () => {
    expect(maskAccountIds('account 111122223333')).toBe('account ****3333')
    expect(maskAccountIds('arn:aws:iam::444455556666:root')).toBe('arn:aws:iam::****6666:root')
  })

  it('leaves longer numbers, hex ids and UUID segments alone', () => {
    for (const text of ['1234567890123', 'vpce-012345678901', '3f1c9a2e-5b7d-4c1e-9f00-000000000022', 'i-123456789012']) {
      expect(maskAccountIds(text)).toBe(text)
    }
  })
})

describe('maskRunResults', () => {
  it('masks a copy everywhere but in log paths, leaving the original untouched', () => {
    const results = buildRunResults()
    results.scenarios[2]!.logs = [{ label: 'apply', path: 'logs/111122223333/apply.log' }]
    const masked = maskRunResults(results)
    const text = JSON.stringify({ ...masked, scenarios: masked.scenarios.map((s) => ({ ...s, logs: undefined })) })
    expect(text).not.toMatch(/111122223333|444455556666/)
    expect(text).toContain('****6666')
    expect(masked.scenarios[2]!.logs![0]!.path).toBe('logs/111122223333/apply.log')
    expect(JSON.stringify(results)).toContain('444455556666')
  })
})
