/**
 * Open311 GeoReport v2 — the pure serialisation layer: the spec's resource shapes, their XML and
 * JSON renderings, and the parsing of the POST form and the GET /requests query.
 *
 * Spec: https://wiki.open311.org/GeoReport_v2 and https://wiki.open311.org/Service_Discovery.
 * Nothing here touches the database or Fastify; the routes call these functions and send
 * `{ body, contentType }` as they are.
 *
 * Choices where the spec leaves one (the routes rely on them):
 * - The format is the resource's extension (`/services.xml`, `/requests/ABC-123.json`). A path
 *   without `.xml`/`.json` names no resource: `formatFromPath` returns null and the route answers
 *   404 with the error list in XML, the format the spec makes mandatory.
 * - Null renders as an empty element in XML (`<status_notes/>`) and as `null` in JSON; an
 *   optional POST-result field that is absent is left out (`service_request_id` or `token`), but
 *   `service_notice` and `account_id` are always present, as in the spec's example.
 * - XML text is escaped for `& < > " '`; characters XML 1.0 cannot carry (C0 controls other than
 *   tab and line feed, lone surrogates, U+FFFE/U+FFFF) become U+FFFD; CR LF and CR become LF,
 *   which is what any conforming XML parser would read anyway.
 * - Numbers in XML are plain decimals (never `1e-7`), so `lat`/`long` stay valid `xs:decimal`.
 */

// ---------------------------------------------------------------------------------------------
// Constants
// ---------------------------------------------------------------------------------------------

export const OPEN311_SPECIFICATION_URL = 'http://wiki.open311.org/GeoReport_v2';
/** "Default query limit is a span of 90 days or first 1000 requests returned, whichever is smallest." */
export const OPEN311_DEFAULT_SPAN_DAYS = 90;
export const OPEN311_MAX_REQUESTS = 1000;
/** POST `description`: "free form text limited to 4,000 characters". */
export const OPEN311_DESCRIPTION_MAX_CHARS = 4000;
/** Almaty is UTC+5 all year (Kazakhstan's single time zone since 1 March 2024). */
export const ALMATY_OFFSET_MINUTES = 300;

export type Open311Format = 'json' | 'xml';

/** The content types of the spec's "Format Support" section; also the discovery `formats` values. */
export const OPEN311_CONTENT_TYPES = {
  xml: 'text/xml; charset=utf-8',
  json: 'application/json; charset=utf-8',
} as const satisfies Record<Open311Format, string>;

export const OPEN311_DISCOVERY_FORMATS = {
  xml: 'text/xml',
  json: 'application/json',
} as const satisfies Record<Open311Format, string>;

// ---------------------------------------------------------------------------------------------
// Resource shapes (field names exactly as in the spec)
// ---------------------------------------------------------------------------------------------

export type Open311ServiceType = 'realtime' | 'batch' | 'blackbox';

export interface Open311Service {
  service_code: string;
  service_name: string;
  description: string;
  /** true when the service has a service definition (attributes) at /services/{code}. */
  metadata: boolean;
  type: Open311ServiceType;
  /** Comma-separated, as in the spec. */
  keywords: string;
  group: string;
}

export type Open311Datatype = 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';

export interface Open311AttributeValue {
  key: string;
  name: string;
}

export interface Open311Attribute {
  /** false: informational only, no answer expected from the client. */
  variable: boolean;
  code: string;
  datatype: Open311Datatype;
  required: boolean;
  /** The spec's own JSON example has `null` here, so null is allowed. */
  datatype_description: string | null;
  order: number;
  description: string;
  /** Only for singlevaluelist / multivaluelist; left out of the output when undefined. */
  values?: Open311AttributeValue[];
}

export interface Open311ServiceDefinition {
  service_code: string;
  attributes: Open311Attribute[];
}

export type Open311Status = 'open' | 'closed';
export const OPEN311_STATUSES: readonly Open311Status[] = ['open', 'closed'];

export interface Open311Request {
  service_request_id: string;
  status: Open311Status;
  status_notes: string | null;
  service_name: string;
  service_code: string;
  description: string | null;
  agency_responsible: string | null;
  service_notice: string | null;
  /** W3C datetime with offset; see `toW3cDateTime`. */
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: string | null;
  address: string | null;
  address_id: string | null;
  zipcode: string | null;
  lat: number | null;
  long: number | null;
  media_url: string | null;
}

export interface Open311Error {
  code: number;
  description: string;
}

export interface Open311Endpoint {
  specification: string;
  url: string;
  changeset: string;
  type: 'production' | 'test';
  /** MIME types, e.g. `text/xml`, `application/json` (see OPEN311_DISCOVERY_FORMATS). */
  formats: string[];
}

export interface Open311Discovery {
  changeset: string;
  contact: string;
  key_service: string;
  endpoints: Open311Endpoint[];
}

/** The answer to POST /requests: a realtime service gives the id, a batch service a token. */
export interface Open311PostResult {
  service_request_id?: string;
  token?: string;
  service_notice?: string;
  account_id?: string;
}

/** The answer to GET /tokens/{token}: `service_request_id` is null until the request exists. */
export interface Open311TokenResult {
  service_request_id: string | null;
  token: string;
}

export interface Open311Rendered {
  body: string;
  contentType: string;
}

// ---------------------------------------------------------------------------------------------
// Paths and datetimes
// ---------------------------------------------------------------------------------------------

const FORMAT_EXTENSION = /^(.*[^/])\.(xml|json)$/;

/**
 * Splits the format extension off a resource path: `/services.xml` → `{ format: 'xml', rest:
 * '/services' }`, `/requests/ABC-123.json` → `{ format: 'json', rest: '/requests/ABC-123' }`.
 * A query string or fragment is ignored. Returns null when the extension is missing, unknown
 * (`.html`) or not lower case, or when there is nothing before it (`/requests/.json`); the route
 * answers 404 then. Percent-decoding of `rest` is left to the router.
 */
export function formatFromPath(path: string): { format: Open311Format; rest: string } | null {
  const cut = path.search(/[?#]/);
  const pathname = cut === -1 ? path : path.slice(0, cut);
  const match = FORMAT_EXTENSION.exec(pathname);
  if (!match?.[1] || !match[2]) return null;
  return { format: match[2] === 'xml' ? 'xml' : 'json', rest: match[1] };
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/**
 * A W3C datetime (the ISO 8601 subset the spec requires) at a fixed UTC offset, to the second:
 * `toW3cDateTime(new Date('2026-11-26T05:00:00Z'))` → `2026-11-26T10:00:00+05:00`. Offset 0
 * gives `Z`. Milliseconds are dropped (truncated).
 */
export function toW3cDateTime(d: Date, offsetMinutes: number = ALMATY_OFFSET_MINUTES): string {
  if (Number.isNaN(d.getTime())) throw new RangeError('toW3cDateTime: invalid date');
  if (!Number.isInteger(offsetMinutes) || Math.abs(offsetMinutes) >= 24 * 60) {
    throw new RangeError(`toW3cDateTime: offset ${offsetMinutes} is not a whole number of minutes within ±24 h`);
  }
  const local = new Date(Math.floor(d.getTime() / 1000) * 1000 + offsetMinutes * 60_000);
  const year = local.getUTCFullYear();
  if (year < 0 || year > 9999) throw new RangeError('toW3cDateTime: year outside 0000–9999');
  const date = `${String(year).padStart(4, '0')}-${pad2(local.getUTCMonth() + 1)}-${pad2(local.getUTCDate())}`;
  const time = `${pad2(local.getUTCHours())}:${pad2(local.getUTCMinutes())}:${pad2(local.getUTCSeconds())}`;
  if (offsetMinutes === 0) return `${date}T${time}Z`;
  const sign = offsetMinutes > 0 ? '+' : '-';
  const abs = Math.abs(offsetMinutes);
  return `${date}T${time}${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
}

const W3C_DATETIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Parses a W3C datetime with its timezone ("Z" or "±HH:MM"), to the minute, second or fraction.
 * The spec requires the timezone, so a bare date or a local time is refused (null), as is a
 * date that does not exist (2026-02-30).
 */
export function parseW3cDateTime(text: string): Date | null {
  const m = W3C_DATETIME.exec(text);
  if (!m) return null;
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const second = m[6] === undefined ? 0 : Number(m[6]);
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) return null;
  const zone = m[8] ?? 'Z';
  let offsetMinutes = 0;
  if (zone !== 'Z') {
    const oh = Number(zone.slice(1, 3));
    const om = Number(zone.slice(4, 6));
    if (oh > 23 || om > 59) return null;
    offsetMinutes = (zone.startsWith('-') ? -1 : 1) * (oh * 60 + om);
  }
  const millis = m[7] === undefined ? 0 : Math.floor(Number(`0${m[7]}`) * 1000);
  const utc = new Date(0);
  utc.setUTCFullYear(year, month - 1, day);
  utc.setUTCHours(hour, minute, second, millis);
  return new Date(utc.getTime() - offsetMinutes * 60_000);
}

// ---------------------------------------------------------------------------------------------
// XML writing
// ---------------------------------------------------------------------------------------------

/** A leaf holds text (null → empty element); a branch holds child elements in order. */
type XmlNode = { name: string; text: string | null } | { name: string; children: XmlNode[] };

const leaf = (name: string, text: string | null): XmlNode => ({ name, text });
const branch = (name: string, children: XmlNode[]): XmlNode => ({ name, children });

// Everything XML 1.0 cannot carry: C0 controls but tab/LF/CR, lone surrogates, U+FFFE, U+FFFF.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text content made safe for an XML 1.0 element; see the module comment for the rules. */
export function escapeXmlText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(NOT_XML_CHAR, '\uFFFD')
    .replace(/[&<>"']/g, (c) => XML_ESCAPES[c] ?? c);
}

function writeNode(node: XmlNode, depth: number, out: string[]): void {
  const indent = '  '.repeat(depth);
  if ('text' in node) {
    const empty = node.text === null || node.text === '';
    const text = escapeXmlText(node.text ?? '');
    out.push(empty ? `${indent}<${node.name}/>` : `${indent}<${node.name}>${text}</${node.name}>`);
    return;
  }
  if (node.children.length === 0) {
    out.push(`${indent}<${node.name}/>`);
    return;
  }
  out.push(`${indent}<${node.name}>`);
  for (const child of node.children) writeNode(child, depth + 1, out);
  out.push(`${indent}</${node.name}>`);
}

function xmlDocument(root: XmlNode): Open311Rendered {
  const out = ['<?xml version="1.0" encoding="utf-8"?>'];
  writeNode(root, 0, out);
  return { body: `${out.join('\n')}\n`, contentType: OPEN311_CONTENT_TYPES.xml };
}

function jsonDocument(value: unknown): Open311Rendered {
  return { body: JSON.stringify(value), contentType: OPEN311_CONTENT_TYPES.json };
}

/** A finite number as a plain decimal (no exponent) that reads back to the same double. */
export function toDecimalString(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`not a finite number: ${n}`);
  const text = String(n);
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!m) return text;
  const [, sign = '', intDigit = '', fraction = '', exponentText = '0'] = m;
  const digits = intDigit + fraction;
  const exponent = Number(exponentText);
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  const pointAt = 1 + exponent;
  return digits.length <= pointAt
    ? `${sign}${digits}${'0'.repeat(pointAt - digits.length)}`
    : `${sign}${digits.slice(0, pointAt)}.${digits.slice(pointAt)}`;
}

const numberText = (n: number | null): string | null => (n === null || !Number.isFinite(n) ? null : toDecimalString(n));
const numberJson = (n: number | null): number | null => (n === null || !Number.isFinite(n) ? null : n);

// ---------------------------------------------------------------------------------------------
// Renderers
// ---------------------------------------------------------------------------------------------

/** GET /services.{format}: `<services><service>…</service></services>` / a JSON array. */
export function renderServices(format: Open311Format, services: readonly Open311Service[]): Open311Rendered {
  if (format === 'json') {
    return jsonDocument(
      services.map((s) => ({
        service_code: s.service_code,
        service_name: s.service_name,
        description: s.description,
        metadata: s.metadata,
        type: s.type,
        keywords: s.keywords,
        group: s.group,
      })),
    );
  }
  return xmlDocument(
    branch(
      'services',
      services.map((s) =>
        branch('service', [
          leaf('service_code', s.service_code),
          leaf('service_name', s.service_name),
          leaf('description', s.description),
          leaf('metadata', String(s.metadata)),
          leaf('type', s.type),
          leaf('keywords', s.keywords),
          leaf('group', s.group),
        ]),
      ),
    ),
  );
}

/** GET /services/{service_code}.{format}: `<service_definition>` / a JSON object. */
export function renderServiceDefinition(format: Open311Format, definition: Open311ServiceDefinition): Open311Rendered {
  if (format === 'json') {
    return jsonDocument({
      service_code: definition.service_code,
      attributes: definition.attributes.map((a) => ({
        variable: a.variable,
        code: a.code,
        datatype: a.datatype,
        required: a.required,
        datatype_description: a.datatype_description,
        order: a.order,
        description: a.description,
        ...(a.values === undefined ? {} : { values: a.values.map((v) => ({ key: v.key, name: v.name })) }),
      })),
    });
  }
  return xmlDocument(
    branch('service_definition', [
      leaf('service_code', definition.service_code),
      branch(
        'attributes',
        definition.attributes.map((a) =>
          branch('attribute', [
            leaf('variable', String(a.variable)),
            leaf('code', a.code),
            leaf('datatype', a.datatype),
            leaf('required', String(a.required)),
            leaf('datatype_description', a.datatype_description),
            leaf('order', toDecimalString(a.order)),
            leaf('description', a.description),
            ...(a.values === undefined
              ? []
              : [branch('values', a.values.map((v) => branch('value', [leaf('key', v.key), leaf('name', v.name)])))]),
          ]),
        ),
      ),
    ]),
  );
}

const REQUEST_FIELDS = [
  'service_request_id',
  'status',
  'status_notes',
  'service_name',
  'service_code',
  'description',
  'agency_responsible',
  'service_notice',
  'requested_datetime',
  'updated_datetime',
  'expected_datetime',
  'address',
  'address_id',
  'zipcode',
  'lat',
  'long',
  'media_url',
] as const satisfies readonly (keyof Open311Request)[];

/** GET /requests.{format} and GET /requests/{id}.{format}: `<service_requests><request>…`. */
export function renderRequests(format: Open311Format, requests: readonly Open311Request[]): Open311Rendered {
  if (format === 'json') {
    return jsonDocument(
      requests.map((r) => {
        const out: Record<string, string | number | null> = {};
        for (const field of REQUEST_FIELDS) {
          out[field] = field === 'lat' || field === 'long' ? numberJson(r[field]) : r[field];
        }
        return out;
      }),
    );
  }
  return xmlDocument(
    branch(
      'service_requests',
      requests.map((r) =>
        branch(
          'request',
          REQUEST_FIELDS.map((field) =>
            leaf(field, field === 'lat' || field === 'long' ? numberText(r[field]) : r[field]),
          ),
        ),
      ),
    ),
  );
}

/**
 * POST /requests.{format}: one `<request>` in `<service_requests>` (a JSON array of one object)
 * with `service_request_id` and/or `token` (whichever is defined), then `service_notice` and
 * `account_id` (null/empty when undefined). Throws when neither id nor token is given.
 */
export function renderPostResult(format: Open311Format, result: Open311PostResult): Open311Rendered {
  if (result.service_request_id === undefined && result.token === undefined) {
    throw new Error('renderPostResult: a POST result needs a service_request_id or a token');
  }
  const fields: [string, string | null][] = [];
  if (result.service_request_id !== undefined) fields.push(['service_request_id', result.service_request_id]);
  if (result.token !== undefined) fields.push(['token', result.token]);
  fields.push(['service_notice', result.service_notice ?? null], ['account_id', result.account_id ?? null]);
  if (format === 'json') return jsonDocument([Object.fromEntries(fields)]);
  return xmlDocument(branch('service_requests', [branch('request', fields.map(([name, value]) => leaf(name, value)))]));
}

/** GET /tokens/{token}.{format}: `<service_requests><request><service_request_id/><token/>`. */
export function renderTokens(format: Open311Format, tokens: readonly Open311TokenResult[]): Open311Rendered {
  if (format === 'json') {
    return jsonDocument(tokens.map((t) => ({ service_request_id: t.service_request_id, token: t.token })));
  }
  return xmlDocument(
    branch(
      'service_requests',
      tokens.map((t) => branch('request', [leaf('service_request_id', t.service_request_id), leaf('token', t.token)])),
    ),
  );
}

/** Any error answer: `<errors><error><code/><description/></error></errors>` / `[{code, description}]`. */
export function renderErrors(format: Open311Format, errors: readonly Open311Error[]): Open311Rendered {
  if (format === 'json') return jsonDocument(errors.map((e) => ({ code: e.code, description: e.description })));
  return xmlDocument(
    branch(
      'errors',
      errors.map((e) => branch('error', [leaf('code', String(e.code)), leaf('description', e.description)])),
    ),
  );
}

/** GET /discovery.{format} (the Service Discovery spec). */
export function renderDiscovery(format: Open311Format, discovery: Open311Discovery): Open311Rendered {
  if (format === 'json') {
    return jsonDocument({
      changeset: discovery.changeset,
      contact: discovery.contact,
      key_service: discovery.key_service,
      endpoints: discovery.endpoints.map((e) => ({
        specification: e.specification,
        url: e.url,
        changeset: e.changeset,
        type: e.type,
        formats: [...e.formats],
      })),
    });
  }
  return xmlDocument(
    branch('discovery', [
      leaf('changeset', discovery.changeset),
      leaf('contact', discovery.contact),
      leaf('key_service', discovery.key_service),
      branch(
        'endpoints',
        discovery.endpoints.map((e) =>
          branch('endpoint', [
            leaf('specification', e.specification),
            leaf('url', e.url),
            leaf('changeset', e.changeset),
            leaf('type', e.type),
            branch('formats', e.formats.map((f) => leaf('format', f))),
          ]),
        ),
      ),
    ]),
  );
}

// ---------------------------------------------------------------------------------------------
// Input: POST /requests
// ---------------------------------------------------------------------------------------------

export type Open311Fields = Record<string, string | string[] | undefined>;

export interface ParsedPost {
  apiKey: string | null;
  jurisdictionId: string | null;
  serviceCode: string;
  lat: number | null;
  long: number | null;
  addressString: string | null;
  addressId: string | null;
  email: string | null;
  deviceId: string | null;
  accountId: string | null;
  firstName: string | null;
  lastName: string | null;
  phone: string | null;
  description: string | null;
  mediaUrl: string | null;
  /** `attribute[CODE]=v` → `{ CODE: 'v' }`; `attribute[CODE][]=a&attribute[CODE][]=b` → `{ CODE: ['a','b'] }`. */
  attributes: Record<string, string | string[]>;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; errors: Open311Error[] };

export const badParameter = (description: string): Open311Error => ({ code: 400, description });

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;
// Loose on purpose: one @, no spaces, a dot in the domain. Delivery proves the rest.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const EMAIL_MAX_CHARS = 254;
const ATTRIBUTE_KEY = /^attribute\[([^[\]]+)\](\[\])?$/;

/**
 * One scalar field: trimmed; empty or whitespace-only counts as not provided (HTML forms send
 * empty inputs). Sent more than once → an error naming the field.
 */
function scalar(fields: Open311Fields, name: string, errors: Open311Error[]): string | null {
  const raw = fields[name];
  if (raw === undefined) return null;
  if (Array.isArray(raw)) {
    const given = raw.map((v) => v.trim()).filter((v) => v !== '');
    if (given.length > 1) {
      errors.push(badParameter(`${name} was provided more than once`));
      return null;
    }
    return given[0] ?? null;
  }
  const trimmed = raw.trim();
  return trimmed === '' ? null : trimmed;
}

function coordinate(text: string | null, name: 'lat' | 'long', limit: number, errors: Open311Error[]): number | null {
  if (text === null) return null;
  const value = DECIMAL.test(text) ? Number(text) : Number.NaN;
  if (!Number.isFinite(value) || value < -limit || value > limit) {
    errors.push(badParameter(`${name} must be a decimal number between -${limit} and ${limit}`));
    return null;
  }
  return value;
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

const codePoints = (text: string): number => [...text].length;

function parseAttributes(fields: Open311Fields, errors: Open311Error[]): Record<string, string | string[]> {
  const attributes: Record<string, string | string[]> = {};
  for (const [key, raw] of Object.entries(fields)) {
    if (raw === undefined || !key.startsWith('attribute')) continue;
    const m = ATTRIBUTE_KEY.exec(key);
    if (!m?.[1]) {
      if (key.startsWith('attribute[')) {
        errors.push(badParameter(`${key} is not of the form attribute[CODE] or attribute[CODE][]`));
      }
      continue;
    }
    const code = m[1];
    const values = Array.isArray(raw) ? raw : [raw];
    const previous = attributes[code];
    if (m[2] !== undefined || Array.isArray(raw) || previous !== undefined) {
      // The [] form, a repeated key, or both forms for one code: a list of values.
      const list = previous === undefined ? [] : Array.isArray(previous) ? previous : [previous];
      attributes[code] = [...list, ...values];
    } else {
      attributes[code] = raw;
    }
  }
  return attributes;
}

/**
 * Reads the POST /requests form (already decoded: repeated keys as arrays). Collects every
 * problem at once; each error is 400 and names the field. Left to the caller: the api_key check
 * (403 when missing or unknown, by the deployment's policy), whether the service_code exists
 * (404), and the attributes against the service definition (`checkAttributes`).
 */
export function parsePostRequest(fields: Open311Fields): ParseResult<ParsedPost> {
  const errors: Open311Error[] = [];
  const get = (name: string): string | null => scalar(fields, name, errors);

  const apiKey = get('api_key');
  const jurisdictionId = get('jurisdiction_id');
  const errorsBefore = errors.length;
  const serviceCode = get('service_code');
  if (serviceCode === null && errors.length === errorsBefore) {
    errors.push(badParameter('service_code was not provided'));
  }

  const latText = get('lat');
  const longText = get('long');
  const lat = coordinate(latText, 'lat', 90, errors);
  const long = coordinate(longText, 'long', 180, errors);
  if ((latText === null) !== (longText === null)) {
    errors.push(badParameter(latText === null ? 'long was provided without lat' : 'lat was provided without long'));
  }
  const addressString = get('address_string');
  const addressId = get('address_id');
  if (latText === null && longText === null && addressString === null && addressId === null) {
    errors.push(badParameter('a location was not provided: give lat and long, address_string, or address_id'));
  }

  const email = get('email');
  if (email !== null && (email.length > EMAIL_MAX_CHARS || !EMAIL.test(email))) {
    errors.push(badParameter('email is not a valid email address'));
  }
  const deviceId = get('device_id');
  const accountId = get('account_id');
  const firstName = get('first_name');
  const lastName = get('last_name');
  const phone = get('phone');

  const descriptionText = get('description');
  const description = descriptionText === null ? null : descriptionText.replace(/\r\n?/g, '\n');
  if (description !== null && codePoints(description) > OPEN311_DESCRIPTION_MAX_CHARS) {
    errors.push(badParameter(`description is longer than ${OPEN311_DESCRIPTION_MAX_CHARS} characters`));
  }
  const mediaUrl = get('media_url');
  if (mediaUrl !== null && !isHttpUrl(mediaUrl)) {
    errors.push(badParameter('media_url is not an absolute http or https URL'));
  }

  const attributes = parseAttributes(fields, errors);

  if (errors.length > 0 || serviceCode === null) return { ok: false, errors };
  return {
    ok: true,
    value: {
      apiKey,
      jurisdictionId,
      serviceCode,
      lat,
      long,
      addressString,
      addressId,
      email,
      deviceId,
      accountId,
      firstName,
      lastName,
      phone,
      description,
      mediaUrl,
      attributes,
    },
  };
}

/**
 * The POST's attributes against the service's definition (pure; the service layer loads the
 * definition). Errors, each 400 naming the attribute: a required variable attribute missing; an
 * unknown code; an answer to a non-variable (informational) attribute; a list for a single-value
 * datatype; a value outside the list's keys; a `number` that is not a decimal; a `datetime` that
 * is not a W3C datetime with timezone.
 */
export function checkAttributes(
  definition: Open311ServiceDefinition,
  attributes: Readonly<Record<string, string | string[]>>,
): Open311Error[] {
  const errors: Open311Error[] = [];
  const byCode = new Map(definition.attributes.map((a) => [a.code, a]));
  for (const code of Object.keys(attributes)) {
    const attribute = byCode.get(code);
    if (!attribute) {
      errors.push(badParameter(`attribute[${code}] is not an attribute of service ${definition.service_code}`));
    } else if (!attribute.variable) {
      errors.push(badParameter(`attribute[${code}] is informational and takes no value`));
    }
  }
  for (const attribute of [...definition.attributes].sort((a, b) => a.order - b.order)) {
    if (!attribute.variable) continue;
    const name = `attribute[${attribute.code}]`;
    const raw = attributes[attribute.code];
    const values = (raw === undefined ? [] : Array.isArray(raw) ? raw : [raw])
      .map((v) => v.trim())
      .filter((v) => v !== '');
    if (values.length === 0) {
      if (attribute.required) errors.push(badParameter(`required ${name} was not provided`));
      continue;
    }
    if (attribute.datatype !== 'multivaluelist' && values.length > 1) {
      errors.push(badParameter(`${name} takes one value, not ${values.length}`));
      continue;
    }
    switch (attribute.datatype) {
      case 'singlevaluelist':
      case 'multivaluelist': {
        const keys = new Set((attribute.values ?? []).map((v) => v.key));
        const unknown = values.filter((v) => !keys.has(v));
        if (unknown.length > 0) {
          errors.push(badParameter(`${name} must be one of the keys listed in the service definition`));
        }
        break;
      }
      case 'number':
        if (!values.every((v) => DECIMAL.test(v))) errors.push(badParameter(`${name} must be a decimal number`));
        break;
      case 'datetime':
        if (!values.every((v) => parseW3cDateTime(v) !== null)) {
          errors.push(badParameter(`${name} must be a W3C datetime with timezone, e.g. 2026-11-26T10:00:00+05:00`));
        }
        break;
      case 'string':
      case 'text':
        break;
    }
  }
  return errors;
}

// ---------------------------------------------------------------------------------------------
// Input: GET /requests
// ---------------------------------------------------------------------------------------------

/**
 * GET /requests: either a list of ids (which "overrides all other arguments", so the other
 * filters are neither read nor checked) or a search bounded by a date window of at most 90 days
 * and OPEN311_MAX_REQUESTS results. Empty `serviceCodes` / `statuses` mean "all".
 */
export type ParsedRequestsQuery =
  | { kind: 'ids'; jurisdictionId: string | null; serviceRequestIds: string[] }
  | {
      kind: 'search';
      jurisdictionId: string | null;
      serviceCodes: string[];
      statuses: Open311Status[];
      /** Inclusive bounds on requested_datetime. */
      startDate: Date;
      endDate: Date;
      limit: number;
    };

const DAY_MS = 86_400_000;
const SPAN_MS = OPEN311_DEFAULT_SPAN_DAYS * DAY_MS;

/** Comma-separated and/or repeated values, trimmed, empties dropped, duplicates removed. */
function list(raw: string | string[] | undefined): string[] {
  if (raw === undefined) return [];
  const parts = (Array.isArray(raw) ? raw : [raw]).flatMap((v) => v.split(','));
  return [...new Set(parts.map((p) => p.trim()).filter((p) => p !== ''))];
}

function dateParameter(query: Open311Fields, name: 'start_date' | 'end_date', errors: Open311Error[]): Date | null {
  const text = scalar(query, name, errors);
  if (text === null) return null;
  const date = parseW3cDateTime(text);
  if (date === null) {
    errors.push(badParameter(`${name} must be a W3C datetime with timezone, e.g. 2026-11-26T10:00:00+05:00`));
  }
  return date;
}

/**
 * Reads the GET /requests query. Date rules: no dates → the 90 days up to `now`; only
 * start_date → 90 days from it; only end_date → the 90 days before it; both → as given, but
 * start after end, or a span over 90 days (the spec: "may not span more than 90 days"), is a 400.
 */
export function parseGetRequestsQuery(query: Open311Fields, now: Date = new Date()): ParseResult<ParsedRequestsQuery> {
  const errors: Open311Error[] = [];
  const jurisdictionId = scalar(query, 'jurisdiction_id', errors);

  const ids = list(query['service_request_id']);
  if (ids.length > 0) {
    if (ids.length > OPEN311_MAX_REQUESTS) {
      errors.push(badParameter(`service_request_id lists more than ${OPEN311_MAX_REQUESTS} ids`));
    }
    if (errors.length > 0) return { ok: false, errors };
    return { ok: true, value: { kind: 'ids', jurisdictionId, serviceRequestIds: ids } };
  }

  const serviceCodes = list(query['service_code']);
  const statusTexts = list(query['status']);
  const statuses = statusTexts.filter((s): s is Open311Status => (OPEN311_STATUSES as readonly string[]).includes(s));
  if (statuses.length !== statusTexts.length) {
    errors.push(badParameter('status must be open, closed, or both separated by a comma'));
  }

  const start = dateParameter(query, 'start_date', errors);
  const end = dateParameter(query, 'end_date', errors);
  if (errors.length > 0) return { ok: false, errors };

  let startDate: Date;
  let endDate: Date;
  if (start && end) {
    if (start.getTime() > end.getTime()) return { ok: false, errors: [badParameter('start_date is after end_date')] };
    if (end.getTime() - start.getTime() > SPAN_MS) {
      const tooLong = `start_date and end_date may not span more than ${OPEN311_DEFAULT_SPAN_DAYS} days`;
      return { ok: false, errors: [badParameter(tooLong)] };
    }
    [startDate, endDate] = [start, end];
  } else if (start) {
    [startDate, endDate] = [start, new Date(start.getTime() + SPAN_MS)];
  } else if (end) {
    [startDate, endDate] = [new Date(end.getTime() - SPAN_MS), end];
  } else {
    [startDate, endDate] = [new Date(now.getTime() - SPAN_MS), new Date(now.getTime())];
  }
  return {
    ok: true,
    value: { kind: 'search', jurisdictionId, serviceCodes, statuses, startDate, endDate, limit: OPEN311_MAX_REQUESTS },
  };
}
