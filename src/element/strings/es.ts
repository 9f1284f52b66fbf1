import type { UiStrings } from './types.js';

export const es: UiStrings = {
  submit: 'Enviar',
  sending: 'Enviando…',
  retry: 'Intentar de nuevo',
  choose: 'Elija…',
  successTitle: '¡Gracias!',
  successBody: 'Recibimos sus datos y nos pondremos en contacto pronto.',
  duplicateBody: 'Ya teníamos sus datos y nos pondremos en contacto pronto.',
  errorSummary: (count) => (count === 1 ? '1 campo necesita su atención.' : `${count} campos necesitan su atención.`),
  failedRetryable:
    'No pudimos enviar sus datos ahora. Quedan guardados en este dispositivo y se enviarán cuando vuelva la conexión o regrese a esta página, o pulse Intentar de nuevo.',
  retrying: (attempt, of) => `La conexión es lenta. Seguimos intentando (intento ${attempt} de ${of})…`,
  resumed: 'Ya enviamos los datos que escribió antes.',
  failedFinal: 'No pudimos aceptar sus datos. Revíselos o contáctenos de otra forma.',
  invalidAtDestination: 'Algunos datos no fueron aceptados. Revise los campos marcados.',
  notConfigured: 'Este formulario aún no está configurado para enviar (falta endpoint).',
  consentRequired: 'Marque la casilla para aceptar antes de enviar.',
  consentRequiredSellers: 'Marque al menos una casilla para aceptar antes de enviar.',
  consentStepTitle: 'Un último paso',
  consentStepIntro: 'Confirme su número de móvil y cómo podemos contactarle.',
  agree: 'Acepto',
  trustedformRequired: 'Aún no pudimos registrar su consentimiento. Espere un momento y pulse Acepto de nuevo.',
  trustedformFailed: 'No pudimos verificar su consentimiento. Contáctenos de otra forma.',
  didYouMean: (suggestion) => `¿Quiso decir ${suggestion}?`,
  useSuggestion: 'Usarlo',
};
