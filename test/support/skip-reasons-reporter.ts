// A vitest reporter for scripts/test.sh: collects what each test file printed about skipping (the
// files say why they skip in a console.warn at load, e.g. "plh-run e2e: skipped — the local
// target needs root") and writes it, per file, to the path in PLH_SKIP_REASONS_FILE, so that the
// run's closing line can name what was skipped and why (summarize-test-run.ts).
import { writeFileSync } from 'node:fs'
import type { Reporter } from 'vitest/reporters'
import { isSkipNote } from './summarize-test-run.js'

type Task = { id: string; filepath?: string; tasks?: Task[]; file?: { filepath: string } }

export default class SkipReasonsReporter implements Reporter {
  private readonly notes: Array<{ taskId?: string; content: string }> = []

  onUserConsoleLog(log: { content: string; taskId?: string }): void {
    if (isSkipNote(log.content)) this.notes.push({ taskId: log.taskId, content: log.content.trim() })
  }

  onFinished(files: Task[] = []): void {
    const out = process.env.PLH_SKIP_REASONS_FILE
    if (!out) return
    const fileOf = new Map<string, string>()
    const walk = (task: Task, filepath: string) => {
      fileOf.set(task.id, filepath)
      for (const t of task.tasks ?? []) walk(t, filepath)
    }
    for (const f of files) if (f.filepath) walk(f, f.filepath)
    const byFile: Record<string, string[]> = {}
    for (const note of this.notes) {
      const file = (note.taskId && fileOf.get(note.taskId)) || '(unknown file)'
      const list = (byFile[file] ??= [])
      if (!list.includes(note.content)) list.push(note.content)
    }
    writeFileSync(out, JSON.stringify(byFile, null, 2) + '\n')
  }
}
