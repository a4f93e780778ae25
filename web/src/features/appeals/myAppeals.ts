import { useCallback, useSyncExternalStore } from 'react';
import type { AppealKind } from '../../api/appeals.contract';
import type { LocalizedText } from '../../api/types';

/**
 * The appeals this browser filed (or opened with their key): the tracking code and the resident's
 * secret key, kept only in this browser so that the resident can rate or contest the answer later.
 */
export interface MyAppeal {
  code: string;
  key: string;
  savedAt: string;
  kind?: AppealKind;
  category?: { code: string; name: LocalizedText };
  /** The trust-survey link the server gave after the rating (it is given once). */
  surveyUrl?: string;
}

const STORAGE_KEY = 'openbeat.appeals.mine';
const SUPPORTED_KEY = 'openbeat.appeals.supported';
const MAX_KEPT = 50;

const listeners = new Set<() => void>();
let snapshot: { raw: string | null; mine: MyAppeal[] } = { raw: null, mine: [] };

function read(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: unknown): void {
  try {
    window.localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // storage is full or disabled (private mode): the receipt still shows the code and key
  }
  for (const l of listeners) l();
}

function isMyAppeal(value: unknown): value is MyAppeal {
  return typeof value === 'object' && value !== null && typeof (value as MyAppeal).code === 'string' && typeof (value as MyAppeal).key === 'string';
}

function parse(raw: string | null): MyAppeal[] {
  if (!raw) return [];
  try {
    const value: unknown = JSON.parse(raw);
    return Array.isArray(value) ? value.filter(isMyAppeal) : [];
  } catch {
    return [];
  }
}

function getSnapshot(): MyAppeal[] {
  const raw = read(STORAGE_KEY);
  if (raw !== snapshot.raw) snapshot = { raw, mine: parse(raw) };
  return snapshot.mine;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === STORAGE_KEY || event.key === SUPPORTED_KEY) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

/** Codes compare as the server writes them (upper case, dashes). */
export const sameCode = (a: string, b: string) => a.replace(/[\s-]/g, '').toUpperCase() === b.replace(/[\s-]/g, '').toUpperCase();

export function saveMyAppeal(entry: Omit<MyAppeal, 'savedAt'> & { savedAt?: string }): void {
  const mine = getSnapshot();
  const existing = mine.find((m) => sameCode(m.code, entry.code));
  const merged: MyAppeal = { ...existing, ...entry, savedAt: entry.savedAt ?? existing?.savedAt ?? new Date().toISOString() };
  write(STORAGE_KEY, [merged, ...mine.filter((m) => !sameCode(m.code, entry.code))].slice(0, MAX_KEPT));
}

export function updateMyAppeal(code: string, patch: Partial<MyAppeal>): void {
  write(
    STORAGE_KEY,
    getSnapshot().map((m) => (sameCode(m.code, code) ? { ...m, ...patch } : m)),
  );
}

export function forgetMyAppeal(code: string): void {
  write(
    STORAGE_KEY,
    getSnapshot().filter((m) => !sameCode(m.code, code)),
  );
}

export function useMyAppeals() {
  const mine = useSyncExternalStore(subscribe, getSnapshot, getEmpty);
  const find = useCallback((code: string) => mine.find((m) => sameCode(m.code, code)), [mine]);
  return { mine, find };
}

// Proposals this browser supported: only to say so on the button (the server counts once per contact).
let supportedSnapshot: { raw: string | null; codes: string[] } = { raw: null, codes: [] };
function getSupported(): string[] {
  const raw = read(SUPPORTED_KEY);
  if (raw !== supportedSnapshot.raw) {
    let codes: string[] = [];
    try {
      const value: unknown = raw ? JSON.parse(raw) : [];
      codes = Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
    } catch {
      codes = [];
    }
    supportedSnapshot = { raw, codes };
  }
  return supportedSnapshot.codes;
}

export function markSupported(code: string): void {
  const codes = getSupported();
  if (!codes.some((c) => sameCode(c, code))) write(SUPPORTED_KEY, [code, ...codes].slice(0, 500));
}

export function useSupported(code: string): boolean {
  const codes = useSyncExternalStore(subscribe, getSupported, getEmptyCodes);
  return codes.some((c) => sameCode(c, code));
}

const EMPTY: MyAppeal[] = [];
const EMPTY_CODES: string[] = [];
function getEmpty(): MyAppeal[] {
  return EMPTY;
}
function getEmptyCodes(): string[] {
  return EMPTY_CODES;
}
