import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { findDocumentContext, latestStageDeadline, type DocumentContext } from '#persistence';

export type { DocumentContext };

/** What the notification handlers read about a document (the queries live in libs/persistence). */
@Injectable()
export class DocumentContextLoader {
  async load(manager: EntityManager, documentId: string): Promise<DocumentContext | null> {
    return findDocumentContext(manager, documentId);
  }

  /** The deadline a stage got when the document last entered it (the pending one if any). */
  async stageDeadline(manager: EntityManager, documentId: string, stage: string): Promise<{ dueAt: Date; explanation: string } | null> {
    return latestStageDeadline(manager, documentId, stage);
  }
}
