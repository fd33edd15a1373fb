import { Module } from '@nestjs/common';
import { DeadlinePlanner } from '#persistence';
import { ActorFactsLoader } from '../auth/actor-facts.loader.js';
import { WorkingCalendarsModule } from '../calendars/working-calendars.module.js';
import { IdempotencyModule } from '../common/idempotency/idempotency.module.js';
import { MetricsModule } from '../metrics/metrics.module.js';
import { WorkflowsModule } from '../workflows/workflows.module.js';
import { CreateDocumentUseCase } from './create-document.use-case.js';
import { DeadlineBoundsLoader } from './deadline-bounds.loader.js';
import { DocumentQueries } from './document.queries.js';
import { DocumentStore } from './document.store.js';
import { createDocumentsController } from './documents.controller.factory.js';
import { FireActionUseCase } from './fire-action.use-case.js';
import { quickWinKind } from './kinds/quick-win.kind.js';
import { regulationKind } from './kinds/regulation.kind.js';
import { ParticipantEffectsWriter } from './participant-effects.writer.js';
import { RegulationNumbering } from './regulation-numbering.js';
import { TransitionWriter } from './transition-writer.js';
import { UpdateDocumentUseCase } from './update-document.use-case.js';

@Module({
  imports: [WorkflowsModule, IdempotencyModule, MetricsModule, WorkingCalendarsModule],
  controllers: [createDocumentsController(quickWinKind), createDocumentsController(regulationKind)],
  providers: [
    ActorFactsLoader,
    DocumentStore,
    DeadlinePlanner,
    RegulationNumbering,
    ParticipantEffectsWriter,
    TransitionWriter,
    CreateDocumentUseCase,
    UpdateDocumentUseCase,
    FireActionUseCase,
    DocumentQueries,
    DeadlineBoundsLoader,
  ],
  exports: [ActorFactsLoader, DocumentStore, DeadlinePlanner, DeadlineBoundsLoader, CreateDocumentUseCase, FireActionUseCase],
})
export class DocumentsModule {}
