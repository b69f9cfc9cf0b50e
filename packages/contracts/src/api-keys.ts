import * as v from 'valibot';
import { Name } from './common';

/** What a machine credential may do. */
export const API_KEY_SCOPES = ['tickets:write', 'reports:read'] as const;
export const ApiKeyScope = v.picklist(API_KEY_SCOPES, `Scope must be one of ${API_KEY_SCOPES.join(', ')}.`);
export type ApiKeyScope = v.InferOutput<typeof ApiKeyScope>;

export const CreateApiKey = v.object({
  name: Name('Key name'),
  scopes: v.pipe(
    v.array(ApiKeyScope, 'scopes must be a list.'),
    v.minLength(1, 'Give the key at least one scope.'),
    v.transform((s) => [...new Set(s)]),
  ),
});
export type CreateApiKey = v.InferOutput<typeof CreateApiKey>;

export interface ApiKeyView {
  id: string;
  name: string;
  prefix: string;
  scopes: ApiKeyScope[];
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** Returned once, at creation: the only time the key itself is shown. */
export interface CreatedApiKey extends ApiKeyView {
  key: string;
}
