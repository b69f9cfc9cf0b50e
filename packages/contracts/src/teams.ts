import * as v from 'valibot';
import { Email, Name, Uuid } from './common';

export const CreateTeam = v.object({
  name: Name('Team name'),
  leadUserId: v.optional(v.nullable(Uuid)),
});
export type CreateTeam = v.InferOutput<typeof CreateTeam>;

export const UpdateTeam = v.pipe(
  v.object({ name: v.optional(Name('Team name')), leadUserId: v.optional(v.nullable(Uuid)) }),
  v.check((t) => t.name !== undefined || t.leadUserId !== undefined, 'Nothing to change.'),
);
export type UpdateTeam = v.InferOutput<typeof UpdateTeam>;

export interface TeamView {
  id: string;
  name: string;
  leadUserId: string | null;
  leadName: string | null;
  agentCount: number;
  createdAt: string;
}

const ExternalId = v.pipe(
  v.string(),
  v.trim(),
  v.minLength(1, 'External id cannot be empty.'),
  v.maxLength(200),
);

export const CreateAgent = v.object({
  name: Name('Agent name'),
  email: Email,
  externalId: v.optional(v.nullable(ExternalId)),
  teamId: v.optional(v.nullable(Uuid)),
});
export type CreateAgent = v.InferOutput<typeof CreateAgent>;

export const UpdateAgent = v.pipe(
  v.object({
    name: v.optional(Name('Agent name')),
    email: v.optional(Email),
    externalId: v.optional(v.nullable(ExternalId)),
    teamId: v.optional(v.nullable(Uuid)),
    active: v.optional(v.boolean('active must be true or false.')),
  }),
  v.check((a) => Object.values(a).some((x) => x !== undefined), 'Nothing to change.'),
);
export type UpdateAgent = v.InferOutput<typeof UpdateAgent>;

export const ListAgentsQuery = v.object({ teamId: v.optional(Uuid) });
export type ListAgentsQuery = v.InferOutput<typeof ListAgentsQuery>;

export interface AgentView {
  id: string;
  name: string;
  email: string;
  externalId: string | null;
  teamId: string | null;
  teamName: string | null;
  active: boolean;
  createdAt: string;
}
