// Bad input on purpose (test/bad-input.e2e.test.ts): a CIDR with an octet above 255
export default {
  name: "cidr-octet-too-large",
  fixture: "same-region-cross-account",
  description: "a CIDR with an octet above 255",
  vars: { consumer_cidr: '10.300.0.0/16' },
  steps: [{ kind: 'probe', names: ['regional'], samples: 2 }],
}
