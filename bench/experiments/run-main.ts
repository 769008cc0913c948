// How every experiment ends: exit 0 once its main resolves (the emulator
// child and open sockets would otherwise keep the process alive), or print
// the error and exit 1.

export function runMain(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
