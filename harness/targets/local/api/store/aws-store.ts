// The control plane's only holder of resource state: resources keyed by account, region, type
// and id (moto's backends per account and region, in one map). Handlers read and write it; the
// reconciler subscribes to its change events and builds the data plane from snapshots of it.
import { EventEmitter } from 'node:events'
import { randomBytes } from 'node:crypto'

/** An account the local API knows: its id and the long-term keys that sign as it. */
export interface AccountInfo {
  id: string
  /** the harness's name for it (`producer`, `consumer`): also the AWS config profile name */
  name: string
  accessKeyId: string
  secretAccessKey: string
}

/** Region of resources that are global in AWS (IAM roles, instance profiles, Route 53 zones). */
export const GLOBAL_REGION = 'global'

/** One stored resource. `data` is the handler's own shape (usually the SDK output shape). */
export interface ResourceRecord<T = any> {
  type: string
  id: string
  account: string
  region: string
  tags: Record<string, string>
  createdAt: number
  data: T
}

/** What changed; the reconciler only needs to know that something did, and where. */
export interface StoreChange {
  kind: 'put' | 'delete'
  type: string
  id: string
  account: string
  region: string
  revision: number
}

/** Which records to list: all of a type, optionally narrowed to an account and a region. */
export interface ListQuery {
  type: string
  account?: string
  region?: string
}

const key = (account: string, region: string, type: string, id: string): string => `${account}\u0000${region}\u0000${type}\u0000${id}`

/** The store: accounts, resources, ids, change events. One per local API. */
export class AwsStore {
  private readonly records = new Map<string, ResourceRecord>()
  private readonly accountList: AccountInfo[]
  private readonly events = new EventEmitter()
  private revisionCounter = 0

  constructor(accounts: AccountInfo[]) {
    if (accounts.length === 0) throw new TypeError('AwsStore: at least one account is needed')
    this.accountList = accounts.map((a) => ({ ...a }))
  }

  /** Monotonic counter, bumped on every change (the reconciler compares it). */
  get revision(): number {
    return this.revisionCounter
  }

  accounts(): AccountInfo[] {
    return this.accountList.map((a) => ({ ...a }))
  }

  accountByAccessKey(accessKeyId: string): AccountInfo | undefined {
    return this.accountList.find((a) => a.accessKeyId === accessKeyId)
  }

  accountById(id: string): AccountInfo | undefined {
    return this.accountList.find((a) => a.id === id)
  }

  /** Creates or replaces a record; emits a change. Returns the stored record. */
  put<T>(record: Omit<ResourceRecord<T>, 'createdAt' | 'tags'> & { tags?: Record<string, string>; createdAt?: number }): ResourceRecord<T> {
    const k = key(record.account, record.region, record.type, record.id)
    const previous = this.records.get(k)
    const stored: ResourceRecord<T> = {
      ...record,
      tags: record.tags ?? previous?.tags ?? {},
      createdAt: record.createdAt ?? previous?.createdAt ?? Date.now(),
    }
    this.records.set(k, stored)
    this.emit('put', stored)
    return stored
  }

  /** Changes a record in place (data and/or tags) and emits a change; undefined if absent. */
  update<T>(account: string, region: string, type: string, id: string, change: (record: ResourceRecord<T>) => void): ResourceRecord<T> | undefined {
    const record = this.records.get(key(account, region, type, id)) as ResourceRecord<T> | undefined
    if (record === undefined) return undefined
    change(record)
    this.emit('put', record)
    return record
  }

  get<T>(account: string, region: string, type: string, id: string): ResourceRecord<T> | undefined {
    return this.records.get(key(account, region, type, id)) as ResourceRecord<T> | undefined
  }

  delete(account: string, region: string, type: string, id: string): boolean {
    const k = key(account, region, type, id)
    const record = this.records.get(k)
    if (record === undefined) return false
    this.records.delete(k)
    this.emit('delete', record)
    return true
  }

  /** Records of a type, in creation order (as AWS lists most things). */
  list<T>(query: ListQuery): ResourceRecord<T>[] {
    const out: ResourceRecord<T>[] = []
    for (const record of this.records.values()) {
      if (record.type !== query.type) continue
      if (query.account !== undefined && record.account !== query.account) continue
      if (query.region !== undefined && record.region !== query.region) continue
      out.push(record as ResourceRecord<T>)
    }
    return out
  }

  /** The record with this id in an account and region, whatever its type (CreateTags, DeleteTags). */
  findById(account: string, region: string, id: string): ResourceRecord | undefined {
    for (const record of this.records.values()) {
      if (record.id === id && record.account === account && record.region === region) return record
    }
    return undefined
  }

  /** Every record (a snapshot copy of the list, not of the records). */
  all(): ResourceRecord[] {
    return [...this.records.values()]
  }

  /** An AWS-style id: `prefix-` and 17 lower-case hex digits (vpc-0a1b…), unique in this store. */
  newId(prefix: string, hexDigits = 17): string {
    for (;;) {
      const id = `${prefix}-${randomBytes(Math.ceil(hexDigits / 2)).toString('hex').slice(0, hexDigits)}`
      if (![...this.records.values()].some((r) => r.id === id)) return id
    }
  }

  /** Subscribes to changes; returns the unsubscribe function. */
  onChange(listener: (change: StoreChange) => void): () => void {
    this.events.on('change', listener)
    return () => this.events.off('change', listener)
  }

  private emit(kind: StoreChange['kind'], record: ResourceRecord): void {
    this.revisionCounter += 1
    const change: StoreChange = { kind, type: record.type, id: record.id, account: record.account, region: record.region, revision: this.revisionCounter }
    this.events.emit('change', change)
  }
}
