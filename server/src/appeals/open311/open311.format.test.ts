import fc from 'fast-check';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';

import {
  OPEN311_CONTENT_TYPES,
  OPEN311_DEFAULT_SPAN_DAYS,
  OPEN311_DESCRIPTION_MAX_CHARS,
  OPEN311_MAX_REQUESTS,
  checkAttributes,
  escapeXmlText,
  formatFromPath,
  parseGetRequestsQuery,
  parsePostRequest,
  parseW3cDateTime,
  renderDiscovery,
  renderErrors,
  renderPostResult,
  renderRequests,
  renderServiceDefinition,
  renderServices,
  renderTokens,
  toDecimalString,
  toW3cDateTime,
  type Open311Attribute,
  type Open311Discovery,
  type Open311Error,
  type Open311Fields,
  type Open311Request,
  type Open311Service,
  type Open311ServiceDefinition,
  type ParsedPost,
} from './open311.format.js';

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

const LIST_ELEMENTS = new Set(['service', 'attribute', 'value', 'request', 'error', 'endpoint', 'format']);
const DECLARATION = '<?xml version="1.0" encoding="utf-8"?>';

/** Reads an Open311 XML body the way a client would: every repeatable element as an array, text as text. */
function readXml(body: string): Record<string, unknown> {
  expect(body.startsWith(`${DECLARATION}\n`)).toBe(true);
  expect(XMLValidator.validate(body)).toBe(true);
  const parser = new XMLParser({
    parseTagValue: false,
    trimValues: false,
    isArray: (name) => LIST_ELEMENTS.has(name),
  });
  const parsed = parser.parse(body) as Record<string, unknown>;
  delete parsed['?xml'];
  return stripWhitespaceText(parsed) as Record<string, unknown>;
}

/** Drops the indentation text nodes (`#text`) that `trimValues: false` keeps on branches. */
function stripWhitespaceText(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripWhitespaceText);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key, v]) => !(key === '#text' && typeof v === 'string' && v.trim() === ''))
        .map(([key, v]) => [key, stripWhitespaceText(v)]),
    );
  }
  return value;
}

const readJson = (body: string): unknown => JSON.parse(body) as unknown;

function buildRequest(overrides: Partial<Open311Request> = {}): Open311Request {
  return {
    service_request_id: '638344',
    status: 'closed',
    status_notes: 'Duplicate request.',
    service_name: 'Sidewalk and Curb Issues',
    service_code: '006',
    description: null,
    agency_responsible: null,
    service_notice: null,
    requested_datetime: '2010-04-14T06:37:38-08:00',
    updated_datetime: '2010-04-14T06:37:38-08:00',
    expected_datetime: '2010-04-15T06:37:38-08:00',
    address: '8TH AVE and JUDAH ST',
    address_id: '545483',
    zipcode: '94122',
    lat: 37.762221815,
    long: -122.4651145,
    media_url: 'http://city.gov.s3.amazonaws.com/requests/media/638344.jpg',
    ...overrides,
  };
}

function buildService(overrides: Partial<Open311Service> = {}): Open311Service {
  return {
    service_code: '001',
    service_name: 'Cans left out 24x7',
    description: 'Garbage or recycling cans that have been left out for more than 24 hours after collection.',
    metadata: true,
    type: 'realtime',
    keywords: 'lorem, ipsum, dolor',
    group: 'sanitation',
    ...overrides,
  };
}

const definition: Open311ServiceDefinition = {
  service_code: 'DMV66',
  attributes: [
    {
      variable: true,
      code: 'WHISHETN',
      datatype: 'singlevaluelist',
      required: true,
      datatype_description: null,
      order: 1,
      description: 'What is the ticket/tag/DL number?',
      values: [
        { key: '123', name: 'Ford' },
        { key: '124', name: 'Chrysler' },
      ],
    },
    {
      variable: true,
      code: 'WHISPER',
      datatype: 'text',
      required: false,
      datatype_description: 'Anything else we should know',
      order: 2,
      description: 'Notes',
    },
  ],
};

function parsedOk(fields: Open311Fields): ParsedPost {
  const result = parsePostRequest(fields);
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.errors)}`);
  return result.value;
}

function postErrors(fields: Open311Fields): string[] {
  const result = parsePostRequest(fields);
  if (result.ok) throw new Error('expected errors, got ok');
  for (const e of result.errors) expect(e.code).toBe(400);
  return result.errors.map((e) => e.description);
}

const locatedPost = { service_code: '001', lat: '43.238949', long: '76.889709' };

// ---------------------------------------------------------------------------------------------
// Paths and datetimes
// ---------------------------------------------------------------------------------------------

describe('formatFromPath', () => {
  it('splits the format extension off the resource', () => {
    expect(formatFromPath('/services.xml')).toEqual({ format: 'xml', rest: '/services' });
    expect(formatFromPath('/services.json')).toEqual({ format: 'json', rest: '/services' });
    expect(formatFromPath('/requests/ABC-123.json')).toEqual({ format: 'json', rest: '/requests/ABC-123' });
    expect(formatFromPath('/services/DMV66.xml')).toEqual({ format: 'xml', rest: '/services/DMV66' });
    expect(formatFromPath('/tokens/12345.xml?jurisdiction_id=almaty.kz')).toEqual({ format: 'xml', rest: '/tokens/12345' });
    expect(formatFromPath('/requests/A.B.json')).toEqual({ format: 'json', rest: '/requests/A.B' });
  });

  it('is null when the extension is missing, unknown or names nothing', () => {
    expect(formatFromPath('/services')).toBeNull();
    expect(formatFromPath('/services.html')).toBeNull();
    expect(formatFromPath('/services.XML')).toBeNull();
    expect(formatFromPath('/requests/.json')).toBeNull();
    expect(formatFromPath('.json')).toBeNull();
    expect(formatFromPath('/services?x=.json')).toBeNull();
  });
});

describe('toW3cDateTime', () => {
  it('writes Almaty time (UTC+5) by default', () => {
    expect(toW3cDateTime(new Date('2026-11-26T05:00:00Z'))).toBe('2026-11-26T10:00:00+05:00');
    expect(toW3cDateTime(new Date('2026-12-31T20:30:15.999Z'))).toBe('2027-01-01T01:30:15+05:00');
  });

  it('writes Z for UTC and signed offsets otherwise', () => {
    expect(toW3cDateTime(new Date('1994-11-05T13:15:30Z'), 0)).toBe('1994-11-05T13:15:30Z');
    expect(toW3cDateTime(new Date('1994-11-05T13:15:30Z'), -300)).toBe('1994-11-05T08:15:30-05:00');
    expect(toW3cDateTime(new Date('2026-01-01T00:00:00Z'), 330)).toBe('2026-01-01T05:30:00+05:30');
  });

  it('refuses an invalid date or offset', () => {
    expect(() => toW3cDateTime(new Date('nope'))).toThrow(RangeError);
    expect(() => toW3cDateTime(new Date(), 24 * 60)).toThrow(RangeError);
    expect(() => toW3cDateTime(new Date(), 1.5)).toThrow(RangeError);
  });

  it('reads back to the same second (property)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-02T00:00:00Z'), max: new Date('9998-12-30T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: -23 * 60 - 59, max: 23 * 60 + 59 }),
        (date, offset) => {
          const text = toW3cDateTime(date, offset);
          expect(parseW3cDateTime(text)?.getTime()).toBe(Math.floor(date.getTime() / 1000) * 1000);
        },
      ),
    );
  });
});

describe('parseW3cDateTime', () => {
  it('reads the spec examples as the same instant', () => {
    const a = parseW3cDateTime('1994-11-05T08:15:30-05:00');
    const b = parseW3cDateTime('1994-11-05T13:15:30Z');
    expect(a?.toISOString()).toBe('1994-11-05T13:15:30.000Z');
    expect(b?.getTime()).toBe(a?.getTime());
  });

  it('accepts minutes-only and fractional seconds', () => {
    expect(parseW3cDateTime('2026-11-26T10:00+05:00')?.toISOString()).toBe('2026-11-26T05:00:00.000Z');
    expect(parseW3cDateTime('2026-11-26T10:00:00.25Z')?.toISOString()).toBe('2026-11-26T10:00:00.250Z');
  });

  it('refuses anything without a timezone, or a date that does not exist', () => {
    for (const text of [
      '2026-11-26',
      '2026-11-26T10:00:00',
      '2026-11-26 10:00:00Z',
      '2026-02-30T10:00:00Z',
      '2026-13-01T10:00:00Z',
      '2026-11-26T24:00:00Z',
      '2026-11-26T10:00:60Z',
      '2026-11-26T10:00:00+05',
      '2026-11-26T10:00:00+24:00',
      'yesterday',
    ]) {
      expect(parseW3cDateTime(text), text).toBeNull();
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Renderers
// ---------------------------------------------------------------------------------------------

describe('renderServices', () => {
  it('renders <services><service> with the spec fields in XML', () => {
    const rendered = renderServices('xml', [buildService(), buildService({ service_code: '002', metadata: false, type: 'batch' })]);
    expect(rendered.contentType).toBe(OPEN311_CONTENT_TYPES.xml);
    expect(rendered.contentType).toBe('text/xml; charset=utf-8');
    expect(readXml(rendered.body)).toEqual({
      services: {
        service: [
          {
            service_code: '001',
            service_name: 'Cans left out 24x7',
            description: buildService().description,
            metadata: 'true',
            type: 'realtime',
            keywords: 'lorem, ipsum, dolor',
            group: 'sanitation',
          },
          {
            service_code: '002',
            service_name: 'Cans left out 24x7',
            description: buildService().description,
            metadata: 'false',
            type: 'batch',
            keywords: 'lorem, ipsum, dolor',
            group: 'sanitation',
          },
        ],
      },
    });
  });

  it('keeps a single service a single element (no wrapper quirks)', () => {
    const plain = new XMLParser().parse(renderServices('xml', [buildService()]).body) as {
      services: { service: { service_code: unknown } };
    };
    expect(plain.services.service.service_code).toBe(1); // the default parser reads '001' as a number
    expect(readXml(renderServices('xml', [buildService()]).body)).toMatchObject({ services: { service: [{ service_code: '001' }] } });
  });

  it('renders an empty list as an empty root', () => {
    expect(renderServices('xml', []).body).toBe(`${DECLARATION}\n<services/>\n`);
    expect(renderServices('json', []).body).toBe('[]');
  });

  it('renders a JSON array with metadata as a boolean', () => {
    const rendered = renderServices('json', [buildService()]);
    expect(rendered.contentType).toBe('application/json; charset=utf-8');
    expect(readJson(rendered.body)).toEqual([buildService()]);
    expect(Object.keys((readJson(rendered.body) as object[])[0] ?? {})).toEqual([
      'service_code',
      'service_name',
      'description',
      'metadata',
      'type',
      'keywords',
      'group',
    ]);
  });
});

describe('renderServiceDefinition', () => {
  it('nests attributes and their values as in the spec', () => {
    expect(readXml(renderServiceDefinition('xml', definition).body)).toEqual({
      service_definition: {
        service_code: 'DMV66',
        attributes: {
          attribute: [
            {
              variable: 'true',
              code: 'WHISHETN',
              datatype: 'singlevaluelist',
              required: 'true',
              datatype_description: '',
              order: '1',
              description: 'What is the ticket/tag/DL number?',
              values: {
                value: [
                  { key: '123', name: 'Ford' },
                  { key: '124', name: 'Chrysler' },
                ],
              },
            },
            {
              variable: 'true',
              code: 'WHISPER',
              datatype: 'text',
              required: 'false',
              datatype_description: 'Anything else we should know',
              order: '2',
              description: 'Notes',
            },
          ],
        },
      },
    });
  });

  it('renders JSON with null datatype_description and values only on list attributes', () => {
    const json = readJson(renderServiceDefinition('json', definition).body);
    expect(json).toEqual(definition);
    expect(json).toMatchObject({ attributes: [{ datatype_description: null }, {}] });
    expect((json as { attributes: object[] }).attributes[1]).not.toHaveProperty('values');
  });
});

describe('renderRequests', () => {
  it('renders <service_requests><request> with every spec field in order', () => {
    const body = renderRequests('xml', [buildRequest()]).body;
    const names = [...body.matchAll(/<([a-z_]+)[/>]/g)].map((m) => m[1]);
    expect(names).toEqual([
      'service_requests',
      'request',
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
    ]);
    expect(readXml(body)).toEqual({
      service_requests: {
        request: [
          {
            service_request_id: '638344',
            status: 'closed',
            status_notes: 'Duplicate request.',
            service_name: 'Sidewalk and Curb Issues',
            service_code: '006',
            description: '',
            agency_responsible: '',
            service_notice: '',
            requested_datetime: '2010-04-14T06:37:38-08:00',
            updated_datetime: '2010-04-14T06:37:38-08:00',
            expected_datetime: '2010-04-15T06:37:38-08:00',
            address: '8TH AVE and JUDAH ST',
            address_id: '545483',
            zipcode: '94122',
            lat: '37.762221815',
            long: '-122.4651145',
            media_url: 'http://city.gov.s3.amazonaws.com/requests/media/638344.jpg',
          },
        ],
      },
    });
  });

  it('renders null as an empty element in XML and null in JSON', () => {
    const nulls = buildRequest({ status_notes: null, expected_datetime: null, address: null, lat: null, long: null, media_url: null });
    const body = renderRequests('xml', [nulls]).body;
    for (const name of ['status_notes', 'description', 'expected_datetime', 'address', 'lat', 'long', 'media_url']) {
      expect(body).toContain(`<${name}/>`);
    }
    expect(body).not.toContain('null');
    const json = readJson(renderRequests('json', [nulls]).body) as Record<string, unknown>[];
    expect(json).toHaveLength(1);
    expect(json[0]).toMatchObject({ status_notes: null, description: null, lat: null, long: null, media_url: null });
  });

  it('renders lat/long as JSON numbers and as plain decimals in XML', () => {
    const json = readJson(renderRequests('json', [buildRequest()]).body) as Record<string, unknown>[];
    expect(json[0]).toMatchObject({ lat: 37.762221815, long: -122.4651145 });
    const tiny = renderRequests('xml', [buildRequest({ lat: 1e-7, long: -2.5e-10 })]).body;
    expect(tiny).toContain('<lat>0.0000001</lat>');
    expect(tiny).toContain('<long>-0.00000000025</long>');
  });

  it('escapes < & " \' > and keeps Cyrillic and Kazakh as they are', () => {
    const text = `<script>alert("x" & 'y')</script> Граффити у школы №5, ә ғ қ ң ө ұ ү һ і`;
    const body = renderRequests('xml', [buildRequest({ description: text, address: 'ул. Абая & пр. Достык' })]).body;
    expect(body).toContain(
      '<description>&lt;script&gt;alert(&quot;x&quot; &amp; &apos;y&apos;)&lt;/script&gt; Граффити у школы №5, ә ғ қ ң ө ұ ү һ і</description>',
    );
    expect(body).not.toContain('<script>');
    expect(readXml(body)).toMatchObject({
      service_requests: { request: [{ description: text, address: 'ул. Абая & пр. Достык' }] },
    });
    expect(readJson(renderRequests('json', [buildRequest({ description: text })]).body)).toMatchObject([{ description: text }]);
  });

  it('replaces characters XML cannot carry and normalises line ends', () => {
    expect(escapeXmlText('a\u0000b\u0008c\u000Bd\uFFFEe\uD800f')).toBe('a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf');
    expect(escapeXmlText('one\r\ntwo\rthree\nfour\tfive')).toBe('one\ntwo\nthree\nfour\tfive');
    expect(escapeXmlText('😀 emoji stays')).toBe('😀 emoji stays');
    const body = renderRequests('xml', [buildRequest({ description: 'bell\u0007 ok' })]).body;
    expect(XMLValidator.validate(body)).toBe(true);
  });

  it('reads back the same field values from XML and JSON (property)', () => {
    // Mostly the characters XML treats specially, plus any code point at all.
    const unit = fc.oneof(
      fc.constantFrom('&', '<', '>', '"', "'", '&amp;', '&lt;', '&#13;', ']]>', '<!--', '\r\n', '\r', ' ', '\n', 'Ж', 'ә', '😀'),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
    );
    const text = fc.string({ unit, maxLength: 12 });
    const nullableText = fc.option(text, { nil: null });
    const datetime = fc
      .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true })
      .map((d) => toW3cDateTime(d));
    const coordinate = (limit: number): fc.Arbitrary<number | null> =>
      fc.option(fc.double({ min: -limit, max: limit, noNaN: true }), { nil: null });
    const request: fc.Arbitrary<Open311Request> = fc.record({
      service_request_id: text,
      status: fc.constantFrom('open' as const, 'closed' as const),
      status_notes: nullableText,
      service_name: text,
      service_code: text,
      description: nullableText,
      agency_responsible: nullableText,
      service_notice: nullableText,
      requested_datetime: datetime,
      updated_datetime: datetime,
      expected_datetime: fc.option(datetime, { nil: null }),
      address: nullableText,
      address_id: nullableText,
      zipcode: nullableText,
      lat: coordinate(90),
      long: coordinate(180),
      media_url: nullableText,
    });
    // What XML 1.0 can carry: a parser reads CR LF as LF, and illegal characters were replaced.
    const asXmlText = (s: string | null): string =>
      (s ?? '').replace(/\r\n?/g, '\n').replace(/[^\t\n\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD');
    const asNumber = (n: number | null): number | null => (n === 0 ? 0 : n); // -0 is written as 0

    fc.assert(
      fc.property(fc.array(request, { minLength: 1, maxLength: 3 }), (requests) => {
        const xml = readXml(renderRequests('xml', requests).body) as { service_requests: { request: Record<string, string>[] } };
        expect(xml.service_requests.request).toHaveLength(requests.length);
        requests.forEach((sent, i) => {
          const got = xml.service_requests.request[i] ?? {};
          for (const [field, value] of Object.entries(sent) as [keyof Open311Request, string | number | null][]) {
            if (typeof value === 'number' || field === 'lat' || field === 'long') {
              const expected = asNumber(value as number | null);
              expect(got[field] === '' ? null : Number(got[field]), field).toBe(expected);
            } else {
              expect(got[field], field).toBe(asXmlText(value));
            }
          }
        });
        const json = readJson(renderRequests('json', requests).body) as Open311Request[];
        expect(json).toEqual(requests.map((r) => ({ ...r, lat: asNumber(r.lat), long: asNumber(r.long) })));
      }),
      { numRuns: 100 },
    );
  });
});

describe('toDecimalString', () => {
  it('never uses exponent notation and reads back exactly', () => {
    expect(toDecimalString(1e21)).toBe('1000000000000000000000');
    expect(toDecimalString(1.5e-7)).toBe('0.00000015');
    expect(toDecimalString(43.238949)).toBe('43.238949');
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        const text = toDecimalString(n);
        expect(text).toMatch(/^-?\d+(\.\d+)?$/);
        expect(Number(text)).toBe(n === 0 ? 0 : n);
      }),
    );
    expect(() => toDecimalString(Number.NaN)).toThrow(RangeError);
  });
});

describe('renderPostResult', () => {
  it('renders a realtime result as one <request> with an empty account_id', () => {
    const result = { service_request_id: '293944', service_notice: 'The City will inspect within 24 hours' };
    const rendered = renderPostResult('xml', result);
    expect(rendered.body).toContain('<account_id/>');
    expect(readXml(rendered.body)).toEqual({
      service_requests: {
        request: [{ service_request_id: '293944', service_notice: 'The City will inspect within 24 hours', account_id: '' }],
      },
    });
    expect(readJson(renderPostResult('json', result).body)).toEqual([
      { service_request_id: '293944', service_notice: 'The City will inspect within 24 hours', account_id: null },
    ]);
  });

  it('renders a batch result with a token and no service_request_id', () => {
    const rendered = renderPostResult('xml', { token: '12345', account_id: 'acc-1' });
    expect(rendered.body).not.toContain('service_request_id');
    expect(readXml(rendered.body)).toEqual({
      service_requests: { request: [{ token: '12345', service_notice: '', account_id: 'acc-1' }] },
    });
    expect(readJson(renderPostResult('json', { token: '12345' }).body)).toEqual([
      { token: '12345', service_notice: null, account_id: null },
    ]);
  });

  it('refuses a result with neither id nor token', () => {
    expect(() => renderPostResult('json', { service_notice: 'x' })).toThrow(/service_request_id or a token/);
  });
});

describe('renderTokens', () => {
  it('renders <service_requests><request><service_request_id/><token/>', () => {
    const tokens = [
      { service_request_id: '638344', token: '12345' },
      { service_request_id: null, token: '12346' },
    ];
    expect(readXml(renderTokens('xml', tokens).body)).toEqual({
      service_requests: {
        request: [
          { service_request_id: '638344', token: '12345' },
          { service_request_id: '', token: '12346' },
        ],
      },
    });
    expect(readJson(renderTokens('json', tokens).body)).toEqual(tokens);
  });
});

describe('renderErrors', () => {
  const errors: Open311Error[] = [
    { code: 403, description: "Invalid api_key received -- can't proceed with create_request." },
    { code: 400, description: 'service_code was not provided' },
  ];

  it('renders <errors><error><code/><description/></error></errors>', () => {
    const rendered = renderErrors('xml', errors);
    expect(rendered.contentType).toBe('text/xml; charset=utf-8');
    expect(readXml(rendered.body)).toEqual({
      errors: {
        error: [
          { code: '403', description: "Invalid api_key received -- can't proceed with create_request." },
          { code: '400', description: 'service_code was not provided' },
        ],
      },
    });
    expect(rendered.body).toContain('can&apos;t');
  });

  it('renders a JSON array of {code, description} with numeric codes', () => {
    expect(readJson(renderErrors('json', errors).body)).toEqual(errors);
    expect(readJson(renderErrors('json', [errors[1] as Open311Error]).body)).toEqual([
      { code: 400, description: 'service_code was not provided' },
    ]);
  });
});

describe('renderDiscovery', () => {
  const discovery: Open311Discovery = {
    changeset: '2026-11-26T10:00:00+05:00',
    contact: 'Пишите: open311@openbeat.kz <support>',
    key_service: 'Ключ API выдаёт ДП г. Алматы',
    endpoints: [
      {
        specification: 'http://wiki.open311.org/GeoReport_v2',
        url: 'https://openbeat.kz/open311/v2',
        changeset: '2026-11-26T10:00:00+05:00',
        type: 'production',
        formats: ['text/xml', 'application/json'],
      },
    ],
  };

  it('renders <discovery> with endpoints and formats nested as in the spec', () => {
    expect(readXml(renderDiscovery('xml', discovery).body)).toEqual({
      discovery: {
        changeset: '2026-11-26T10:00:00+05:00',
        contact: 'Пишите: open311@openbeat.kz <support>',
        key_service: 'Ключ API выдаёт ДП г. Алматы',
        endpoints: {
          endpoint: [
            {
              specification: 'http://wiki.open311.org/GeoReport_v2',
              url: 'https://openbeat.kz/open311/v2',
              changeset: '2026-11-26T10:00:00+05:00',
              type: 'production',
              formats: { format: ['text/xml', 'application/json'] },
            },
          ],
        },
      },
    });
  });

  it('renders JSON with formats as an array of strings', () => {
    expect(readJson(renderDiscovery('json', discovery).body)).toEqual(discovery);
  });
});

// ---------------------------------------------------------------------------------------------
// POST /requests
// ---------------------------------------------------------------------------------------------

describe('parsePostRequest', () => {
  it('reads a complete request', () => {
    expect(
      parsedOk({
        api_key: 'key-1',
        jurisdiction_id: 'almaty.kz',
        service_code: 'DRUG-AD',
        lat: '43.238949',
        long: '76.889709',
        address_string: 'ул. Абая, 10',
        address_id: 'A-77',
        email: 'resident@example.kz',
        device_id: 'dev-1',
        account_id: 'acc-1',
        first_name: 'Айгерим',
        last_name: 'Сейткали',
        phone: '+7 701 000 00 00',
        description: 'Надпись на стене\r\nвторая строка',
        media_url: 'https://example.kz/photo.jpg',
        'attribute[WHISPER]': 'тихо',
      }),
    ).toEqual({
      apiKey: 'key-1',
      jurisdictionId: 'almaty.kz',
      serviceCode: 'DRUG-AD',
      lat: 43.238949,
      long: 76.889709,
      addressString: 'ул. Абая, 10',
      addressId: 'A-77',
      email: 'resident@example.kz',
      deviceId: 'dev-1',
      accountId: 'acc-1',
      firstName: 'Айгерим',
      lastName: 'Сейткали',
      phone: '+7 701 000 00 00',
      description: 'Надпись на стене\nвторая строка',
      mediaUrl: 'https://example.kz/photo.jpg',
      attributes: { WHISPER: 'тихо' },
    });
  });

  it('accepts each of the three kinds of location on its own', () => {
    expect(parsedOk(locatedPost)).toMatchObject({ lat: 43.238949, long: 76.889709, addressString: null, addressId: null });
    expect(parsedOk({ service_code: '001', address_string: 'пр. Достык, 1' })).toMatchObject({ addressString: 'пр. Достык, 1', lat: null });
    expect(parsedOk({ service_code: '001', address_id: '545483' })).toMatchObject({ addressId: '545483', lat: null });
    expect(parsedOk({ service_code: '001', lat: '-90', long: '180' })).toMatchObject({ lat: -90, long: 180 });
  });

  it('treats empty and whitespace-only fields as not provided, and trims the rest', () => {
    expect(
      parsedOk({ ...locatedPost, api_key: '', email: '   ', description: '  text  ', phone: undefined, service_code: ' 001 ' }),
    ).toMatchObject({ apiKey: null, email: null, description: 'text', phone: null, serviceCode: '001' });
  });

  it('reads attribute[CODE] and attribute[CODE][] form keys', () => {
    expect(
      parsedOk({
        ...locatedPost,
        'attribute[WHISPER]': 'quiet',
        'attribute[COLOURS][]': ['red', 'green'],
        'attribute[ONE][]': 'only',
        'attribute[REPEATED]': ['a', 'b'],
      }).attributes,
    ).toEqual({ WHISPER: 'quiet', COLOURS: ['red', 'green'], ONE: ['only'], REPEATED: ['a', 'b'] });
    expect(parsedOk({ ...locatedPost, 'attribute[X]': 'a', 'attribute[X][]': ['b'] }).attributes).toEqual({ X: ['a', 'b'] });
    expect(parsedOk({ ...locatedPost, attributes: 'ignored', attribute: 'ignored' }).attributes).toEqual({});
  });

  it('refuses a malformed attribute key', () => {
    for (const key of ['attribute[]', 'attribute[X', 'attribute[X]junk', 'attribute[X][][]', 'attribute[a[b]]']) {
      expect(postErrors({ ...locatedPost, [key]: 'v' }), key).toEqual([`${key} is not of the form attribute[CODE] or attribute[CODE][]`]);
    }
  });

  it('requires service_code', () => {
    expect(postErrors({ lat: '43.2', long: '76.9' })).toEqual(['service_code was not provided']);
    expect(postErrors({ service_code: '  ', address_id: '1' })).toEqual(['service_code was not provided']);
  });

  it('refuses a field given more than once', () => {
    expect(postErrors({ ...locatedPost, service_code: ['001', '002'] })).toEqual(['service_code was provided more than once']);
    expect(postErrors({ ...locatedPost, email: ['a@b.kz', 'c@d.kz'] })).toEqual(['email was provided more than once']);
    expect(parsedOk({ ...locatedPost, service_code: ['001', ''] }).serviceCode).toBe('001');
  });

  it('requires a location', () => {
    expect(postErrors({ service_code: '001' })).toEqual([
      'a location was not provided: give lat and long, address_string, or address_id',
    ]);
  });

  it('requires lat and long together', () => {
    expect(postErrors({ service_code: '001', lat: '43.2' })).toEqual(['lat was provided without long']);
    expect(postErrors({ service_code: '001', long: '76.9', address_string: 'x' })).toEqual(['long was provided without lat']);
  });

  it('refuses coordinates that are not decimals in range', () => {
    const latError = 'lat must be a decimal number between -90 and 90';
    const longError = 'long must be a decimal number between -180 and 180';
    for (const lat of ['90.0001', '-91', 'abc', '1e1', 'Infinity', '0x10', '43,2', 'NaN']) {
      expect(postErrors({ service_code: '001', lat, long: '76.9' }), lat).toEqual([latError]);
    }
    for (const long of ['180.5', '-181', '76.9.1']) {
      expect(postErrors({ service_code: '001', lat: '43.2', long }), long).toEqual([longError]);
    }
    expect(parsedOk({ service_code: '001', lat: '+43.', long: '-.5' })).toMatchObject({ lat: 43, long: -0.5 });
  });

  it('validates email loosely', () => {
    for (const email of ['not-an-email', 'a@b', 'a b@c.kz', '@c.kz', `${'a'.repeat(250)}@b.kz`]) {
      expect(postErrors({ ...locatedPost, email }), email).toEqual(['email is not a valid email address']);
    }
    expect(parsedOk({ ...locatedPost, email: 'айгерим@почта.қаз' }).email).toBe('айгерим@почта.қаз');
  });

  it('limits description to 4000 characters, counted as characters not UTF-16 units', () => {
    expect(parsedOk({ ...locatedPost, description: 'ж'.repeat(OPEN311_DESCRIPTION_MAX_CHARS) }).description).toHaveLength(4000);
    expect(parsedOk({ ...locatedPost, description: '😀'.repeat(OPEN311_DESCRIPTION_MAX_CHARS) }).description).toHaveLength(8000);
    expect(postErrors({ ...locatedPost, description: 'ж'.repeat(OPEN311_DESCRIPTION_MAX_CHARS + 1) })).toEqual([
      'description is longer than 4000 characters',
    ]);
    // CR LF counts once, as it is stored as LF.
    expect(parsedOk({ ...locatedPost, description: `${'ж'.repeat(3998)}\r\nж` }).description).toHaveLength(4000);
  });

  it('requires media_url to be an absolute http(s) URL', () => {
    for (const mediaUrl of ['javascript:alert(1)', '/relative.jpg', 'ftp://example.kz/a.jpg', 'not a url']) {
      expect(postErrors({ ...locatedPost, media_url: mediaUrl }), mediaUrl).toEqual(['media_url is not an absolute http or https URL']);
    }
  });

  it('reports every problem at once', () => {
    expect(postErrors({ lat: '100', email: 'x', media_url: 'x' })).toEqual([
      'service_code was not provided',
      'lat must be a decimal number between -90 and 90',
      'lat was provided without long',
      'email is not a valid email address',
      'media_url is not an absolute http or https URL',
    ]);
  });
});

describe('checkAttributes', () => {
  const attribute = (overrides: Partial<Open311Attribute> & Pick<Open311Attribute, 'code' | 'datatype'>): Open311Attribute => ({
    variable: true,
    required: false,
    datatype_description: null,
    order: 1,
    description: overrides.code,
    ...overrides,
  });
  const full: Open311ServiceDefinition = {
    service_code: 'S1',
    attributes: [
      attribute({
        code: 'MAKE',
        datatype: 'singlevaluelist',
        required: true,
        values: [
          { key: '123', name: 'Ford' },
          { key: '124', name: 'Chrysler' },
        ],
      }),
      attribute({
        code: 'COLOURS',
        datatype: 'multivaluelist',
        order: 2,
        values: [
          { key: 'r', name: 'Red' },
          { key: 'g', name: 'Green' },
        ],
      }),
      attribute({ code: 'FLOOR', datatype: 'number', order: 3 }),
      attribute({ code: 'SEEN', datatype: 'datetime', order: 4 }),
      attribute({ code: 'WHISPER', datatype: 'string', order: 5 }),
      attribute({ code: 'NOTE', datatype: 'text', order: 6, variable: false, description: 'Read this first' }),
    ],
  };

  it('accepts valid answers', () => {
    expect(
      checkAttributes(full, { MAKE: '123', COLOURS: ['r', 'g'], FLOOR: '-2.5', SEEN: '2026-11-26T10:00:00+05:00', WHISPER: 'hi' }),
    ).toEqual([]);
    expect(checkAttributes(full, { MAKE: ['124'], COLOURS: 'g' })).toEqual([]);
  });

  it('names each problem', () => {
    expect(checkAttributes(full, {})).toEqual([{ code: 400, description: 'required attribute[MAKE] was not provided' }]);
    expect(checkAttributes(full, { MAKE: '  ' }).map((e) => e.description)).toEqual(['required attribute[MAKE] was not provided']);
    const descriptions = checkAttributes(full, {
      MAKE: '999',
      COLOURS: ['r', 'blue'],
      FLOOR: 'two',
      SEEN: '2026-11-26',
      WHISPER: ['a', 'b'],
      NOTE: 'x',
      OTHER: 'y',
    }).map((e) => e.description);
    expect(descriptions).toEqual([
      'attribute[NOTE] is informational and takes no value',
      'attribute[OTHER] is not an attribute of service S1',
      'attribute[MAKE] must be one of the keys listed in the service definition',
      'attribute[COLOURS] must be one of the keys listed in the service definition',
      'attribute[FLOOR] must be a decimal number',
      'attribute[SEEN] must be a W3C datetime with timezone, e.g. 2026-11-26T10:00:00+05:00',
      'attribute[WHISPER] takes one value, not 2',
    ]);
  });

  it('works on what parsePostRequest produced from the form keys', () => {
    const parsed = parsedOk({ ...locatedPost, 'attribute[WHISHETN]': '123', 'attribute[WHISPER]': 'quiet' });
    expect(checkAttributes(definition, parsed.attributes)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// GET /requests
// ---------------------------------------------------------------------------------------------

describe('parseGetRequestsQuery', () => {
  const now = new Date('2026-11-26T05:00:00Z');
  const daysMs = (n: number): number => n * 86_400_000;

  function queryErrors(query: Open311Fields): string[] {
    const result = parseGetRequestsQuery(query, now);
    if (result.ok) throw new Error('expected errors, got ok');
    for (const e of result.errors) expect(e.code).toBe(400);
    return result.errors.map((e) => e.description);
  }

  it('defaults to the last 90 days, every code and status, at most 1000 results', () => {
    expect(OPEN311_DEFAULT_SPAN_DAYS).toBe(90);
    expect(OPEN311_MAX_REQUESTS).toBe(1000);
    expect(parseGetRequestsQuery({}, now)).toEqual({
      ok: true,
      value: {
        kind: 'search',
        jurisdictionId: null,
        serviceCodes: [],
        statuses: [],
        startDate: new Date(now.getTime() - daysMs(90)),
        endDate: now,
        limit: 1000,
      },
    });
  });

  it('reads comma-separated and repeated lists', () => {
    const result = parseGetRequestsQuery(
      { jurisdiction_id: 'almaty.kz', service_code: ['001, 002', '003,001'], status: 'open,closed' },
      now,
    );
    expect(result).toMatchObject({
      ok: true,
      value: { kind: 'search', jurisdictionId: 'almaty.kz', serviceCodes: ['001', '002', '003'], statuses: ['open', 'closed'] },
    });
  });

  it('lets service_request_id override every other argument', () => {
    expect(parseGetRequestsQuery({ service_request_id: 'A-1,A-2, A-3', status: 'bogus', start_date: 'bad' }, now)).toEqual({
      ok: true,
      value: { kind: 'ids', jurisdictionId: null, serviceRequestIds: ['A-1', 'A-2', 'A-3'] },
    });
  });

  it('caps the id list at 1000', () => {
    const ids = Array.from({ length: 1001 }, (_, i) => `R${i}`).join(',');
    expect(queryErrors({ service_request_id: ids })).toEqual(['service_request_id lists more than 1000 ids']);
  });

  it('takes a window from either date alone', () => {
    const start = '2026-01-01T00:00:00+05:00';
    const startDate = new Date('2025-12-31T19:00:00Z');
    expect(parseGetRequestsQuery({ start_date: start }, now)).toMatchObject({
      ok: true,
      value: { startDate, endDate: new Date(startDate.getTime() + daysMs(90)) },
    });
    expect(parseGetRequestsQuery({ end_date: start }, now)).toMatchObject({
      ok: true,
      value: { startDate: new Date(startDate.getTime() - daysMs(90)), endDate: startDate },
    });
    expect(parseGetRequestsQuery({ start_date: '2026-01-01T00:00:00Z', end_date: '2026-03-31T00:00:00Z' }, now)).toMatchObject({
      ok: true,
      value: { startDate: new Date('2026-01-01T00:00:00Z'), endDate: new Date('2026-03-31T00:00:00Z') },
    });
  });

  it('refuses a bad status', () => {
    expect(queryErrors({ status: 'open,pending' })).toEqual(['status must be open, closed, or both separated by a comma']);
  });

  it('refuses dates that are not W3C datetimes with timezone', () => {
    expect(queryErrors({ start_date: '2026-01-01', end_date: 'tomorrow' })).toEqual([
      'start_date must be a W3C datetime with timezone, e.g. 2026-11-26T10:00:00+05:00',
      'end_date must be a W3C datetime with timezone, e.g. 2026-11-26T10:00:00+05:00',
    ]);
    expect(queryErrors({ start_date: ['2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z'] })).toEqual([
      'start_date was provided more than once',
    ]);
  });

  it('refuses a window that is reversed or longer than 90 days', () => {
    expect(queryErrors({ start_date: '2026-02-01T00:00:00Z', end_date: '2026-01-01T00:00:00Z' })).toEqual([
      'start_date is after end_date',
    ]);
    expect(queryErrors({ start_date: '2026-01-01T00:00:00Z', end_date: '2026-04-01T00:00:01Z' })).toEqual([
      'start_date and end_date may not span more than 90 days',
    ]);
    expect(parseGetRequestsQuery({ start_date: '2026-01-01T00:00:00Z', end_date: '2026-04-01T00:00:00Z' }, now).ok).toBe(true);
  });

  it('reports a bad status and a bad date together', () => {
    expect(queryErrors({ status: 'x', end_date: 'y' })).toHaveLength(2);
  });
});
