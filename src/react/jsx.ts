import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { LitElement } from 'lit';
import type { LeadCaptureConfigInput } from '../element/config.js';
import type { QuestionDefinition } from '../fields/questions.js';
import type { LeadCapture } from '../element/lead-capture.js';
import type { LeadCaptureEventName } from './events.js';

/**
 * `<lead-capture>` used directly in React 19 JSX. React 19 sets a prop as a property when the
 * element has that property (so objects and functions arrive whole: `values`, `adapter`, `config`)
 * and listens for `on<event-name>` props (`onlead-submitted`). Bring these typings in with
 * `import type {} from 'lead-capture/react'`.
 */
export type LeadCaptureElementProps = DetailedHTMLProps<HTMLAttributes<LeadCapture>, LeadCapture> &
  Partial<Omit<LeadCapture, keyof LitElement | 'config' | 'questions' | 'submit' | 'reset'>> & {
    /** Any part of the configuration; each key sets its property. */
    config?: LeadCaptureConfigInput;
    /** The page's own questions, as a list or JSON. */
    questions?: string | readonly QuestionDefinition[];
  } & {
    [Name in LeadCaptureEventName as `on${Name}`]?: (event: HTMLElementEventMap[Name]) => void;
  };

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'lead-capture': LeadCaptureElementProps;
    }
  }
}
