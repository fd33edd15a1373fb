import { summaryBatchSize } from './summary-batch-size.js';

describe('summaryBatchSize', () => {
  it('reads what is missing at first, and while every candidate judged was a task', () => {
    expect(summaryBatchSize(50, 0, 0)).toBe(50);
    expect(summaryBatchSize(7, 43, 43)).toBe(7);
  });

  it('reads as many more as the share of tasks among those judged says are needed', () => {
    expect(summaryBatchSize(25, 50, 25)).toBe(50);
    expect(summaryBatchSize(10, 30, 20)).toBe(15);
    expect(summaryBatchSize(1, 3, 2)).toBe(2);
  });

  it('reads at most four candidates per missing task, also when none judged so far was a task', () => {
    expect(summaryBatchSize(50, 50, 0)).toBe(200);
    expect(summaryBatchSize(10, 100, 1)).toBe(40);
  });
});
