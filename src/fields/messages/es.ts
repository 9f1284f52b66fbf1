import type { FieldKey } from '../keys.js';
import { asksQuestion, inSentence } from './in-sentence.js';
import { characterKind, examplePhone, isChosen } from './kinds.js';
import type { DatePart, FieldMessages, MessageParams } from './types.js';

/**
 * Spanish agrees articles and adjectives with the noun: "La ciudad", "(obligatoria)". These labels
 * are feminine; the rest (nombre, apellido, correo, teléfono, estado, código, país, cargo, mensaje,
 * apartamento) are masculine.
 */
const FEMININE: ReadonlySet<FieldKey> = new Set(['address', 'city', 'date_of_birth', 'company']);

const feminine = (key: FieldKey | undefined): boolean => key !== undefined && FEMININE.has(key);

/**
 * The label as the subject of a sentence: "El nombre", "La fecha de nacimiento". A page's own
 * question has no gender we know: a name for its answer ("Deuda total") stands alone, and one put as
 * a question ("¿Cuánto debe?") is the answer to it.
 */
function subject({ key, label }: Pick<MessageParams, 'key' | 'label'>): string {
  if (key === undefined) return asksQuestion(label) ? `Su respuesta a la pregunta “${label}”` : label;
  return `${feminine(key) ? 'La' : 'El'} ${inSentence(label)}`;
}

const PARTS: Readonly<Record<DatePart, string>> = { month: 'el mes', day: 'el día', year: 'el año' };

/** "el mes", "el día y el año", "el mes, el día y el año". */
function listParts(parts: readonly DatePart[]): string {
  const words = parts.map((part) => PARTS[part]);
  if (words.length <= 1) return words[0] ?? 'la fecha';
  return `${words.slice(0, -1).join(', ')} y ${words.at(-1)}`;
}

function region(country: string | undefined): string {
  return country === 'CA' ? 'de Canadá' : 'de EE. UU.';
}

/**
 * A page's own question left unanswered, named by its label in quotes (see en.ts): "Responda a la
 * pregunta “¿…?”" for a whole question, "… para “Deuda total”" for a name, whose gender we do not
 * know; a box is marked ("Marque la casilla", as the consent's message says).
 */
function unanswered(how: NonNullable<MessageParams['question']>, label: string): string {
  const quoted = `“${label}”`;
  switch (how) {
    case 'tick':
      return `Marque la casilla ${quoted} para continuar`;
    case 'choice':
      return asksQuestion(label) ? `Elija una respuesta a la pregunta ${quoted}` : `Elija una respuesta para ${quoted}`;
    case 'text':
      return asksQuestion(label) ? `Responda a la pregunta ${quoted}` : `Escriba una respuesta para ${quoted}`;
  }
}

function characters(params: MessageParams): string {
  const who = subject(params);
  switch (params.kind ?? characterKind(params.key)) {
    case 'name':
      return `${who} solo puede incluir letras, espacios, guiones y apóstrofos`;
    case 'city':
      return `${who} solo puede incluir letras y espacios`;
    case 'line':
      return `${who} no puede incluir emojis ni los símbolos < y >`;
    case 'free':
      return `${who} contiene caracteres de control ocultos; escrí${feminine(params.key) ? 'bala' : 'balo'} en lugar de pegarl${feminine(params.key) ? 'a' : 'o'}`;
    case 'number':
      return `${who} debe ser un número`;
    case 'other':
      return `${who} contiene caracteres que no podemos aceptar`;
  }
}

export const es: FieldMessages = {
  labels: {
    first_name: 'Nombre',
    last_name: 'Apellido',
    full_name: 'Nombre completo',
    email: 'Correo electrónico',
    // "Celular", as Spanish speakers in the Americas say it (these forms take NANP numbers).
    mobile: 'Teléfono celular',
    home_phone: 'Teléfono de casa',
    business_phone: 'Teléfono del trabajo',
    address: 'Dirección',
    address2: 'Apartamento, suite o unidad',
    city: 'Ciudad',
    state: 'Estado',
    zip_code: 'Código postal',
    country: 'País',
    date_of_birth: 'Fecha de nacimiento',
    company: 'Empresa',
    job_title: 'Cargo',
    description: 'Mensaje',
  },
  errors: {
    // "su" serves either gender; a select is chosen: "Elija un estado", "Elija un país".
    required: (params) =>
      params.question !== undefined ? unanswered(params.question, params.label)
      : isChosen(params.key)
        ? `Elija ${feminine(params.key) ? 'una' : 'un'} ${inSentence(params.label)}`
        : `Escriba su ${inSentence(params.label)}`,
    too_long: (params) => `${subject(params)} debe tener ${params.maxLength} caracteres como máximo`,
    characters,
    email: () => 'Escriba un correo electrónico con el formato correcto, como nombre@ejemplo.com',
    phone: ({ label, country }) => `Escriba un número de ${inSentence(label)} ${region(country)}, como ${examplePhone(country)}`,
    phone_length: ({ label, country }) =>
      `Escriba un número de ${inSentence(label)} ${region(country)} de 10 dígitos, como ${examplePhone(country)}`,
    zip: () => 'Escriba un código postal de 5 dígitos, como 10001',
    state: () => 'Elija un estado',
    country: () => 'Elija un país',
    date: (params) => `${subject(params)} debe ser una fecha válida`,
    date_future: (params) => `${subject(params)} debe ser anterior a hoy`,
    min_age: ({ minAge }) => `Debe tener ${minAge} años o más para usar este formulario`,
    unknown_field: () => 'Este formulario no pide este campo',
    range: (params) =>
      params.min !== undefined && params.max !== undefined ? `${subject(params)} debe estar entre ${params.min} y ${params.max}`
      : params.min !== undefined ? `${subject(params)} debe ser ${params.min} o más`
      : params.max !== undefined ? `${subject(params)} debe ser ${params.max} o menos`
      : `${subject(params)} debe ser un número`,
    option: () => 'Elija una de las respuestas ofrecidas',
  },
  requiredMark: (key) => (feminine(key) ? '(obligatoria)' : '(obligatorio)'),
  date: {
    month: 'Mes',
    day: 'Día',
    year: 'Año',
    hint: 'Por ejemplo, 4 23 1985',
    missing: (params, parts) => `${subject(params)} debe incluir ${listParts(parts)}`,
    yearDigits: () => 'El año debe tener 4 números',
  },
};
