// The demo page's own script: loads the widget from source and shows what each submission did.
import '../src/define.js';

const form = document.querySelector('lead-capture');
const sent = document.querySelector('#sent');
const outcome = document.querySelector('#outcome');
const events = document.querySelector('#events');

function logEvent(name: string, detail: unknown): void {
  const item = document.createElement('li');
  item.textContent = `${new Date().toLocaleTimeString()} ${name}`;
  item.title = JSON.stringify(detail);
  events?.prepend(item);
}

async function showLastRequest(): Promise<void> {
  const endpoint = form?.endpoint ?? '';
  const scenario = endpoint.split('/').pop() ?? 'demo';
  const response = await fetch(`/standins/_log/${scenario}`);
  const requests = (await response.json()) as { method: string; path: string; headers: Record<string, string>; body: unknown }[];
  const last = requests.at(-1);
  if (!sent || !last) return;
  sent.textContent = [
    `${last.method} ${last.path}`,
    `Idempotency-Key: ${last.headers['idempotency-key'] ?? '(none)'}`,
    '',
    JSON.stringify(last.body, null, 2),
  ].join('\n');
}

for (const name of ['lead-invalid', 'lead-submit', 'lead-created', 'lead-submitted', 'lead-error'] as const) {
  form?.addEventListener(name, (event) => {
    const { detail } = event as CustomEvent<unknown>;
    logEvent(name, detail);
    if (name === 'lead-submitted' || name === 'lead-error') {
      if (outcome) outcome.textContent = JSON.stringify(detail, null, 2);
      void showLastRequest();
    }
  });
}
