// The local AWS as both the terraform engine and `plh serve` run it: the API (every service, SSM
// with Run Command into the emulated instances and the public AMI parameters) and the reconciler
// that builds the data plane from the API's store. Wiring only; one place, so the two users
// cannot drift. Lives beside api/ and reconcile/ because api/ never imports the reconciler.
import type { Logger } from '../../core/target.js'
import type { ResourceJournal } from '../../core/resource-journal.js'
import { services } from './api/services/index.js'
import { createSsmService } from './api/services/ssm/index.js'
import { createRunCommandHandlers } from './api/services/ssm/run-command-handlers.js'
import { ssmParameterHandlers } from './api/services/ssm-parameters/index.js'
import type { ApiRequestRecord } from './api/server/start-aws-api.js'
import { startLocalAws, type LocalAws } from './api/start-local-aws.js'
import { Reconciler } from './reconcile/reconciler.js'

export interface LocalAwsWithDataPlaneOptions {
  accounts: Array<{ name: string; id: string }>
  /** where the AWS config and credentials files go */
  dir: string
  /** names of namespaces and nft tables carry it */
  tag: string
  region?: string
  journal?: ResourceJournal
  log?: Logger
  onRequest?: (record: ApiRequestRecord) => void
}

/** A running local AWS with its data plane. */
export interface LocalAwsWithDataPlane {
  local: LocalAws
  reconciler: Reconciler
  /** Run Command calls the API served, per operation */
  ssmCalls(): Record<string, number>
  /** stops scripts, tears the data plane down, stops the API; returns namespaces that could not be removed */
  close(): Promise<string[]>
}

/** Starts the API, then the reconciler following its store. */
export async function startLocalAwsWithDataPlane(options: LocalAwsWithDataPlaneOptions): Promise<LocalAwsWithDataPlane> {
  let reconciler: Reconciler | undefined
  // the handlers ask the reconciler for instances only once requests arrive, after it exists
  const runCommand = createRunCommandHandlers({ instancesFor: (account, region) => reconciler!.instancesFor(account, region), ...(options.log ? { log: options.log } : {}) })
  const local = await startLocalAws({
    accounts: options.accounts,
    dir: options.dir,
    services: [...services, createSsmService(runCommand.handlers, ssmParameterHandlers)],
    ...(options.region ? { region: options.region } : {}),
    ...(options.log ? { log: options.log } : {}),
    ...(options.onRequest ? { onRequest: options.onRequest } : {}),
  })
  reconciler = new Reconciler({ store: local.api.store, tag: options.tag, ...(options.log ? { log: options.log } : {}), ...(options.journal ? { journal: options.journal } : {}) })
  reconciler.start()
  const started = reconciler
  let closing: Promise<string[]> | undefined
  return {
    local,
    reconciler: started,
    ssmCalls: () => runCommand.calls(),
    close() {
      closing ??= (async () => {
        await runCommand.close()
        const left = await started.stop()
        await local.close()
        return left
      })()
      return closing
    },
  }
}
