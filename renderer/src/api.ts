import { useCallback, useEffect, useState } from 'react';
import type { OpInput, OpName, OpOutput } from '../../shared/api/contract';
import { arrivedEarly, callOrTake } from './bridge';

export { arrivedEarly, call, callOrTake, forgetEarly } from './bridge';

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export interface Operation<T> {
  /** The last answer, kept while a reload is under way so the screen does not flash empty. */
  data: T | undefined;
  /** The last failure in plain words, or null. */
  error: string | null;
  loading: boolean;
  /** Asks again, e.g. after a save changed what this shows. */
  reload: () => void;
}

/**
 * Reads one operation for a screen: loading, error and data in one place, asked again when the input
 * changes or `reload` is called. A null input waits (nothing to ask yet). Answers to an older request
 * are dropped, so a slow reply never overwrites a newer one.
 */
export function useOperation<K extends OpName>(op: K, input: OpInput<K> | null): Operation<OpOutput<K>> {
  // The input is compared by value, so callers can pass a fresh object on every render.
  const key = input === null ? null : JSON.stringify(input);
  const [version, setVersion] = useState(0);
  const request = `${op}:${key}#${version}`;
  // An answer asked for early that has already arrived is drawn in the first render.
  const [answer, setAnswer] = useState<{ request: string; data?: OpOutput<K>; error: string | null }>(() => {
    const data = input === null ? undefined : arrivedEarly(op, input);
    return data === undefined ? { request: '', error: null } : { request, data, error: null };
  });
  useEffect(() => {
    if (key === null) return;
    let current = true;
    callOrTake(op, JSON.parse(key) as OpInput<K>).then(
      // The same answer as the first render's is not drawn again.
      (data) =>
        current &&
        setAnswer((a) => (a.request === request && a.data === data ? a : { request, data, error: null })),
      (e: unknown) => current && setAnswer((a) => ({ ...a, request, error: errorMessage(e) })),
    );
    return () => {
      current = false;
    };
  }, [op, key, request]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return {
    data: answer.data,
    error: answer.error,
    loading: key !== null && answer.request !== request,
    reload,
  };
}
