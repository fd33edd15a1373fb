import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Server } from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { createTestApp, type TestApp } from '#testing';

/** Sends one GET on the socket and resolves with the whole answer (headers and a Content-Length body). */
function get(socket: net.Socket, path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const onData = (chunk: Buffer) => {
      text += chunk.toString('latin1');
      const end = text.indexOf('\r\n\r\n');
      const length = /content-length: (\d+)/i.exec(text);
      if (end >= 0 && length && text.length >= end + 4 + Number(length[1])) {
        socket.off('data', onData);
        resolve(text);
      }
    };
    socket.on('data', onData);
    socket.once('error', reject);
    socket.write(`GET ${path} HTTP/1.1\r\nHost: alur.test\r\nConnection: keep-alive\r\n\r\n`);
  });
}

/**
 * A reverse proxy keeps its connections to the API open for reuse, usually up to 60 s idle. The API
 * must not close one first: a request the proxy sends on a connection the API is closing is lost, and
 * the proxy answers it with a 502.
 */
describe('an idle keep-alive connection to the API', () => {
  let t: TestApp;
  let port: number;
  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen(0, '127.0.0.1');
    port = ((t.app.getHttpServer() as Server).address() as AddressInfo).port;
  });
  afterAll(() => t.close());

  it("is announced as kept 65 s and still answers a request after Node's default (5 s, closed at about 6) has passed", async () => {
    const socket = net.connect(port, '127.0.0.1');
    let closedAfter: number | null = null;
    const opened = Date.now();
    socket.on('close', () => (closedAfter = Date.now() - opened));
    try {
      const first = await get(socket, '/health');
      expect(first).toMatch(/^HTTP\/1\.1 200 /);
      expect(first).toMatch(/\r\nKeep-Alive: timeout=65\r\n/i);

      await new Promise((resolve) => setTimeout(resolve, 8_000));
      expect(closedAfter).toBeNull();
      expect(await get(socket, '/health')).toMatch(/^HTTP\/1\.1 200 /);
    } finally {
      socket.destroy();
    }
  });
});
