/**
 * The id of the hidden input Jornaya's campaign script fills with its LeadiD token (jornaya.ts). Fixed
 * by Jornaya, so only one widget per page can carry it. On its own, so the form's hidden fields
 * (rendered from the first chunk) name it without bringing in the loader, which only delivery uses.
 */
export const JORNAYA_TOKEN_ID = 'leadid_token';
