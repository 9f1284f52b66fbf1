import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import { DEFAULT_FIELDS, resolveConfig, type LeadCaptureAttributes } from '../../src/element/config.js';
import type { LeadCapture } from '../../src/element/lead-capture.js';
import * as questionsChunk from '../../src/chunks/questions.js';

const DEFAULTS: LeadCaptureAttributes = {
  endpoint: '',
  adapter: 'relay',
  destination: '',
  fields: '',
  required: '',
  locale: 'en',
  country: 'US',
  minAge: 18,
  submitLabel: undefined,
  messages: undefined,
  consent: '',
  sellers: '',
  consentVersion: undefined,
  consentOptional: false,
  consentTiming: '',
  trustedform: false,
  trustedformSrc: undefined,
  trustedformTimeout: 3000,
  jornaya: '',
  jornayaSrc: undefined,
};

describe('resolveConfig', () => {
  it('asks for the default fields when the page names none', () => {
    expect(resolveConfig(DEFAULTS).config.fields).to.deep.equal(DEFAULT_FIELDS);
  });

  it('keeps the order of `fields`, drops unknown names and says so', () => {
    const { config, warnings } = resolveConfig({ ...DEFAULTS, fields: 'email, first_name shoe_size email' });
    expect(config.fields).to.deep.equal(['email', 'first_name']);
    expect(warnings).to.deep.equal(['unknown field "shoe_size" in fields']);
  });

  it('requires only fields the form shows', () => {
    const { config, warnings } = resolveConfig({ ...DEFAULTS, fields: 'email', required: 'email mobile' });
    expect(config.required).to.deep.equal(['email']);
    expect(warnings).to.deep.equal(['required field "mobile" is not in fields']);
  });

  it('accepts regional locale tags and falls back to English for unknown ones', () => {
    expect(resolveConfig({ ...DEFAULTS, locale: 'es-MX' }).config.locale).to.equal('es');
    const { config, warnings } = resolveConfig({ ...DEFAULTS, locale: 'fr' });
    expect(config.locale).to.equal('en');
    expect(warnings[0]).to.contain('locale "fr"');
  });

  it('falls back to US phone numbers for a country without shipped metadata', () => {
    expect(resolveConfig({ ...DEFAULTS, country: 'ca' }).config.country).to.equal('CA');
    expect(resolveConfig({ ...DEFAULTS, country: 'GB' }).config.country).to.equal('US');
  });

  it('uses the relay adapter unless told webhook, and takes an adapter object as it is', () => {
    expect(resolveConfig(DEFAULTS).config.adapter).to.equal('relay');
    expect(resolveConfig({ ...DEFAULTS, adapter: 'webhook' }).config.adapter).to.equal('webhook');
    const custom = { name: 'mine', create: async () => ({ outcome: { status: 'accepted' as const, retryable: false }, next: null }) };
    expect(resolveConfig({ ...DEFAULTS, adapter: custom }).config.adapter).to.equal(custom);
  });

  it('warns when a relay endpoint names no destination', () => {
    const { warnings } = resolveConfig({ ...DEFAULTS, endpoint: 'https://relay.example/v1' });
    expect(warnings).to.deep.equal(['endpoint is a relay but no destination is named: the relay will refuse every lead']);
    expect(resolveConfig({ ...DEFAULTS, endpoint: 'https://hooks.example', adapter: 'webhook' }).warnings).to.deep.equal([]);
  });

  it('loads vendor scripts only over https: or from this site (issue 11)', () => {
    const sources = (value: string) => resolveConfig({ ...DEFAULTS, trustedformSrc: value, jornayaSrc: value });
    expect(sources('https://cdn.example/tf.js').config).to.include({ trustedformSrc: 'https://cdn.example/tf.js', jornayaSrc: 'https://cdn.example/tf.js' });
    expect(sources('/standins/trustedform/trustedform.js').config.trustedformSrc).to.equal('/standins/trustedform/trustedform.js');
    for (const refused of ['data:text/javascript,alert(1)', 'javascript:alert(1)', 'http://cdn.example/tf.js', '//cdn.example/tf.js']) {
      const { config, warnings } = sources(refused);
      expect(config.trustedformSrc, refused).to.equal(undefined);
      expect(config.jornayaSrc, refused).to.equal(undefined);
      expect(warnings, refused).to.include("trustedform-src must be an https: URL or a path on this site; using the vendor's script");
    }
  });
});

describe('the config property (issue 11)', () => {
  it('never sets where a vendor script is loaded from: only the attribute or the property does', async () => {
    const element = await fixture<LeadCapture>(html`<lead-capture trustedform-src="/standins/trustedform/trustedform.js"></lead-capture>`);
    await expect(element).to.be.accessible();
    element.config = { trustedformSrc: 'https://evil.example/tf.js', jornayaSrc: 'https://evil.example/lj.js', submitLabel: 'Send' };
    await element.updateComplete;
    expect(element.config.trustedformSrc).to.equal('/standins/trustedform/trustedform.js');
    expect(element.config.jornayaSrc).to.equal(undefined);
    expect(element.config.submitLabel).to.equal('Send');
  });
});

describe('resolveConfig: questions and steps', () => {
  const questions = [
    { name: 'debt_amount', label: 'Total debt', type: 'number', required: true },
    { name: 'owns_home', label: 'Own a home?', type: 'radio', options: ['Yes', 'No'] },
  ];

  it('places questions where fields names them, and asks them all after the defaults when fields names nothing', () => {
    expect(resolveConfig({ ...DEFAULTS, fields: 'zip_code debt_amount email', questions }, questionsChunk).config.fields).to.deep.equal(['zip_code', 'debt_amount', 'email']);
    expect(resolveConfig({ ...DEFAULTS, questions }, questionsChunk).config.fields).to.deep.equal([...DEFAULT_FIELDS, 'debt_amount', 'owns_home']);
  });

  it('requires a question by its own flag or by required, never one the form does not ask', () => {
    const { config } = resolveConfig({ ...DEFAULTS, fields: 'debt_amount owns_home email', required: 'owns_home email', questions }, questionsChunk);
    expect(config.required).to.deep.equal(['debt_amount', 'owns_home', 'email']);
  });

  it('reports definitions that cannot work as errors, apart from warnings', () => {
    const { config, errors, warnings } = resolveConfig({ ...DEFAULTS, fields: 'email debt_amount', questions: [{ name: 'email', label: 'x' }, questions[0]] }, questionsChunk);
    expect(config.questions.map((question) => question.name)).to.deep.equal(['debt_amount']);
    expect(errors).to.have.length(1);
    expect(errors[0]).to.match(/catalogue field/);
    expect(warnings).to.deep.equal([]);
  });

  it('splits steps among the fields asked, ignoring names it does not ask with a warning', () => {
    const { config, warnings } = resolveConfig({ ...DEFAULTS, fields: 'zip_code debt_amount email', questions, steps: 'zip_code debt_amount | email shoe_size' }, questionsChunk);
    expect(config.steps).to.deep.equal([['zip_code', 'debt_amount'], ['email']]);
    expect(warnings).to.deep.equal(['question "owns_home" is not in fields; not asked', 'step field "shoe_size" is not in fields; ignored']);
  });

  it('without the questions chunk, reads neither: no questions, one step (the element waits for the chunk instead)', () => {
    const { config } = resolveConfig({ ...DEFAULTS, fields: 'zip_code email', steps: 'zip_code | email' });
    expect(config.questions).to.deep.equal([]);
    expect(config.steps).to.deep.equal([['zip_code', 'email']]);
  });
});
