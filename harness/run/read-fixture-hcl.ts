// Reads what a fixture's *.tf files declare (variables, outputs, provider blocks) through
// @cdktf/hcl2json, so that loading and validating a fixture never needs the terraform binary.
// The collecting step is pure (it takes already-parsed JSON); only readFixtureHcl touches files.
import { readdir, readFile, stat } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { parse } from '@cdktf/hcl2json'
import { InputError } from '../core/errors.js'

/** One variable block, as the local target and the validator need it. */
export interface HclVariable {
  /** absent when the variable has no default (null is a default: "none given") */
  default?: unknown
  /** type constraint as written, without hcl2json's `${…}` wrapper: `list(number)` */
  type?: string
  description?: string
  /** file that declares it, relative to the project root */
  file: string
}

/** One provider block: enough to warn about providers that do not tag what they create. */
export interface HclProvider {
  name: string
  alias?: string
  file: string
  defaultTags: boolean
}

/** Everything the fixture's *.tf files declare that the harness cross-checks. */
export interface FixtureHcl {
  files: string[]
  variables: Record<string, HclVariable>
  outputs: Record<string, { file: string }>
  providers: HclProvider[]
  /** the same variable or output declared twice (terraform refuses these) */
  duplicates: string[]
}

/** Strips the `${…}` that hcl2json wraps around expressions: `${list(number)}` → `list(number)`. */
export function stripExpressionWrapper(text: string): string {
  const match = /^\$\{([\s\S]*)\}$/.exec(text.trim())
  return match ? match[1]!.trim() : text
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** hcl2json gives every block as an array of bodies (a name may be declared in several files). */
function blockBodies(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter(isRecord) : isRecord(value) ? [value] : []
}

/** Collects declarations from parsed files (pure: `parsed` is what hcl2json returned per file). */
export function collectHclDeclarations(parsed: ReadonlyArray<{ file: string; json: Record<string, unknown> }>): FixtureHcl {
  const hcl: FixtureHcl = { files: parsed.map((p) => p.file), variables: {}, outputs: {}, providers: [], duplicates: [] }
  for (const { file, json } of parsed) {
    const variables = isRecord(json.variable) ? json.variable : {}
    for (const [name, bodies] of Object.entries(variables)) {
      for (const body of blockBodies(bodies)) {
        if (hcl.variables[name]) hcl.duplicates.push(`variable ${name} is declared in ${hcl.variables[name]!.file} and again in ${file}`)
        const variable: HclVariable = { file }
        if ('default' in body) variable.default = body.default
        if (typeof body.type === 'string') variable.type = stripExpressionWrapper(body.type)
        if (typeof body.description === 'string') variable.description = body.description
        hcl.variables[name] = variable
      }
    }
    const outputs = isRecord(json.output) ? json.output : {}
    for (const name of Object.keys(outputs)) {
      if (hcl.outputs[name]) hcl.duplicates.push(`output ${name} is declared in ${hcl.outputs[name]!.file} and again in ${file}`)
      hcl.outputs[name] = { file }
    }
    const providers = isRecord(json.provider) ? json.provider : {}
    for (const [name, bodies] of Object.entries(providers)) {
      for (const body of blockBodies(bodies)) {
        const provider: HclProvider = { name, file, defaultTags: 'default_tags' in body }
        if (typeof body.alias === 'string') provider.alias = body.alias
        hcl.providers.push(provider)
      }
    }
  }
  return hcl
}

/**
 * Parses every *.tf file of `dir` (not subdirectories: terraform reads only the root module's).
 * File names in the result and in errors are relative to `root`. A file that does not parse is
 * an InputError naming it.
 */
export async function readFixtureHcl(root: string, dir: string): Promise<FixtureHcl> {
  // stat, not the directory entry: terraform reads a symlinked *.tf file like any other
  const names: string[] = []
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name.endsWith('.tf') && (await stat(join(dir, entry.name)).then((s) => s.isFile(), () => false))) names.push(entry.name)
  }
  names.sort()
  const parsed: { file: string; json: Record<string, unknown> }[] = []
  for (const name of names) {
    const path = join(dir, name)
    const file = relative(root, path)
    const content = await readFile(path, 'utf8')
    try {
      parsed.push({ file, json: await parse(name, content) })
    } catch (error) {
      const problem = error instanceof Error ? error.message : String(error)
      throw new InputError(file, '', `does not parse as HCL: ${problem}`, { cause: error })
    }
  }
  return collectHclDeclarations(parsed)
}
