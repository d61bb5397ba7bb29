import type { Transaction } from 'better-sqlite3';
import type { z } from 'zod';
import { ApiError, invalidInput } from '../../shared/api/errors';
import { ENTITY_NOUNS, type AuditAction, type AuditEntity } from '../../shared/domain/audit';
import { diffRecords } from '../../shared/domain/changes';
import { keepingChainEnd, undoingChainEnd, writeAudit, type AuditContext, type Change } from './audit';
import type { Db } from './database';

/** What a write needs: the open file and who is making the change. */
export interface WriteContext extends AuditContext {
  db: Db;
  readOnly?: boolean;
}

/**
 * The one door for changing a data file. `BEGIN IMMEDIATE` takes the write lock before anything is
 * read, so the "before" each change is judged and audited against cannot be changed by another
 * writer in between; a second writer waits (busy timeout) instead of failing half-way.
 */
export function write<T>(ctx: WriteContext, work: () => T): T {
  const { db } = writable(ctx);
  const run = runnerOf(db);
  if (db.inTransaction) {
    const whole = wholeWrites.get(db);
    if (whole) return joinWhole(whole, work);
    // Inside another write the work simply joins it (better-sqlite3 makes it a savepoint).
    return undoingChainEnd(db, () => run(work) as T);
  }
  return keepingChainEnd(db, () => run.immediate(work) as T);
}

/**
 * A write made entirely or not at all (an import): a write inside it joins it without a savepoint of
 * its own, and if one fails, even one whose failure is caught, the whole write fails with it. A
 * savepoint lets a failed part be taken back alone, which such a write never does, and SQLite keeps
 * a copy of every page changed under one: 1.5 ms of an import of 650 schools.
 */
export function writeWhole<T>(ctx: WriteContext, work: () => T): T {
  const { db } = writable(ctx);
  // Inside another write it is a part of that one, as any write is.
  if (db.inTransaction) return write(ctx, work);
  const whole: WholeWrite = { failure: null };
  wholeWrites.set(db, whole);
  try {
    return keepingChainEnd(
      db,
      () =>
        runnerOf(db).immediate(() => {
          const done = work();
          if (whole.failure) throw whole.failure.error;
          return done;
        }) as T,
    );
  } finally {
    wholeWrites.delete(db);
  }
}

function writable(ctx: WriteContext): WriteContext {
  if (ctx.readOnly)
    throw new ApiError({
      code: 'read_only',
      message: 'This file is open read-only, so nothing can be changed.',
    });
  return ctx;
}

/** A whole write under way, and the first failure of a part of it, which fails it all. */
interface WholeWrite {
  failure: { error: unknown } | null;
}
const wholeWrites = new WeakMap<Db, WholeWrite>();

function joinWhole<T>(whole: WholeWrite, work: () => T): T {
  try {
    return work();
  } catch (error) {
    whole.failure ??= { error };
    throw error;
  }
}

type Runner = Transaction<(work: () => unknown) => unknown>;
const runners = new WeakMap<Db, Runner>();

/**
 * One transaction function per file, handed each write's work: better-sqlite3 builds four wrapped
 * functions for every `transaction()` call, and an import's write holds a nested write per record.
 */
function runnerOf(db: Db): Runner {
  let runner = runners.get(db);
  if (!runner) runners.set(db, (runner = db.transaction((work: () => unknown) => work())));
  return runner;
}

/**
 * How one kind of record is stored: its SQL (in the area's data file), its field rules and labels
 * (from shared/), and how it reads in the record of changes.
 */
export interface RecordTable<Row extends { id: number }, Draft> {
  entity: AuditEntity;
  /** The shared field rules every draft meets, whoever sends it. */
  rules: z.ZodType<Draft>;
  labels: Record<string, string>;
  get(db: Db, id: number): Row | undefined;
  insert(db: Db, draft: Draft): number;
  update(db: Db, id: number, draft: Draft): void;
  /** Records that can be deleted in error have these two; the others are closed or corrected. */
  remove?(db: Db, id: number): void;
  /** Puts a deleted record back with its own id, children included. */
  restore?(db: Db, row: Row): void;
  /** The record as labelled text, the words of its audit entries. */
  describe(row: Row): Record<string, string | null>;
  schoolOf(row: Row): number | null;
  /** Names the record in messages and summaries: "SIP visit of 04/09/2008". */
  title(row: Row): string;
}

export function notFound(entity: AuditEntity, id: number): ApiError {
  return new ApiError({ code: 'not_found', message: `There is no ${ENTITY_NOUNS[entity]} ${id}.` });
}

/** Refuses a draft that breaks the shared field rules, naming each field. */
export function checkRules<Draft>(
  table: { rules: z.ZodType<Draft>; labels: Record<string, string> },
  draft: unknown,
): Draft {
  const parsed = table.rules.safeParse(draft);
  if (!parsed.success) throw new ApiError(invalidInput(parsed.error, table.labels));
  return parsed.data;
}

export interface SaveOptions<Row> {
  /** Rules that need the file (a clash with another record, a person who must exist…). */
  check?: (before: Row | undefined) => void;
  summary?: (after: Row, before: Row | undefined) => string;
  /** What the record of changes calls this save when it is more than an add or edit: an import. */
  action?: AuditAction;
  /**
   * The record as it stood when this write began, where an earlier step of the same write has
   * already moved it (an import moving numbers aside): the audit compares with this.
   */
  stoodBefore?: Row;
}

/**
 * Adds a record (no id) or corrects one (its id): the before-state is read inside the write lock, an
 * unknown id is refused, the shared rules run, and the audit entry keeps every changed field and the
 * whole record before and after. A correction that changes nothing writes nothing.
 */
export function saveRecord<Row extends { id: number }, Draft>(
  ctx: WriteContext,
  table: RecordTable<Row, Draft>,
  id: number | undefined,
  rawDraft: Draft,
  options: SaveOptions<Row> = {},
): Row {
  return write(ctx, () => {
    const before = id === undefined ? undefined : (options.stoodBefore ?? table.get(ctx.db, id));
    if (id !== undefined && !before) throw notFound(table.entity, id);
    const draft = checkRules(table, rawDraft);
    options.check?.(before);
    const savedId = id ?? table.insert(ctx.db, draft);
    if (id !== undefined) table.update(ctx.db, id, draft);
    const after = table.get(ctx.db, savedId)!;
    const changes = diffRecords(before ? table.describe(before) : null, table.describe(after));
    if (before && changes.length === 0) return after;
    audit(ctx, table, options.action ?? (before ? 'edit' : 'add'), after, changes, {
      summary:
        options.summary?.(after, before) ??
        `${before ? 'Corrected the' : 'Recorded a'} ${table.title(after)}`,
      before,
      after,
    });
    return after;
  });
}

/**
 * A change that is not a correction of the draft — a decision, a closure — made the same checked
 * way: the before-state read inside the lock, an unknown id refused, every changed field audited.
 */
export function changeRecord<Row extends { id: number }, Draft>(
  ctx: WriteContext,
  table: RecordTable<Row, Draft>,
  id: number,
  action: AuditAction,
  apply: (before: Row) => void,
  summary: (after: Row, before: Row) => string,
): Row {
  return write(ctx, () => {
    const before = table.get(ctx.db, id);
    if (!before) throw notFound(table.entity, id);
    apply(before);
    const after = table.get(ctx.db, id)!;
    const changes = diffRecords(table.describe(before), table.describe(after));
    if (changes.length === 0) return after;
    audit(ctx, table, action, after, changes, { summary: summary(after, before), before, after });
    return after;
  });
}

/** Deletes a record entered in error; its audit entry keeps every field, so it can be restored. */
export function deleteRecord<Row extends { id: number }, Draft>(
  ctx: WriteContext,
  table: RecordTable<Row, Draft>,
  id: number,
  check?: (before: Row) => void,
): { auditId: number } {
  return write(ctx, () => {
    const before = table.get(ctx.db, id);
    if (!before) throw notFound(table.entity, id);
    check?.(before);
    if (!table.remove)
      throw new ApiError({ code: 'rejected', message: `A ${ENTITY_NOUNS[table.entity]} cannot be deleted.` });
    table.remove(ctx.db, id);
    const changes = Object.entries(table.describe(before))
      .filter(([, value]) => value !== null)
      .map(([field, value]) => ({ field, before: value, after: null }));
    const auditId = audit(ctx, table, 'delete', before, changes, {
      summary: `Deleted the ${table.title(before)}`,
      before,
    });
    return { auditId };
  });
}

/** Puts back a record as its deletion's audit entry kept it, with its own id. */
export function restoreRecord<Row extends { id: number }, Draft>(
  ctx: WriteContext,
  table: RecordTable<Row, Draft>,
  row: Row,
): Row {
  return write(ctx, () => {
    if (table.get(ctx.db, row.id))
      throw new ApiError({ code: 'conflict', message: `The ${table.title(row)} is already back.` });
    if (!table.restore)
      throw new ApiError({
        code: 'rejected',
        message: `A ${ENTITY_NOUNS[table.entity]} cannot be restored.`,
      });
    table.restore(ctx.db, row);
    const after = table.get(ctx.db, row.id)!;
    const changes = diffRecords(null, table.describe(after));
    audit(ctx, table, 'restore', after, changes, { summary: `Restored the ${table.title(after)}`, after });
    return after;
  });
}

function audit<Row extends { id: number }, Draft>(
  ctx: WriteContext,
  table: RecordTable<Row, Draft>,
  action: AuditAction,
  row: Row,
  changes: Change[],
  extra: { summary: string; before?: Row | undefined; after?: Row | undefined },
): number {
  return writeAudit(ctx.db, ctx, {
    entity: table.entity,
    entityId: row.id,
    schoolId: table.schoolOf(row),
    action,
    changes,
    ...extra,
  });
}
