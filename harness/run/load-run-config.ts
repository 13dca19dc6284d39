// Reads the run configuration file: --config FILE, or plh.config.json in the project root when
// it exists. The parsing and its errors are harness/core/run-config.ts's.
import { readFile } from 'node:fs/promises'
import { isAbsolute, relative, resolve } from 'node:path'
import { InputError } from '../core/errors.js'
import { defaultRunConfigFile, parseRunConfig, type RunConfig } from '../core/run-config.js'

/** The configuration, or undefined when no file is given and `root/plh.config.json` does not exist. */
export async function loadRunConfig(root: string, file?: string): Promise<RunConfig | undefined> {
  const path = file === undefined ? resolve(root, defaultRunConfigFile) : isAbsolute(file) ? file : resolve(process.cwd(), file)
  // Errors name the file as the user would type it: relative to the root for the default file.
  const shown = file ?? relative(root, path)
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    if (file === undefined && (error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw new InputError(shown, '(root)', `cannot read the run configuration: ${(error as Error).message}`, { cause: error })
  }
  return parseRunConfig(text, shown)
}
