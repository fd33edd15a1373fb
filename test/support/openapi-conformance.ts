import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import type { NextFunction, Request, Response } from 'express';
import { UUID_PATTERN } from '#workflow';
import { isDateOnly } from '../../apps/api/src/common/validation/date-only.util.js';
import { isDateTimeWithOffset } from '../../apps/api/src/common/validation/date-time.util.js';

type Json = Record<string, any>;

/** Headers of this API that a response may carry only where the document says so. */
const API_HEADERS = ['etag', 'location', 'retry-after', 'www-authenticate', 'set-cookie'];
/** Paths the document does not describe: the documentation itself and the dashboard's pages. */
const OUTSIDE = [/^\/docs(-json|\/|$)/, /^\/admin\/queues(\/|$)/];

interface Operation {
  method: string;
  template: string;
  pattern: RegExp;
  responses: Json;
  /** Not yet declared with @Endpoint (x-unchecked): its answers are not checked. */
  unchecked: boolean;
}

/**
 * Holds every response of the app to its OpenAPI document: the status must be one the operation
 * lists, the JSON body must match that response's schema, the headers it declares must be there and
 * no header of the API (ETag, Location, Retry-After, WWW-Authenticate, Set-Cookie) may appear where
 * it is not declared. A request to no documented operation may only be answered 404 in the error
 * shape. Runs in the server (an Express middleware), so every request of every e2e test is seen.
 */
export class OpenApiConformance {
  readonly violations: string[] = [];
  private readonly ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: true });
  private readonly operations: Operation[];
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(private readonly document: Json) {
    this.ajv.addFormat('date', { type: 'string', validate: isDateOnly });
    this.ajv.addFormat('date-time', { type: 'string', validate: isDateTimeWithOffset });
    this.ajv.addFormat('uuid', UUID_PATTERN);
    this.ajv.addSchema({ $id: 'alur-openapi', components: document.components }, 'alur-openapi');
    this.operations = Object.entries(document.paths as Json).flatMap(([template, ops]) =>
      Object.entries(ops as Json).map(([method, op]) => ({
        method: method.toUpperCase(),
        template,
        pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\w+\}/g, '[^/]+')}$`),
        responses: (op as Json).responses,
        unchecked: (op as Json)['x-unchecked'] === true,
      })),
    );
  }

  /**
   * Runs `provoke`, during which the test breaks the database on purpose: the 500 answers it causes
   * are what the test asserts, not a gap in the document. Anything else still counts.
   */
  async whileFaultInjected<T>(provoke: () => Promise<T>): Promise<T> {
    const before = this.violations.length;
    try {
      return await provoke();
    } finally {
      await new Promise((resolve) => setImmediate(resolve)); // the server's 'finish' of the last answer
      const during = this.violations.splice(before);
      this.violations.push(...during.filter((violation) => !/ -> 500: .* documents no 500 /.test(violation)));
    }
  }

  /** Express middleware: captures the body written and checks the response when it is finished. */
  middleware() {
    return (req: Request, res: Response, next: NextFunction) => {
      const path = req.originalUrl.split('?')[0];
      // a CORS preflight is the browser's question, not an operation of the API
      if (req.method === 'OPTIONS' || OUTSIDE.some((re) => re.test(path))) return next();
      const chunks: Buffer[] = [];
      const write = res.write.bind(res);
      const end = res.end.bind(res);
      res.write = ((chunk: unknown, ...rest: unknown[]) => {
        if (chunk) chunks.push(Buffer.from(chunk as string));
        return (write as (...a: unknown[]) => boolean)(chunk, ...rest);
      }) as Response['write'];
      res.end = ((chunk?: unknown, ...rest: unknown[]) => {
        if (chunk && typeof chunk !== 'function') chunks.push(Buffer.from(chunk as string));
        return (end as (...a: unknown[]) => Response)(chunk, ...rest);
      }) as Response['end'];
      res.on('finish', () => {
        const problem = this.check(req.method, path, res.statusCode, res.getHeaders(), Buffer.concat(chunks).toString('utf8'));
        if (problem) this.violations.push(`${req.method} ${path} -> ${res.statusCode}: ${problem}`);
      });
      next();
    };
  }

  /** Why a response breaks the document, or null when it keeps to it. */
  check(method: string, path: string, status: number, headers: Record<string, unknown>, text: string): string | null {
    const operation = this.operations.find((o) => o.method === method && o.pattern.test(path));
    if (!operation) {
      // the web app's pages and files at / are not operations of the API
      if (!/^\/(api|health|admin)(\/|$)/.test(path)) return null;
      if (status === 404 || status === 405) return this.checkBody('no operation', text, '#/components/schemas/Error');
      return 'no documented operation answers this';
    }
    if (operation.unchecked) return null;
    const response = operation.responses[String(status)];
    if (!response) return `${operation.template} documents no ${status} (it documents ${Object.keys(operation.responses).join(', ')})`;
    const declared = new Set(Object.keys(response.headers ?? {}).map((h) => h.toLowerCase()));
    for (const [name, header] of Object.entries(response.headers ?? {}) as Array<[string, Json]>) {
      if (header.required && headers[name.toLowerCase()] === undefined) return `the documented header ${name} is missing`;
    }
    for (const name of API_HEADERS) {
      if (headers[name] !== undefined && !declared.has(name)) return `the header ${name} is not documented for ${status}`;
    }
    const content = response.content as Json | undefined;
    if (!content) return text.length === 0 ? null : `a body where the document says none: ${text.slice(0, 200)}`;
    const type = String(headers['content-type'] ?? '').split(';')[0].trim();
    if (!content[type]) return `content type ${type || '(none)'} is not documented (documented: ${Object.keys(content).join(', ')})`;
    if (type !== 'application/json') return null;
    return this.checkBody(`${operation.method} ${operation.template} ${status}`, text, content[type].schema);
  }

  private checkBody(key: string, text: string, schema: Json | string): string | null {
    let validate = this.validators.get(key);
    if (!validate) {
      const resolved = typeof schema === 'string' ? { $ref: schema } : schema;
      validate = this.ajv.compile(JSON.parse(JSON.stringify(resolved).replace(/"#\/components\//g, '"alur-openapi#/components/')));
      this.validators.set(key, validate);
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return `the body is not JSON: ${text.slice(0, 200)}`;
    }
    if (validate(body)) return null;
    const error = validate.errors![0];
    return `the body breaks the schema at ${error.instancePath || '/'}: ${error.message} ${JSON.stringify(error.params)}`;
  }
}
