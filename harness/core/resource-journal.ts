// What a run journal records (harness/run/run-journal.ts writes it): every resource a run makes,
// noted BEFORE it is made and forgotten once it is gone, so that a run killed at any instant can
// be torn down from the file alone. Targets only see this port, never the file.

export type JournalKind = 'namespace' | 'link' | 'process' | 'nft-table' | 'file' | 'dir' | 'terraform-workdir' | 'terraform-state'

export interface JournalResource {
  kind: JournalKind
  /** unique within the run for its kind: a namespace name, a path, `socket-agent:<ns>`, a state key */
  id: string
  /** the namespace a link, table or process lives in */
  ns?: string
  /** processes: known once spawned (record again with it) */
  pid?: number
  /** processes: /proc/<pid>/cmdline when recorded (filled in by the journal); a pid is only signalled while it still matches */
  cmdline?: string
  /** files, dirs, terraform working directories (where `command` runs) */
  path?: string
  /** nft tables: "<family> <name>", e.g. "ip plh_3f9a2c" */
  table?: string
  /** terraform: the argv that destroys what the working directory/state holds */
  command?: string[]
  /** the scenario that made it (set by the journal of a scenario session) */
  scenario?: string
}

/** The narrow seam targets write through. */
export interface ResourceJournal {
  /** Notes a resource about to be made (or, recorded again, facts learnt since, such as a pid). */
  record(...resources: JournalResource[]): Promise<void>
  /** Notes that resources are gone. */
  forget(...resources: Array<Pick<JournalResource, 'kind' | 'id'>>): Promise<void>
}

/** A journal that writes nothing (unit tests, tools that build a topology outside a run). */
export const noJournal: ResourceJournal = {
  record: async () => undefined,
  forget: async () => undefined,
}
