// The project's shared data (the real digest, the BibTeX corpus) is read in place from
// ../shared beside the checkout; SHEAF_SHARED names it when the checkout is elsewhere
// (.ci/run sets it for a clone made away from the original).
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPOSITORY = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export const SHARED_FOLDER = process.env.SHEAF_SHARED
  ? path.resolve(process.env.SHEAF_SHARED)
  : path.resolve(REPOSITORY, '../shared');

export const sharedPath = (...parts: string[]): string => path.join(SHARED_FOLDER, ...parts);
