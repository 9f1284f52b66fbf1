import { schema } from './001-schema.js';
import { quality } from './002-quality.js';
import { trustedformClaim } from './003-trustedform-claim.js';
import { touches } from './004-touches.js';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/**
 * Every migration, oldest first. A migration once released is never edited: a change is a new file
 * with the next version, so every database reaches the same schema by the same steps.
 */
export const MIGRATIONS: readonly Migration[] = [schema, quality, trustedformClaim, touches];
