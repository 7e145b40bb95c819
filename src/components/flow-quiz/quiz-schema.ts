import { z } from 'astro/zod';

/** The props `<FlowQuiz>` accepts. */
export const quizSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'use lower-case words joined by dashes'),
  questions: z
    .array(
      z.object({
        statement: z.string().min(1).max(200),
        answer: z.enum(['old', 'new']),
        /** Why: shown after any answer, so a wrong guess still teaches. */
        why: z.string().min(1).max(300),
      }),
    )
    .min(1)
    .max(10),
});

export type QuizProps = z.input<typeof quizSchema>;
