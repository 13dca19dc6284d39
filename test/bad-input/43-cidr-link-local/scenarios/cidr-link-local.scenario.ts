// Bad input on purpose (test/bad-input.e2e.test.ts): a producer VPC in the link-local range
export default {
  name: "cidr-link-local",
  fixture: "same-region-cross-account",
  description: "a producer VPC in the link-local range",
  vars: { producer_cidr: '169.254.0.0/16' },
  steps: [{ kind: 'probe', names: ['regional'], samples: 2 }],
}
