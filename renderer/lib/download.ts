/**
 * Saves text as a file the way a page may: a Blob behind an `<a download>`. Allowed by the page's
 * CSP (shared/csp.ts governs what the page loads, not what it saves); in Electron the download
 * goes through the session's default handling (a save dialog).
 */
export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked once the download has started, not before: a revoked URL saves nothing.
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}
