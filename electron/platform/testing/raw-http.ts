import { connect } from 'node:net';

/**
 * One HTTP/1.1 request over a raw socket, written in full before anything is read, as a client that
 * does not read while it writes: what it sees is every byte the server sent before closing, or the
 * socket error (ECONNRESET) that swallowed them. fetch would hide the difference (issue #9).
 */
export function rawRequest(port: number, head: string, body: Buffer): Promise<{ readonly received: string; readonly error: string | null }> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    // Nothing is read (the answer waits in the kernel) until the whole body has been written.
    socket.pause();
    const chunks: Buffer[] = [];
    let error: string | null = null;
    socket.on('error', (cause: NodeJS.ErrnoException) => (error = cause.code ?? cause.message));
    socket.on('close', () => resolve({ received: Buffer.concat(chunks).toString('latin1'), error }));
    socket.on('connect', () => {
      socket.write(head);
      socket.end(body, () => {
        socket.on('data', (chunk: Buffer) => chunks.push(chunk));
        socket.resume();
      });
    });
  });
}

/** A POST whose body is `size` bytes of JSON-ish filler, with the headers the given server needs. */
export function oversizedPost(path: string, port: number, size: number, headers: Readonly<Record<string, string>> = {}): { head: string; body: Buffer } {
  const body = Buffer.alloc(size, 'x');
  const lines = [`POST ${path} HTTP/1.1`, `Host: 127.0.0.1:${port}`, 'Content-Type: application/json', `Content-Length: ${size}`, 'Connection: close'];
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  return { head: `${lines.join('\r\n')}\r\n\r\n`, body };
}
