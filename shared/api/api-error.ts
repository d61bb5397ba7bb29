import type { ApiErrorBody } from './errors';

// Kept apart from the error schema in errors.ts: the window needs this class on its first screen,
// and importing it from there brought zod (a sixth of the first download) along with it.

export class ApiError extends Error {
  constructor(readonly body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiError';
  }
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };
