// Writes the figure blocks of bench/README.md and README.md from one bench result (the object
// `npm run bench` writes to bench/results.json), so that no figure in either lacks a results file
// behind it. `bench/render-docs.ts` regenerates both from the committed bench/results.json.
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { HEADLINE_END, HEADLINE_START, renderFigures, renderHeadline, replaceBlock, FIGURES_END, FIGURES_START, type FiguresInput } from './render-figures.js'

/** Rewrites the block between the markers in each README. */
export async function writeFigureDocs(root: string, result: FiguresInput): Promise<void> {
  const bench = join(root, 'bench', 'README.md')
  await writeFile(bench, replaceBlock(await readFile(bench, 'utf8'), renderFigures(result), FIGURES_START, FIGURES_END))
  const main = join(root, 'README.md')
  await writeFile(main, replaceBlock(await readFile(main, 'utf8'), renderHeadline(result), HEADLINE_START, HEADLINE_END))
}

