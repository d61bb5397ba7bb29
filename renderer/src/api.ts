import { ApiError, type OpInput, type OpName, type OpOutput, type Result } from '../../shared/api/contract';

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

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
