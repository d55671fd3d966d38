import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

/**
 * One lesson = one MDX file per locale, with the same file name in `content/lessons/en/` and
 * `content/lessons/ko/`. The shared file name is what lets the language switch keep the learner on
 * the same lesson, and what the parity test compares.
 */
const lessons = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: './content/lessons' }),
  schema: z.object({
    title: z.string().min(1),
    /** One or two sentences for the course outline, search results and the meta description. */
    summary: z.string().min(1),
    /** Position in the course, 1-based; the same in both locales. */
    order: z.number().int().positive(),
    /** Estimated minutes to read and do the lesson. */
    duration: z.number().int().positive(),
    objectives: z.array(z.string().min(1)).min(1),
    /** Whether the lesson embeds a lab (used for the outline badge and the bench). */
    lab: z.boolean().default(false),
    /** A challenge is labelled as such in the outline instead of with its number. */
    challenge: z.boolean().default(false),
    /** Extra search terms that the text may not spell out. */
    keywords: z.array(z.string()).default([]),
    /** Official documentation to read next, shown at the end of the lesson. */
    furtherReading: z.array(z.object({ title: z.string().min(1), url: z.url() })).default([]),
  }),
});

export const collections = { lessons };
