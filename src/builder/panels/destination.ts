import { html, nothing, type TemplateResult } from 'lit';
import { FIELD_MESSAGES } from '../../fields/messages/index.js';
import { isFieldKey } from '../../fields/keys.js';
import { DESTINATION_CHOICES, type DestinationChoice } from '../destinations.js';
import { withDestination } from '../state.js';
import { selectControl, textControl, type PanelContext } from './controls.js';

const CHOICES = Object.entries(DESTINATION_CHOICES).map(([value, choice]) => [value as DestinationChoice, choice.label] as const);

export function fieldLabel(key: string): string {
  return isFieldKey(key) ? FIELD_MESSAGES.en.labels[key] : key;
}

function list(names: readonly string[]): string {
  return names.map(fieldLabel).join(', ');
}

/** Where leads go: the destination, and the relay (or webhook) URL the page posts to. */
export function destinationPanel({ state, change }: PanelContext): TemplateResult {
  const choice = DESTINATION_CHOICES[state.destination];
  const notAsked = choice.needs.filter((key) => !state.included.includes(key));
  const notRequired = choice.needs.filter((key) => state.included.includes(key) && !state.required.includes(key));
  return html`<fieldset class="b-panel">
    <legend>Destination</legend>
    ${selectControl('b-destination', 'Send leads to', state.destination, CHOICES, (value) => {
      const { state: next, added } = withDestination(state, value);
      change(next, added.length > 0 ? `${DESTINATION_CHOICES[value].label} needs ${list(added)}: now asked and required.` : undefined);
    }, choice.hint)}
    ${textControl('b-endpoint', choice.direct ? 'Webhook URL' : 'Relay URL', state.endpoint, (value) => change({ ...state, endpoint: value }), {
      type: 'url',
      hint: choice.direct
        ? 'The browser posts each lead here as JSON. Never put a key or token in this URL.'
        : 'Where your relay answers (it holds the destination’s credentials), ending in /v1.',
    })}
    ${notAsked.length + notRequired.length > 0
      ? html`<p class="b-warning" role="note">
          ${choice.label} refuses leads without ${list([...notAsked, ...notRequired])}:
          ${notAsked.length > 0 ? `ask for ${list(notAsked)}` : ''}${notAsked.length > 0 && notRequired.length > 0 ? ' and ' : ''}${notRequired.length > 0 ? `make ${list(notRequired)} required` : ''}.
        </p>`
      : nothing}
  </fieldset>`;
}
