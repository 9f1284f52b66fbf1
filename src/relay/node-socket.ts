import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

/**
 * The socket peer of a request served by @hono/node-server (`serve`, or `getRequestListener` in a
 * dev server's middleware): the one client address nobody can write. Undefined when the request did
 * not come through a Node socket (an app called in-process).
 */
export function socketAddress(c: Context): string | undefined {
  if (!(c.env as { incoming?: unknown } | undefined)?.incoming) return undefined;
  return getConnInfo(c).remote.address;
}
