#!/usr/bin/env node
// `pulumi-metronome <command>`: the package's command line. Each command lives
// in its own folder and exports `run(argv, io)`, returning an exit code.
import { type CommandIo, terminalSafe, terminalText } from "./io";

interface Command {
  run(argv: string[], io: CommandIo): Promise<number>;
}

// Loaded on demand, so `review` in a CI job never loads the API client.
/* eslint-disable @typescript-eslint/no-require-imports */
const COMMANDS: Record<string, { summary: string; load: () => Command }> = {
  review: { summary: "Summarize `pulumi preview --json` as money, for a pull request", load: () => require("./review/command") },
  import: { summary: "Write CustomerCommit/CustomerCredit declarations for records that already exist", load: () => require("./import/command") },
};

export async function main(argv: string[], unsafeIo: CommandIo): Promise<number> {
  // Every command's output, both streams, is safe for a terminal.
  const io = terminalSafe(unsafeIo);
  const [name, ...rest] = argv;
  const command = name === undefined ? undefined : COMMANDS[name];
  if (command === undefined) {
    io.stderr(
      `usage: pulumi-metronome <command> [options]\n\ncommands:\n` +
        Object.entries(COMMANDS).map(([n, c]) => `  ${n.padEnd(8)} ${c.summary}`).join("\n") +
        "\n\nRun `pulumi-metronome <command> --help` for a command's options.\n",
    );
    return name === undefined || name === "--help" || name === "-h" ? 0 : 2;
  }
  return command.load().run(rest, io);
}

if (require.main === module) {
  main(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString("utf8");
    },
    env: process.env,
  }).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(terminalText(`${error instanceof Error ? error.message : String(error)}\n`));
      process.exit(1);
    },
  );
}
