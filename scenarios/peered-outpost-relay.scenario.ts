import { defineScenario, probe } from '../harness/index.js'

export default defineScenario({
  name: 'peered-outpost-relay',
  fixture: 'peered-outpost-relay',
  description: 'A consumer in eu-west-2 reaches a service in us-east-1 through a same-region endpoint to an outpost NLB whose IP targets sit across an inter-region peering.',
  proves: 'the relay answers on the regional and zonal names, and the provider sees the outpost NLB\'s IPs as the source',
  steps: [
    probe({
      title: 'regional and zonal names from every consumer',
      names: ['regional', 'zonal'],
      samples: 10,
      expect: { status: 200, resolves_to_own_az: true, latency: { timing: 'time_starttransfer', p95: 400 } },
    }),
    probe({
      title: 'the provider sees the outpost NLB as the source',
      names: ['regional'],
      path: '/whoami',
      samples: 5,
      expect: { status: 200, body: '^\\d+\\.\\d+\\.\\d+\\.\\d+', source_is_nlb: true },
    }),
  ],
})
