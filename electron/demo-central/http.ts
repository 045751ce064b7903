/** What a route answers: the server writes it, the fault controls may replay or withhold it. */
export type Reply = { readonly status: number; readonly body: unknown; readonly headers?: Readonly<Record<string, string>> };

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
