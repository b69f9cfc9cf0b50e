import * as v from 'valibot';
import { Email, Locale, Name } from './common';

export const ROLES = ['admin', 'manager', 'auditor', 'viewer'] as const;
export const Role = v.picklist(ROLES, 'Role must be one of admin, manager, auditor, viewer.');
export type Role = v.InferOutput<typeof Role>;

export const Password = v.pipe(
  v.string('Password is required.'),
  v.minLength(10, 'Password must be at least 10 characters.'),
  v.maxLength(200, 'Password is at most 200 characters.'),
);

export const Login = v.object({
  email: Email,
  password: v.pipe(
    v.string('Password is required.'),
    v.minLength(1, 'Password is required.'),
    v.maxLength(200),
  ),
});
export type Login = v.InferOutput<typeof Login>;

export const CreateUser = v.object({
  email: Email,
  name: Name('Name'),
  role: Role,
  password: Password,
  locale: v.optional(Locale, 'en'),
});
export type CreateUser = v.InferOutput<typeof CreateUser>;

export const UpdateUser = v.pipe(
  v.object({
    name: v.optional(Name('Name')),
    role: v.optional(Role),
    password: v.optional(Password),
    locale: v.optional(Locale),
    disabled: v.optional(v.boolean('disabled must be true or false.')),
  }),
  v.check((u) => Object.values(u).some((x) => x !== undefined), 'Nothing to change.'),
);
export type UpdateUser = v.InferOutput<typeof UpdateUser>;

export interface UserView {
  id: string;
  email: string;
  name: string;
  role: Role;
  locale: string;
  disabled: boolean;
  lastLoginAt: string | null;
  createdAt: string;
}
