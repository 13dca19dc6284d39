import { describe, expect, it } from 'vitest'
import { closestName, didYouMean } from './did-you-mean.js'

describe('closestName', () => {
  it.each([
    ['sample', ['samples', 'scheme', 'path'], 'samples'],
    ['regonal', ['regional', 'zonal', 'tls'], 'regional'],
    ['statuz', ['status', 'body', 'latency'], 'status'],
    ['Regional', ['regional', 'zonal'], 'regional'],
    ['accept-endpont', ['accept-endpoint', 'wait'], 'accept-endpoint'],
  ])('offers a near miss: %s → %s', (received, candidates, expected) => {
    expect(closestName(received, candidates)).toBe(expected)
  })

  it.each([
    ['open', ['pendingAcceptance', 'pending', 'available', 'rejected', 'failed']],
    ['x', ['a', 'b']],
    ['colour', ['status', 'body']],
    ['regional', ['regional', 'zonal']],
  ])('offers nothing for %s: another word, too short, or not a typo at all', (received, candidates) => {
    expect(closestName(received, candidates)).toBeUndefined()
  })
})

describe('didYouMean', () => {
  it('ends a message with the suggestion, or with nothing', () => {
    expect(didYouMean('zonl', ['regional', 'zonal'])).toBe('; did you mean "zonal"?')
    expect(didYouMean('elsewhere', ['regional', 'zonal'])).toBe('')
    expect(didYouMean(42, ['regional'])).toBe('')
  })
})
