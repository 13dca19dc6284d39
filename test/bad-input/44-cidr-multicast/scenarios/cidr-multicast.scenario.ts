// Bad input on purpose (test/bad-input.e2e.test.ts): a consumer VPC in the multicast range
export default {
  name: "cidr-multicast",
  fixture: "same-region-cross-account",
  description: "a consumer VPC in the multicast range",
  vars: { consumer_cidr: '224.1.0.0/16' },
  steps: [{ kind: 'probe', names: ['regional'], samples: 2 }],
}
