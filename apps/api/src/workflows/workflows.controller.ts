import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { describeWorkflow, renderMermaidStateDiagram, type WorkflowRegistry } from '#workflow';
import { Endpoint } from '../common/contract/endpoint.decorator.js';
import { notFound } from '../common/errors/app.exception.js';
import { ErrorCode } from '../common/errors/error-code.enum.js';
import { WORKFLOW_REGISTRY } from './workflow-registry.provider.js';
import { WorkflowKindParam, WorkflowListSchema } from './workflow.schemas.js';

@ApiTags('workflows')
@Controller('api/workflows')
export class WorkflowsController {
  constructor(@Inject(WORKFLOW_REGISTRY) private readonly registry: WorkflowRegistry) {}

  @Get()
  @Endpoint({
    operationId: 'listWorkflows',
    summary: "Each kind's current workflow definition: states, actions, who may act",
    success: { status: 200, description: 'One definition per kind', schema: WorkflowListSchema },
  })
  list() {
    return { items: this.registry.list().filter((d) => d === this.registry.latest(d.kind)).map(describeWorkflow) };
  }

  @Get(':kind/diagram')
  @Endpoint({
    operationId: 'getWorkflowDiagram',
    summary: 'The machine as a Mermaid stateDiagram-v2, generated from the definition',
    params: { kind: WorkflowKindParam },
    success: {
      status: 200,
      description: 'Mermaid source',
      text: { contentType: 'text/plain', example: 'stateDiagram-v2\n  [*] --> draft\n  draft --> endorsement: SUBMIT\n' },
    },
    errors: [ErrorCode.NOT_FOUND],
  })
  diagram(@Param('kind') kind: string, @Res({ passthrough: true }) res: Response): string {
    const definition = this.registry.latest(kind);
    if (!definition) throw notFound(`Workflow ${kind}`);
    // set here, not with @Header: that would also label the JSON error body text/plain
    res.type('text/plain; charset=utf-8');
    return renderMermaidStateDiagram(definition.machine);
  }
}
