/**
 * A consent disclosure to start from, written to the TCPA's "prior express written consent"
 * (47 CFR 64.1200(f)(9)) and to the FCC's one-to-one reading of it: it names the one seller
 * (`{sellers}`, which the widget fills from `sellers`, one checkbox each when there are several),
 * the number and the kinds of contact (calls and texts, automated technology, artificial or
 * prerecorded voice), keeps the contact to what the person asked about, says consent is not a
 * condition of purchase, and how to stop. The marketer's counsel has the last word on the wording.
 */
export const TCPA_ONE_TO_ONE =
  'By checking this box, I give {sellers} my express written consent to contact me about my request at the phone number I provided, ' +
  'including by calls and text messages using automated technology and artificial or prerecorded voice. ' +
  'Consent is not a condition of any purchase. Message frequency varies; message and data rates may apply. ' +
  'Reply STOP to opt out of texts. I can withdraw this consent at any time.';
