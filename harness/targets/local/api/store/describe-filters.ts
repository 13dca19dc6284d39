// The filter language of EC2's Describe* calls (`Filter.N.Name` / `Filter.N.Value.M`): a resource
// matches when every filter matches, a filter matches when any of its values matches; `tag:<key>`
// and `tag-key` filter on tags; values may use `*` and `?` wildcards as AWS documents.

/** A filter as the SDK sends it. */
export interface DescribeFilter {
  Name?: string
  Values?: string[]
}

/**
 * How each filter name reads a resource: returns the value(s) to compare. Names a resource does
 * not support make the call fail, as AWS does (InvalidParameterValue), so a typo is not silently
 * ignored.
 */
export type FilterFields<T> = Record<string, (resource: T) => string | number | boolean | undefined | null | Array<string | number | boolean | undefined | null>>

/** Thrown for a filter name the resource type does not support. */
export class UnknownFilterError extends Error {
  constructor(readonly filterName: string) {
    super(`The filter '${filterName}' is invalid`)
  }
}

const wildcard = (pattern: string): RegExp =>
  new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`)

/** Keeps the resources that match every filter. */
export function applyFilters<T>(resources: T[], filters: DescribeFilter[] | undefined, fields: FilterFields<T>, tagsOf: (resource: T) => Record<string, string>): T[] {
  if (!filters || filters.length === 0) return resources
  for (const filter of filters) {
    const name = filter.Name ?? ''
    if (!name.startsWith('tag:') && name !== 'tag-key' && name !== 'tag-value' && !(name in fields)) throw new UnknownFilterError(name)
  }
  return resources.filter((resource) =>
    filters.every((filter) => {
      const name = filter.Name ?? ''
      const patterns = (filter.Values ?? []).map(wildcard)
      let actual: unknown[]
      if (name.startsWith('tag:')) actual = [tagsOf(resource)[name.slice(4)]]
      else if (name === 'tag-key') actual = Object.keys(tagsOf(resource))
      else if (name === 'tag-value') actual = Object.values(tagsOf(resource))
      else {
        const value = fields[name]!(resource)
        actual = Array.isArray(value) ? value : [value]
      }
      return actual.some((v) => v !== undefined && v !== null && patterns.some((p) => p.test(String(v))))
    }),
  )
}

/** EC2's `TagSet` / `Tags` list from a tag map. */
export function toTagList(tags: Record<string, string>): Array<{ Key: string; Value: string }> {
  return Object.entries(tags).map(([Key, Value]) => ({ Key, Value }))
}

/** The tags of a `TagSpecifications` list that apply to `resourceType`, merged into one map. */
export function tagsFromSpecifications(specs: Array<{ ResourceType?: string; Tags?: Array<{ Key?: string; Value?: string }> }> | undefined, resourceType: string): Record<string, string> {
  const tags: Record<string, string> = {}
  for (const spec of specs ?? []) {
    if (spec.ResourceType !== undefined && spec.ResourceType !== resourceType) continue
    for (const tag of spec.Tags ?? []) if (tag.Key !== undefined) tags[tag.Key] = tag.Value ?? ''
  }
  return tags
}
