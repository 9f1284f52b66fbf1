// What Node's own fetch (undici) throws for real network faults, read by the adapters' classifier:
// the browser cannot produce these, so they are checked here, against real sockets.
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { describe, it } from 'node:test';
import { exchange, networkFailure } from '../../src/adapters/http.js';

/** A port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function failureOf(url: string): Promise<ReturnType<typeof networkFailure>> {
  try {
    await exchange({ url, method: 'POST', headers: {}, body: '{}' }, fetch, AbortSignal.timeout(5000));
  } catch (error) {
    return networkFailure(error);
  }
  throw new Error('the exchange succeeded');
}

describe('network faults as Node reports them', () => {
  it('a refused connection was not delivered', async () => {
    const outcome = await failureOf(`http://127.0.0.1:${await closedPort()}/lead`);
    assert.equal(outcome.delivery, 'not_delivered');
  });

  it('a name that does not resolve was not delivered', async () => {
    const outcome = await failureOf('http://destination.invalid/lead');
    assert.equal(outcome.delivery, 'not_delivered');
  });

  it('a connection closed after the request arrived may have been delivered', async () => {
    const server = createServer((socket) => socket.once('data', () => socket.destroy()));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    try {
      const outcome = await failureOf(`http://127.0.0.1:${port}/lead`);
      assert.equal(outcome.delivery, 'maybe_delivered');
    } finally {
      server.close();
    }
  });
});
