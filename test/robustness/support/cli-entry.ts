// The `sheaf` command line as one esbuild bundle (see child-bundle.ts): the same main()
// as bin/sheaf.js, started in about a tenth of the time tsx needs.
import { main } from '../../../src/main/cli/main';

process.exitCode = await main(process.argv.slice(2));
