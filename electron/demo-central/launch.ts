/**
 * What a host reads from a demo centre it starts as a process of its own (cli.ts prints it once it
 * listens). The only module of the demo centre a host may import: the hosts start the centre, they
 * never load it (docs/adr/0005-layers.md).
 */
export const centralUrlPrefix = 'QUAI_CENTRAL_URL ';

export const readCentralUrl = (line: string): string | null => (line.startsWith(centralUrlPrefix) ? line.slice(centralUrlPrefix.length).trim() : null);
