import { Uuid } from '@rapport/contracts';
import * as v from 'valibot';
import { validate } from '../lib/validate';

/** Validates the `:id` path parameter of a resource route. */
export const idParam = validate('param', v.object({ id: Uuid }));
