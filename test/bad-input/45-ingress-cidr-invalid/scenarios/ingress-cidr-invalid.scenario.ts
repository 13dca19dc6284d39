// Bad input on purpose (test/bad-input.e2e.test.ts): an endpoint ingress CIDR that is not a CIDR
export default {
  name: "ingress-cidr-invalid",
  fixture: "same-region-cross-account",
  description: "an endpoint ingress CIDR that is not a CIDR",
  vars: { endpoint_ingress_cidrs: ['10.0.0.0/16', '10.0.0.0/33'] },
  steps: [{ kind: 'probe', names: ['regional'], samples: 2 }],
}
