// The debt-relief page's script: the widget from source with the page's own questions over four
// steps, ZIP first; shows what reached the stand-in and each event the widget fired.
import '../src/define.js';
import { WireLog } from './wire.js';

const form = document.querySelector('lead-capture');
const wire = document.querySelector('#wire');
const events = document.querySelector('#events');
const wireLog = new WireLog('/standins', 'demo');

function logEvent(text: string): void {
  const item = document.createElement('li');
  item.textContent = text;
  events?.prepend(item);
}

for (const name of ['lead-step', 'lead-invalid', 'lead-submitted', 'lead-error'] as const) {
  form?.addEventListener(name, (event) => logEvent(`${name} ${JSON.stringify((event as CustomEvent).detail, (key, value) => (key === 'consent' ? '…' : value))}`));
}
form?.addEventListener('lead-submitted', () => void wireLog.fresh().then((text) => wire && (wire.textContent = text)));
form?.addEventListener('lead-error', () => void wireLog.fresh().then((text) => wire && (wire.textContent = text)));

document.querySelector('#again')?.addEventListener('click', () => form?.reset());
document.querySelector('#language')?.addEventListener('click', (event) => {
  if (!form) return;
  const spanish = form.locale !== 'es';
  form.locale = spanish ? 'es' : 'en';
  form.submitLabel = spanish ? 'Ver mis opciones' : 'See my options';
  (event.currentTarget as HTMLButtonElement).textContent = spanish ? 'In English' : 'En español';
});

void wireLog.start();
