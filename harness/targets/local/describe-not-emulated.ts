// Turns a failed apply against the local AWS API into the one line a user needs when the cause is
// an action the API does not emulate: which resource of which fixture needed which action.
// Pure: reads the error's message and its cause's full terraform text.

/** The one line, or undefined when the failure has another cause. */
export function describeNotEmulated(fixture: string, error: unknown): string | undefined {
  const texts: string[] = []
  for (let e: unknown = error; e instanceof Error && texts.length < 4; e = (e as Error & { cause?: unknown }).cause) {
    texts.push(e.message)
    const errorText = (e as { errorText?: unknown }).errorText
    if (typeof errorText === 'string') texts.push(errorText)
  }
  const text = texts.join('\n')
  const action = /not emulated: ([A-Za-z0-9 .-]+?):([A-Za-z0-9]+)/.exec(text)
  if (!action) return undefined
  // terraform names the resource in its diagnostic: "(aws_nat_gateway.x)" in the first error, or "with aws_nat_gateway.x," in the full text
  const address = /\bwith ((?:module\.[\w-]+(?:\[[^\]]+\])?\.)*(?:data\.)?aws_\w+\.[\w-]+(?:\[[^\]]+\])?),/.exec(text)?.[1] ?? /\(((?:module\.[\w-]+\.)*(?:data\.)?aws_\w+\.[\w-]+(?:\[[^\]]+\])?)\)/.exec(text)?.[1] ?? 'a resource'
  return `fixture ${fixture}: ${address} needs ${action[1]}:${action[2]}, which the local target does not emulate`
}
