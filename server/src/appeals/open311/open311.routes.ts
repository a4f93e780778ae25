// Open311 GeoReport v2 under /open311/v2/: discovery, services, service definitions, requests (POST with
// an API key, GET with the spec's filters), one request, tokens — in XML and JSON, with the spec's
// error format. Public answers carry what the public web shows: masked text, rounded places, no contacts.
import formbody from '@fastify/formbody';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsync } from 'fastify';
import type { Db } from '../../platform/db/db.js';
import { AppError } from '../../platform/errors.js';
import { publicPoint } from '../appeals.domain.js';
import { maskPersonalData } from '../appeals.masking.js';
import * as service from '../appeals.service.js';
import {
  checkAttributes,
  formatFromPath,
  OPEN311_MAX_REQUESTS,
  OPEN311_SPECIFICATION_URL,
  parseGetRequestsQuery,
  parsePostRequest,
  renderDiscovery,
  renderErrors,
  renderPostResult,
  renderRequests,
  renderServiceDefinition,
  renderServices,
  renderTokens,
  toW3cDateTime,
  type Open311Error,
  type Open311Fields,
  type Open311Format,
  type Open311Rendered,
  type Open311Request,
  type Open311ServiceDefinition,
} from './open311.format.js';

export const OPEN311_JURISDICTION = 'almaty';
const PREFIX = '/open311/v2';

/** Service definitions: the drug-link category asks for the link as an attribute. */
const definitions: Record<string, Open311ServiceDefinition> = {
  drug_link: {
    service_code: 'drug_link',
    attributes: [
      {
        variable: true,
        code: 'ADVERT_URL',
        datatype: 'string',
        required: true,
        datatype_description: 'https://…, t.me/… or @channel',
        order: 1,
        description: 'Ссылка на сайт, канал или аккаунт / Сайтқа, арнаға сілтеме / The link to the site, channel or account',
      },
    ],
  },
};

function send(reply: FastifyReply, status: number, rendered: Open311Rendered): FastifyReply {
  return reply.code(status).type(rendered.contentType).header('cache-control', 'no-cache').send(rendered.body);
}

function fail(reply: FastifyReply, format: Open311Format, errors: Open311Error[]): FastifyReply {
  const status = errors.reduce((s, e) => Math.max(s, e.code), 400);
  return send(reply, status, renderErrors(format, errors));
}

function langOf(request: FastifyRequest): 'ru' | 'kk' | 'en' {
  const q = (request.query as Record<string, unknown>)['locale'];
  const wanted = typeof q === 'string' ? q : (request.headers['accept-language'] ?? '');
  if (/^kk/i.test(wanted)) return 'kk';
  if (/^en/i.test(wanted)) return 'en';
  return 'ru';
}

export const open311Routes: FastifyPluginAsync<{ db: Db; publicUrl?: string | undefined }> = async (app, { db, publicUrl }) => {
  // The spec's POST bodies are form-encoded; JSON is accepted too. Scoped to this plugin.
  await app.register(formbody, { bodyLimit: 64 * 1024 });
  const base = (request: FastifyRequest) => publicUrl?.replace(/\/$/, '') ?? `${request.protocol}://${request.host}`;

  // Errors inside Open311 answer in the spec's format (XML unless the path asked for JSON).
  app.setErrorHandler((error: Error & { statusCode?: number; status?: number }, request, reply) => {
    const format = formatFromPath(request.url.slice(PREFIX.length))?.format ?? 'xml';
    const status = error instanceof AppError ? error.status : (error.statusCode ?? 500);
    if (status >= 500) request.log.error({ err: error }, 'open311 request failed');
    const description = status >= 500 ? 'internal error' : error instanceof AppError ? `${error.field ? `${error.field}: ` : ''}${error.message}` : error.message;
    return fail(reply, format, [{ code: status, description }]);
  });

  const serviceList = async (lang: 'ru' | 'kk' | 'en') =>
    (await service.listCategories(db)).map((c) => ({
      service_code: c.code,
      service_name: c.name[lang],
      description: c.description[lang],
      metadata: c.code in definitions,
      type: 'realtime' as const,
      keywords: c.keywords,
      group: c.groupName,
    }));

  const toRequest = (request: FastifyRequest, r: Awaited<ReturnType<typeof service.open311Requests>>[number], lang: 'ru' | 'kk' | 'en'): Open311Request => {
    const point = r.public_text ? publicPoint(r.lon === null ? null : Number(r.lon), r.lat === null ? null : Number(r.lat)) : null;
    const withheld = r.hidden || !r.public_text;
    return {
      service_request_id: r.code,
      status: ['received', 'routed', 'in_progress'].includes(r.status) ? 'open' : 'closed',
      status_notes: r.answer ?? (r.status_reason ? maskPersonalData(r.status_reason).text : null),
      service_name: r.category_name[lang],
      service_code: r.category_code,
      description: withheld ? null : r.public_description,
      agency_responsible: r.unit,
      service_notice: null,
      requested_datetime: toW3cDateTime(new Date(r.created_at)),
      updated_datetime: toW3cDateTime(new Date(r.updated_at)),
      expected_datetime: toW3cDateTime(new Date(r.deadline_at)),
      address: null,
      address_id: null,
      zipcode: null,
      lat: point?.lat ?? null,
      long: point?.lon ?? null,
      media_url: r.photo === null ? null : `${base(request)}/api/v1/appeals/${r.code}/photos/${r.photo}`,
    };
  };

  const checkJurisdiction = (fields: Open311Fields): Open311Error | null => {
    const j = fields['jurisdiction_id'];
    if (j === undefined || j === '' || j === OPEN311_JURISDICTION) return null;
    return { code: 404, description: `jurisdiction_id '${String(j).slice(0, 60)}' was not found; this server serves '${OPEN311_JURISDICTION}'` };
  };

  app.get(`${PREFIX}/*`, { config: { access: 'public' }, schema: { tags: ['open311'], summary: 'Open311 GeoReport v2 (GET): discovery, services, requests, tokens — .xml or .json' } }, async (request, reply) => {
    const path = request.url.slice(PREFIX.length);
    const parsed = formatFromPath(path);
    if (!parsed) return fail(reply, 'xml', [{ code: 404, description: 'unknown resource: add .xml or .json to the path (see discovery.xml)' }]);
    const { format, rest } = parsed;
    const query = request.query as Open311Fields;
    const lang = langOf(request);
    const jurisdiction = checkJurisdiction(query);
    if (jurisdiction) return fail(reply, format, [jurisdiction]);

    if (rest === '/discovery') {
      return send(
        reply,
        200,
        renderDiscovery(format, {
          changeset: '2026-11-26T00:00:00+05:00',
          contact: 'Департамент полиции г. Алматы, 102 / openbeat',
          key_service: `${base(request)}/admin/open311`,
          endpoints: [{ specification: OPEN311_SPECIFICATION_URL, url: `${base(request)}${PREFIX}`, changeset: '2026-11-26T00:00:00+05:00', type: 'production', formats: ['text/xml', 'application/json'] }],
        }),
      );
    }
    if (rest === '/services') return send(reply, 200, renderServices(format, await serviceList(lang)));
    const serviceMatch = /^\/services\/([A-Za-z0-9_-]{1,64})$/.exec(rest);
    if (serviceMatch) {
      const code = serviceMatch[1]!;
      const known = (await service.listCategories(db)).some((c) => c.code === code);
      if (!known) return fail(reply, format, [{ code: 404, description: `service_code '${code}' was not found` }]);
      return send(reply, 200, renderServiceDefinition(format, definitions[code] ?? { service_code: code, attributes: [] }));
    }
    if (rest === '/requests') {
      const q = parseGetRequestsQuery(query);
      if (!q.ok) return fail(reply, format, q.errors);
      const v = q.value;
      const rows =
        v.kind === 'ids'
          ? await service.open311Requests(db, { ids: v.serviceRequestIds, limit: OPEN311_MAX_REQUESTS })
          : await service.open311Requests(db, { serviceCodes: v.serviceCodes, statuses: v.statuses, start: v.startDate, end: v.endDate, limit: v.limit });
      return send(reply, 200, renderRequests(format, rows.map((r) => toRequest(request, r, lang))));
    }
    const requestMatch = /^\/requests\/([A-Za-z0-9-]{1,20})$/.exec(rest);
    if (requestMatch) {
      const rows = await service.open311Requests(db, { ids: [requestMatch[1]!], limit: 1 });
      if (rows.length === 0) return fail(reply, format, [{ code: 404, description: `service_request_id '${requestMatch[1]}' was not found` }]);
      return send(reply, 200, renderRequests(format, rows.map((r) => toRequest(request, r, lang))));
    }
    const tokenMatch = /^\/tokens\/([A-Za-z0-9-]{1,20})$/.exec(rest);
    if (tokenMatch) {
      // Requests are created at once, so a token is the request's own id.
      const rows = await service.open311Requests(db, { ids: [tokenMatch[1]!], limit: 1 });
      if (rows.length === 0) return fail(reply, format, [{ code: 404, description: `token '${tokenMatch[1]}' was not found` }]);
      return send(reply, 200, renderTokens(format, [{ service_request_id: rows[0]!.code, token: rows[0]!.code }]));
    }
    return fail(reply, format, [{ code: 404, description: `unknown resource '${rest.slice(0, 80)}'` }]);
  });

  app.post(`${PREFIX}/*`, { config: { access: 'public' }, schema: { tags: ['open311'], summary: 'Open311 GeoReport v2: POST requests.xml|json with api_key (form-encoded or JSON)' } }, async (request, reply) => {
    const parsed = formatFromPath(request.url.slice(PREFIX.length));
    if (!parsed || parsed.rest !== '/requests') return fail(reply, parsed?.format ?? 'xml', [{ code: 404, description: 'POST goes to requests.xml or requests.json' }]);
    const { format } = parsed;
    const body = request.body;
    if (!body || typeof body !== 'object' || Array.isArray(body)) return fail(reply, format, [{ code: 400, description: 'the body must be form-encoded (application/x-www-form-urlencoded) or a JSON object' }]);
    const fields: Open311Fields = {};
    for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
      if (typeof v === 'string') fields[k] = v;
      else if (typeof v === 'number' || typeof v === 'boolean') fields[k] = String(v);
      else if (Array.isArray(v)) fields[k] = v.map(String);
    }
    const keyId = await service.verifyApiKey(db, typeof fields['api_key'] === 'string' ? fields['api_key'] : null);
    if (!keyId) return fail(reply, format, [{ code: 403, description: 'api_key is missing or not valid' }]);
    const jurisdiction = checkJurisdiction(fields);
    if (jurisdiction) return fail(reply, format, [jurisdiction]);
    const p = parsePostRequest(fields);
    if (!p.ok) return fail(reply, format, p.errors);
    const post = p.value;
    const category = (await service.listCategories(db)).find((c) => c.code === post.serviceCode);
    if (!category) return fail(reply, format, [{ code: 404, description: `service_code '${post.serviceCode.slice(0, 64)}' was not found` }]);
    const definition = definitions[category.code];
    if (definition) {
      const attributeErrors = checkAttributes(definition, post.attributes);
      if (attributeErrors.length) return fail(reply, format, attributeErrors);
    }
    if (!post.description) return fail(reply, format, [{ code: 400, description: 'description was not provided: describe what happened (at least 10 characters)' }]);
    const name = [post.firstName, post.lastName].filter(Boolean).join(' ') || undefined;
    const advertUrl = post.attributes['ADVERT_URL'];
    const result = await service.submitAppeal(
      db,
      {
        category: category.code,
        description: post.description,
        ...(post.lat !== null && post.long !== null ? { lat: post.lat, lon: post.long } : {}),
        ...(post.addressString ? { address: post.addressString.slice(0, 300) } : {}),
        ...(post.email || post.phone ? { contact: { ...(name ? { name } : {}), ...(post.phone ? { phone: post.phone } : {}), ...(post.email ? { email: post.email } : {}), lang: langOf(request) } } : {}),
        ...(category.kind === 'drug_advert' && category.code === 'drug_link' ? { advert: { kind: 'link' as const, url: typeof advertUrl === 'string' ? advertUrl : '' } } : {}),
      },
      [],
      { source: 'open311', apiKeyId: keyId, mediaUrl: post.mediaUrl },
    );
    const notice = { ru: `Ответ в течение ${category.deadlineDays} рабочих дней`, kk: `Жауап ${category.deadlineDays} жұмыс күні ішінде`, en: `Answer within ${category.deadlineDays} working days` }[langOf(request)];
    return send(reply, 200, renderPostResult(format, { service_request_id: result.appeal.code, service_notice: notice }));
  });
};
