/** Chunk `lead-capture.es.js`: the Spanish words, loaded only by a form with `locale="es"`. */
import { es as fields } from '../fields/messages/es.js';
import { es as ui } from '../element/strings/es.js';
import type { LocaleWords } from '../element/locales.js';

export const words: LocaleWords = { fields, ui };
