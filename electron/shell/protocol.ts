import { contentSecurityPolicyHeader } from '../../shared/csp';
import { readStatic } from '../platform/http/static-files';

/** Serves the built page for the `quai://station/` scheme, with the CSP as a header too. */
export async function serveStationFile(rendererDir: string, requestUrl: string): Promise<Response> {
  const file = await readStatic(rendererDir, new URL(requestUrl).pathname);
  if (!file) return new Response('not found', { status: 404 });
  return new Response(new Uint8Array(file.body), {
    headers: { 'Content-Type': file.type, 'Content-Security-Policy': contentSecurityPolicyHeader, 'X-Content-Type-Options': 'nosniff' },
  });
}
