import { expect } from '@open-wc/testing';
import '../../src/define.js';
import type { LeadCapture } from '../../src/element/lead-capture.js';
import { chunks } from '../../src/element/chunks.js';
import { asksQuestions } from '../../src/element/questions-part.js';
import { count, hold, restoreChunks } from '../helpers/chunks.js';
import { control, until } from '../helpers/form.js';

/**
 * The code of questions and steps is a chunk of its own (`lead-capture.questions.js`), loaded only by
 * a form whose configuration has questions or steps, before that form first renders.
 */

afterEach(() => {
  restoreChunks();
  document.querySelectorAll('lead-capture').forEach((element) => element.remove());
});

describe('asksQuestions: which forms need the questions chunk', () => {
  it('a form with questions (attribute or property) or steps', () => {
    expect(asksQuestions({ questions: '[{"name": "debt_amount", "label": "Total debt"}]' })).to.equal(true);
    expect(asksQuestions({ questions: [{ name: 'debt_amount', label: 'Total debt' }] })).to.equal(true);
    expect(asksQuestions({ questions: '', steps: 'zip_code | email' })).to.equal(true);
  });

  it('a form whose questions cannot be read: the chunk is what says why', () => {
    expect(asksQuestions({ questions: '{not json' })).to.equal(true);
    expect(asksQuestions({ questions: { name: 'debt_amount' } })).to.equal(true);
  });

  it('not a form without either', () => {
    expect(asksQuestions({ questions: '', steps: '' })).to.equal(false);
    expect(asksQuestions({ questions: '  ', steps: ' ' })).to.equal(false);
    expect(asksQuestions({ questions: [] })).to.equal(false);
    expect(asksQuestions({})).to.equal(false);
  });
});

// The first form in this page to need the chunk (held back here): once loaded, it stays for the page.
describe('a prerendered form with a question, before the questions chunk arrives', () => {
  it('stays on screen and usable, renders nothing of its own, and is taken over with the question and what was typed once the chunk arrives', async () => {
    const questions = hold('questions');
    const delivery = count('delivery');
    const holder = document.createElement('div');
    // The markup as the builder's prerendered embed carries it (src/builder/prerender.ts), cut to its controls.
    holder.innerHTML = `<lead-capture fields="email debt_amount" required="email" persist="none" tracking="off" prerendered="lc-p-held"
      trustedform trustedform-src="/standins/trustedform/trustedform.js"
      questions='[{"name": "debt_amount", "label": "Total debt", "type": "number"}]'>
      <div id="lc-p-held" data-lc-prerendered>
        <label for="lc-p-held-email">Email</label><input id="lc-p-held-email" name="email" type="email" form="lc-p-none">
        <label for="lc-p-held-debt">Total debt</label><input id="lc-p-held-debt" name="debt_amount" inputmode="decimal" form="lc-p-none">
      </div>
    </lead-capture>`;
    document.body.append(holder);
    const element = holder.querySelector('lead-capture') as LeadCapture;
    await until(() => questions.asked > 0, 'the questions chunk to be asked for');
    const markup = (name: string) => element.querySelector<HTMLInputElement>(`[data-lc-prerendered] [name="${name}"]`)!;
    markup('email').value = 'jane@example.com';
    markup('debt_amount').focus();
    markup('debt_amount').value = '25000';
    // The rules come meanwhile (the element asked for them with the markup on screen); delivery, and
    // TrustedForm's script with it, which records the forms in the page as it loads, waits for the widget's form.
    await chunks.validation();
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 200)));
    expect(element.querySelector('form.lc-form'), 'no widget form before the chunk arrives').to.equal(null);
    expect(delivery.asked, 'no delivery before the widget’s form').to.equal(0);
    expect(element.querySelector('[data-lc-prerendered]'), 'the prerendered form still there').not.to.equal(null);

    questions.release();
    await until(() => element.querySelector('form.lc-form') !== null, 'the widget’s form');
    await element.updateComplete;
    expect(element.querySelector('[data-lc-prerendered]'), 'the markup taken over').to.equal(null);
    expect(element.values).to.deep.equal({ email: 'jane@example.com', debt_amount: '25000' });
    expect(control(element, 'debt_amount').value).to.equal('25000');
    expect(element.ownerDocument.activeElement, 'focus where the person was').to.equal(control(element, 'debt_amount'));
    await until(() => element.querySelector('form.lc-form input[name="xxTrustedFormCertUrl"]') !== null, 'TrustedForm to record the widget’s form');
    document.querySelectorAll('script[data-lead-capture]').forEach((script) => script.remove());
    holder.remove();
  });
});
