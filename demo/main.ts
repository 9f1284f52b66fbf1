// The demo page's own script: loads the widget from source, lets a person pick a destination and
// what its stand-in answers, and shows the wire requests the stand-in received and the outcome.
import '../src/define.js';
import { DEMO_DESTINATIONS } from './destinations.js';
import { WireLog } from './wire.js';

const SCENARIO = 'demo';
const form = document.querySelector('lead-capture');
const destinationSelect = document.querySelector<HTMLSelectElement>('#destination');
const answerSelect = document.querySelector<HTMLSelectElement>('#answer');
const wire = document.querySelector('#wire');
const outcome = document.querySelector('#outcome');
const events = document.querySelector('#events');
const wireLog = new WireLog('/standins', SCENARIO);

function option(value: string, label: string): HTMLOptionElement {
  const element = document.createElement('option');
  element.value = value;
  element.textContent = label;
  return element;
}

function applyDestination(): void {
  const name = destinationSelect?.value ?? 'mlas';
  const destination = DEMO_DESTINATIONS[name];
  if (!form || !destination || !answerSelect) return;
  form.reset();
  form.config = {
    adapter: destination.adapter,
    endpoint: destination.adapter === 'webhook' ? `/standins/webhook/${SCENARIO}` : '/relay/v1',
    destination: destination.adapter === 'webhook' ? '' : name,
  };
  form.fields = destination.fields;
  form.required = destination.required;
  // MLAS is a two-step destination: show consent after create, as ping-post partners do.
  form.consentTiming = name === 'mlas' ? 'submit' : 'create';
  answerSelect.replaceChildren(option('', 'Accept, as documented'), ...Object.keys(destination.answers).map((label) => option(label, label)));
}

async function scriptAnswers(): Promise<void> {
  const destination = DEMO_DESTINATIONS[destinationSelect?.value ?? ''];
  const answers = destination?.answers[answerSelect?.value ?? ''];
  if (!answers) return;
  await fetch(`/standins/_script/${SCENARIO}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ answers }) });
}

async function showWire(): Promise<void> {
  if (wire) wire.textContent = await wireLog.fresh();
}

// Hold the submission (lead-submit is cancelable) while the stand-in is told how to answer, then send.
let scripted = false;
form?.addEventListener('lead-submit', (event) => {
  if (scripted || !answerSelect?.value) {
    scripted = false;
    return;
  }
  event.preventDefault();
  void scriptAnswers().then(() => {
    scripted = true;
    void form.submit();
  });
});
for (const name of ['lead-invalid', 'lead-submit', 'lead-created', 'lead-submitted', 'lead-error'] as const) {
  form?.addEventListener(name, (event) => {
    const item = document.createElement('li');
    item.textContent = `${new Date().toLocaleTimeString()} ${name}`;
    events?.prepend(item);
    if (name === 'lead-submitted' || name === 'lead-error') {
      if (outcome) outcome.textContent = JSON.stringify((event as CustomEvent<unknown>).detail, null, 2);
      void showWire();
    }
  });
}

destinationSelect?.replaceChildren(...Object.entries(DEMO_DESTINATIONS).map(([value, { label }]) => option(value, label)));
if (destinationSelect) destinationSelect.value = 'mlas';
destinationSelect?.addEventListener('change', applyDestination);
document.querySelector('#again')?.addEventListener('click', () => form?.reset());
void wireLog.start();
applyDestination();
