import { inSentence } from './in-sentence.js';
import type { FieldMessages } from './types.js';

export const es: FieldMessages = {
  labels: {
    first_name: 'Nombre',
    last_name: 'Apellido',
    full_name: 'Nombre completo',
    email: 'Correo electrónico',
    mobile: 'Teléfono móvil',
    home_phone: 'Teléfono de casa',
    business_phone: 'Teléfono del trabajo',
    address: 'Dirección',
    address2: 'Apartamento, suite, etc.',
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
    required: ({ label }) => `Escriba su ${inSentence(label)}.`,
    too_long: ({ maxLength }) => `Use ${maxLength} caracteres o menos.`,
    characters: ({ label }) => `${label} contiene caracteres que no podemos aceptar.`,
    email: () => 'Escriba un correo como nombre@ejemplo.com.',
    phone: () => 'Este número de teléfono no existe. Revise el código de área y el número.',
    phone_length: () => 'Escriba un número de 10 dígitos, empezando por el código de área.',
    zip: () => 'Escriba un código postal de 5 dígitos.',
    state: () => 'Elija un estado.',
    country: () => 'Elija un país.',
    date: () => 'Escriba una fecha real, como 1985-04-23.',
    date_future: () => 'La fecha de nacimiento no puede ser futura.',
    min_age: ({ minAge }) => `Debe tener al menos ${minAge} años.`,
    unknown_field: () => 'Este campo no forma parte del formulario.',
    range: ({ label, min, max }) =>
      min !== undefined && max !== undefined ? `${label} debe estar entre ${min} y ${max}.`
      : min !== undefined ? `${label} debe ser ${min} o más.`
      : `${label} debe ser ${max ?? ''} o menos.`,
    option: () => 'Elija una de las respuestas ofrecidas.',
  },
};
