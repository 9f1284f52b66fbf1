import type { Locale } from '../../fields/messages/locales.js';
import type { UiOverrides, UnavailableKey } from './types.js';

/**
 * What the person is told when a chunk the form needs could not be loaded, even after trying again:
 * in the first chunk, in every language, since the words of a language other than English are
 * themselves a chunk that may be what failed. `formUnavailable`: the form cannot show itself as
 * configured; `sendUnavailable`: what Submit needs (the rules, delivery, the consent check) did not come.
 */
const UNAVAILABLE: Readonly<Record<Locale, Readonly<Record<UnavailableKey, string>>>> = {
  en: {
    formUnavailable: "This form couldn't load completely. Check your connection: we'll keep trying.",
    sendUnavailable: "We couldn't load what's needed to send your details. Check your connection and press Submit again.",
  },
  es: {
    formUnavailable: 'Este formulario no se ha podido cargar por completo. Compruebe su conexión: lo seguiremos intentando.',
    sendUnavailable: 'No hemos podido cargar lo necesario para enviar sus datos. Compruebe su conexión y pulse Enviar de nuevo.',
  },
};

/** The sentence in the form's language, or the page's own (`messages.ui`), which needs none of a language's words. */
export function unavailableText(key: UnavailableKey, locale: Locale, overrides: UiOverrides | undefined): string {
  const own = overrides?.[key];
  return typeof own === 'string' ? own : UNAVAILABLE[locale][key];
}
