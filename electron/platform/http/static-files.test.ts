import { describe, expect, it } from 'vitest';
import { resolveStaticPath } from './static-files';

describe('static files of the page', () => {
  const root = '/app/out/renderer';

  it('serves files inside the renderer folder and index.html for app paths', () => {
    expect(resolveStaticPath(root, '/assets/index.js')).toBe('/app/out/renderer/assets/index.js');
    expect(resolveStaticPath(root, '/')).toBe('/app/out/renderer/index.html');
    expect(resolveStaticPath(root, '/admin')).toBe('/app/out/renderer/index.html');
  });

  it('refuses any path that would leave it, encoded or not', () => {
    for (const attack of [
      '/../package.json',
      '/assets/../../main/host.js',
      '/%2e%2e/%2e%2e/etc/passwd.txt',
      '/..%2f..%2fquai.sqlite3',
      '/a%00.js',
      '/%E0%A4%A.js',
    ]) {
      expect(resolveStaticPath(root, attack)).toBeNull();
    }
  });
});
