// What the local target needs from the machine, checked before anything is created, with the
// command that fixes each gap.
import { execa } from 'execa'
import { PrerequisiteError } from '../../core/errors.js'

export interface PrerequisiteCheck {
  name: string
  ok: boolean
  detail: string
  fix?: string
}

async function hasCommand(command: string, args: string[]): Promise<boolean> {
  const result = await execa(command, args, { reject: false })
  return result.exitCode === 0
}

/** Every check the local target depends on (plh doctor prints them all). */
export async function localPrerequisiteChecks(): Promise<PrerequisiteCheck[]> {
  const root = typeof process.getuid === 'function' && process.getuid() === 0
  const checks: PrerequisiteCheck[] = [
    { name: 'root (or CAP_NET_ADMIN)', ok: root, detail: root ? 'running as root' : 'not root', fix: 'run as root (sudo), or grant CAP_NET_ADMIN and CAP_SYS_ADMIN' },
    { name: 'iproute2 (ip)', ok: await hasCommand('ip', ['-V']), detail: 'ip netns, veth, bridges', fix: 'apt-get install -y iproute2' },
    { name: 'nftables (nft)', ok: await hasCommand('nft', ['--version']), detail: 'security groups as kernel rules', fix: 'apt-get install -y nftables' },
    { name: 'curl', ok: await hasCommand('curl', ['--version']), detail: 'probes run real curl (≥ 7.75 for %{exitcode})', fix: 'apt-get install -y curl' },
  ]
  return checks
}

/** Throws a PrerequisiteError naming every missing piece and how to install it. */
export async function checkLocalPrerequisites(): Promise<void> {
  const missing = (await localPrerequisiteChecks()).filter((c) => !c.ok)
  if (missing.length === 0) return
  throw new PrerequisiteError(`the local target needs: ${missing.map((m) => `${m.name} (${m.fix})`).join('; ')}; \`plh doctor\` checks again, \`bash scripts/install.sh\` installs the packages`)
}
