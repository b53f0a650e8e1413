// Where a command's lines go: the console for the scripts, a collector for the tests that run them in-process.

/** Where a command's lines go. */
export interface Io {
  out(line: string): void;
  err(line: string): void;
}

/** The console, for the scripts themselves. */
export const CONSOLE: Io = { out: (line) => console.log(line), err: (line) => console.error(line) };
