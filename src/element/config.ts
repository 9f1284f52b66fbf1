import type { Adapter } from '../adapters/adapter.js';
import { parseFieldList, type FieldKey } from '../fields/keys.js';
import { isLocale, type Locale, type MessageOverrides } from '../fields/messages/index.js';
import { isPhoneCountry, type PhoneCountry } from '../fields/phone.js';
import { parseSellers } from '../consent/record.js';
import type { UiOverrides } from './strings/index.js';

/** The fields a form asks for when the page names none. */
export const DEFAULT_FIELDS: readonly FieldKey[] = ['first_name', 'last_name', 'email', 'mobile', 'zip_code'];

/** The element's properties that make up the configuration (`config`); a change to any rebuilds what depends on it. */
export const CONFIG_PROPERTIES: ReadonlySet<string> = new Set([
  'endpoint', 'adapter', 'destination', 'fields', 'required', 'locale', 'country', 'minAge', 'submitLabel', 'messages',
  'consent', 'sellers', 'consentVersion', 'consentOptional', 'consentTiming', 'trustedform', 'trustedformSrc',
  'trustedformTimeout', 'jornaya', 'jornayaSrc', 'persist', 'requestTimeout', 'retryPolicy',
  'tracking', 'trackingParams', 'minFillMs', 'challengeField', 'challenge', 'theme', 'layout', 'styleNonce',
  'datalayer', 'enhancedConversions', 'successUrl', 'rejectedUrl',
]);

/** A page's own words: any label or field message, and (`ui`) any text of the widget itself. */
export interface WidgetMessages extends MessageOverrides {
  readonly ui?: UiOverrides;
}

/** The whole configuration as one object: the attributes' twin (`element.config`). */
export interface LeadCaptureConfig {
  /** Relay base URL, or the webhook URL with `adapter: 'webhook'`. */
  readonly endpoint: string;
  /** `relay` (default), `webhook`, or a partner's own `Adapter` object. */
  readonly adapter: 'relay' | 'webhook' | Adapter;
  /** Which destination the relay forwards to. */
  readonly destination: string;
  /** Rendered in this order. */
  readonly fields: readonly FieldKey[];
  readonly required: readonly FieldKey[];
  readonly locale: Locale;
  readonly country: PhoneCountry;
  readonly minAge: number;
  readonly submitLabel: string | undefined;
  readonly messages: WidgetMessages;
  /** The disclosure text; empty when the page gives a `<template slot="consent">` or asks no consent. */
  readonly consent: string;
  /** The sellers the person may agree to be contacted by; one checkbox each when more than one. */
  readonly sellers: readonly string[];
  readonly consentVersion: string | undefined;
  /** Whether a lead may go without consent (the record then says the box was not checked). */
  readonly consentOptional: boolean;
  /** `create`: consent on the form; `submit`: a consent step after create, for two-step destinations. */
  readonly consentTiming: 'create' | 'submit';
  readonly trustedform: boolean;
  readonly trustedformSrc: string | undefined;
  /** How long Submit waits for TrustedForm's certificate before sending without it. */
  readonly trustedformTimeout: number;
  /** A Jornaya campaign key; empty for none. */
  readonly jornaya: string;
  readonly jornayaSrc: string | undefined;
}

/** The attributes as the element holds them (strings, as HTML gives them); the element itself is one. */
export interface LeadCaptureAttributes {
  readonly endpoint: string;
  readonly adapter: string | Adapter;
  readonly destination: string;
  readonly fields: string;
  readonly required: string;
  readonly locale: string;
  readonly country: string;
  readonly minAge: number;
  readonly submitLabel: string | undefined;
  readonly messages: WidgetMessages | undefined;
  readonly consent: string;
  readonly sellers: string;
  readonly consentVersion: string | undefined;
  readonly consentOptional: boolean;
  readonly consentTiming: string;
  readonly trustedform: boolean;
  readonly trustedformSrc: string | undefined;
  readonly trustedformTimeout: number;
  readonly jornaya: string;
  readonly jornayaSrc: string | undefined;
}

export interface ResolvedConfig {
  readonly config: LeadCaptureConfig;
  /** Problems with the page's configuration, worth a console warning; none stops the form. */
  readonly warnings: readonly string[];
}

/** Turns attribute strings into a typed configuration, falling back to safe defaults with a warning. */
export function resolveConfig(attributes: LeadCaptureAttributes): ResolvedConfig {
  const warnings: string[] = [];
  const fields = parseFieldList(attributes.fields);
  for (const name of fields.unknown) warnings.push(`unknown field "${name}" in fields`);
  const shown = fields.keys.length > 0 ? fields.keys : DEFAULT_FIELDS;
  const required = parseFieldList(attributes.required);
  for (const name of required.unknown) warnings.push(`unknown field "${name}" in required`);
  for (const key of required.keys) if (!shown.includes(key)) warnings.push(`required field "${key}" is not in fields`);

  const locale = attributes.locale.toLowerCase().split('-')[0] ?? '';
  if (attributes.locale !== '' && !isLocale(locale)) warnings.push(`locale "${attributes.locale}" is not available; using en`);
  const country = attributes.country.toUpperCase();
  if (!isPhoneCountry(country)) warnings.push(`country "${attributes.country}" is not available; using US`);

  let adapter: LeadCaptureConfig['adapter'] = 'relay';
  if (typeof attributes.adapter === 'object') adapter = attributes.adapter;
  else if (attributes.adapter === 'webhook') adapter = 'webhook';
  else if (attributes.adapter !== '' && attributes.adapter !== 'relay') {
    warnings.push(`adapter "${attributes.adapter}" is not known; using relay`);
  }

  if (adapter === 'relay' && attributes.endpoint.trim() !== '' && attributes.destination.trim() === '') {
    warnings.push('endpoint is a relay but no destination is named: the relay will refuse every lead');
  }
  const minAge = Number.isFinite(attributes.minAge) && attributes.minAge >= 0 ? attributes.minAge : 18;
  const consentTiming = attributes.consentTiming === 'submit' ? 'submit' : 'create';
  if (attributes.consentTiming !== '' && attributes.consentTiming !== consentTiming) {
    warnings.push(`consent-timing "${attributes.consentTiming}" is not create or submit; using create`);
  }
  const trustedformTimeout = Number.isFinite(attributes.trustedformTimeout) && attributes.trustedformTimeout >= 0 ? attributes.trustedformTimeout : 3000;
  return {
    config: {
      endpoint: attributes.endpoint.trim(),
      adapter,
      destination: attributes.destination.trim(),
      fields: shown,
      required: required.keys.filter((key) => shown.includes(key)),
      locale: isLocale(locale) ? locale : 'en',
      country: isPhoneCountry(country) ? country : 'US',
      minAge,
      submitLabel: attributes.submitLabel,
      messages: attributes.messages ?? {},
      consent: attributes.consent.trim(),
      sellers: parseSellers(attributes.sellers),
      consentVersion: attributes.consentVersion,
      consentOptional: attributes.consentOptional,
      consentTiming,
      trustedform: attributes.trustedform,
      trustedformSrc: attributes.trustedformSrc,
      trustedformTimeout,
      jornaya: attributes.jornaya.trim(),
      jornayaSrc: attributes.jornayaSrc,
    },
    warnings,
  };
}
