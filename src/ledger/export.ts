import type { EvidenceExport } from './operator.js';

/**
 * The two shapes of `npm run leads -- export`: JSON Lines (one object per lead, for tools and
 * archives) and CSV (RFC 4180, for spreadsheets). Pure functions of the records.
 */

/** One flat object per lead: consent evidence, destination, status and times. */
export function evidenceObject(record: EvidenceExport): Record<string, string | null | readonly string[]> {
  const claim = record.trustedformClaim;
  return {
    lead_id: record.leadId,
    destination: record.destination,
    status: record.state,
    destination_id: record.destinationId,
    received_at: record.receivedAt.toISOString(),
    settled_at: record.settledAt?.toISOString() ?? null,
    consent_text: record.consent?.text ?? null,
    consent_sha256: record.consent?.sha256 ?? null,
    consent_version: record.consent?.version ?? null,
    sellers: record.consent?.sellers ?? [],
    checked_at: record.consent?.checkedAt ?? null,
    submitted_at: record.consent?.submittedAt ?? null,
    page_url: record.consent?.pageUrl ?? null,
    client_ip: record.clientIp,
    user_agent: record.userAgent,
    trustedform_cert_url: record.trustedformCertUrl,
    jornaya_lead_id: record.jornayaLeadId,
    phones: record.phones,
    email: record.email,
    // Last, so the columns spreadsheets already read keep their places.
    trustedform_claim: claim === null ? null : JSON.stringify(claim),
    tracking: record.tracking === null ? null : JSON.stringify(record.tracking),
    first_touch: record.firstTouch === null ? null : JSON.stringify(record.firstTouch),
  };
}

export function toJsonLines(records: readonly EvidenceExport[]): string {
  return records.map((record) => `${JSON.stringify(evidenceObject(record))}\n`).join('');
}

/**
 * A cell quoted when it must be, and a leading `=`, `+`, `-` or `@` neutralised with a quote mark so
 * a spreadsheet never runs a formula planted in a form field (CSV injection).
 */
function cell(value: string | null | readonly string[]): string {
  let text = value === null ? '' : typeof value === 'string' ? value : value.join('; ');
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(records: readonly EvidenceExport[]): string {
  const objects = records.map(evidenceObject);
  const header = Object.keys(evidenceObject(EMPTY));
  const lines = [header.join(','), ...objects.map((object) => header.map((key) => cell(object[key] ?? null)).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

const EMPTY: EvidenceExport = {
  leadId: '',
  destination: '',
  state: 'received',
  receivedAt: new Date(0),
  trustedformClaim: null,
  tracking: null,
  firstTouch: null,
  settledAt: null,
  destinationId: null,
  consent: null,
  clientIp: null,
  userAgent: null,
  trustedformCertUrl: null,
  jornayaLeadId: null,
  phones: [],
  email: null,
};
