// `plh doctor`: what this machine has for each target, and what to install.
import { execa } from 'execa'
import { localPrerequisiteChecks } from '../targets/local/check-prerequisites.js'

export async function run(): Promise<number> {
  const checks = await localPrerequisiteChecks()
  const tf = await execa('terraform', ['version', '-json'], { reject: false })
  const version = tf.exitCode === 0 ? (JSON.parse(tf.stdout) as { terraform_version: string }).terraform_version : null
  const [major = 0, minor = 0] = (version ?? '0.0').split('.').map(Number)
  checks.push({ name: 'terraform ≥ 1.7 (aws target, plh validate)', ok: major > 1 || (major === 1 && minor >= 7), detail: version ?? 'not found', fix: 'install terraform ≥ 1.7 and put it on PATH' })
  for (const c of checks) process.stdout.write(`${c.ok ? 'ok  ' : 'MISSING'} ${c.name}: ${c.detail}${c.ok ? '' : ` — fix: ${c.fix}`}\n`)
  return checks.every((c) => c.ok) ? 0 : 3
}
