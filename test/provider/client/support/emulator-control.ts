// The emulator's control surface (/_emulator/...), spoken with plain fetch:
// it needs no token and is not part of the client under test.

export interface Fault {
  path: string;
  kind: "status" | "status-after-apply" | "drop-after-apply" | "latency";
  count?: number;
  status?: number;
  retryAfterSeconds?: number;
  latencyMs?: number;
}

export interface LoggedCall {
  method: string;
  path: string;
  status: number;
}

export function control(url: string) {
  const call = async (method: string, path: string, body?: unknown): Promise<unknown> => {
    const res = await fetch(`${url}/_emulator/${path}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? null : JSON.stringify(body),
    });
    const parsed: unknown = await res.json();
    if (!res.ok) throw new Error(`emulator control ${method} ${path}: ${res.status} ${JSON.stringify(parsed)}`);
    return parsed;
  };
  return {
    arm: async (fault: Fault): Promise<void> => void (await call("POST", "faults", fault)),
    disarm: async (): Promise<void> => void (await call("DELETE", "faults")),
    /** Calls served so far, optionally only those to `path`. */
    calls: async (path?: string): Promise<LoggedCall[]> => {
      const { data } = (await call("GET", "requests")) as { data: LoggedCall[] };
      return path === undefined ? data : data.filter((c) => c.path === path);
    },
    clearLog: async (): Promise<void> => void (await call("DELETE", "requests")),
    /**
     * Waits until the log holds `n` calls to `path`. A request the client gave
     * up on (latency fault) is logged only when the emulator finishes it, so
     * a test must wait for it or it would land in the next test's log.
     */
    settle: async (path: string, n: number, timeoutMs = 5_000): Promise<LoggedCall[]> => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const { data } = (await call("GET", "requests")) as { data: LoggedCall[] };
        const matching = data.filter((c) => c.path === path);
        if (matching.length >= n || Date.now() > deadline) return matching;
        await new Promise((r) => setTimeout(r, 20));
      }
    },
  };
}
