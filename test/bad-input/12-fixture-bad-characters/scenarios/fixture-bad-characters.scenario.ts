// Bad input on purpose (test/bad-input.e2e.test.ts): a fixture name that is a path
export default {
  name: "fixture-bad-characters",
  fixture: "../etc",
  description: "a fixture name that is a path",
  steps: [{ kind: 'probe', names: ['regional'], samples: 2 }],
}
