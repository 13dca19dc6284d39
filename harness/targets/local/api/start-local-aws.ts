// The local AWS as a person or terraform meets it: the API on loopback with a store of the run's
// accounts (each with its own random keys), and an AWS config and credentials file with one
// profile per account, so `terraform apply` and `aws --profile consumer ec2 …` work unchanged.
import { randomBytes } from 'node:crypto'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Logger } from '../../../core/target.js'
import type { ServiceDefinition } from './server/action-handler.js'
import { startAwsApi, type ApiRequestRecord, type AwsApi } from './server/start-aws-api.js'
import { AwsStore, type AccountInfo } from './store/aws-store.js'

export interface LocalAwsOptions {
  /** the accounts, by the alias fixtures use in their `<alias>_profile` variables */
  accounts: Array<{ name: string; id: string }>
  /** where the config and credentials files are written (removed by close) */
  dir: string
  services: ServiceDefinition[]
  /** region written into each profile (default us-east-1) */
  region?: string
  log?: Logger
  onRequest?: (record: ApiRequestRecord) => void
  /** fixed keys (tests that must know them); default random per account */
  keys?: (account: { name: string; id: string }) => { accessKeyId: string; secretAccessKey: string }
}

/** A running local AWS: the API, its accounts and the environment that reaches it. */
export interface LocalAws {
  api: AwsApi
  accounts: AccountInfo[]
  configFile: string
  credentialsFile: string
  /** AWS_ENDPOINT_URL, AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE and IMDS off */
  env: Record<string, string>
  close(): Promise<void>
}

function randomKeys(): { accessKeyId: string; secretAccessKey: string } {
  return { accessKeyId: `AKIAPLH${randomBytes(7).toString('hex').toUpperCase()}`.slice(0, 20), secretAccessKey: randomBytes(30).toString('base64') }
}

/** Renders the shared config file (profiles with region and endpoint) and credentials file. */
export function renderAwsFiles(accounts: AccountInfo[], region: string, url: string): { config: string; credentials: string } {
  const config = accounts.map((a) => `[profile ${a.name}]\nregion = ${region}\nendpoint_url = ${url}\n`).join('\n')
  const credentials = accounts.map((a) => `[${a.name}]\naws_access_key_id = ${a.accessKeyId}\naws_secret_access_key = ${a.secretAccessKey}\n`).join('\n')
  return { config, credentials }
}

/** Starts the API and writes the files; `close()` stops it and removes them. */
export async function startLocalAws(options: LocalAwsOptions): Promise<LocalAws> {
  const names = new Set<string>()
  for (const a of options.accounts) {
    if (!/^\d{12}$/.test(a.id)) throw new TypeError(`startLocalAws: account "${a.name}" needs a 12-digit id, got "${a.id}"`)
    if (names.has(a.name)) throw new TypeError(`startLocalAws: account alias "${a.name}" given twice`)
    names.add(a.name)
  }
  const accounts: AccountInfo[] = options.accounts.map((a) => ({ ...a, ...(options.keys ?? randomKeys)(a) }))
  const store = new AwsStore(accounts)
  const api = await startAwsApi({ store, services: options.services, ...(options.log ? { log: options.log } : {}), ...(options.onRequest ? { onRequest: options.onRequest } : {}) })
  const configFile = join(options.dir, 'aws-config')
  const credentialsFile = join(options.dir, 'aws-credentials')
  try {
    await mkdir(options.dir, { recursive: true })
    const files = renderAwsFiles(accounts, options.region ?? 'us-east-1', api.url)
    await writeFile(configFile, files.config, { mode: 0o600 })
    await writeFile(credentialsFile, files.credentials, { mode: 0o600 })
  } catch (error) {
    await api.close()
    throw error
  }
  return {
    api,
    accounts,
    configFile,
    credentialsFile,
    env: {
      AWS_ENDPOINT_URL: api.url,
      AWS_CONFIG_FILE: configFile,
      AWS_SHARED_CREDENTIALS_FILE: credentialsFile,
      AWS_EC2_METADATA_DISABLED: 'true',
    },
    async close() {
      await api.close()
      await rm(configFile, { force: true })
      await rm(credentialsFile, { force: true })
    },
  }
}
