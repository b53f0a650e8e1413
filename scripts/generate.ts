// npm run generate: rebuilds generated/ (types, operation table, examples) from spec/openapi.yaml.
import { generateCommand } from "./lib/generation-commands.ts";

process.exitCode = await generateCommand(process.argv.slice(2));
