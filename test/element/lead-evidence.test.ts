import { expect, fixture, html } from '@open-wc/testing';
import type { LeadCaptureConfig } from '../../src/element/config.js';
import type { ConsentController } from '../../src/element/consent-controller.js';
import type { DeliveryHost } from '../../src/element/delivery-options.js';
import { botSignalsAt, consentRecord, holdMs, recordersEvidence } from '../../src/element/lead-evidence.js';
import type { TrackingController } from '../../src/element/tracking-controller.js';

/** The widget's form with its honeypot empty, on a page that gives a challenge token. */
async function hostWith(minFillMs: number) {
  const element = await fixture<HTMLDivElement>(html`<div><form class="lc-form"><input name="lc_website" value="" /></form></div>`);
  return Object.assign(element, { minFillMs, challengeField: '', challenge: () => 'token-1' }) as unknown as DeliveryHost;
}

const NO_RECORDERS = { trustedform: false, trustedformSrc: '', trustedformTimeout: 0, jornaya: '', jornayaSrc: '' };

describe('lead evidence (what a lead is sent with besides the person’s values)', () => {
  it('holds a lead back for what is left of the minimum fill time, counted from when the form appeared, never less than nothing', () => {
    expect(holdMs(2000, 1000, 1500)).to.equal(1500);
    expect(holdMs(2000, 1000, 3000)).to.equal(0);
    expect(holdMs(2000, 1000, 9000)).to.equal(0);
    expect(holdMs(0, 1000, 1000)).to.equal(0);
  });

  it('reports the bot signals with the time on screen counted to when the lead may go', async () => {
    const host = await hostWith(3000);
    const signals = await botSignalsAt(host, performance.now() - 1000);
    expect(signals).to.include({ honeypot: '', challengeToken: 'token-1' });
    // Sent no sooner than the minimum fill time, the lead reports at least that long on screen.
    expect(signals.elapsedMs).to.be.within(3000, 3100);
  });

  it('gathers nothing from recorders the page did not ask for, reporting each as off', async () => {
    expect(await recordersEvidence(await hostWith(0), NO_RECORDERS)).to.deep.equal({ report: { trustedform: 'off', jornaya: 'off' } });
  });

  it('gathers nothing from a host without the widget’s form', async () => {
    expect(await recordersEvidence(document.createElement('div'), NO_RECORDERS)).to.equal(undefined);
  });

  it('asks for the consent record of the sellers and disclosure version configured, on the page it is on', async () => {
    const asked: unknown[] = [];
    const consent = { record: async (options: unknown) => void asked.push(options) } as unknown as ConsentController;
    const config = { sellers: ['Acme Solar'], consentVersion: 'v2' } as unknown as LeadCaptureConfig;
    const tracking = { pageUrl: () => 'https://lp.example.com/' } as unknown as TrackingController;
    await consentRecord({ config: () => config, consent, tracking });
    expect(asked).to.have.length(1);
    expect(asked[0]).to.deep.include({ sellers: ['Acme Solar'], version: 'v2', pageUrl: 'https://lp.example.com/' });
  });
});
