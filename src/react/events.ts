/**
 * The widget's events as React props: `onLeadSubmitted={…}` listens for `lead-submitted`. One table
 * for the component's props and the JSX typings; the event types come from `HTMLElementEventMap`
 * (src/element/events.ts).
 */
export const LEAD_CAPTURE_EVENTS = {
  onLeadInvalid: 'lead-invalid',
  onLeadSubmit: 'lead-submit',
  onLeadCreated: 'lead-created',
  onLeadSubmitted: 'lead-submitted',
  onLeadError: 'lead-error',
  onLeadStep: 'lead-step',
} as const satisfies Record<string, keyof HTMLElementEventMap>;

export type LeadCaptureEventProps = typeof LEAD_CAPTURE_EVENTS;
/** `lead-invalid` | `lead-submit` | … */
export type LeadCaptureEventName = LeadCaptureEventProps[keyof LeadCaptureEventProps];
