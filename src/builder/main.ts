// The builder page's script (builder.html): the widget and the builder, from source.
import '../define.js';
import { LeadCaptureBuilder } from './builder-element.js';

if (!customElements.get('lead-capture-builder')) customElements.define('lead-capture-builder', LeadCaptureBuilder);
