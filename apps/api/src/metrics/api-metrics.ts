import { Injectable } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { Counter, Gauge, Histogram } from 'prom-client';
import { processRegistry } from '#metrics';
import { httpRouteLabel } from './http-route-label.js';

/** Seconds; an approval takes 3-7 ms at 200/s (bench/RESULTS.md 1-2), a report download up to a few hundred. */
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** This API process's metrics: Node's own, its HTTP requests by route template and the actions it committed. */
@Injectable()
export class ApiMetrics {
  readonly registry = processRegistry();
  private readonly requests = new Counter({
    name: 'alur_http_requests_total',
    help: 'HTTP requests answered, by method, route template and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });
  private readonly durations = new Histogram({
    name: 'alur_http_request_duration_seconds',
    help: 'Time from a request reaching the API to its answer being written, by method and route template',
    labelNames: ['method', 'route'] as const,
    buckets: DURATION_BUCKETS,
    registers: [this.registry],
  });

  private readonly transitions = new Counter({
    name: 'alur_transitions_total',
    help: 'Actions on documents committed (approvals, returns, submissions...), by kind of document and action',
    labelNames: ['kind', 'action'] as const,
    registers: [this.registry],
  });

  constructor() {
    new Gauge({
      name: 'alur_api_processes',
      help: 'API processes whose metrics this answer sums (API_PROCESSES)',
      aggregator: 'sum',
      registers: [this.registry],
    }).set(1);
  }

  /** After the transaction of an action committed (a replay of an idempotent request is no new one). */
  transitionCommitted(kind: string, action: string): void {
    this.transitions.inc({ kind, action });
  }

  /** Counts each request when its answer is written (also those refused before Nest: sign-ins the gate turns away). */
  middleware() {
    return (req: Request, res: Response, next: NextFunction): void => {
      const started = process.hrtime.bigint();
      res.once('finish', () => {
        const route = httpRouteLabel(req);
        const method = req.method;
        this.requests.inc({ method, route, status: String(res.statusCode) });
        this.durations.observe({ method, route }, Number(process.hrtime.bigint() - started) / 1e9);
      });
      next();
    };
  }
}
