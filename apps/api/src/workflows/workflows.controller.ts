import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { describeWorkflow, renderMermaidStateDiagram, type WorkflowRegistry } from '#workflow';
import { notFound } from '../common/errors/app.exception.js';
import { WORKFLOW_REGISTRY } from './workflow-registry.provider.js';

@ApiTags('workflows')
@ApiBearerAuth()
@Controller('api/workflows')
export class WorkflowsController {
  constructor(@Inject(WORKFLOW_REGISTRY) private readonly registry: WorkflowRegistry) {}

  @Get()
  @ApiOperation({ summary: "Each kind's current workflow definition: states, actions, who may act" })
  list() {
    return { items: this.registry.list().filter((d) => d === this.registry.latest(d.kind)).map(describeWorkflow) };
  }

  @Get(':kind/diagram')
  @ApiProduces('text/plain')
  @ApiOperation({ summary: 'The machine as a Mermaid stateDiagram-v2, generated from the definition' })
  diagram(@Param('kind') kind: string, @Res({ passthrough: true }) res: Response): string {
    const definition = this.registry.latest(kind);
    if (!definition) throw notFound(`Workflow ${kind}`);
    // set here, not with @Header: that would also label the JSON error body text/plain
    res.type('text/plain; charset=utf-8');
    return renderMermaidStateDiagram(definition.machine);
  }
}
