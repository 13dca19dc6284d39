import { defineScenario, probe } from '../harness/index.js'

export default defineScenario({
  name: 'same-region-cross-account',
  fixture: 'same-region-cross-account',
  description: 'A consumer account reaches the producer account\'s service through an interface endpoint in the same region.',
  proves: 'regional and every zonal name answer from every consumer, and each zonal name resolves to its own AZ\'s ENI (CIDRs overlap on purpose)',
  steps: [
    probe({
      title: 'regional and zonal names from every consumer',
      names: ['regional', 'zonal'],
      samples: 20,
      expect: { status: 200, success_ratio: 1, resolves_to_own_az: true, latency: { timing: 'time_total', p95: 250 } },
    }),
  ],
})
