// State and its persistence. Without a data file the state lives in memory;
// with one it is loaded at start and rewritten after every mutating request
// through a temp file + fsync + rename, so a crash mid-write leaves either
// the old or the new state on disk, never half of one.

import * as fs from "node:fs";
import * as path from "node:path";
import { randomBytes } from "node:crypto";
import { SEED_CREDIT_TYPES } from "./credit-types";
import { assertWritableDirectory, loadDataFile } from "./data-file";
import type { State } from "./model";

export function emptyState(): State {
  return {
    version: 1,
    seq: 0,
    customers: {},
    products: {},
    contracts: {},
    creditTypes: SEED_CREDIT_TYPES.map((c) => ({ ...c })),
    customFieldKeys: [],
    commits: {},
    credits: {},
    idempotency: {},
  };
}

export class Store {
  readonly state: State;

  constructor(private readonly dataFile?: string) {
    // Collections added after the file was written start empty.
    this.state = { ...emptyState(), ...(dataFile === undefined ? {} : loadDataFile(dataFile)) } as State;
    if (dataFile !== undefined) assertWritableDirectory(dataFile);
  }

  /**
   * Whether a commit or a credit of any customer already carries `key`. The
   * docs say no two resources may share a uniqueness key and the spec says
   * "previously used to create a commit or credit": one key space for both
   * kinds and every customer. Archived records keep their key (never released).
   */
  commitOrCreditKeyUsed(key: string): boolean {
    const used = (records: Record<string, { uniqueness_key?: string }>): boolean =>
      Object.values(records).some((r) => r.uniqueness_key === key);
    return used(this.state.commits) || used(this.state.credits);
  }

  /** Next value of the creation counter (stable list order). */
  nextSeq(): number {
    this.state.seq += 1;
    return this.state.seq;
  }

  save(): void {
    if (!this.dataFile) return;
    const dir = path.dirname(this.dataFile);
    fs.mkdirSync(dir, { recursive: true });
    const tmp = path.join(dir, `.${path.basename(this.dataFile)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
    const fd = fs.openSync(tmp, "w", 0o600);
    try {
      fs.writeSync(fd, JSON.stringify(this.state));
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, this.dataFile);
  }
}
