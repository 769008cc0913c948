// The log of Metronome-path requests served, read by tests and benchmarks to
// count API calls (GET /_emulator/requests). Control-surface requests are
// not logged, so counting never disturbs the count. Status is what went on
// the wire; 0 means the connection was dropped without an answer.

export interface LoggedRequest {
  method: string;
  path: string;
  status: number;
}

export class RequestLog {
  private entries: LoggedRequest[] = [];

  record(entry: LoggedRequest): void {
    this.entries.push(entry);
  }

  list(): LoggedRequest[] {
    return this.entries.slice();
  }

  clear(): void {
    this.entries = [];
  }
}
