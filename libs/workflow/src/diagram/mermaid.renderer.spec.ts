import { describe, expect, it } from '@jest/globals';
import { setup, type AnyStateMachine } from 'xstate';
import { getStateNodes, toDirectedGraph, type DirectedGraphEdge, type DirectedGraphNode } from 'xstate/graph';
import { quickWinMachine } from '../machines/quick-win.machine.js';
import { regulationMachine } from '../machines/regulation.machine.js';
import { regulationMachineV2 } from '../machines/regulation-v2.machine.js';
import { renderMermaidStateDiagram } from './mermaid.renderer.js';

const idOf = (node: { path: string[] }): string => node.path.join('__');

function allEdges(node: DirectedGraphNode): DirectedGraphEdge[] {
  return [...node.edges, ...node.children.flatMap(allEdges)];
}

function transitionLines(text: string): string[] {
  return text.split('\n').filter((line) => / --> .+ : /.test(line));
}

describe.each<[string, AnyStateMachine]>([
  ['quick-win', quickWinMachine],
  ['regulation', regulationMachine],
])('Mermaid diagram of %s', (_kind, machine) => {
  const text = renderMermaidStateDiagram(machine);

  it('is a stateDiagram-v2 starting in draft', () => {
    expect(text.startsWith('stateDiagram-v2\n')).toBe(true);
    expect(text).toContain('\n  [*] --> draft\n');
  });

  it('declares every state node of the machine', () => {
    const declared = text.split('\n').map((line) => line.trim());
    for (const node of getStateNodes(machine.root)) {
      const id = idOf(node);
      const declaration =
        node.type === 'compound' ? `state "${node.key}" as ${id} {` : node.path.length > 1 ? `state "${node.key}" as ${id}` : id;
      expect(declared).toContain(declaration);
    }
  });

  it('draws every transition of the machine graph once, and nothing else', () => {
    const edges = allEdges(toDirectedGraph(machine));
    const lines = transitionLines(text).map((line) => line.trim());
    expect(lines).toHaveLength(edges.length);
    for (const edge of edges) {
      const prefix = `${idOf(edge.source)} --> ${idOf(edge.target)} : ${edge.label.text}`;
      expect(lines.filter((line) => line === prefix || line.startsWith(`${prefix} [`))).toHaveLength(
        edges.filter((e) => e.source === edge.source && e.target === edge.target && e.label.text === edge.label.text).length,
      );
    }
  });

  it('ends every final state with --> [*]', () => {
    const finals = getStateNodes(machine.root).filter((node) => node.type === 'final');
    expect(finals.length).toBeGreaterThan(0);
    for (const node of finals) {
      expect(text).toContain(`${idOf(node)} --> [*]`);
    }
    expect(text.match(/--> \[\*\]/g)).toHaveLength(finals.length);
  });
});

describe('Mermaid nesting', () => {
  it('draws coordination as a composite state with its own initial state', () => {
    const text = renderMermaidStateDiagram(regulationMachine);
    expect(text).toContain(
      [
        '  state "coordination" as coordination {',
        '    [*] --> coordination__assistant',
        '    state "assistant" as coordination__assistant',
        '    state "secretary" as coordination__secretary',
        '  }',
      ].join('\n'),
    );
    expect(text).toContain('  harmonization --> coordination__assistant : RECORD_HARMONIZATION [isProvince]');
    expect(text).toContain('  harmonization --> facilitation : RECORD_HARMONIZATION [isRegencyOrCity]');
    expect(text).toContain('  coordination --> withdrawn : WITHDRAW');
    expect(text).toContain('  coordination__secretary --> signature : PARAF');
  });

  it('follows the machine, not a hand-written text', () => {
    const machine = setup({}).createMachine({
      id: 'toy',
      initial: 'a',
      states: {
        a: { on: { GO: 'b', STAY: {} } },
        b: { initial: 'x', states: { x: { on: { NEXT: 'y' } }, y: { type: 'final' } }, on: { BACK: 'a' } },
      },
    });
    expect(renderMermaidStateDiagram(machine)).toBe(
      [
        'stateDiagram-v2',
        '  [*] --> a',
        '  a',
        '  state "b" as b {',
        '    [*] --> b__x',
        '    state "x" as b__x',
        '    state "y" as b__y',
        '    b__y --> [*]',
        '  }',
        '  a --> b : GO',
        '  a --> a : STAY',
        '  b__x --> b__y : NEXT',
        '  b --> a : BACK',
        '',
      ].join('\n'),
    );
  });
});

describe('Mermaid diagram of regulation v2', () => {
  const text = renderMermaidStateDiagram(regulationMachineV2);

  it('draws coordination.agencies as concurrent regions, one per OPD concerned, each answering PARAF or RETURN', () => {
    const block = text.slice(text.indexOf('state "agencies (paralel per OPD terkait)" as coordination__agencies {'));
    const body = block.slice(0, block.indexOf('\n    }\n'));
    expect(body).toContain('\n      --\n');
    expect(body).toContain('coordination__agencies__opd_1 --> [*] : PARAF / RETURN');
    expect(body).toContain('coordination__agencies__opd_n --> [*] : PARAF / RETURN');
    expect(text).not.toContain('coordination__agencies --> coordination__agencies');
  });

  it('draws how the stage is entered and how its completion rule lets it go', () => {
    for (const edge of [
      'harmonization --> coordination__agencies : RECORD_HARMONIZATION [isProvinceWithCoordination]',
      'facilitation --> coordination__agencies : FACILITATE [hasCoordination]',
      'coordination__agencies --> coordination__assistant : [ruleMet]',
      'coordination__agencies --> revision : [participantReturned]',
      'coordination__agencies --> revision : [ruleUnreachable]',
      'coordination__agencies --> withdrawn : WITHDRAW',
    ]) {
      expect(text).toContain(`\n  ${edge}\n`);
    }
  });
});
