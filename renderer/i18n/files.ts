import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogsByLocale, type Catalog } from './catalog';

/** The same catalogs the page bundles, read from disk: for Node tests and e2e page objects. */
export function readCatalogs(rendererDir = join(import.meta.dirname, '..')) {
  const files: Record<string, Catalog> = {};
  for (const file of readdirSync(rendererDir, { recursive: true, encoding: 'utf8' })) {
    if (/(^|[/\\])locales[/\\][A-Za-z-]+\.json$/.test(file)) files[file] = JSON.parse(readFileSync(join(rendererDir, file), 'utf8')) as Catalog;
  }
  return catalogsByLocale(files);
}
