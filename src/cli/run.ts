// The command-line tool, wired to this process: its arguments, environment and streams, and Ctrl-C, which
// stops every call and wait at once (a second Ctrl-C ends the process outright).
import { main } from "./main.ts";

const controller = new AbortController();
let stops = 0;
const stop = () => {
  if (++stops > 1) process.exit(130);
  controller.abort(new Error("stopped by a signal"));
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);

process.exitCode = await main(process.argv.slice(2), process.env, {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  isTTY: process.stdout.isTTY === true,
  signal: controller.signal,
});
process.off("SIGINT", stop);
process.off("SIGTERM", stop);
