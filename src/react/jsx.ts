import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { LitElement } from 'lit';
import type { LeadCaptureConfig } from '../element/config.js';
import type { LeadCapture } from '../element/lead-capture.js';
import type { LeadCaptureEventName } from './events.js';

/**
 * `<lead-capture>` used directly in React 19 JSX. React 19 sets a prop as a property when the
 * element has that property (so objects and functions arrive whole: `values`, `adapter`, `config`)
 * and listens for `on<event-name>` props (`onlead-submitted`). Bring these typings in with
 * `import type {} from 'lead-capture/react'`.
 */
export type LeadCaptureElementProps = DetailedHTMLProps<HTMLAttributes<LeadCapture>, LeadCapture> &
  Partial<Omit<LeadCapture, keyof LitElement | 'config' | 'submit' | 'reset'>> & {
    /** Any part of the configuration; each key sets its property. */
    config?: Partial<LeadCaptureConfig>;
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
