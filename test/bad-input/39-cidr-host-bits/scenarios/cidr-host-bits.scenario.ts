// Bad input on purpose (test/bad-input.e2e.test.ts): a producer CIDR with host bits set
export default {
  name: "cidr-host-bits",
  fixture: "same-region-cross-account",
  description: "a producer CIDR with host bits set",
  vars: { producer_cidr: '10.0.0.1/16' },
  steps: [{ kind: 'probe', names: ['regional'], samples: 2 }],
}
