/**
 * The emulator's request log (`/_emulator/requests`), read over loopback:
 * what the provider sent to Metronome, oldest first. Every Metronome call is
 * a POST (lists included), so a write is any logged call that is not a list.
 */
export interface LoggedRequest {
  method: string;
  path: string;
  status: number;
}

export async function apiRequests(url: string): Promise<LoggedRequest[]> {
  const response = await fetch(`${url}/_emulator/requests`);
  if (!response.ok) throw new Error(`GET /_emulator/requests: ${response.status}`);
  return ((await response.json()) as { data: LoggedRequest[] }).data;
}

export async function clearApiRequests(url: string): Promise<void> {
  const response = await fetch(`${url}/_emulator/requests`, { method: "DELETE" });
  if (!response.ok) throw new Error(`DELETE /_emulator/requests: ${response.status}`);
}

/** The logged calls that may change what Metronome holds (everything but lists). */
export async function apiWrites(url: string): Promise<LoggedRequest[]> {
  return (await apiRequests(url)).filter((r) => !r.path.endsWith("/list"));
}
