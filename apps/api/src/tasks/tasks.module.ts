import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module.js';
import { WorkflowsModule } from '../workflows/workflows.module.js';
import { TasksController } from './tasks.controller.js';
import { TasksQuery } from './tasks.query.js';

@Module({
  imports: [DocumentsModule, WorkflowsModule],
  controllers: [TasksController],
  providers: [TasksQuery],
})
export class TasksModule {}
