import type { IncomingMessage, ServerResponse } from 'node:http';
import { getRequestListener } from '@hono/node-server';

type FetchApp = { fetch: (request: Request) => Response | Promise<Response> };

/**
 * Serves a web-standard app (Hono) from a Node dev server for the paths under `prefixes`: Vite's
 * Connect middleware for the demo, and (through `koa`) @web/test-runner's Koa middleware for tests.
 */
export function connectMiddleware(app: FetchApp, prefixes: readonly string[]) {
  const listener = getRequestListener(app.fetch);
  return (request: IncomingMessage, response: ServerResponse, next: () => void): void => {
    if (prefixes.some((prefix) => request.url?.startsWith(prefix))) void listener(request, response);
    else next();
  };
}

interface KoaContext {
  req: IncomingMessage;
  res: ServerResponse;
  respond?: boolean;
}

export function koaMiddleware(app: FetchApp, prefixes: readonly string[]) {
  const listener = getRequestListener(app.fetch);
  return async (context: KoaContext, next: () => Promise<unknown>): Promise<unknown> => {
    if (!prefixes.some((prefix) => context.req.url?.startsWith(prefix))) return next();
    context.respond = false;
    await listener(context.req, context.res);
    return undefined;
  };
}
