// Bad input on purpose (test/bad-input.e2e.test.ts): a path that does not start with /
export default {
  name: "path-without-slash",
  fixture: "same-region-cross-account",
  description: "a path that does not start with /",
  steps: [{ kind: 'probe', names: ['regional'], samples: 2, path: 'health' }],
}
