// The messages below are what importing a broken file through tsx really threw (Node 20, tsx 4,
// esbuild 0.25), recorded; test/bad-input/ runs the same failures through the real CLI.
import { describe, expect, it } from 'vitest'
import { columnFromByteOffset, describeLoadFailure, findImport } from './locate-load-error.js'

function nodeError(message: string, fields: Record<string, unknown> = {}, stack?: string): Error {
  const error = Object.assign(new Error(message), fields)
  if (stack !== undefined) error.stack = stack
  return error
}

describe('describeLoadFailure', () => {
  it('reads the transformer\'s own position and text from a syntax error', () => {
    const error = nodeError('Transform failed with 1 error:\n/p/scenarios/broken.scenario.ts:4:39: ERROR: Expected ")" but found "]"')
    error.name = 'TransformError'
    expect(describeLoadFailure(error)).toEqual({ kind: 'syntax', file: '/p/scenarios/broken.scenario.ts', line: 4, byteColumn: 39, problem: 'Expected ")" but found "]"' })
  })

  it('reads the importer and the missing module from an unresolved import', () => {
    const error = nodeError("Cannot find module '/p/harness/core/scenarioz.js' imported from /p/scenarios/u.scenario.ts", { code: 'ERR_MODULE_NOT_FOUND' })
    expect(describeLoadFailure(error)).toEqual({ kind: 'unresolved-import', file: '/p/scenarios/u.scenario.ts', missing: '/p/harness/core/scenarioz.js', problem: "Cannot find module '/p/harness/core/scenarioz.js'" })
    const pkg = nodeError("Cannot find package 'no-such-package' imported from /p/scenarios/u.scenario.ts", { code: 'ERR_MODULE_NOT_FOUND' })
    expect(describeLoadFailure(pkg)).toMatchObject({ kind: 'unresolved-import', missing: 'no-such-package' })
  })

  it('places a throw at the first frame of the user\'s code, skipping libraries and node internals', () => {
    const stack = [
      'TypeError: not a number',
      '    at parse (/p/node_modules/lib/index.js:10:3)',
      '    at helper (file:///p/scenarios/helper.ts:2:9)',
      '    at <anonymous> (/p/scenarios/t.scenario.ts:2:16)',
      '    at ModuleJob.run (node:internal/modules/esm/module_job:325:25)',
    ].join('\n')
    const error = new TypeError('not a number')
    error.stack = stack
    expect(describeLoadFailure(error)).toEqual({ kind: 'thrown', file: '/p/scenarios/helper.ts', line: 2, column: 9, problem: 'TypeError: not a number' })
  })

  it('reads a frame without a function name', () => {
    const error = nodeError('boom', {}, 'Error: boom\n    at /p/scenarios/t.scenario.ts:3:9\n    at ModuleJob.run (node:internal/modules/esm/module_job:325:25)')
    expect(describeLoadFailure(error)).toEqual({ kind: 'thrown', file: '/p/scenarios/t.scenario.ts', line: 3, column: 9, problem: 'Error: boom' })
  })

  it('says what it can when there is no position', () => {
    expect(describeLoadFailure('a string')).toEqual({ kind: 'unlocated', problem: 'threw "a string"' })
    expect(describeLoadFailure(nodeError('odd', {}, 'Error: odd\n    at ModuleJob.run (node:internal/modules/esm/module_job:325:25)'))).toEqual({ kind: 'unlocated', problem: 'odd' })
  })
})

describe('findImport', () => {
  const source = ["// a comment from 'nowhere' is not an import, /* nor import('nowhere') */ here", "import { defineScenario } from '../harness/index.js'", 'import { helper } from "./helpers/probe.js"', "import { z } from 'zod/lib'", "const later = await import('./later.js')", ''].join('\n')
  const importer = '/p/scenarios/x.scenario.ts'

  it('finds a relative import by the path Node resolved it to', () => {
    expect(findImport(source, importer, '/p/scenarios/helpers/probe.js')).toEqual({ specifier: './helpers/probe.js', line: 3, column: 24 })
    expect(findImport(source, importer, '/p/harness/index.js')).toEqual({ specifier: '../harness/index.js', line: 2, column: 32 })
    expect(findImport(source, importer, '/p/scenarios/later.js')).toEqual({ specifier: './later.js', line: 5, column: 28 })
  })

  it('finds a package import by the package name, also of a subpath', () => {
    expect(findImport(source, importer, 'zod')).toEqual({ specifier: 'zod/lib', line: 4, column: 19 })
  })

  it('finds nothing for a module the source does not import', () => {
    expect(findImport(source, importer, '/p/scenarios/other.js')).toBeUndefined()
    expect(findImport(source, importer, 'nowhere')).toBeUndefined()
  })
})

describe('columnFromByteOffset', () => {
  it('turns esbuild\'s 0-based byte column into a 1-based character column', () => {
    expect(columnFromByteOffset('  steps: [x]', 9)).toBe(10)
    // "é" and "→" take 2 and 3 bytes: the column counts characters
    expect(columnFromByteOffset("  d: 'é→', x)", 12)).toBe(10)
  })
})
