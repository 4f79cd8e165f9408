import { describe, expect, it } from 'vitest';
import { contract } from '../../../src/shared/contract/methods';
import { EVENT_NAMES, METHOD_NAMES } from '../../../src/shared/contract/names';
import { handlers } from '../../../src/main/api/handlers';

describe('the API contract', () => {
  it('names exactly the methods that have schemas', () => {
    expect([...METHOD_NAMES].sort()).toEqual(Object.keys(contract).sort());
    expect(new Set(METHOD_NAMES).size).toBe(METHOD_NAMES.length);
  });

  it('has exactly one handler per method, and no handler outside it', () => {
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(contract).sort());
    for (const name of METHOD_NAMES) expect(typeof handlers[name]).toBe('function');
  });

  it('declares its events', () => {
    expect(EVENT_NAMES).toContain('library.changed');
    expect(EVENT_NAMES).toContain('import.progress');
  });
});
