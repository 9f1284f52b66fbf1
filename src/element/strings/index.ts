import type { Locale } from '../../fields/messages/index.js';
import { en } from './en.js';
import { es } from './es.js';
import type { UiStrings } from './types.js';

export type { UiStrings } from './types.js';

export const UI_STRINGS: Readonly<Record<Locale, UiStrings>> = { en, es };
