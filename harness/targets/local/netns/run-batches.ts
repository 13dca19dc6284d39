// The one place the emulator runs `ip` and `nft`: batches in, errors with the failing command out.
import { execa } from 'execa'
import { InfrastructureError } from '../../../core/errors.js'
import type { NamespaceBatch } from './ip-batches.js'

/** Runs one `ip -batch` script, in a namespace or (for `netns add/del` only) the host. */
export async function runIpBatch(batch: NamespaceBatch, options: { force?: boolean } = {}): Promise<void> {
  if (batch.lines.length === 0) return
  const args = [...(batch.ns ? ['-n', batch.ns] : []), ...(options.force ? ['-force'] : []), '-batch', '-']
  const result = await execa('ip', args, { input: batch.lines.join('\n') + '\n', reject: false })
  if (result.exitCode !== 0 && !options.force) {
    throw new InfrastructureError('APPLY_FAILED', `ip ${args.join(' ')} failed: ${result.stderr.trim() || result.stdout.trim()}`, {
      fields: { ns: batch.ns, lines: batch.lines.length },
    })
  }
}

/** Loads an nftables script inside a namespace. */
export async function runNft(ns: string, script: string): Promise<void> {
  if (!script.trim()) return
  const result = await execa('ip', ['netns', 'exec', ns, 'nft', '-f', '-'], { input: script, reject: false })
  if (result.exitCode !== 0) {
    throw new InfrastructureError('APPLY_FAILED', `nft in ${ns} failed: ${result.stderr.trim()}`, { fields: { ns } })
  }
}

/** Turns on IPv4 forwarding inside a namespace (a VPC fabric that routes to its peerings). */
export async function enableForwarding(ns: string): Promise<void> {
  // /proc/sys/net is per namespace; writing it needs no sysctl binary (procps may be absent)
  const result = await execa('ip', ['netns', 'exec', ns, 'sh', '-c', 'echo 1 > /proc/sys/net/ipv4/ip_forward'], { reject: false })
  if (result.exitCode !== 0) throw new InfrastructureError('APPLY_FAILED', `enabling forwarding in ${ns} failed: ${result.stderr.trim()}`, { fields: { ns } })
}

/** Names of the network namespaces that exist now. */
export async function listNamespaces(): Promise<string[]> {
  const result = await execa('ip', ['netns', 'list'], { reject: false })
  return result.stdout
    .split('\n')
    .map((line) => line.split(' ')[0]!.trim())
    .filter(Boolean)
}

/** Deletes namespaces (missing ones are fine); returns those that still exist afterwards. */
export async function deleteNamespaces(names: string[]): Promise<string[]> {
  if (names.length === 0) return []
  await runIpBatch({ ns: null, lines: names.map((n) => `netns del ${n}`) }, { force: true })
  const left = new Set(await listNamespaces())
  return names.filter((n) => left.has(n))
}
