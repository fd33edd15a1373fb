import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { TSchema } from 'typebox';
import { ErrorCode } from '../errors/error-code.enum.js';
import { endpointSpecs, type EndpointSpec, type RequestHeader, type ResponseHeader, type SuccessSpec } from './endpoint.decorator.js';
import { ErrorBodySchema, errorStatuses } from './error.schema.js';
import { nameOf } from './schema-names.js';

type Json = Record<string, any>;

const REQUEST_HEADERS: Record<RequestHeader, Json> = {
  'If-Match': {
    name: 'If-Match',
    in: 'header',
    required: false,
    description: 'The version the change is based on, as the ETag sent it (`"7"`); another version answers 412 VERSION_MISMATCH',
    schema: { type: 'string', maxLength: 1000 },
    example: '"3"',
  },
  'X-XSRF-TOKEN': {
    name: 'X-XSRF-TOKEN',
    in: 'header',
    required: false,
    description: 'With the session cookie: the csrfToken of the session (else 403 CSRF_REJECTED); not needed with a bearer token',
    schema: { type: 'string', maxLength: 200 },
  },
  'Idempotency-Key': {
    name: 'Idempotency-Key',
    in: 'header',
    required: false,
    description: 'Kept 24 h: a repeat with the same key and request returns the first response and changes nothing',
    schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x21-\\x7e]+$' },
    example: 'a1f6c1e2-approve-kaltim-qw-17',
  },
};

const RESPONSE_HEADERS: Record<ResponseHeader, Json> = {
  ETag: { description: 'The document version, quoted: send it back in If-Match', schema: { type: 'string', pattern: '^"\\d+"$' }, required: true },
  Location: { description: 'Where the created resource is read', schema: { type: 'string' }, required: true },
  'Retry-After': { description: 'Seconds to wait before trying again', schema: { type: 'string', pattern: '^\\d+$' }, required: true },
  'Set-Cookie': { description: 'The session cookie', schema: { type: 'string' }, required: true },
};

const ERROR_HEADERS: Partial<Record<number, Record<string, Json>>> = {
  401: { 'WWW-Authenticate': { description: 'Always `Bearer`', schema: { type: 'string', pattern: '^Bearer' }, required: true } },
  429: { 'Retry-After': RESPONSE_HEADERS['Retry-After'] },
  503: { 'Retry-After': RESPONSE_HEADERS['Retry-After'] },
};

const WRITE_METHODS = new Set(['post', 'put', 'patch', 'delete']);

/**
 * The OpenAPI 3.1 document: Nest's scanner gives the paths and methods, each operation's
 * EndpointSpec (by operationId) everything else. Named schemas become components.
 */
export function buildOpenApiDocument(app: INestApplication): Json {
  const scanned = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('alur')
      .setDescription(
        'Workflow and approval engine for the Quick Wins and work-system regulations of Indonesian regional governments. ' +
          'Errors are `{statusCode, error, code, message}`; checks answer in the order 404, 400, 412, 409, 403.',
      )
      .setVersion('1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'The accessToken of POST /api/auth/login' }, 'bearer')
      .addCookieAuth('alur_session', { type: 'apiKey', in: 'cookie', description: 'Browsers: the cookie of POST /api/auth/session; writes also send X-XSRF-TOKEN' }, 'session')
      .build(),
  ) as Json;
  const components = new Components();
  const specs = endpointSpecs();
  const paths: Json = {};
  for (const path of Object.keys(scanned.paths).sort()) {
    for (const [method, operation] of Object.entries(scanned.paths[path] as Json)) {
      const spec = specs.get(operation.operationId);
      // every operation is declared with @Endpoint: its schemas validate the request and write the document
      if (!spec) throw new Error(`${method.toUpperCase()} ${path} has no @Endpoint (README "Adding an endpoint")`);
      paths[path] ??= {};
      paths[path][method] = toOperation(spec, method, path, operation.tags ?? [], components);
    }
  }
  const tags = [...new Set(Object.values(paths).flatMap((ops: Json) => Object.values(ops).flatMap((o: Json) => o.tags ?? [])))].sort();
  return {
    openapi: '3.1.0',
    info: { ...scanned.info, license: { name: 'UNLICENSED', identifier: 'LicenseRef-UNLICENSED' } },
    servers: [{ url: 'http://localhost:3000', description: 'npm start on the demo data' }],
    security: [{ bearer: [] }, { session: [] }],
    tags: tags.map((name) => ({ name, description: TAG_DESCRIPTIONS[name] ?? name })),
    paths,
    components: { securitySchemes: scanned.components.securitySchemes, schemas: components.all() },
  };
}

const TAG_DESCRIPTIONS: Record<string, string> = {
  auth: 'Sign-in and the caller',
  'quick-wins': 'Quick Win initiatives of bureaucratic reform',
  regulations: 'Work-system regulations (Pergub, Perbup, Perwali)',
  tasks: "The caller's inbox",
  notifications: "The caller's notifications",
  workflows: 'Workflow definitions, diagrams and stage SLAs',
  holidays: 'Holidays and cuti bersama of the working-day calendar',
  delegations: 'Plt and Plh delegations of a role',
  admin: 'The queue dashboard session',
  health: 'Liveness and readiness',
  administration: 'Governments, units (OPD), people, personnel import and the administration audit (ADMIN)',
  'office hours': "A government's office hours (jam kerja), which working-day deadlines count",
  reports: 'Reports for leaders: stage times, SLA status, throughput, workload, Quick Wins',
};

function toOperation(spec: EndpointSpec, method: string, path: string, tags: string[], components: Components): Json {
  const parameters: Json[] = [];
  const pathParams = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
  for (const name of pathParams) {
    parameters.push({ name, in: 'path', required: true, schema: components.schemaOf(spec.params?.[name] ?? { type: 'string' }) });
  }
  if (spec.query) {
    const required = new Set<string>((spec.query as Json).required ?? []);
    for (const [name, schema] of Object.entries((spec.query as Json).properties as Record<string, TSchema>)) {
      const { description, ...rest } = schema as Json;
      parameters.push({ name, in: 'query', required: required.has(name), ...(description ? { description } : {}), schema: components.schemaOf(rest) });
    }
  }
  for (const header of spec.requestHeaders ?? []) parameters.push(REQUEST_HEADERS[header]);

  const isWrite = WRITE_METHODS.has(method);
  const codes: ErrorCode[] = [
    // a path parameter with a broken percent-escape is a 400 before any handler
    ...(spec.body || spec.query || isWrite || pathParams.length > 0 ? [ErrorCode.VALIDATION_FAILED] : []),
    ...(spec.public ? [] : [ErrorCode.UNAUTHENTICATED, ErrorCode.PASSWORD_CHANGE_REQUIRED]),
    // a write carried by the session cookie must come from this site with its CSRF token
    ...(isWrite ? [ErrorCode.CSRF_REJECTED] : []),
    // a body too large, or JSON in another charset than UTF-8 or an encoding body-parser does not inflate
    ...(spec.body || spec.multipart || isWrite ? [ErrorCode.PAYLOAD_TOO_LARGE, ErrorCode.UNSUPPORTED_MEDIA_TYPE] : []),
    ...(spec.errors ?? []),
    // a key still used by its first request, or sent again with another request (after the operation's own codes, which may place them)
    ...(spec.requestHeaders?.includes('Idempotency-Key') ? [ErrorCode.IDEMPOTENCY_IN_FLIGHT, ErrorCode.IDEMPOTENCY_KEY_REUSED] : []),
  ];
  const responses: Json = {};
  for (const success of [spec.success, ...(spec.alsoAnswers ?? [])]) responses[String(success.status)] = toSuccess(success, components);
  for (const [status, statusCodes] of errorStatuses(codes)) {
    // a status the operation answers with its own body (single sign-on's pages) keeps it
    if (responses[String(status)]) continue;
    responses[String(status)] = {
      description: statusCodes.join(', '),
      ...(ERROR_HEADERS[status] ? { headers: ERROR_HEADERS[status] } : {}),
      content: {
        'application/json': {
          schema: { allOf: [components.schemaOf(ErrorBodySchema), { type: 'object', properties: { code: { enum: statusCodes } } }] },
        },
      },
    };
  }
  return {
    operationId: spec.operationId,
    summary: spec.summary,
    ...(spec.description ? { description: spec.description } : {}),
    tags,
    ...(spec.public ? { security: [] } : {}),
    ...(parameters.length ? { parameters } : {}),
    ...(spec.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: components.schemaOf(spec.body) } } } }
      : spec.multipart
        ? { requestBody: { required: true, content: { 'multipart/form-data': { schema: components.schemaOf(spec.multipart) } } } }
        : {}),
    responses,
  };
}

function toSuccess(success: SuccessSpec, components: Components): Json {
  const headers = Object.fromEntries([
    ...(success.headers ?? []).map((h) => [h, RESPONSE_HEADERS[h]]),
    ...(success.optionalHeaders ?? []).map((h) => [h, { ...RESPONSE_HEADERS[h], required: false }]),
  ]);
  const files = Object.fromEntries((success.files ?? []).map((type) => [type, { schema: { type: 'string', contentMediaType: type } }]));
  const content = success.schema
    ? { 'application/json': { schema: components.schemaOf(success.schema) }, ...files }
    : success.text
      ? { [success.text.contentType]: { schema: { type: 'string' }, example: success.text.example } }
      : undefined;
  return { description: success.description, ...(Object.keys(headers).length ? { headers } : {}), ...(content ? { content } : {}) };
}

/** Collects named schemas as components and puts `$ref`s where they are used. */
class Components {
  private readonly schemas = new Map<string, Json>();

  schemaOf(schema: object): Json {
    return this.convert(schema as Json);
  }

  all(): Json {
    return Object.fromEntries([...this.schemas].sort(([a], [b]) => a.localeCompare(b)));
  }

  private convert(node: Json): Json {
    const name = nameOf(node);
    if (name) {
      if (!this.schemas.has(name)) {
        this.schemas.set(name, {}); // cycles and repeats see the name at once
        this.schemas.set(name, this.convertChildren(node));
      }
      return { $ref: `#/components/schemas/${name}` };
    }
    return this.convertChildren(node);
  }

  private convertChildren(node: Json): Json {
    if (Array.isArray(node)) return node.map((n) => (isObject(n) ? this.convert(n) : n));
    const out: Json = {};
    for (const [key, value] of Object.entries(node)) {
      if (key === '~kind' || typeof key === 'symbol') continue;
      if (key === 'properties' || key === 'patternProperties' || key === '$defs') {
        out[key] = Object.fromEntries(Object.entries(value as Json).map(([k, v]) => [k, this.convert(v as Json)]));
      } else if (key === 'examples' || key === 'enum' || key === 'const' || key === 'default' || key === 'required') {
        out[key] = value;
      } else if (isObject(value) || Array.isArray(value)) {
        out[key] = Array.isArray(value) ? value.map((v) => (isObject(v) ? this.convert(v) : v)) : this.convert(value);
      } else {
        out[key] = value;
      }
    }
    return out;
  }
}

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
