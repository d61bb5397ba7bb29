import { useCallback, useEffect, useState } from 'react';
import { ApiError, type Result } from '../../shared/api/api-error';
import type { OpInput, OpName, OpOutput } from '../../shared/api/contract';

interface Bridge {
  invoke(op: string, input: unknown): Promise<Result<unknown>>;
}
declare global {
  interface Window {
    sidBridge?: Bridge;
  }
}

/** Browser mode: the token arrives in the address's fragment once and is kept for this tab only. */
function browserToken(): string {
  const match = /token=([0-9a-f]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem('sid-token', match[1]);
    history.replaceState(null, '', window.location.pathname);
  }
  return sessionStorage.getItem('sid-token') ?? '';
}

const httpBridge = (token: string): Bridge => ({
  async invoke(op, input) {
    const response = await fetch(`/api/${op}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-SID-Token': token },
      body: JSON.stringify(input),
    });
    return (await response.json()) as Result<unknown>;
  },
});

const bridge: Bridge = window.sidBridge ?? httpBridge(browserToken());

/** Calls one operation of the contract; a refusal arrives as an ApiError with its code and fields. */
export async function call<K extends OpName>(op: K, input: OpInput<K>): Promise<OpOutput<K>> {
  const result = await bridge.invoke(op, input);
  if (!result.ok) throw new ApiError(result.error);
  return result.value as OpOutput<K>;
}

const early = new Map<string, Promise<unknown>>();
const requestKey = (op: OpName, input: unknown) => `${op}:${JSON.stringify(input)}`;

/**
 * Asks before the screen that needs the answer has mounted, so the first screen's requests travel
 * together instead of one after another; that screen's first read takes this answer. Anything not
 * taken must be forgotten (`forgetEarly`) before it could go stale.
 */
export function askEarly<K extends OpName>(op: K, input: OpInput<K>): void {
  const asked = call(op, input);
  asked.catch(() => undefined); // a refusal is seen by whoever takes the answer
  early.set(requestKey(op, input), asked);
}

export const forgetEarly = () => early.clear();

/** The answer asked for early, once, or a fresh call. */
export function callOrTake<K extends OpName>(op: K, input: OpInput<K>): Promise<OpOutput<K>> {
  const key = requestKey(op, input);
  const asked = early.get(key) as Promise<OpOutput<K>> | undefined;
  early.delete(key);
  return asked ?? call(op, input);
}

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
  const [answer, setAnswer] = useState<{ request: string; data?: OpOutput<K>; error: string | null }>({
    request: '',
    error: null,
  });
  const request = `${op}:${key}#${version}`;
  useEffect(() => {
    if (key === null) return;
    let current = true;
    callOrTake(op, JSON.parse(key) as OpInput<K>).then(
      (data) => current && setAnswer({ request, data, error: null }),
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
