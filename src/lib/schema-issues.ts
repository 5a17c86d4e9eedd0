/**
 * Schema issues (zod's) as sentences an editor can act on: which field, what it holds, what is
 * allowed. Zod's own text ("Invalid input: expected string, received undefined") names neither the
 * field's meaning nor the values it takes; the help for each field comes from the schema's owner.
 */

/** The parts of a zod issue this formatter reads. */
export interface SchemaIssue {
  code: string;
  path: readonly PropertyKey[];
  message: string;
  keys?: readonly string[];
}

/**
 * What each field may hold, in plain words, keyed by its path with list positions as `[]`
 * (`bylines[].role`). The keys are also the list of allowed fields for "unknown field".
 */
export type FieldHelp = Readonly<Record<string, string>>;

/** `place.city`, `bylines[0].role`: a field's name as an editor finds it in the file. */
export function fieldName(path: readonly PropertyKey[]): string {
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`))
    .join('');
}

/** The help key of a path: list positions become `[]`. */
function helpKey(path: readonly PropertyKey[]): string {
  return fieldName(path).replace(/\[\d+\]/g, '[]');
}

/** The value at `path` in the data as written, or undefined when absent. */
function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const part of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}

/** A value as the editor wrote it, short. */
function shown(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** The fields allowed inside the object at `path` (top level for []). */
export function allowedFields(help: FieldHelp, path: readonly PropertyKey[]): string[] {
  const parent = helpKey(path);
  const prefix = parent === '' ? '' : `${parent}.`;
  return Object.keys(help)
    .filter((key) => key.startsWith(prefix) && !/[.[]/.test(key.slice(prefix.length)))
    .map((key) => key.slice(prefix.length));
}

/** One issue as sentences (one per unknown key), without the file name. */
function describeIssue(issue: SchemaIssue, data: unknown, help: FieldHelp): string[] {
  if (issue.code === 'unrecognized_keys') {
    const allowed = allowedFields(help, issue.path).join(', ');
    return (issue.keys ?? []).map(
      (key) =>
        `unknown field "${fieldName([...issue.path, key])}" (allowed${issue.path.length ? ` in "${fieldName(issue.path)}"` : ''}: ${allowed})`,
    );
  }
  const name = fieldName(issue.path);
  const what = help[helpKey(issue.path)];
  const value = valueAt(data, issue.path);
  const reason = issue.code === 'custom' ? `: ${issue.message}` : '';
  if (value === undefined) {
    return [`field "${name}" is missing${reason}${what ? ` (required: ${what})` : ''}`];
  }
  return [`field "${name}" is ${shown(value)}${reason}${what ? ` (allowed: ${what})` : ''}`];
}

/** Every issue of one file, a line each, each starting with the file's name. */
export function formatIssues(file: string, issues: readonly SchemaIssue[], data: unknown, help: FieldHelp): string {
  const lines = issues.flatMap((issue) => describeIssue(issue, data, help));
  return [...new Set(lines)].map((line) => `${file}: ${line}`).join('\n');
}
