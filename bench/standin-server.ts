// The stand-ins as a process of their own on loopback, for the relay benchmark: prints its URL.
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createStandins } from '../test/standins/index.js';

const server = serve({ fetch: createStandins().fetch, port: 0, hostname: '127.0.0.1' }, () => {
  console.log(`standins: http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});
