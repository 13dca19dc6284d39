// `node bin/run-ts.mjs bench/render-docs.ts`: rewrites the figure blocks of README.md and
// bench/README.md from the committed bench/results.json (what `npm run bench` does after a run),
// e.g. after a change to how the blocks are rendered.
import { readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { FiguresInput } from './render-figures.js'
import { writeFigureDocs } from './write-figure-docs.js'

const root = resolve(fileURLToPath(new URL('..', import.meta.url)))
const result = JSON.parse(await readFile(join(root, 'bench', 'results.json'), 'utf8')) as FiguresInput
await writeFigureDocs(root, result)
console.error('bench: README.md and bench/README.md rewritten from bench/results.json')
