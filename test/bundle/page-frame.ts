import { until } from '../helpers/form.js';

/** A page loaded in a frame (800 × 900), as a visitor opens it, once its widget has rendered its form. */
export async function openPage(path: string): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.src = path;
  frame.style.width = '800px';
  frame.style.height = '900px';
  document.body.append(frame);
  await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  await until(() => Boolean(frame.contentDocument?.querySelector('lead-capture form')), 'the widget to render');
  return frame;
}
