// Bad input on purpose (test/bad-input.e2e.test.ts): more AZs than the emulator offers
export default {
  name: "az-count-too-many",
  fixture: "same-region-cross-account",
  description: "more AZs than the emulator offers",
  vars: { az_count: 9 },
  steps: [{ kind: 'probe', names: ['regional'], samples: 2 }],
}
