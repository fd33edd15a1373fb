export type { NotifyActionParams, NotifyRecipient, StageActionParams } from './machine-actions.util.js';
