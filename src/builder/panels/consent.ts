import { html, nothing, type TemplateResult } from 'lit';
import { TCPA_ONE_TO_ONE } from '../consent-template.js';
import { checkboxControl, selectControl, textControl, type PanelContext } from './controls.js';

/** The disclosure, who it names, when it is asked, and the consent recorders. */
export function consentPanel({ state, change, focusLater }: PanelContext): TemplateResult {
  const namesSellers = state.consent.includes('{sellers}');
  return html`<fieldset class="b-panel">
    <legend>Consent</legend>
    ${textControl('b-consent', 'Consent text', state.consent, (consent) => change({ ...state, consent }), {
      multiline: true,
      hint: 'Shown beside an unticked box; {sellers} becomes the sellers’ names. Empty: the form asks no consent.',
    })}
    <button type="button" class="b-secondary" @click=${() => {
      focusLater('b-consent');
      change({ ...state, consent: TCPA_ONE_TO_ONE }, 'Consent text set to the TCPA one-to-one template.');
    }}>Start from the TCPA one-to-one template</button>
    ${textControl('b-sellers', 'Sellers named in the consent', state.sellers, (sellers) => change({ ...state, sellers }), {
      hint: 'One seller for one-to-one consent. Several, separated by ; get a checkbox each.',
    })}
    ${namesSellers && state.sellers.trim() === '' ? html`<p class="b-warning" role="note">The consent text says {sellers}: name the seller.</p>` : nothing}
    ${selectControl('b-consent-timing', 'Ask consent', state.consentTiming, [['create', 'On the form'], ['submit', 'After the first answer (two-step destinations such as MLAS)']] as const,
      (consentTiming) => change({ ...state, consentTiming }))}
    ${checkboxControl('b-trustedform', 'Record consent with TrustedForm', state.trustedform, (trustedform) => change({ ...state, trustedform }), {
      hint: 'Loads TrustedForm’s script and sends its certificate with each lead.',
    })}
    ${textControl('b-jornaya', 'Jornaya LeadiD campaign key', state.jornaya, (jornaya) => change({ ...state, jornaya }), { hint: 'Empty: no Jornaya.' })}
  </fieldset>`;
}

/** Conversion signals for ad platforms, and where the visitor goes afterwards. */
export function conversionsPanel({ state, change }: PanelContext): TemplateResult {
  return html`<fieldset class="b-panel">
    <legend>Conversions</legend>
    ${textControl('b-success-url', 'Thank-you page URL', state.successUrl, (successUrl) => change({ ...state, successUrl }), {
      type: 'url',
      hint: 'After a delivered lead the visitor goes here; {event_id}, {status} and {destination} are filled in. Empty: a thank-you in place.',
    })}
    ${textControl('b-rejected-url', 'Page for a rejected lead', state.rejectedUrl, (rejectedUrl) => change({ ...state, rejectedUrl }), {
      type: 'url',
      hint: 'When the buyer rejects the lead (an offer wall, say). Empty: a message in place.',
    })}
    ${checkboxControl('b-datalayer', 'Push events to the Google Tag Manager dataLayer', state.datalayer, (datalayer) => change({ ...state, datalayer }), {
      hint: 'generate_lead with the lead’s event id, never personal data.',
    })}
    ${checkboxControl('b-enhanced-conversions', 'Enhanced conversions (hashed email and phone)', state.enhancedConversions,
      (enhancedConversions) => change({ ...state, enhancedConversions }), { hint: 'SHA-256 hashes, as Google Ads and Meta take them; never the plain values.' })}
  </fieldset>`;
}
