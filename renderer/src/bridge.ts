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
// The early answers that have already arrived, so the first screen can be drawn with them at once.
const arrived = new Map<string, unknown>();
const requestKey = (op: OpName, input: unknown) => `${op}:${JSON.stringify(input)}`;

/**
 * Asks before the screen that needs the answer has mounted, so the first screen's requests travel
 * together instead of one after another; that screen's first read takes this answer. Anything not
 * taken must be forgotten (`forgetEarly`) before it could go stale.
 */
export function askEarly<K extends OpName>(op: K, input: OpInput<K>): void {
  const key = requestKey(op, input);
  const asked = call(op, input);
  asked.then(
    (answer) => {
      if (early.get(key) === asked) arrived.set(key, answer); // not once taken: it could go stale
    },
    () => undefined, // a refusal is seen by whoever takes the answer
  );
  early.set(key, asked);
}

export function forgetEarly() {
  early.clear();
  arrived.clear();
}

/**
 * The early answer if it has already arrived, without taking it: the first render starts from it
 * rather than drawing the screen empty and again a moment later. `callOrTake` still takes it.
 */
export function arrivedEarly<K extends OpName>(op: K, input: OpInput<K>): OpOutput<K> | undefined {
  return arrived.get(requestKey(op, input)) as OpOutput<K> | undefined;
}

/** The answer asked for early, once, or a fresh call. */
export function callOrTake<K extends OpName>(op: K, input: OpInput<K>): Promise<OpOutput<K>> {
  const key = requestKey(op, input);
  const asked = early.get(key) as Promise<OpOutput<K>> | undefined;
  early.delete(key);
  arrived.delete(key);
  return asked ?? call(op, input);
}
