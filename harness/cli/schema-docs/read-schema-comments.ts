// The doc comments of a schema file's fields (pure: source text in, map out). zod 3 keeps no
// descriptions at run time and the scenario schema documents its fields with /** … */ comments,
// so the reference reads them from the source with the TypeScript parser: the key is
// `<const name>.<field>`, e.g. `expectationsSchema.status`.
import ts from 'typescript'

export function readSchemaComments(source: string, fileName = 'schema.ts'): Map<string, string> {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true)
  const comments = new Map<string, string>()
  const visit = (node: ts.Node, owner: string): void => {
    if (ts.isPropertyAssignment(node) && (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name))) {
      // a comment on the line of the object's opening brace counts as "trailing" for TypeScript
      const ranges = [...(ts.getTrailingCommentRanges(source, node.getFullStart()) ?? []), ...(ts.getLeadingCommentRanges(source, node.getFullStart()) ?? [])]
      const text = ranges
        .map((r) => source.slice(r.pos, r.end))
        .filter((c) => c.startsWith('/**'))
        .map((c) => c.replace(/^\/\*\*\s*|\s*\*\/$/g, '').replace(/\n\s*\*\s*/g, ' ').trim())
        .join(' ')
      const key = `${owner}.${node.name.text}`
      if (text && !comments.has(key)) comments.set(key, text)
    }
    ts.forEachChild(node, (child) => visit(child, owner))
  }
  for (const statement of file.statements) {
    if (!ts.isVariableStatement(statement)) continue
    for (const declaration of statement.declarationList.declarations) {
      if (ts.isIdentifier(declaration.name) && declaration.initializer) visit(declaration.initializer, declaration.name.text)
    }
  }
  return comments
}
