// Bad input on purpose (test/bad-input.e2e.test.ts): a consumer VPC in the loopback range
export default {
  name: "cidr-loopback",
  fixture: "same-region-cross-account",
  description: "a consumer VPC in the loopback range",
  vars: { consumer_cidr: '127.0.0.0/16' },
  steps: [{ kind: 'probe', names: ['regional'], samples: 2 }],
}
