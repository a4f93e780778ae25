import { z } from 'zod';

/** A task as the API shows it: progress, the stage as a code with its figures, and the outcome. */
export const taskViewSchema = z
  .object({
    id: z.string(),
    kind: z.string(),
    status: z.enum(['queued', 'running', 'done', 'failed']),
    progress: z.number(),
    stage: z
      .object({ code: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])) })
      .nullable()
      .describe('What is being done: a code (readingIncidents, emIteration, importRows, allocating, …) and its figures'),
    result: z.unknown(),
    error: z.object({ type: z.string(), title: z.string(), detail: z.string().optional(), field: z.string().optional() }).nullable(),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: 'Task' });
