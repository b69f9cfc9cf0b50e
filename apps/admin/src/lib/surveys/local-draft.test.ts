import { DEFAULT_SURVEY_DEFINITION } from '@rapport/contracts';
import { describe, expect, it } from 'vitest';
import {
  clearLocalDraft,
  localDraftKey,
  readLocalDraft,
  writeLocalDraft,
  type DraftStorage,
  type LocalDraft,
} from './local-draft';

function memoryStorage(): DraftStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

const draft: LocalDraft = {
  name: 'Support survey',
  definition: DEFAULT_SURVEY_DEFINITION,
  savedAt: '2025-03-01T10:00:00.000Z',
  baseUpdatedAt: '2025-02-28T09:00:00.000Z',
};

describe('local drafts', () => {
  it('keeps one draft per survey and reads it back', () => {
    const storage = memoryStorage();
    expect(writeLocalDraft(storage, 'a', draft)).toBe(true);
    expect(writeLocalDraft(storage, 'b', { ...draft, name: 'Other' })).toBe(true);
    expect(readLocalDraft(storage, 'a')).toEqual(draft);
    expect(readLocalDraft(storage, 'b')?.name).toBe('Other');
    expect(readLocalDraft(storage, 'c')).toBeNull();
    expect([...storage.items.keys()]).toEqual([localDraftKey('a'), localDraftKey('b')]);
  });

  it('clears a survey’s draft only', () => {
    const storage = memoryStorage();
    writeLocalDraft(storage, 'a', draft);
    writeLocalDraft(storage, 'b', draft);
    clearLocalDraft(storage, 'a');
    expect(readLocalDraft(storage, 'a')).toBeNull();
    expect(readLocalDraft(storage, 'b')).not.toBeNull();
  });

  it('restores unfinished work the schema would refuse', () => {
    const storage = memoryStorage();
    const unfinished: LocalDraft = {
      ...draft,
      definition: {
        ...draft.definition,
        questions: [{ id: 'choice', type: 'single_choice', text: {}, required: false, options: [] }],
      },
    };
    writeLocalDraft(storage, 'a', unfinished);
    expect(readLocalDraft(storage, 'a')).toEqual(unfinished);
  });

  it('removes an entry it cannot read instead of restoring it', () => {
    const storage = memoryStorage();
    storage.setItem(localDraftKey('a'), '{not json');
    storage.setItem(localDraftKey('b'), JSON.stringify({ name: 'x', definition: { questions: 'no' } }));
    storage.setItem(
      localDraftKey('c'),
      JSON.stringify({
        ...draft,
        definition: { ...draft.definition, questions: [{ id: 'x', type: 'slider' }] },
      }),
    );
    const [first] = draft.definition.questions;
    storage.setItem(
      localDraftKey('d'),
      JSON.stringify({ ...draft, definition: { ...draft.definition, questions: [first, first] } }),
    );
    for (const id of ['a', 'b', 'c', 'd']) expect(readLocalDraft(storage, id)).toBeNull();
    expect(storage.items.size).toBe(0);
  });

  it('says so when the browser refuses to keep it', () => {
    const full: DraftStorage = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    expect(writeLocalDraft(full, 'a', draft)).toBe(false);
  });
});
