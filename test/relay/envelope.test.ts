import { expect } from '@open-wc/testing';
import { answerMessage } from '../../src/fields/answers.js';
import { FIELD_KEYS } from '../../src/fields/keys.js';
import { fieldMessages } from '../../src/fields/messages/index.js';
import { parseQuestions } from '../../src/fields/question-definitions.js';
import type { FieldErrorCode } from '../../src/fields/rules.js';
import { checkEnvelope, MAX_LISTED_ERRORS, withReceivedAt, type EnvelopeRules } from '../../src/relay/envelope.js';
import { sha256Hex } from '../../src/relay/hash.js';
import { CASE_RULES, FIELD_CASES } from '../fields/cases.js';

const RULES: EnvelopeRules = { ...CASE_RULES, fields: FIELD_KEYS, required: [], requireConsent: false };

const CONSENT_TEXT = 'By clicking Submit I agree that ACME may call me.';
const CONSENT = {
  text: CONSENT_TEXT,
  sha256: sha256Hex(CONSENT_TEXT),
  sellers: ['ACME'],
  checkedAt: '2026-11-23T12:00:00.000Z',
  submittedAt: '2026-11-23T12:00:05.000Z',
  pageUrl: 'https://lp.example/quote',
};

describe('checkEnvelope: the relay judges the field table as the browser does', () => {
  for (const row of FIELD_CASES) {
    const expected = 'value' in row ? `accepts as ${JSON.stringify(row.value)}` : `answers 422 ${row.error}`;
    it(`${row.field}: ${row.why} → ${expected}`, () => {
      const result = checkEnvelope({ lead: { [row.field]: row.input } }, RULES);
      if ('value' in row) expect(result).to.deep.equal({ ok: true, envelope: { lead: { [row.field]: row.value } } });
      else expect(result.ok ? undefined : result.codes).to.deep.equal({ [row.field]: row.error });
    });
  }
});

describe('checkEnvelope: the envelope around the lead', () => {
  it('answers a message and a code per bad field, in English by default and in Spanish when asked', () => {
    const en = checkEnvelope({ lead: { email: 'x@' } }, RULES);
    expect(en).to.deep.equal({ ok: false, errors: { email: 'Enter an email address in the correct format, like name@example.com' }, codes: { email: 'email' } });
    const es = checkEnvelope({ lead: { email: 'x@' } }, RULES, 'es');
    expect(es.ok ? '' : es.errors['email']).to.equal('Escriba un correo electrónico con el formato correcto, como nombre@ejemplo.com');
  });

  it('insists on the fields the destination requires', () => {
    const result = checkEnvelope({ lead: { email: 'a@b.co' } }, { ...RULES, required: ['email', 'mobile'] });
    expect(result.ok ? undefined : result.codes).to.deep.equal({ mobile: 'required' });
  });

  it('refuses unknown lead fields and bodies that are not an envelope', () => {
    expect(checkEnvelope({ lead: { shoe_size: '9' } }, RULES)).to.deep.include({ ok: false, codes: { shoe_size: 'unknown_field' } });
    expect(checkEnvelope([], RULES).ok).to.equal(false);
    expect(checkEnvelope({ lead: 'Jane' }, RULES).ok).to.equal(false);
  });

  it('reads only the fields the destination takes: another is refused before its value is read', () => {
    const narrow = { ...RULES, fields: ['email'] as const };
    const description = ' '.repeat(60_000);
    const started = performance.now();
    const result = checkEnvelope({ lead: { email: 'a@b.co', description } }, narrow);
    expect(result.ok ? undefined : result.codes).to.deep.equal({ description: 'unknown_field' });
    // Refused unread: a generous bound only super-linear work could miss (issue 11).
    expect(performance.now() - started).to.be.below(1000);
  });

  it('refuses a 60,000-character value as too long without normalising it (issue 11)', () => {
    const started = performance.now();
    const result = checkEnvelope({ lead: { description: `${' '.repeat(60_000)}x` } }, RULES);
    expect(result.ok ? undefined : result.codes).to.deep.equal({ description: 'too_long' });
    expect(performance.now() - started).to.be.below(1000);
  });

  it('keeps a well-formed consent record, TrustedForm certificate, Jornaya token and tracking', () => {
    const body = {
      lead: { email: 'a@b.co' },
      consent: CONSENT,
      trustedform: {
        certUrl: 'https://cert.trustedform.com/981eef90ec965dd5a139170a4ad935b8b057baae',
        pingUrl: 'https://ping.trustedform.com/0.abc.def',
        token: 'https://cert.trustedform.com/981eef90ec965dd5a139170a4ad935b8b057baae',
      },
      jornaya: { leadId: '01234567-89AB-CDEF-0123-456789ABCDEF' },
      tracking: { utm_source: 'google', gclid: 'abc123' },
    };
    expect(checkEnvelope(body, RULES)).to.deep.equal({ ok: true, envelope: body });
  });

  it('refuses a lead without consent where the destination requires it', () => {
    expect(checkEnvelope({ lead: { email: 'a@b.co' } }, { ...RULES, requireConsent: true })).to.deep.include({ codes: { consent: 'required' } });
    expect(checkEnvelope({ lead: { email: 'a@b.co' }, consent: CONSENT }, { ...RULES, requireConsent: true }).ok).to.equal(true);
  });

  it('refuses a certificate URL that is not TrustedForm’s', () => {
    const result = checkEnvelope({ lead: {}, trustedform: { certUrl: 'https://evil.example/cert/123' } }, RULES);
    expect(result.ok ? undefined : result.codes).to.deep.equal({ 'trustedform.certUrl': 'characters' });
  });

  it('refuses tracking values with control characters or absurd length', () => {
    const result = checkEnvelope({ lead: {}, tracking: { utm_source: 'a\u0000', utm_term: 'x'.repeat(3000) } }, RULES);
    expect(result.ok ? undefined : result.codes).to.deep.equal({ 'tracking.utm_source': 'characters', 'tracking.utm_term': 'too_long' });
  });

  describe('consent evidence (issue 11)', () => {
    it('refuses a consent record whose hash is not its text’s: a made-up record with an all-zero hash', () => {
      const forged = { ...CONSENT, sha256: '0'.repeat(64), checkedAt: '2020-01-01T00:00:00.000Z' };
      const result = checkEnvelope({ lead: { email: 'a@b.co' }, consent: forged }, RULES);
      expect(result.ok ? undefined : result.codes).to.deep.equal({ 'consent.sha256': 'characters' });
    });

    it('refuses a text edited after hashing', () => {
      const edited = { ...CONSENT, text: `${CONSENT_TEXT} And my cousin.` };
      expect(checkEnvelope({ lead: { email: 'a@b.co' }, consent: edited }, RULES).ok).to.equal(false);
    });

    it('takes only the disclosures a destination pinned, by hash or by version', () => {
      const pinnedByHash = { ...RULES, requireConsent: true, acceptConsent: [sha256Hex(CONSENT_TEXT)] };
      expect(checkEnvelope({ lead: { email: 'a@b.co' }, consent: CONSENT }, pinnedByHash).ok).to.equal(true);
      const other = { ...CONSENT, text: 'I agree to anything.', sha256: sha256Hex('I agree to anything.') };
      const refused = checkEnvelope({ lead: { email: 'a@b.co' }, consent: other }, pinnedByHash);
      expect(refused.ok ? undefined : refused.codes).to.deep.equal({ consent: 'option' });
      const pinnedByVersion = { ...RULES, requireConsent: true, acceptConsent: ['tcpa-2026-03'] };
      expect(checkEnvelope({ lead: { email: 'a@b.co' }, consent: { ...other, version: 'tcpa-2026-03' } }, pinnedByVersion).ok).to.equal(true);
      expect(checkEnvelope({ lead: { email: 'a@b.co' }, consent: other }, pinnedByVersion).ok).to.equal(false);
    });

    it('records the relay’s own receive time beside the browser’s times', () => {
      const envelope = withReceivedAt({ lead: { email: 'a@b.co' }, consent: CONSENT }, new Date('2026-11-23T12:00:07.000Z'));
      expect(envelope.consent).to.deep.equal({ ...CONSENT, receivedAt: '2026-11-23T12:00:07.000Z' });
      expect(withReceivedAt({ lead: {} }, new Date())).to.deep.equal({ lead: {} });
    });
  });

  describe('answers that cannot throw or balloon (issue 11)', () => {
    it('drops a tracking key it does not know, whatever its shape, instead of failing', () => {
      const result = checkEnvelope({ lead: { email: 'a@b.co' }, tracking: { promoCode: 'SPRING', utm_source: 'google', 'x y': '1' } }, RULES);
      expect(result).to.deep.equal({ ok: true, envelope: { lead: { email: 'a@b.co' }, tracking: { utm_source: 'google' } } });
    });

    it('words every code it answers, even for an envelope zod refuses in ways we did not foresee', () => {
      const odd = [{ lead: null }, { lead: {}, consent: { text: 5 } }, { lead: {}, bot: { elapsedMs: 'soon' } }, { lead: {}, jornaya: [] }, 'text', null];
      for (const body of odd) {
        const result = checkEnvelope(body, RULES);
        expect(result.ok, JSON.stringify(body)).to.equal(false);
        if (!result.ok) for (const message of Object.values(result.errors)) expect(message, JSON.stringify(body)).to.be.a('string').and.not.equal('');
      }
    });

    it('lists at most twenty problems, and cuts absurd paths: a 64 KB body answers in a few KB', () => {
      const keys = ['y'.repeat(5000), ...Array.from({ length: 2000 }, (_, index) => `field_${index}_${'x'.repeat(20)}`)];
      const result = checkEnvelope({ lead: Object.fromEntries(keys.map((key) => [key, 'v'])) }, RULES);
      expect(result.ok ? 0 : Object.keys(result.codes).length).to.equal(MAX_LISTED_ERRORS);
      expect(result.ok ? [] : Object.keys(result.codes)).to.include(`${'y'.repeat(60)}…`);
      expect(JSON.stringify(result).length).to.be.below(8000);
    });
  });
});

describe('checkEnvelope: answers to the destination’s own questions (issue 16)', () => {
  // The destination's definitions, as its entry in the relay's config lists them.
  const { questions } = parseQuestions([
    { name: 'debt_amount', label: { en: 'Total debt', es: 'Deuda total' }, type: 'number', min: 1000, max: 1000000, required: true },
    { name: 'debt_type', label: 'Main kind of debt', type: 'select', options: [{ value: 'credit_cards', label: 'Credit cards' }, 'Medical bills'] },
    { name: 'owns_home', label: 'Do you own a home?', type: 'radio', options: ['yes', 'no'] },
    { name: 'behind_on_payments', label: 'Behind on payments', type: 'checkbox' },
    { name: 'hardship', label: 'What happened?', type: 'text', maxLength: 20 },
  ]);
  const WITH_QUESTIONS: EnvelopeRules = { ...RULES, fields: ['first_name', 'email'], questions, required: ['owns_home'] };
  const ANSWERED = { first_name: 'Jane', email: 'jane@example.com', debt_amount: '25,000', debt_type: 'credit_cards', owns_home: 'no', behind_on_payments: 'yes' };
  const codes = (lead: Record<string, unknown>, rules = WITH_QUESTIONS) => {
    const result = checkEnvelope({ lead }, rules);
    return result.ok ? {} : result.codes;
  };
  const words = (lead: Record<string, unknown>, locale: 'en' | 'es' = 'en') => {
    const result = checkEnvelope({ lead }, WITH_QUESTIONS, locale);
    return result.ok ? {} : result.errors;
  };

  it('takes the answers its questions declare, as the widget sends them (a number as its digits, an option’s value)', () => {
    expect(checkEnvelope({ lead: ANSWERED }, WITH_QUESTIONS)).to.deep.equal({ ok: true, envelope: { lead: { ...ANSWERED, debt_amount: '25000' } } });
  });

  it('refuses an answer to a question the destination does not declare: unknown_field, whatever the browser defined', () => {
    expect(codes({ ...ANSWERED, credit_score: 'excellent' })).to.deep.equal({ credit_score: 'unknown_field' });
    expect(words({ ...ANSWERED, credit_score: 'excellent' })).to.deep.equal({ credit_score: 'This form does not ask for this field' });
    // Without its questions in the config, a destination takes no answers at all.
    expect(codes(ANSWERED, { ...RULES, fields: ['first_name', 'email'] })).to.deep.equal({
      debt_amount: 'unknown_field',
      debt_type: 'unknown_field',
      owns_home: 'unknown_field',
      behind_on_payments: 'unknown_field',
    });
  });

  it('insists on a question required by its own definition or by the destination’s required, in the widget’s words', () => {
    const { debt_amount: _amount, owns_home: _home, ...unanswered } = ANSWERED;
    expect(codes(unanswered)).to.deep.equal({ debt_amount: 'required', owns_home: 'required' });
    expect(words(unanswered)).to.deep.equal({ debt_amount: 'Enter an answer for “Total debt”', owns_home: 'Choose an answer to “Do you own a home?”' });
  });

  it('refuses an answer its question does not offer, a number out of bounds, and text too long, with the field-level code and message', () => {
    const lead = { ...ANSWERED, debt_type: 'mortgage', owns_home: 'maybe', behind_on_payments: 'no', debt_amount: '999', hardship: 'I lost my job in March' };
    expect(codes(lead)).to.deep.equal({ debt_type: 'option', owns_home: 'option', behind_on_payments: 'option', debt_amount: 'range', hardship: 'too_long' });
    expect(words(lead)).to.deep.equal({
      debt_type: 'Choose one of the answers offered',
      owns_home: 'Choose one of the answers offered',
      behind_on_payments: 'Choose one of the answers offered',
      debt_amount: 'Total debt must be between 1,000 and 1,000,000',
      hardship: 'Your answer to “What happened?” must be 20 characters or fewer',
    });
  });

  it('words each answer’s problem exactly as the widget does, in the visitor’s language', () => {
    const lead = { ...ANSWERED, debt_amount: '12abc', debt_type: 'mortgage' };
    for (const locale of ['en', 'es'] as const) {
      const relay = words(lead, locale);
      // The widget's words for an answer (src/element/question-fields.ts): answerMessage with the question.
      const widget = (name: string, code: FieldErrorCode) => answerMessage(fieldMessages(locale), questions.find((question) => question.name === name)!, code, locale);
      expect(relay).to.deep.equal({ debt_amount: widget('debt_amount', 'characters'), debt_type: widget('debt_type', 'option') });
    }
    expect(words({ ...ANSWERED, debt_amount: '5' }, 'es')['debt_amount']).to.contain('Deuda total');
  });
});
