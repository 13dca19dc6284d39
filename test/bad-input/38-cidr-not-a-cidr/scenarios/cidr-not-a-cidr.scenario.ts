// Bad input on purpose (test/bad-input.e2e.test.ts): a consumer CIDR that is not a CIDR
export default {
  name: "cidr-not-a-cidr",
  fixture: "same-region-cross-account",
  description: "a consumer CIDR that is not a CIDR",
  vars: { consumer_cidr: '10.0.0/16' },
  steps: [{ kind: 'probe', names: ['regional'], samples: 2 }],
}
