/**
 * Schema refusals as api.md's `fields: {name: reason}`: one plain reason per field, worded for a person
 * and free of schema internals. A field is named when its name is a plain identifier (any name the API
 * defines, and prototype keys such as `__proto__`); any other unknown key is reported against the body
 * or query as a whole, so the answer never repeats arbitrary input.
 */
export interface AjvIssue {
  readonly instancePath: string;
  readonly keyword: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly message?: string;
}

const NAMEABLE = /^[A-Za-z0-9_$.[\]-]{1,64}$/;

function reason(issue: AjvIssue): string {
  const p = issue.params;
  switch (issue.keyword) {
    case 'required':
      return 'is required';
    case 'additionalProperties':
      return 'is not allowed';
    case 'type':
      return `must be ${String(p['type']) === 'integer' ? 'an integer' : `a ${String(p['type'])}`}`;
    case 'pattern':
      return 'has the wrong format';
    case 'minLength':
      return p['limit'] === 1 ? 'must not be empty' : `must be at least ${String(p['limit'])} characters`;
    case 'maxLength':
      return `must be at most ${String(p['limit'])} characters`;
    case 'minimum':
      return `must be at least ${String(p['limit'])}`;
    case 'maximum':
      return `must be at most ${String(p['limit'])}`;
    case 'minProperties':
      return 'must contain at least one change';
    case 'const':
    case 'enum':
    case 'anyOf':
      return 'has a value that is not allowed';
    default:
      return issue.message ?? 'is not valid';
  }
}

const wholeName = (context: string): string => (context === 'querystring' ? 'query' : context === 'params' ? 'path' : 'body');

function field(issue: AjvIssue, context: string): readonly [string, string] {
  const p = issue.params;
  const base = issue.instancePath.replace(/^\//, '').replace(/\//g, '.');
  const leaf = issue.keyword === 'required' ? p['missingProperty'] : issue.keyword === 'additionalProperties' ? p['additionalProperty'] : undefined;
  const name = [base, typeof leaf === 'string' ? leaf : ''].filter((s) => s !== '').join('.');
  if (name === '') return [wholeName(context), reason(issue)];
  if (!NAMEABLE.test(name)) return [wholeName(context), issue.keyword === 'additionalProperties' ? 'has a field that is not allowed' : 'is not valid'];
  return [name, reason(issue)];
}

export function validationFields(issues: readonly AjvIssue[], context: string): Readonly<Record<string, string>> {
  // A Map, then fromEntries: a key such as `__proto__` becomes a field of its own, not the object's prototype.
  const fields = new Map<string, string>();
  // `if` only repeats what its `then` branch already reported.
  for (const issue of issues.filter((i) => i.keyword !== 'if')) {
    const [name, why] = field(issue, context);
    if (!fields.has(name)) fields.set(name, why);
  }
  return Object.fromEntries(fields);
}
