import { Module } from '@nestjs/common';
import { WorkingCalendarCache, WorkingCalendars } from '#persistence';

/** The working-day calendars of the API: one `WorkingCalendarCache` for the deadline planner and every reader of "Segera jatuh tempo". */
@Module({
  providers: [WorkingCalendarCache, WorkingCalendars],
  exports: [WorkingCalendarCache, WorkingCalendars],
})
export class WorkingCalendarsModule {}
