/** BullMQ queue names. Never rename one: jobs already in Redis are found by these names. */
export enum QueueName {
  Deadlines = 'deadlines',
  Notifications = 'notifications',
}
