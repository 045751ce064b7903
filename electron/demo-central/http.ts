/**
 * What a route answers: the server writes it, the fault controls may replay or withhold it. `json`
 * is a body already written as JSON text (a bootstrap page splices the records the centre stores
 * as JSON, instead of parsing them to write them again).
 */
export type Reply = { readonly status: number; readonly headers?: Readonly<Record<string, string>> } & (
  { readonly body: unknown; readonly json?: undefined } | { readonly json: string; readonly body?: undefined }
);

/** Every error body is `{ code, message }` (shared/sync/protocol.ts `protocolErrorSchema`), plus details for some codes. */
export const problem = (status: number, code: string, message: string, details: Readonly<Record<string, unknown>> = {}): Reply => ({
  status,
  body: { code, message, ...details },
});

export const ok = (body: unknown): Reply => ({ status: 200, body });

/** A short, readable account of what failed to parse, for a 400's message. */
export function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length > 0 ? issue.path.map(String).join('.') : '(body)'}: ${issue.message}`)
    .join('; ');
}
