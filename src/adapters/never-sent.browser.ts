/**
 * never-sent.ts as the widget's bundles have it (vite.config.ts): a browser's fetch fails with a bare
 * TypeError ("Failed to fetch"), with no system error code under it, so no failure it reports is
 * known to have come before the request left. The codes Node's fetch gives stay with the relay.
 */
export function neverSent(_error: unknown): string | undefined {
  return undefined;
}
