import { acceptEndpoint, defineScenario, probe } from '../harness/index.js'

export default defineScenario({
  name: 'pending-acceptance',
  fixture: 'same-region-cross-account',
  description: 'With acceptance required, the endpoint waits in pendingAcceptance and passes nothing until the producer accepts it.',
  proves: 'an endpoint in pendingAcceptance passes no traffic until accepted',
  vars: { acceptance_required: true },
  steps: [
    { kind: 'expect-endpoint-state', state: 'pendingAcceptance' },
    probe({
      title: 'before acceptance: nothing passes',
      names: ['regional'],
      samples: 3,
      connect_timeout_s: 1,
      timeout_s: 2,
      expect: { failure: 'timeout' },
    }),
    acceptEndpoint('the producer accepts the connection'),
    { kind: 'expect-endpoint-state', state: 'available' },
    probe({ title: 'after acceptance: every name answers', names: ['regional', 'zonal'], samples: 10, expect: { resolves_to_own_az: true } }),
  ],
})
