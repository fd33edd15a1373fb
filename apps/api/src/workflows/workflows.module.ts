import { Module } from '@nestjs/common';
import { WorkflowsController } from './workflows.controller.js';
import { WORKFLOW_REGISTRY, workflowRegistryProvider } from './workflow-registry.provider.js';

@Module({
  controllers: [WorkflowsController],
  providers: [workflowRegistryProvider],
  exports: [WORKFLOW_REGISTRY],
})
export class WorkflowsModule {}
