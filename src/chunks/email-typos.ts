/** Chunk `lead-capture.email-typos.js`: the table of likely email typos, loaded once someone types an email. */
export { suggestEmail } from '../fields/email-typos.js';
