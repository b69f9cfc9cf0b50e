import * as v from 'valibot';

const TYPE_WORDS: Record<string, string> = {
  string: 'Must be text.',
  number: 'Must be a number.',
  boolean: 'Must be true or false.',
  array: 'Must be a list.',
  object: 'Must be an object.',
  date: 'Must be a date.',
};

/**
 * Plain-language defaults for valibot's built-in messages ("Invalid key: Expected …"), used
 * wherever a schema gives no message of its own. The API prefixes the field path.
 */
export function plainMessage(issue: v.BaseIssue<unknown>): string {
  if (issue.received === 'undefined') return 'This field is required.';
  if (issue.kind === 'schema' && issue.type in TYPE_WORDS) return TYPE_WORDS[issue.type] ?? issue.message;
  if (issue.type === 'picklist' || issue.type === 'literal' || issue.type === 'enum') {
    return `Must be one of ${issue.expected ?? 'the allowed values'}.`;
  }
  if (issue.type === 'strict_object' || issue.type === 'never') return 'This field is not allowed.';
  return issue.message;
}

v.setGlobalMessage(plainMessage);
