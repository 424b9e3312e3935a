import type { FormLike } from '@/lib/api';
import type { PvStep } from '../api/pvs.api';

/**
 * Takes a step on the PV from a form or a button: `done` is the confirmation shown on success; a refusal
 * puts each field at fault beside its field of `form` (its values shaped like the request body, with
 * `aliases` for the others) and the rest in the panel's alert.
 */
export type Take = (step: PvStep, done: string, form?: FormLike, aliases?: Record<string, string>) => void;
