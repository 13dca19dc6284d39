// Builds the POSIX sh batch scripts that run curl on an instance (one SSM SendCommand each):
// every target × samples, interleaved round-robin, one compact JSON line per sample, split into
// as few batches as fit SSM's 24,000-character stdout limit with a bound that the script itself
// enforces. Pure: returns strings; the transport runs them.
//
// One line per sample (parse-probe-output.ts reads it):
//   {"k":"t0","s":3,"x":0,"c":"200","ip":"10.1.1.10","tn":0.000012,"tc":0.000101,"ta":0,
//    "ts":0.000412,"tt":0.000433,"e":"","b":"ok from us-east-1a\n"}
// k target key, s sample number, x curl's exit status, c HTTP status, ip remote IP, t* curl's
// timings in seconds. The error message is `e` (raw) when it is printable ASCII without `"` or
// `\`, else `eh` (base64); the body head is `b` (raw, a trailing newline written as \n) when the
// body is one such line of at most 256 bytes, else `bb` (base64 of its first 256 bytes); only
// successful transfers (exit 0) report a body, only failed ones a message. curl does not escape
// -w values for JSON, which is why the message and body never go through -w raw.
//
// Cost per sample: one curl process; a second one (base64) only for bodies that are not a single
// printable line, or for messages that are not printable. Everything else is shell builtins.
// For exit 7, the errno text curl 7.88 logs only in verbose mode ("connect to … failed: No route
// to host") is appended to the message as " [connect: …]", so that refused and no-route differ.
//
// Worst case per line (worstCaseLineChars): 25 (key ≤ 2, seq < 100, exit ≤ 255) + 157 (curl
// fields) + 358 (the larger of message ≤ 320 and base64 body head ≤ 344, with the other empty) +
// 3 = 543 characters; so 44 samples fit a 24,000-character batch (3 names × 20 samples: 2 batches).
import type { ProbeTarget } from '../core/results.js'
import { SSM_STDOUT_LIMIT } from '../core/ssm-limits.js'
import { quoteForSh } from './shell-quote.js'

/** One options object for the script builder (samples, curl timeouts, output budget, CA). */
export interface ProbeScriptOptions {
  /** requests per target */
  samples: number
  /** curl --max-time per request, seconds */
  timeoutS: number
  /** curl --connect-timeout per request, seconds */
  connectTimeoutS: number
  /** stdout budget of one batch (default 24,000: what GetCommandInvocation returns) */
  maxOutputChars?: number
  /** CA bundle path on the instance, for https targets signed by a private CA */
  caBundle?: string
}

/** One batch as the runner needs it: the script and the bounds to size SSM's limits by. */
export interface ProbeBatch {
  script: string
  /** sample lines this batch prints */
  lines: number
  /** the most stdout it can print: lines × the worst-case line */
  worstCaseChars: number
  /** a generous bound on its run time, for SSM's executionTimeout */
  maxSeconds: number
}

/** The per-line limits the script enforces; worstCaseLineChars adds them up. */
export const probeLineLimits = {
  keyChars: 32,
  bodyHeadBytes: 256,
  /** raw message longer than this goes base64 instead (curl's own buffer is 256 bytes; plus the connect errno) */
  errormsgRawChars: 320,
  /** bytes of message that go base64: 4·240/3 = 320 characters, the same as the raw limit */
  errormsgBase64Bytes: 240,
  /** the curl -w part ("c":…,"tt":…): 3-digit status, IP ≤ 45 (curl's MAX_IPADR_LEN), 5 times of ≤ 13 ("%ld.%06ld", ≤ 6 integer digits) */
  curlFieldsChars: `"c":"000","ip":"${'i'.repeat(45)}"`.length + 5 * `,"tn":${'9'.repeat(13)}`.length,
} as const

const keyPattern = new RegExp(`^[A-Za-z0-9_.-]{1,${probeLineLimits.keyChars}}$`)

/** The text curl's -w prints: size_download (for the script only), the JSON fields, then the message after a newline. */
export const curlWriteOut =
  '%{size_download} "c":"%{http_code}","ip":"%{remote_ip}","tn":%{time_namelookup},"tc":%{time_connect},' +
  '"ta":%{time_appconnect},"ts":%{time_starttransfer},"tt":%{time_total}\\n%{errormsg}'

/**
 * curl's arguments before `-o <body file> --url <url>`, in order: -q first (ignore ~/.curlrc),
 * silent but verbose to a file, no URL globbing, no proxy, http(s) only, no redirects followed.
 */
export function buildCurlArgs(options: Pick<ProbeScriptOptions, 'timeoutS' | 'connectTimeoutS' | 'caBundle'>): string[] {
  const args = ['-q', '-s', '-v', '-g', '--noproxy', '*', '--proto', '=http,https']
  args.push('--connect-timeout', String(options.connectTimeoutS), '--max-time', String(options.timeoutS))
  if (options.caBundle !== undefined) args.push('--cacert', options.caBundle)
  args.push('-w', curlWriteOut)
  return args
}

/** The longest line one sample can print, in characters (all ASCII): the bound batches are sized by. */
export function worstCaseLineChars(keyChars: number, maxSeq: number): number {
  const L = probeLineLimits
  const eh = Math.ceil(L.errormsgBase64Bytes / 3) * 4
  const bb = Math.ceil(L.bodyHeadBytes / 3) * 4
  const message = Math.max(`"e":"${'e'.repeat(L.errormsgRawChars)}"`.length, `"eh":"${'e'.repeat(eh)}"`.length)
  const body = Math.max(`"b":"${'b'.repeat(L.bodyHeadBytes)}\\n"`.length, `"bb":"${'b'.repeat(bb)}"`.length)
  // message or body, never both (see sampleFunction): the other one is printed empty
  const messageOrBody = Math.max(message + ',"b":""'.length, '"e":"",'.length + body)
  const head = `{"k":"${'k'.repeat(keyChars)}","s":${maxSeq},"x":255,`.length
  return head + L.curlFieldsChars + 1 + messageOrBody + '}\n'.length
}

/** Names the option in the message, as every public options object here does. */
function checkOptions(targets: readonly ProbeTarget[], o: ProbeScriptOptions): number {
  const maxOutputChars = o.maxOutputChars ?? SSM_STDOUT_LIMIT
  if (targets.length === 0) throw new Error('buildProbeScripts: targets is empty')
  if (!Number.isInteger(o.samples) || o.samples < 1) throw new Error(`buildProbeScripts: samples must be a positive integer, got ${o.samples}`)
  for (const [name, v, max] of [['timeoutS', o.timeoutS, 3600], ['connectTimeoutS', o.connectTimeoutS, 3600]] as const) {
    if (!(Number.isFinite(v) && v >= 0.001 && v <= max)) throw new Error(`buildProbeScripts: ${name} must be between 0.001 and ${max} seconds, got ${v}`)
  }
  if (o.caBundle === '') throw new Error('buildProbeScripts: caBundle must be a path, got an empty string')
  if (!Number.isInteger(maxOutputChars) || maxOutputChars < 1) throw new Error(`buildProbeScripts: maxOutputChars must be a positive integer, got ${maxOutputChars}`)
  const keys = new Set<string>()
  for (const t of targets) {
    if (!keyPattern.test(t.key)) throw new Error(`buildProbeScripts: target key ${JSON.stringify(t.key)} must match ${keyPattern} (it is printed into JSON unescaped)`)
    if (keys.has(t.key)) throw new Error(`buildProbeScripts: target key ${t.key} appears twice`)
    keys.add(t.key)
  }
  return maxOutputChars
}

// The per-sample function. $1 key, $2 sample number, $3 URL; $b body file, $v verbose log.
// Limits come from probeLineLimits; every branch keeps its field within them.
// A line carries a message or a body head, never both: a failed transfer (exit ≠ 0) reports its
// message and not its partial body (no assertion reads it), a successful one has no message.
function sampleFunction(curlArgs: string[]): string {
  const L = probeLineLimits
  const noFields = '"c":"000","ip":"","tn":0,"tc":0,"ta":0,"ts":0,"tt":0'
  const bb = Math.ceil(L.bodyHeadBytes / 3) * 4 // base64 of the body head; guards a size_download that lied
  return `p() {
  k=$1 s=$2
  r=$(curl ${curlArgs.map(quoteForSh).join(' ')} -o "$b" --url "$3" 2>"$v")
  x=$?
  case $r in
  *"$nl"*) e=\${r#*"$nl"} r=\${r%%"$nl"*} ;;
  *) e= ;;
  esac
  case $r in
  [0-9]*' "c":"'*) n=\${r%% *} j=\${r#* } ;;
  *) n= j= ;;
  esac
  case $n in ''|*[!0-9]*) j= ;; esac
  if [ -z "$j" ] || [ \${#j} -gt ${L.curlFieldsChars} ]; then
    n=0 j=${quoteForSh(noFields)} e="curl printed no usable -w output (exit $x)"
  fi
  [ "$x" = 0 ] || n=0
  [ "$n" = 0 ] || e=
  if [ "$x" = 7 ]; then
    t=
    while IFS= read -r l; do
      case $l in *'connect to '*' failed: '*) t=\${l##*' failed: '} ;; esac
    done <"$v"
    if [ -n "$t" ]; then case $e in *"$t"*) ;; *) e="$e [connect: $t]" ;; esac; fi
  fi
  E=
  case $e in
  *[![:print:]]*|*[\\"\\\\]*) ;;
  *) [ \${#e} -gt ${L.errormsgRawChars} ] || E="\\"e\\":\\"$e\\"" ;;
  esac
  [ -n "$E" ] || E="\\"eh\\":\\"$(printf '%.${L.errormsgBase64Bytes}s' "$e" | base64 -w0)\\""
  B='"b":""'
  if [ "$n" -gt ${L.bodyHeadBytes} ]; then
    B="\\"bb\\":\\"$(head -c ${L.bodyHeadBytes} <"$b" | base64 -w0)\\""
  elif [ "$n" -gt 0 ]; then
    l=
    IFS= read -r l <"$b"
    q=$?
    B=
    case $l in
    *[![:print:]]*|*[\\"\\\\]*) ;;
    *) if [ $q = 0 ] && [ "$n" = $((\${#l} + 1)) ]; then B="\\"b\\":\\"$l\\\\n\\""
       elif [ $q != 0 ] && [ "$n" = \${#l} ]; then B="\\"b\\":\\"$l\\""; fi ;;
    esac
    if [ -z "$B" ]; then
      h=$(base64 -w0 <"$b")
      [ \${#h} -le ${bb} ] || h=$(head -c ${L.bodyHeadBytes} <"$b" | base64 -w0)
      B="\\"bb\\":\\"$h\\""
    fi
  fi
  printf '{"k":"%s","s":%s,"x":%s,%s,%s,%s}\\n' "$k" "$s" "$x" "$j" "$E" "$B"
}`
}

/**
 * The batches for these targets, each with its script and bounds. Samples interleave
 * round-robin (t0 s0, t1 s0, t0 s1 …) so that drift over a batch does not bias one name; the
 * fewest batches that fit are used, and their sizes differ by at most one line.
 */
export function planProbeBatches(targets: readonly ProbeTarget[], options: ProbeScriptOptions): ProbeBatch[] {
  const maxOutputChars = checkOptions(targets, options)
  const lineBound = worstCaseLineChars(Math.max(...targets.map((t) => t.key.length)), options.samples - 1)
  const perBatch = Math.floor((maxOutputChars - 1) / lineBound) // strictly under the budget
  if (perBatch < 1) throw new Error(`buildProbeScripts: maxOutputChars ${maxOutputChars} is below one sample line (${lineBound} characters worst case)`)
  const total = targets.length * options.samples
  const batchCount = Math.ceil(total / perBatch)
  const curlArgs = buildCurlArgs(options)
  const head = [
    'set -u',
    'set -f',
    'LC_ALL=C',
    'export LC_ALL',
    "nl='\n'",
    'd=',
    `trap '[ -z "$d" ] || rm -rf -- "$d"' EXIT`,
    "trap 'exit 0' HUP INT TERM",
    'd=$(mktemp -d 2>/dev/null) || d=',
    'if [ -n "$d" ]; then b=$d/body v=$d/verbose; else b=/dev/null v=/dev/null; echo "probe: mktemp -d failed; no body heads" >&2; fi',
    ...targets.map((t, i) => `u${i}=${quoteForSh(t.url)}`),
    sampleFunction(curlArgs),
  ]
  const batches: ProbeBatch[] = []
  let next = 0
  for (let b = 0; b < batchCount; b++) {
    const lines = Math.floor(total / batchCount) + (b < total % batchCount ? 1 : 0)
    const calls: string[] = []
    for (let i = next; i < next + lines; i++) {
      const t = i % targets.length
      calls.push(`p ${quoteForSh(targets[t]!.key)} ${Math.floor(i / targets.length)} "$u${t}"`)
    }
    next += lines
    const script = [
      `# privatelink-harness probe batch ${b + 1}/${batchCount}: ${lines} samples, one JSON line each (harness/probe/build-probe-script.ts)`,
      ...head,
      ...calls,
      'exit 0',
      '',
    ].join('\n')
    batches.push({ script, lines, worstCaseChars: lines * lineBound, maxSeconds: Math.ceil(lines * (options.timeoutS + 0.5)) + 10 })
  }
  return batches
}

/** One POSIX sh script per batch (see planProbeBatches); each always exits 0. */
export function buildProbeScripts(targets: readonly ProbeTarget[], options: ProbeScriptOptions): string[] {
  return planProbeBatches(targets, options).map((b) => b.script)
}
