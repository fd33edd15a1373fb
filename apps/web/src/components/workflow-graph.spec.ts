import { describe, expect, it } from '@jest/globals';
import { renderMermaidStateDiagram } from '@workflow/diagram/mermaid.renderer.js';
import { quickWinMachine } from '@workflow/machines/quick-win.machine.js';
import { regulationMachineV2 } from '@workflow/machines/regulation-v2.machine.js';
import { parseStateDiagram } from './workflow-graph';

describe('the workflow graph read from the Mermaid diagram the API serves', () => {
  it('Quick Win: every stage, the main line to completion, returns and withdrawals off it', () => {
    const g = parseStateDiagram(renderMermaidStateDiagram(quickWinMachine));
    expect(g.initial).toBe('draft');
    expect(g.mainLine).toEqual(['draft', 'endorsement', 'verification', 'approval', 'implementation', 'evaluation', 'completed']);
    expect(g.stages.map((s) => s.id).sort()).toEqual(['approval', 'completed', 'draft', 'endorsement', 'evaluation', 'implementation', 'rejected', 'revision', 'verification', 'withdrawn']);
    expect(g.stages.filter((s) => s.final).map((s) => s.id).sort()).toEqual(['completed', 'rejected', 'withdrawn']);
    expect(g.transitions).toContainEqual({ from: 'implementation', to: 'evaluation', action: 'COMPLETE', guard: 'hasProgressReport' });
    expect(g.transitions).toContainEqual({ from: 'implementation', to: 'implementation', action: 'REPORT_PROGRESS', guard: null });
  });

  it('regulation: the coordination stages as dotted states in their group, the parallel one marked, automatic transitions', () => {
    const g = parseStateDiagram(renderMermaidStateDiagram(regulationMachineV2));
    expect(g.groups).toEqual(['coordination']);
    expect(g.mainLine).toEqual([
      'draft', 'endorsement', 'legal_review', 'harmonization', 'facilitation',
      'coordination.agencies', 'coordination.assistant', 'coordination.secretary',
      'signature', 'promulgation', 'promulgated', 'published',
    ]);
    expect(g.stages.find((s) => s.id === 'coordination.agencies')).toEqual({ id: 'coordination.agencies', group: 'coordination', parallel: true, final: false });
    expect(g.stages.some((s) => s.id.includes('opd'))).toBe(false);
    expect(g.transitions).toContainEqual({ from: 'coordination.agencies', to: 'coordination.assistant', action: null, guard: 'ruleMet' });
    expect(g.transitions).toContainEqual({ from: 'coordination', to: 'withdrawn', action: 'WITHDRAW', guard: null });
  });
});
