// Bad input on purpose (test/bad-input.e2e.test.ts): a /8 VPC
export default {
  name: "cidr-too-large",
  fixture: "same-region-cross-account",
  description: "a /8 VPC",
  vars: { producer_cidr: '10.0.0.0/8' },
  steps: [{ kind: 'probe', names: ['regional'], samples: 2 }],
}
