/** What a command may touch besides files: injected so tests run commands in-process. */
export interface CommandIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readStdin(): Promise<string>;
  env: NodeJS.ProcessEnv;
}

/**
 * Terminal escape sequences (CSI `ESC [ … final`, OSC `ESC ] … BEL/ST`, and
 * two-character `ESC x`) and the C0 and C1 control characters other than the
 * line feed and tab the outputs need. A value from a plan, an API answer or a
 * command line must not move the cursor, clear the screen, retitle the
 * window or hide text on the terminal that shows it.
 */
// eslint-disable-next-line no-control-regex
const TERMINAL_CONTROLS = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-_]?|\u009b[0-?]*[ -/]*[@-~]|[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Text with every terminal escape sequence and control character but line feed and tab removed. */
export function terminalText(text: string): string {
  return text.replace(TERMINAL_CONTROLS, "");
}

/** The same io, with terminalText applied to everything written to stdout and stderr. */
export function terminalSafe(io: CommandIo): CommandIo {
  return { ...io, stdout: (text) => io.stdout(terminalText(text)), stderr: (text) => io.stderr(terminalText(text)) };
}
