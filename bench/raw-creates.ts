// The baseline for `pulumi up`: a script that makes the same calls as the
// provider (each commit's create, then its read-back by `commit_id`),
// `--parallel`-many commits at a time, and exits. Run as its own process
// (`node dist/bench/raw-creates.js <url> <bodies.json> <concurrency>`, token
// in METRONOME_BEARER_TOKEN) so its time includes starting Node, as the
// engine's includes starting `pulumi`. It loads only undici.

import * as fs from "node:fs";
import { RawApi } from "./raw-api";
import { pool } from "./stats";

async function main(): Promise<void> {
  const [url, bodiesFile, concurrency] = process.argv.slice(2);
  const token = process.env.METRONOME_BEARER_TOKEN;
  if (!url || !bodiesFile || !concurrency || !token) throw new Error("usage: raw-creates.js <url> <bodies.json> <concurrency>");
  const bodies = JSON.parse(fs.readFileSync(bodiesFile, "utf8")) as Array<{ customer_id: string }>;
  const api = new RawApi(url, token);
  const read = await pool(bodies, Number(concurrency), async (body) => {
    const id = await api.create(body);
    if ((await api.read(body.customer_id, id)) === undefined) throw new Error(`commit ${id} not found when read back`);
    return id;
  });
  await api.close();
  process.stdout.write(`${read.length}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`raw-creates: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
