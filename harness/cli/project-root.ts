// The project root: where scenarios/ and terraform/ live (the checkout this CLI belongs to).
import { fileURLToPath } from 'node:url'
import { resolve } from 'node:path'

/** PLH_ROOT, or the folder two levels above this file. */
export function projectRoot(): string {
  return process.env.PLH_ROOT_OVERRIDE ?? resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..')
}
