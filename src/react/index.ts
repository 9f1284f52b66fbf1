/**
 * `lead-capture/react`: the widget as a React component (`@lit/react`'s `createComponent`), for React
 * 17 and later. Properties are set as properties, so objects and functions arrive whole (`config`,
 * `questions`, `values`, `adapter`, `challenge`); events are typed `on…` props (`onLeadSubmitted`). React is a
 * peer dependency, and the plain bundles never import this module.
 */
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import type { LeadCaptureConfigInput } from '../element/config.js';
import type { QuestionDefinition } from '../fields/questions.js';
// The package's own entry (in the built file, `import … from 'lead-capture'`): it registers the tag,
// so an app using both the component and the plain element runs one copy of the widget.
import { LeadCapture as LeadCaptureElement } from '../embed.js';
import { LEAD_CAPTURE_EVENTS, type LeadCaptureEventProps } from './events.js';
import './jsx.js';

export { LEAD_CAPTURE_EVENTS } from './events.js';
export type { LeadCaptureElementProps } from './jsx.js';
export type * from '../element/events.js';
export type { LeadCaptureConfig, LeadCaptureConfigInput } from '../element/config.js';
export type { QuestionDefinition } from '../fields/questions.js';

type EventProps = { [Prop in keyof LeadCaptureEventProps]: EventName<HTMLElementEventMap[LeadCaptureEventProps[Prop]]> };

const Component = createComponent({
  react: React,
  tagName: 'lead-capture',
  elementClass: LeadCaptureElement,
  events: LEAD_CAPTURE_EVENTS as EventProps,
  displayName: 'LeadCapture',
});

/** The component's props: the element's properties, the `on…` event props, any part of `config`, typed questions. */
export type LeadCaptureProps = Omit<React.ComponentProps<typeof Component>, 'config' | 'questions'> & {
  /** Any part of the configuration; each key sets its property. */
  config?: LeadCaptureConfigInput;
  /** The page's own questions: `[{ name: 'debt_amount', label: 'Total debt', type: 'number' }]` (or their JSON). */
  questions?: string | readonly QuestionDefinition[];
};

/** `<LeadCapture endpoint="…" destination="…" onLeadSubmitted={(event) => …} />` */
export const LeadCapture = Component as React.ForwardRefExoticComponent<LeadCaptureProps>;
