/**
 * The builder's questions carried in the path of the demo relay's URL, so the relay a test lead
 * goes through validates its answers from the same definitions the relay config fragment gives the
 * marketer (the relay never takes the browser's copy: here the URL is the demo relay's config).
 * base64url of the `questions` attribute's UTF-8 JSON: a path segment needs no other escaping.
 */

/** The path segment for a `questions` attribute's JSON. */
export function questionsToken(json: string): string {
  const bytes = new TextEncoder().encode(json);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The definitions a path segment carries; undefined when it is not one `questionsToken` made. */
export function questionsFromToken(token: string): unknown {
  if (!/^[A-Za-z0-9_-]+$/.test(token)) return undefined;
  try {
    const binary = atob(token.replace(/-/g, '+').replace(/_/g, '/'));
    const json = new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The demo relay that takes these questions: `/relay/v1` → `/relay/questions/TOKEN/v1` (and a test's
 * `/relay/SCENARIO/v1` → `/relay/SCENARIO/questions/TOKEN/v1`), served by demo/backends.ts and
 * test/standins/relays.ts.
 */
export function relayWithQuestions(relay: string, json: string): string {
  const base = relay.replace(/\/v1\/?$/, '');
  return `${base}/questions/${questionsToken(json)}/v1`;
}

/** Splits `/questions/TOKEN/rest` off a relay path: the token and the relay's own path. */
export function splitQuestionsPath(path: string): { token: string; rest: string } | undefined {
  const match = /^\/questions\/([^/]+)(\/.*)$/.exec(path);
  return match ? { token: match[1]!, rest: match[2]! } : undefined;
}
