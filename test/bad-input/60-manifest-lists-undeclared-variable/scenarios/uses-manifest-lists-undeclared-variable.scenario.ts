// Bad input on purpose (test/bad-input.e2e.test.ts): runs the broken fixture manifest-lists-undeclared-variable
export default {
  name: "uses-manifest-lists-undeclared-variable",
  fixture: "manifest-lists-undeclared-variable",
  description: "runs the broken fixture manifest-lists-undeclared-variable",
  steps: [{ kind: 'probe', names: ['regional'], samples: 2 }],
}
