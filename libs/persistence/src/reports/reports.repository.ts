import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { LocalDate } from '#workflow';
import { heldDelegationsSql } from '../repositories/user-directory.js';
import type {
  OpenStageRow,
  OverdueDocumentRow,
  QuickWinRollupRow,
  ReportGovernment,
  ReportPlace,
  ReportWindow,
  StageTimeSummaryRow,
  ThroughputRow,
} from './report-rows.js';
import { histogramPercentileSql, slaStatusSql } from './report-sql.js';

/** A person of a government as the workload needs them: roles and the delegations they hold at `now`. */
export interface ReportPersonRow {
  username: string;
  name: string;
  email: string | null;
  userId: string;
  governmentCode: string;
  unitCode: string;
  roles: string[];
  delegations: Array<{ id: string; role: string; startsAt: string; endsAt: string; principal: { username: string; governmentCode: string; unitCode: string } }>;
}

/** Adds the optional filters of a place to `where`, numbering parameters after `params`. */
function placeFilter(place: ReportPlace, params: unknown[], alias = ''): string {
  const a = alias ? `${alias}.` : '';
  let sql = `${a}government_id = ANY($${params.push(place.governmentIds)}::uuid[])`;
  if (place.unitIds !== null) sql += ` AND ${a}unit_id = ANY($${params.push(place.unitIds)}::uuid[])`;
  if (place.kind !== null) sql += ` AND ${a}kind = $${params.push(place.kind)}`;
  return sql;
}

function windowFilter(column: string, window: ReportWindow, params: unknown[], truncate: 'month' | null): string {
  let sql = '';
  const bound = (d: LocalDate) => (truncate ? `date_trunc('${truncate}', $${params.push(d)}::date)::date` : `$${params.push(d)}::date`);
  if (window.from !== null) sql += ` AND ${column} >= ${bound(window.from)}`;
  if (window.to !== null) sql += ` AND ${column} <= $${params.push(window.to)}::date`;
  return sql;
}

/**
 * Every query of the reports (issue 15). Stage times and throughput read the trigger-kept summaries
 * (migration ReportSummaries) with their unfolded deltas; open stages read the per-day counts (migration
 * OpenStageCounts) and the pending deadlines of the two days that hold the bounds.
 */
@Injectable()
export class ReportsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The government by code and its regencies and cities (for a province), with their units. */
  async governmentWithChildren(code: string): Promise<{ government: ReportGovernment; children: ReportGovernment[] } | null> {
    const rows: Array<ReportGovernment & { isChild: boolean }> = await this.dataSource.query(
      `SELECT g.id, g.code, g.name, g.level, g.time_zone AS "timeZone", g.code <> $1 AS "isChild",
              coalesce((SELECT json_agg(json_build_object('id', u.id, 'code', u.code, 'name', u.name) ORDER BY u.code)
                          FROM units u WHERE u.government_id = g.id), '[]') AS units
         FROM governments g
        WHERE g.code = $1 OR g.parent_id = (SELECT id FROM governments WHERE code = $1)
        ORDER BY g.code <> $1, g.code`,
      [code],
    );
    const own = rows.find((r) => !r.isChild);
    if (!own) return null;
    const strip = ({ isChild: _c, ...g }: ReportGovernment & { isChild: boolean }): ReportGovernment => g;
    return { government: strip(own), children: rows.filter((r) => r.isChild).map(strip) };
  }

  /**
   * Stages left per kind and stage, over the whole window (`month` null) and per month: how many,
   * how many within their deadline, median and p90 of the working seconds (bucket values): off the
   * whole-government totals, or the per-unit counts when the place names units, plus unfolded
   * deltas; months summed and percentiles taken in SQL, so the API gets one row per stage and month
   * instead of one per duration bucket.
   */
  async stageTimeSummaries(place: ReportPlace, window: ReportWindow): Promise<StageTimeSummaryRow[]> {
    const params: unknown[] = [];
    const where = placeFilter(place, params) + windowFilter('month', window, params, 'month');
    const summary = place.unitIds === null ? 'stage_time_totals' : 'stage_time_counts';
    return this.dataSource.query(
      `WITH buckets AS (
         SELECT kind, stage, CASE WHEN grouping(month) = 0 THEN to_char(month, 'YYYY-MM') END AS month, bucket,
                sum(count) AS count, sum(within_sla) AS within_sla
           FROM (SELECT month, kind, stage, bucket, count, within_sla FROM ${summary} WHERE ${where}
                 UNION ALL
                 SELECT month, kind, stage, bucket, count, within_sla FROM stage_time_deltas WHERE ${where}) s
          GROUP BY GROUPING SETS ((kind, stage, bucket), (kind, stage, month, bucket))
       ), ranked AS (
         SELECT *, sum(count) OVER (PARTITION BY kind, stage, month ORDER BY bucket) AS running, sum(count) OVER (PARTITION BY kind, stage, month) AS total
           FROM buckets WHERE count > 0
       )
       SELECT kind, stage, month, sum(count)::int AS count, sum(within_sla)::int AS "withinSla",
              ${histogramPercentileSql(0.5, 'bucket', 'running', 'total')} AS median, ${histogramPercentileSql(0.9, 'bucket', 'running', 'total')} AS p90
         FROM ranked
        GROUP BY kind, stage, month`,
      params,
    );
  }

  /** Stages left per government only (the regencies and cities a province sees as totals). */
  async stageTimeTotalsByGovernment(place: ReportPlace, window: ReportWindow): Promise<Array<{ governmentId: string; count: number; withinSla: number }>> {
    const params: unknown[] = [];
    const where = placeFilter({ ...place, unitIds: null }, params) + windowFilter('month', window, params, 'month');
    return this.dataSource.query(
      `SELECT government_id AS "governmentId", sum(count)::int AS count, sum(within_sla)::int AS "withinSla"
         FROM (SELECT government_id, count, within_sla FROM stage_time_totals WHERE ${where}
               UNION ALL SELECT government_id, count, within_sla FROM stage_time_deltas WHERE ${where}) s
        GROUP BY government_id`,
      params,
    );
  }

  /**
   * Open stages per government, kind, stage and unit, split by SLA status at `now`: the due days
   * (UTC) wholly before `now`, between the bounds and after `dueSoonUntil` from `open_stage_counts`
   * and its unfolded deltas; the two days that hold `now` and `dueSoonUntil`, deadline by deadline.
   */
  async openStages(place: ReportPlace, now: Date, dueSoonUntil: Date): Promise<OpenStageRow[]> {
    const params: unknown[] = [now, dueSoonUntil];
    const where = placeFilter(place, params);
    const status = slaStatusSql('due_at', '$1::timestamptz', '$2::timestamptz');
    const day = (p: string) => `($${p}::timestamptz AT TIME ZONE 'UTC')::date`;
    return this.dataSource.query(
      `SELECT government_id AS "governmentId", kind, stage, unit_id AS "unitId",
              coalesce(sum(on_time), 0)::int AS "onTime", coalesce(sum(due_soon), 0)::int AS "dueSoon", coalesce(sum(overdue), 0)::int AS overdue
         FROM (SELECT government_id, kind, stage, unit_id,
                      sum(count) FILTER (WHERE due_date > ${day('2')}) AS on_time,
                      sum(count) FILTER (WHERE due_date > ${day('1')} AND due_date < ${day('2')}) AS due_soon,
                      sum(count) FILTER (WHERE due_date < ${day('1')}) AS overdue
                 FROM (SELECT government_id, kind, stage, unit_id, due_date, count FROM open_stage_counts WHERE ${where}
                       UNION ALL
                       SELECT government_id, kind, stage, unit_id, due_date, count FROM open_stage_deltas WHERE ${where}) c
                WHERE due_date <> ${day('1')} AND due_date <> ${day('2')}
                GROUP BY government_id, kind, stage, unit_id
               UNION ALL
               SELECT government_id, kind, stage, unit_id,
                      count(*) FILTER (WHERE s = 'ON_TIME'), count(*) FILTER (WHERE s = 'DUE_SOON'), count(*) FILTER (WHERE s = 'OVERDUE')
                 FROM (SELECT DISTINCT day FROM unnest(ARRAY[${day('1')}, ${day('2')}]) AS day) days
                CROSS JOIN LATERAL (
                      SELECT government_id, kind, stage, unit_id, ${status} AS s FROM deadlines
                       WHERE status = 'PENDING' AND ${where}
                         AND due_at >= (days.day::timestamp AT TIME ZONE 'UTC') AND due_at < ((days.day + 1)::timestamp AT TIME ZONE 'UTC')) o
                GROUP BY government_id, kind, stage, unit_id) t
        GROUP BY government_id, kind, stage, unit_id
       HAVING sum(coalesce(on_time, 0) + coalesce(due_soon, 0) + coalesce(overdue, 0)) > 0
        ORDER BY kind, stage, unit_id`,
      params,
    );
  }

  /** The `limit` open stages longest past their due time. */
  async mostOverdue(place: ReportPlace, now: Date, limit: number): Promise<OverdueDocumentRow[]> {
    const params: unknown[] = [now, limit];
    return this.dataSource.query(
      `SELECT dl.document_id AS "documentId", dl.kind, d.title, dl.unit_id AS "unitId", dl.stage, dl.due_at AS "dueAt"
         FROM deadlines dl JOIN documents d ON d.id = dl.document_id
        WHERE dl.status = 'PENDING' AND dl.due_at <= $1 AND ${placeFilter(place, params, 'dl')}
        ORDER BY dl.due_at, dl.document_id
        LIMIT $2`,
      params,
    );
  }

  /** Documents started and finished per ISO week (Monday in the government's zone) and kind. */
  async throughput(place: ReportPlace, window: ReportWindow): Promise<ThroughputRow[]> {
    const params: unknown[] = [];
    const where = placeFilter(place, params) + windowFilter('week', window, params, null);
    return this.dataSource.query(
      `SELECT government_id AS "governmentId", to_char(week, 'YYYY-MM-DD') AS week, kind,
              sum(started)::int AS started, sum(finished)::int AS finished
         FROM (SELECT government_id, week, kind, started, finished FROM throughput_counts WHERE ${where}
               UNION ALL
               SELECT government_id, week, kind, started, finished FROM throughput_deltas WHERE ${where}) t
        GROUP BY government_id, week, kind
        ORDER BY week, kind`,
      params,
    );
  }

  /** Documents started and finished per unit over the weeks whose Monday lies in `window`. */
  async throughputByUnit(place: ReportPlace, window: ReportWindow): Promise<Array<{ unitId: string; started: number; finished: number }>> {
    const params: unknown[] = [];
    const where = placeFilter(place, params) + windowFilter('week', window, params, null);
    return this.dataSource.query(
      `SELECT unit_id AS "unitId", sum(started)::int AS started, sum(finished)::int AS finished
         FROM (SELECT unit_id, started, finished FROM throughput_counts WHERE ${where}
               UNION ALL SELECT unit_id, started, finished FROM throughput_deltas WHERE ${where}) t
        GROUP BY unit_id`,
      params,
    );
  }

  /** Everyone active in the government with their roles and the delegations they hold at `now`. */
  async people(governmentId: string, now: Date): Promise<ReportPersonRow[]> {
    return this.dataSource.query(
      `SELECT u.id AS "userId", u.username, u.name, u.email, g.code AS "governmentCode", un.code AS "unitCode", u.roles,
              (SELECT coalesce(json_agg(h), '[]') FROM (${heldDelegationsSql('u.id', '$2::timestamptz')}) h) AS delegations
         FROM users u JOIN governments g ON g.id = u.government_id JOIN units un ON un.id = u.unit_id
        WHERE u.government_id = $1 AND u.active
        ORDER BY u.username`,
      [governmentId, now],
    );
  }

  /**
   * Quick Wins of `year` per government, unit, category, area and state: how many, their budget,
   * progress reports (and those made before their period was due), and how many were completed
   * (evaluated) by the end of the year in the government's zone; off the trigger-kept roll-up.
   */
  async quickWinRollup(place: ReportPlace, year: number): Promise<QuickWinRollupRow[]> {
    const params: unknown[] = [year];
    const where = `year = $1 AND ${placeFilter({ ...place, kind: null }, params)}`;
    const columns = 'government_id, unit_id, category, area, state, count, budget, progress_reports, progress_reports_on_time, completed_in_year';
    return this.dataSource.query(
      `SELECT government_id AS "governmentId", unit_id AS "unitId", category, area, state, sum(count)::int AS count, sum(budget)::float8 AS budget,
              sum(progress_reports)::int AS "progressReports", sum(progress_reports_on_time)::int AS "progressReportsOnTime",
              sum(completed_in_year)::int AS "completedInYear"
         FROM (SELECT ${columns} FROM quick_win_counts WHERE ${where} UNION ALL SELECT ${columns} FROM quick_win_deltas WHERE ${where}) q
        GROUP BY government_id, unit_id, category, area, state
       HAVING sum(count) <> 0`,
      params,
    );
  }
}
