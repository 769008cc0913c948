// Every Metronome path the emulator serves, and the matcher that finds the
// route for a request (exact paths, or `:param` segments).

import { commitChangeRoutes } from "./commit-changes";
import { commitRoutes } from "./commits";
import { creditChangeRoutes } from "./credit-changes";
import { creditRoutes } from "./credits";
import { customFieldRoutes } from "./custom-fields";
import { setupRoutes } from "./setup";
import type { Route } from "./types";

export const ROUTES: readonly Route[] = [
  ...setupRoutes,
  ...customFieldRoutes,
  ...commitRoutes,
  ...commitChangeRoutes,
  ...creditRoutes,
  ...creditChangeRoutes,
];

export interface Match {
  route: Route;
  params: Record<string, string>;
}

export function matchRoute(method: string, path: string): Match | undefined {
  const parts = path.split("/");
  for (const route of ROUTES) {
    if (route.method !== method) continue;
    const pattern = route.path.split("/");
    if (pattern.length !== parts.length) continue;
    const params: Record<string, string> = {};
    const ok = pattern.every((seg, i) => {
      const actual = parts[i] as string;
      if (seg.startsWith(":")) {
        params[seg.slice(1)] = decodeURIComponent(actual);
        return actual.length > 0;
      }
      return seg === actual;
    });
    if (ok) return { route, params };
  }
  return undefined;
}

/** Whether some route serves this path with another method (405 rather than 404). */
export function pathExists(path: string): boolean {
  return ["GET", "POST"].some((m) => matchRoute(m, path) !== undefined);
}
