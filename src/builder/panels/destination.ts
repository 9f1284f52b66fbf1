import { html, nothing, type TemplateResult } from 'lit';
import { FIELD_MESSAGES } from '../../fields/messages/index.js';
import { isFieldKey } from '../../fields/keys.js';
import { DESTINATION_CHOICES, type DestinationChoice } from '../destinations.js';
import { missingNeeds, withDestination, withNeeds } from '../state.js';
import { selectControl, textControl, type PanelContext } from './controls.js';

const CHOICES = Object.entries(DESTINATION_CHOICES).map(([value, choice]) => [value as DestinationChoice, choice.label] as const);

export function fieldLabel(key: string): string {
  return isFieldKey(key) ? FIELD_MESSAGES.en.labels[key] : key;
}

export function fieldList(names: readonly string[]): string {
  return names.map(fieldLabel).join(', ');
}

/**
 * Where leads go: the destination, and the relay (or webhook) URL the page posts to. Choosing a
 * destination changes no field by itself (a keyboard passes through every option on its way); what
 * it needs is offered with a button.
 */
export function destinationPanel({ state, change, focusLater }: PanelContext): TemplateResult {
  const choice = DESTINATION_CHOICES[state.destination];
  const missing = missingNeeds(state);
  return html`<fieldset class="b-panel">
    <legend>Destination</legend>
    ${selectControl('b-destination', 'Send leads to', state.destination, CHOICES, (value) => change(withDestination(state, value)), choice.hint)}
    ${textControl('b-endpoint', choice.direct ? 'Webhook URL' : 'Relay URL', state.endpoint, (value) => change({ ...state, endpoint: value }), {
      type: 'url',
      hint: choice.direct
        ? 'The browser posts each lead here as JSON. Never put a key or token in this URL.'
        : 'Where your relay answers (it holds the destination’s credentials), ending in /v1.',
    })}
    ${missing.length > 0
      ? html`<div class="b-warning" role="note">
          <p>${choice.label} refuses leads without ${fieldList(missing)}.</p>
          <button type="button" class="b-secondary" @click=${() => {
            focusLater('b-destination');
            change(withNeeds(state), `${fieldList(missing)}: now asked and required.`);
          }}>Ask and require what ${choice.label} needs</button>
        </div>`
      : nothing}
  </fieldset>`;
}
