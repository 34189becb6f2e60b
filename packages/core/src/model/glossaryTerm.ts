import { z } from 'zod';
import { anyKeySchema, idSchema, textSchema, titleSchema } from './common.js';

/** A business term beside its technical counterpart, shown in hovers and cards. */
export const glossaryTermSchema = z.object({
  id: idSchema,
  businessTerm: titleSchema,
  technicalTerm: titleSchema,
  definition: textSchema,
  relatedKeys: z.array(anyKeySchema, { invalid_type_error: 'must be a list of keys' }).optional(),
});

/** A shared glossary entry. */
export type GlossaryTerm = z.infer<typeof glossaryTermSchema>;
