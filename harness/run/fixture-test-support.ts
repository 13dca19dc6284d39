// Builds throwaway fixture trees for the tests of load-fixture and validate-fixture.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

/** A manifest that passes the schema, for tests to spoil one field at a time. */
export function goodManifest(name: string): Record<string, unknown> {
  return {
    name,
    description: 'a test fixture',
    proves: ['something'],
    topology: 'same-region-cross-account',
    targets: ['local', 'aws'],
    variables: ['name_prefix', 'run_id', 'ports'],
    outputs: ['harness'],
  }
}

/** *.tf files that declare exactly what goodManifest lists. */
export const goodHcl: Record<string, string> = {
  'variables.tf': `
variable "name_prefix" {
  description = "prefix"
  type        = string
  default     = "plh"
}

variable "run_id" {
  description = "run id"
  type        = string
}

variable "ports" {
  description = "ports"
  type        = list(number)
  default     = [80, 443]
}
`,
  'providers.tf': `
provider "aws" {
  alias = "producer"
  default_tags {
    tags = { "plh:run-id" = var.run_id }
  }
}
`,
  'outputs.tf': `
output "harness" {
  value = {}
}
`,
  'tests/x.tftest.hcl': `run "x" {}\n`,
}

/** Makes a project root in a temp dir; `write` adds terraform/<name>/ with the given files. */
export async function makeFixtureRoot(): Promise<{
  root: string
  write(name: string, files: Record<string, string>, manifest?: unknown): Promise<void>
  remove(): Promise<void>
}> {
  const root = await mkdtemp(join(tmpdir(), 'plh-fixture-test-'))
  return {
    root,
    async write(name, files, manifest) {
      const dir = join(root, 'terraform', name)
      await mkdir(dir, { recursive: true })
      for (const [file, content] of Object.entries(files)) {
        await mkdir(dirname(join(dir, file)), { recursive: true })
        await writeFile(join(dir, file), content)
      }
      if (manifest !== undefined) await writeFile(join(dir, 'manifest.json'), typeof manifest === 'string' ? manifest : JSON.stringify(manifest, null, 2))
    },
    remove: () => rm(root, { recursive: true, force: true }),
  }
}
