import type { z } from 'zod';
import type { WriteContext } from '../data/write';
import type { Session } from './session';

/** What every service needs: the open file, who is working in it, and whether they may write. */
export interface Ctx extends WriteContext {
  path: string;
}

/** The handlers of one area, typed by that area's operations in shared/api/<area>.ts. */
export type HandlersOf<Ops extends Record<string, { input: z.ZodType; output: z.ZodType }>> = {
  [K in keyof Ops]: (
    input: z.output<Ops[K]['input']>,
    session: Session,
  ) => z.output<Ops[K]['output']> | Promise<z.output<Ops[K]['output']>>;
};
