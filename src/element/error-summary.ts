import { html, nothing, type TemplateResult } from 'lit';

/** One problem in the summary: the message, and the id of the control it links to. */
export interface SummaryItem {
  readonly target: string;
  readonly text: string;
}

/**
 * The GOV.UK error summary (https://design-system.service.gov.uk/components/error-summary/): a
 * "There is a problem" heading and a link to each field with an error, worded as the field's own
 * message. It takes focus when Submit is refused, so it is what a screen reader reads, once; the
 * fields' messages are read when the person reaches each field.
 */
export function errorSummaryTemplate(id: string, title: string, items: readonly SummaryItem[]): TemplateResult | typeof nothing {
  if (items.length === 0) return nothing;
  return html`<div class="lc-error-summary" tabindex="-1">
    <div role="alert">
      <h2 class="lc-error-summary-title" id="${id}-title">${title}</h2>
      <ul class="lc-error-summary-list">
        ${items.map((item) => html`<li><a href="#${item.target}" @click=${followLink}>${item.text}</a></li>`)}
      </ul>
    </div>
  </div>`;
}

/**
 * Puts the person in the field, with its label in view (GOV.UK's summary does the same): the link's
 * own jump would scroll the label out of sight above the input, and would change the page's URL.
 */
function followLink(event: Event): void {
  const link = event.currentTarget;
  if (!(link instanceof HTMLAnchorElement)) return;
  const target = link.ownerDocument.getElementById(decodeURIComponent(link.hash.slice(1)));
  if (!target) return;
  event.preventDefault();
  const caption = target.closest('fieldset')?.querySelector('legend') ?? (target.id ? link.ownerDocument.querySelector(`label[for="${CSS.escape(target.id)}"]`) : null);
  (caption ?? target).scrollIntoView({ block: 'start' });
  target.focus({ preventScroll: true });
}
