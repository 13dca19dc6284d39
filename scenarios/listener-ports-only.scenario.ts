import { defineScenario, probe } from '../harness/index.js'

export default defineScenario({
  name: 'listener-ports-only',
  fixture: 'same-region-cross-account',
  description: 'Only the NLB listener\'s TCP ports pass the endpoint; another port goes nowhere.',
  proves: 'only the listener\'s TCP ports pass',
  steps: [
    probe({ title: 'the listener port answers', names: ['regional'], samples: 5 }),
    probe({
      title: 'a port with no listener times out',
      names: ['regional', 'zonal'],
      port: 8080,
      samples: 3,
      connect_timeout_s: 1,
      timeout_s: 2,
      expect: { failure: 'timeout' },
    }),
  ],
})
