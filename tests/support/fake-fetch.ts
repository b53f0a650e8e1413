// A fetch you hand to the client: it answers from a list and records what it
// was asked, so nothing global is mocked.

/** One answer: a Response to return, or an error to throw as fetch would. */
export type Answer = Response | Error | ((request: Request) => Response | Promise<Response>);

/** A recorded request, its body already read. */
export interface Seen {
  method: string;
  url: string;
  headers: Headers;
  body: string;
}

/** A fetch that plays `answers` in order (the last one repeats) and records every request. */
export function fakeFetch(...answers: Answer[]) {
  const seen: Seen[] = [];
  let next = 0;
  const fetch = async (request: Request): Promise<Response> => {
    seen.push({
      method: request.method,
      url: request.url,
      headers: request.headers,
      body: await request.text(),
    });
    const answer = answers[Math.min(next++, answers.length - 1)];
    if (answer === undefined) throw new Error("fakeFetch has no answer");
    if (answer instanceof Error) throw answer;
    if (typeof answer === "function") return answer(request);
    return answer.clone();
  };
  return { fetch, seen };
}

/** A JSON response with the given status and headers. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });
}

/** A success envelope around `result` (omitted when undefined, as delete answers). */
export function ok(result?: unknown, status = 200, headers: Record<string, string> = {}): Response {
  const body: Record<string, unknown> = { success: true, errors: [], messages: [] };
  if (result !== undefined) body.result = result;
  return json(status, body, headers);
}

/** A failure envelope with one error. */
export function failure(
  status: number,
  code: number,
  message: string,
  headers: Record<string, string> = {},
): Response {
  return json(status, { success: false, errors: [{ code, message }], messages: [], result: null }, headers);
}
