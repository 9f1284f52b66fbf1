import type { Locale } from '../../fields/messages/locales.js';

/**
 * What the person is told when a chunk the form needs could not be loaded, even after trying again:
 * in the first chunk, in every language, since the words of a language other than English are
 * themselves a chunk that may be what failed. `load`: the form cannot show itself as configured;
 * `send`: what Submit needs (the rules, delivery, the consent check) did not come.
 */
export const UNAVAILABLE: Readonly<Record<Locale, { readonly load: string; readonly send: string }>> = {
  en: {
    load: "This form couldn't load completely. Check your connection: we'll keep trying.",
    send: "We couldn't load what's needed to send your details. Check your connection and press Submit again.",
  },
  es: {
    load: 'Este formulario no se ha podido cargar por completo. Compruebe su conexión: lo seguiremos intentando.',
    send: 'No hemos podido cargar lo necesario para enviar sus datos. Compruebe su conexión y pulse Enviar de nuevo.',
  },
};
