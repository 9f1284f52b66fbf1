import type { UiStrings } from './types.js';

export const es: UiStrings = {
  submit: 'Enviar',
  sending: 'Enviando…',
  retry: 'Intentar de nuevo',
  choose: 'Elija…',
  successTitle: 'Gracias',
  successBody: 'Recibimos sus datos y nos pondremos en contacto pronto.',
  duplicateBody: 'Ya teníamos sus datos y nos pondremos en contacto pronto.',
  queuedBody: 'Recibimos sus datos y los enviaremos en breve. No hace falta volver a enviarlos.',
  errorSummaryTitle: 'Hay un problema',
  failedOffline:
    'Parece que no tiene conexión. Sus datos quedan guardados en este dispositivo y se enviarán cuando vuelva la conexión. También puede pulsar Intentar de nuevo.',
  failedServer:
    'Nuestro sistema no responde. Sus datos quedan guardados en este dispositivo y seguiremos intentando cuando vuelva a esta página. También puede pulsar Intentar de nuevo.',
  failedOfflineUnsaved:
    'Parece que no tiene conexión. No cierre esta página: sus datos se enviarán cuando vuelva la conexión. También puede pulsar Intentar de nuevo.',
  failedServerUnsaved:
    'Nuestro sistema no responde. Sus datos aún no se han enviado: no cierre esta página y pulse Intentar de nuevo.',
  retryingOffline: (attempt, of) => `Parece que no tiene conexión; seguiremos intentando (intento ${attempt} de ${of})…`,
  retryingServer: (attempt, of) => `Nuestro sistema no responde; seguiremos intentando (intento ${attempt} de ${of})…`,
  resumePending: 'Seguimos enviando una solicitud anterior hecha desde este dispositivo.',
  failedFinal: 'No pudimos aceptar sus datos. Revíselos o comuníquese con nosotros de otra forma.',
  invalidAtDestination: 'Algunos datos no fueron aceptados. Revise los campos marcados.',
  notConfigured: 'Este formulario aún no está configurado para enviar (falta el endpoint).',
  consentRequired: 'Marque la casilla para aceptar antes de enviar',
  consentRequiredSellers: 'Marque al menos una casilla para aceptar antes de enviar',
  sellersAnd: 'y',
  consentWithdrawn: 'Desmarcó la casilla, así que su solicitud no se ha enviado. Para enviarla, marque la casilla y pulse Intentar de nuevo.',
  consentNotShown:
    'No pudimos mostrarle bien el texto de consentimiento en esta página, así que no podemos enviar sus datos. Comuníquese con nosotros de otra forma.',
  consentStepTitle: 'Un último paso',
  consentStepIntro: 'Confirme su número de celular y cómo podemos comunicarnos con usted.',
  agree: 'Acepto',
  trustedformRequired: 'Aún no pudimos registrar su consentimiento. Espere un momento y pulse Acepto de nuevo.',
  trustedformFailed: 'No pudimos verificar su consentimiento. Comuníquese con nosotros de otra forma.',
  didYouMean: (email) => `¿Quiso decir ${email}?`,
  useSuggestion: (email) => `Usar ${email}`,
  next: 'Siguiente',
  back: 'Atrás',
  stepOf: (step, total) => `Paso ${step} de ${total}`,
};
