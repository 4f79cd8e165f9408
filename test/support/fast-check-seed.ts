// Every fast-check property in `npm test` runs from the same seed as the robustness suites
// (support/env.ts): a test run is repeatable; `npm run soak` explores fresh seeds.
import fc from 'fast-check';
import { runSeed } from '../robustness/support/env';

fc.configureGlobal({ seed: runSeed() });
