// The one way plh writes a duration for people, in the run's summary, its progress lines and the
// HTML report alike: "0.4 s", "12.3 s", "1m 02s", "1h 05m 00s".

/**
 * Formats seconds. Below a minute: tenths of a second. From a minute on: the total is rounded to
 * whole seconds first and only then split, so 119.6 s reads "2m 00s", never "1m 60s".
 * A missing or non-finite value reads "–".
 */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '–'
  // 59.96 s would print "60.0 s" with toFixed(1): it belongs to the minutes
  if (Math.round(seconds * 10) < 600) return `${(Math.round(seconds * 10) / 10).toFixed(1)} s`
  const whole = Math.round(seconds)
  const h = Math.floor(whole / 3600)
  const m = Math.floor((whole % 3600) / 60)
  const s = String(whole % 60).padStart(2, '0')
  return h > 0 ? `${h}h ${String(m).padStart(2, '0')}m ${s}s` : `${m}m ${s}s`
}
