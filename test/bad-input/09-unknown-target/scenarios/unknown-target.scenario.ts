// Bad input on purpose (test/bad-input.e2e.test.ts): targets names a target that does not exist
export default {
  name: "unknown-target",
  fixture: "same-region-cross-account",
  description: "targets names a target that does not exist",
  targets: ['gcp'],
  steps: [{ kind: 'probe', names: ['regional'], samples: 2 }],
}
