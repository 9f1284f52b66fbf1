import { Hono } from 'hono';

/**
 * Stand-ins for the consent recorders' scripts, behaving as the real ones do (DESTINATIONS.md):
 *
 * TrustedForm: on load, appends `xxTrustedFormToken`, the `field` and the `ping_field` hidden inputs
 * (ids with `_0`, `_1`… suffixes) to every form already in the document, fills them after `delay`
 * ms (default 150) with a certificate URL `https://cert.trustedform.com/<40 hex>` (token and cert
 * alike) and a ping URL, then calls `trustedFormCertUrlCallback` if the page defined it. Forms added
 * later get nothing, as with the real script.
 *
 * Jornaya: fills `#leadid_token` with a 36-character GUID after `delay` ms.
 */
const TRUSTEDFORM = String.raw`(function () {
  var src = new URL(document.currentScript.src);
  var field = src.searchParams.get('field') || 'xxTrustedFormCertUrl';
  var pingField = src.searchParams.get('ping_field') || 'xxTrustedFormPingUrl';
  var delay = Number(src.searchParams.get('delay') || 150);
  window.__trustedformStandinLoads = (window.__trustedformStandinLoads || 0) + 1;
  var hex = '';
  var bytes = crypto.getRandomValues(new Uint8Array(20));
  for (var i = 0; i < bytes.length; i++) hex += bytes[i].toString(16).padStart(2, '0');
  var certUrl = 'https://cert.trustedform.com/' + hex;
  var pingUrl = 'https://ping.trustedform.com/0.' + hex.slice(0, 16) + '.' + hex.slice(16);
  var inputs = [];
  document.querySelectorAll('form').forEach(function (form, index) {
    [['xxTrustedFormToken', certUrl], [field, certUrl], [pingField, pingUrl]].forEach(function (pair) {
      var input = document.createElement('input');
      input.type = 'hidden';
      input.name = pair[0];
      input.id = pair[0] + '_' + index;
      form.appendChild(input);
      inputs.push([input, pair[1]]);
    });
  });
  setTimeout(function () {
    inputs.forEach(function (pair) { pair[0].value = pair[1]; });
    if (typeof window.trustedFormCertUrlCallback === 'function') window.trustedFormCertUrlCallback(certUrl);
  }, delay);
})();`;

const JORNAYA = String.raw`(function () {
  var src = new URL(document.currentScript.src);
  var delay = Number(src.searchParams.get('delay') || 100);
  window.__jornayaStandinLoads = (window.__jornayaStandinLoads || 0) + 1;
  setTimeout(function () {
    var input = document.getElementById('leadid_token');
    if (input) input.value = crypto.randomUUID().toUpperCase();
  }, delay);
})();`;

export function recorderScripts(): Hono {
  const app = new Hono();
  const script = (body: string) => (c: { body: (text: string, status: 200, headers: Record<string, string>) => Response }) =>
    c.body(body, 200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' });
  app.get('/trustedform/trustedform.js', script(TRUSTEDFORM));
  app.get('/jornaya/campaign/:key', script(JORNAYA));
  return app;
}
