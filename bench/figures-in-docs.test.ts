// The figures in README.md and bench/README.md are exactly what the committed bench/results.json
// renders, and that file holds a run of at least three repetitions: no figure in either README
// lacks a results file behind it. After `npm run bench` both are rewritten together; after a
// change to the rendering, `node bin/run-ts.mjs bench/render-docs.ts` rewrites the blocks.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, test } from 'vitest'
import { MIN_REPETITIONS_FOR_RESULTS } from './repeat.js'
import { FIGURES_END, FIGURES_START, HEADLINE_END, HEADLINE_START, extractBlock, renderFigures, renderHeadline, type FiguresInput } from './render-figures.js'

const root = fileURLToPath(new URL('..', import.meta.url))
const read = (path: string) => readFile(join(root, path), 'utf8')

test('the committed bench/results.json comes from a run of at least three repetitions, each with its runs recorded', async () => {
  const result = JSON.parse(await read('bench/results.json')) as FiguresInput
  expect(result.repetitions).toBeGreaterThanOrEqual(MIN_REPETITIONS_FOR_RESULTS)
  expect(result.runs.suite).toHaveLength(result.repetitions)
  expect(result.runs.scale).toHaveLength(result.repetitions)
  for (const t of result.targets) if (t.met !== null && t.spread) expect(t.spread.runs).toHaveLength(result.repetitions)
})

test('bench/README.md and README.md show exactly the figures bench/results.json renders', async () => {
  const result = JSON.parse(await read('bench/results.json')) as FiguresInput
  expect(extractBlock(await read('bench/README.md'), FIGURES_START, FIGURES_END)).toBe(renderFigures(result))
  expect(extractBlock(await read('README.md'), HEADLINE_START, HEADLINE_END)).toBe(renderHeadline(result))
})
