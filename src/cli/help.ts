// The --help text of each command.

const COMMON = `Options:
  -f, --file <path>     the bindings file (YAML or JSON; schema: cloudflare-service-bindings/bindings.schema.json)
      --json            print the result as JSON, for CI
      --base-url <url>  where the API is (or CLOUDFLARE_BASE_URL), e.g. a mock on 127.0.0.1
  -h, --help            this text

Environment:
  CLOUDFLARE_API_TOKEN                   an API token (IP Prefixes: Edit; Read for plan), or
  CLOUDFLARE_EMAIL and CLOUDFLARE_API_KEY the legacy pair
  CLOUDFLARE_ACCOUNT_ID                  the account, when the file names none
  NO_COLOR                               no colour, even on a terminal
Credentials are read from the environment only, and never printed.`;

/** The help of each command, and of the tool. */
export const HELP = {
  main: `cloudflare-service-bindings: Cloudflare BYOIP service bindings, kept as code.

Usage:
  cloudflare-service-bindings plan --file bindings.yaml    what it takes to match the file
  cloudflare-service-bindings apply --file bindings.yaml   make the account match the file

Run a command with --help for its options.`,
  plan: `Usage: cloudflare-service-bindings plan --file bindings.yaml [--json]

Reads the account and prints what it takes to match the file, as a diff (+ create, - delete, ~ advertise or
withdraw), each step with its reason. Every rule Cloudflare documents is checked first; every violation is
printed at once, with its line. Nothing is changed.

Exit status: 0 nothing to do, 2 changes to make, 1 an error.

${COMMON}`,
  apply: `Usage: cloudflare-service-bindings apply --file bindings.yaml [--wait] [--timeout 8h] [--json]

Plans as plan does, then makes each change in order, reading the state again before each one: applying twice
changes nothing the second time, and an apply that was stopped finishes when run again, with no duplicate
binding and nothing deleted that the file keeps. Bindings take four to six hours to propagate; an
advertisement waits until they are active.

      --wait            wait for the bindings to be active, then for the advertisement, printing a line per poll
      --timeout <time>  the longest any one wait may take (8h, 90m, 45s, 1h30m); default 8h

Exit status: 0 the account matches the file, 1 otherwise.

${COMMON}`,
} as const;
