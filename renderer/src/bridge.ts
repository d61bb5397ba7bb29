import { ApiError, type Result } from '../../shared/api/api-error';
import type { OpInput, OpName, OpOutput } from '../../shared/api/contract';

// The way to the app's operations, without React: the window's first script asks for the first
// screen's answers with it while React and the screens are still downloading.

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
