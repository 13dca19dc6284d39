import { parseHTML } from 'linkedom'
import { describe, expect, it } from 'vitest'
import { harnessOutputSchema } from '../core/contract.js'
import { buildRelayThreeAzScenario } from '../../test/fixtures/report/relay-three-az.js'
import { buildTopologyModel } from './build-topology-model.js'
import { renderTopologySvg } from './render-topology-svg.js'

function draw(mutate: (model: ReturnType<typeof buildTopologyModel>) => void = () => undefined) {
  const relay = buildRelayThreeAzScenario()
  const model = buildTopologyModel(harnessOutputSchema.parse(relay.outputs), relay.vars, relay.probes)
  mutate(model)
  return parseHTML(`<body>${renderTopologySvg(model)}</body>`).document.querySelector('svg')!
}

describe('renderTopologySvg', () => {
  const svg = draw()
  const texts = [...svg.querySelectorAll('text')].map((t) => t.textContent!.trim())

  it('labels every VPC with its CIDR, every AZ with its subnet, every ENI, NLB node and target with its IP', () => {
    for (const label of ['Consumer VPC', 'Outpost VPC (relay)', 'Provider VPC', 'Third VPC', 'CIDR 10.0.0.0/16', 'CIDR 10.1.0.0/16', 'CIDR 10.2.0.0/16', 'CIDR 10.3.0.0/16']) expect(texts).toContain(label)
    expect(texts).toContain('AZ eu-west-2c · subnet 10.0.48.0/20')
    expect(texts).toContain('AZ us-east-1b · subnet 10.2.32.0/20')
    for (const ip of ['10.0.16.250', '10.0.32.250', '10.0.48.250', '10.1.16.251', '10.1.48.251']) expect(texts).toContain(ip)
    expect(texts.filter((t) => t.startsWith('NLB target'))).toEqual(['NLB target 10.2.16.4', 'NLB target 10.2.32.4', 'NLB target 10.2.48.4'])
  })

  it('draws both peerings, the PrivateLink hop from each ENI and a forward to each target', () => {
    expect([...svg.querySelectorAll('g.topo-peering')].map((g) => `${g.getAttribute('data-a')}-${g.getAttribute('data-b')}`)).toEqual(['outpost-provider', 'third-outpost'])
    expect(svg.querySelectorAll('path.topo-hop')).toHaveLength(3)
    expect(svg.querySelectorAll('path.topo-forward')).toHaveLength(3)
  })

  it('draws failed paths red and lists them in words, so that they read in print without colour too', () => {
    const failed = [...svg.querySelectorAll('path.topo-path-failed')]
    expect(failed).toHaveLength(3)
    for (const p of failed) {
      expect(p.getAttribute('stroke')).toBe('#c62828')
      expect(p.getAttribute('data-name')).toBe('zonal eu-west-2c')
    }
    expect([...svg.querySelectorAll('path.topo-path:not(.topo-path-failed)')].every((p) => p.getAttribute('stroke') === '#1d4ed8')).toBe(true)
    expect(texts.filter((t) => t.startsWith('✗'))).toEqual([
      '✗ i-0c0ffee00000001a → zonal eu-west-2c name: 0/5 answered (step 2)',
      '✗ i-0c0ffee00000002a → zonal eu-west-2c name: 0/5 answered (step 2)',
      '✗ i-0c0ffee00000003a → zonal eu-west-2c name: 0/5 answered (step 2)',
    ])
  })

  it('escapes what it is given and says when a CIDR was not recorded', () => {
    const hostile = draw((m) => {
      m.vpcs[0]!.title = '<script>alert(1)</script>'
      m.vpcs[1]!.cidr = null
    })
    expect(hostile.querySelector('script')).toBeNull()
    expect([...hostile.querySelectorAll('text')].map((t) => t.textContent)).toContain('<script>alert(1)</script>')
    expect([...hostile.querySelectorAll('text')].map((t) => t.textContent)).toContain('CIDR not recorded')
  })
})
