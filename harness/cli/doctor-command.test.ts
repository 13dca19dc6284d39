import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { formatChecks, run } from './doctor-command.js'

describe('plh doctor', () => {
  it('prints one line per check, with what to fix under each failure', () => {
    expect(formatChecks([{ name: 'curl', ok: true, detail: '7.88.1' }, { name: 'nft', ok: false, detail: 'not found', fix: 'apt-get install -y nftables' }])).toBe(
      'ok   curl: 7.88.1\nFAIL nft: not found\n     fix: apt-get install -y nftables\n',
    )
  })

  describe('--target aws with a broken --config', () => {
    let dir = ''
    let out = ''
    beforeEach(async () => {
      dir = await mkdtemp(join(tmpdir(), 'plh-doctor-'))
      out = ''
      vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
        out += String(chunk)
        return true
      })
    })
    afterEach(async () => {
      vi.restoreAllMocks()
      await rm(dir, { recursive: true, force: true })
    })

    it('names the file and field, and exits 2 (bad input) without calling AWS', async () => {
      const file = join(dir, 'plh.json')
      await writeFile(file, JSON.stringify({ accounts: { consumer: { role_arn: 'arn:aws:iam::1:role/x' } } }))
      expect(await run({ target: 'aws', config: file })).toBe(2)
      expect(out).toContain(`FAIL run configuration: ${file}: accounts.consumer.role_arn: an IAM role ARN`)
      expect(out).not.toContain('credentials of account')
    })
  })
})
