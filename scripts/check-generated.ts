// npm run check:generated: fails when generated/ is not exactly what the current spec produces, and says what to run.
import { checkGeneratedCommand } from "./lib/generation-commands.ts";

process.exitCode = await checkGeneratedCommand(process.argv.slice(2));
