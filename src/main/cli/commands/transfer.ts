// import, export, list.
import path from 'node:path';
import type { Command } from 'commander';
import type { ExportScope } from '../../../shared/results';
import type { SortSpec, ViewSpec } from '../../../shared/views';
import type { LibraryHost } from '../../api/host';
import { utf8Blocks, writeFileAtomic } from '../../core/files/atomic-write';
import { writeCslRecord } from '../../core/formats/csl/csl-write-record';
import { resolveCollectionPath } from '../../core/library/collections';
import { BindingWriter } from '../../core/service/bindings';
import { exportChunks, withRelations } from '../../core/service/exporting';
import { commitImport, parseInput } from '../../core/service/importing';
import { call, CliError, EXIT, itemId, printJson, readInput, withHost, type GlobalOptions } from '../runtime';

const globals = (command: Command) => command.optsWithGlobals<GlobalOptions>();

interface ImportOptions {
  format?: string;
  collection?: string;
  year?: string;
  json?: boolean;
}

interface ScopeOptions {
  collection?: string;
  digest?: string;
  search?: string;
  items?: string[];
}

function collectionId(host: LibraryHost, collectionPath: string): number {
  return resolveCollectionPath(host.library.db, collectionPath, { create: false, now: host.library.now() });
}

function exportScope(host: LibraryHost, options: ScopeOptions): ExportScope {
  const chosen = [options.collection, options.digest, options.search, options.items].filter(
    (o) => o !== undefined,
  );
  if (chosen.length > 1)
    throw new CliError('Choose one of --collection, --digest, --search, --items.', EXIT.usage);
  if (options.collection) return { kind: 'collection', id: collectionId(host, options.collection) };
  if (options.digest) return { kind: 'digest', id: Number(options.digest) };
  if (options.search !== undefined) return { kind: 'search', query: options.search };
  if (options.items) return { kind: 'items', ids: options.items.map((key) => itemId(host, key)) };
  return { kind: 'library' };
}

function parseSort(text: string | undefined): SortSpec {
  if (!text) return { field: 'added', direction: 'asc' };
  const [field, direction] = text.split(':');
  return { field: field as SortSpec['field'], direction: direction === 'desc' ? 'desc' : 'asc' };
}

/** CSL-JSON with Sheaf's own data: the documented `list --json` / `export --format csl-json` shape. */
function cslItems(host: LibraryHost, ids: number[]): unknown[] {
  return withRelations(host.library, ids).map((item) => writeCslRecord(item));
}

export function registerTransferCommands(program: Command): void {
  program
    .command('import')
    .argument('<file>', 'a file, or - for standard input')
    .description('import a digest, BibTeX/BibLaTeX, RIS, CSL-JSON or feed file (format detected)')
    .option('--format <id>', 'auto, or a format id (see `sheaf formats`)', 'auto')
    .option(
      '--collection <path>',
      'also add the items to this collection ("Parent/Child"; created if missing)',
    )
    .option('--year <year>', 'year of a digest whose dates have none')
    .option('--json', 'print a JSON report')
    .action(async (file: string, options: ImportOptions, command: Command) => {
      await withHost(globals(command), async (host) => {
        const bytes = readInput(file);
        const year = options.year ? Number(options.year) : undefined;
        if (year !== undefined && !(Number.isInteger(year) && year >= 1000 && year <= 9999)) {
          throw new CliError('--year takes a four-digit year.', EXIT.usage);
        }
        const { format, result } = parseInput(
          { bytes, ...(file !== '-' ? { name: path.basename(file) } : {}) },
          { ...(options.format ? { format: options.format } : {}), ...(year ? { yearHint: year } : {}) },
        );
        if (result.records.length === 0) {
          const report = {
            added: 0,
            duplicates: 0,
            updated: 0,
            skipped: 0,
            errors: result.errors,
            warnings: result.warnings,
            format: format.id,
          };
          if (options.json) printJson(report);
          const first = result.errors[0];
          throw new CliError(
            first
              ? `${file}:${first.line}:${first.column}: ${first.message}`
              : `${file}: no records found (${format.label}).`,
          );
        }
        const session = host.imports.add(format, result);
        const report = await commitImport(host.library, session, {
          ...(options.collection ? { collectionPath: options.collection } : {}),
        });
        if (options.json) return printJson(report);
        process.stdout.write(
          `Imported ${format.label}${report.encoding ? ` (${report.encoding})` : ''}: ${report.added} added, ` +
            `${report.duplicates} already in the library, ${report.updated} updated.\n`,
        );
        if (report.digest) {
          process.stdout.write(
            `Digest "${report.digest.title}"${report.digest.date ? ` dated ${report.digest.date}` : ''}.\n`,
          );
        }
        for (const issue of report.errors)
          process.stderr.write(`${file}:${issue.line}:${issue.column}: error: ${issue.message}\n`);
        for (const issue of report.warnings)
          process.stderr.write(`${file}:${issue.line}:${issue.column}: warning: ${issue.message}\n`);
      });
    });

  program
    .command('export')
    .description('export items (the library, a collection, a digest, a search or named items)')
    .option(
      '--format <id>',
      'csl-json, bibtex, biblatex, ris, digest-txt, digest-md, digest-html',
      'csl-json',
    )
    .option('--collection <path>', 'a collection ("Parent/Child")')
    .option('--digest <id>', 'a digest id (see `sheaf list --json`)')
    .option('--search <query>', 'items matching a quick search')
    .option('--items <keys...>', 'items by citation key')
    .option('--unicode', 'BibTeX: write UTF-8 instead of LaTeX commands')
    .option('--output <file>', 'write to a file (atomically) instead of standard output')
    .option('--watch', 'keep the --output file updated as the library changes (BibTeX/BibLaTeX)')
    .action(
      async (
        options: ScopeOptions & { format: string; output?: string; watch?: boolean; unicode?: boolean },
        command: Command,
      ) => {
        if (options.watch) return watchExport(globals(command), options);
        await withHost(
          globals(command),
          (host) => {
            const scope = exportScope(host, options);
            const unicode = options.unicode ? { unicode: true } : {};
            const { chunks } = exportChunks(host.library, scope, options.format, unicode);
            if (options.output) writeFileAtomic(options.output, chunks);
            // A copy of each block: the stream may still hold it when the next is filled.
            else for (const block of utf8Blocks(chunks)) process.stdout.write(Buffer.from(block));
          },
          { readsOnceThrough: true },
        );
      },
    );

  program
    .command('list')
    .description('list items')
    .option('--collection <path>', 'only this collection')
    .option('--digest <id>', 'only this digest, in its order')
    .option('--tag <name>', 'only items with this tag')
    .option('--trash', 'the trash')
    .option('--search <query>', 'quick search')
    .option('--sort <field[:desc]>', 'title, creators, date, container, citekey, added, modified, position')
    .option('--limit <n>', 'at most n items', '100')
    .option('--offset <n>', 'skip n items', '0')
    .option('--json', 'print CSL-JSON (with Sheaf data under "sheaf")')
    .action(
      async (
        options: ScopeOptions & {
          tag?: string;
          trash?: boolean;
          sort?: string;
          limit: string;
          offset: string;
          json?: boolean;
        },
        command: Command,
      ) => {
        await withHost(globals(command), async (host) => {
          const view: ViewSpec = options.collection
            ? { kind: 'collection', id: collectionId(host, options.collection) }
            : options.digest
              ? { kind: 'digest', id: Number(options.digest) }
              : options.tag
                ? { kind: 'tags', names: [options.tag] }
                : options.trash
                  ? { kind: 'trash' }
                  : { kind: 'library' };
          const sort = options.sort
            ? parseSort(options.sort)
            : view.kind === 'digest'
              ? ({ field: 'position', direction: 'asc' } as const)
              : parseSort(undefined);
          const ids = await call(host, 'items.ids', {
            view,
            ...(options.search ? { search: options.search } : {}),
            sort,
            offset: Number(options.offset),
            limit: Number(options.limit),
          });
          if (options.json) return printJson(cslItems(host, ids));
          const rows = host.library.lists.rows(ids, []);
          for (const row of rows) {
            process.stdout.write(
              `${row.citekey}\t${row.date?.slice(0, 4) ?? ''}\t${row.creators}\t${row.title.replace(/\s+/g, ' ')}\n`,
            );
          }
        });
      },
    );

  program
    .command('formats')
    .description('list the import and export formats')
    .action(async (_: unknown, command: Command) => {
      await withHost(globals(command), async (host) => {
        process.stdout.write('Import:\n');
        for (const f of await call(host, 'import.formats', {}))
          process.stdout.write(`  ${f.id.padEnd(14)} ${f.label}\n`);
        process.stdout.write('Export:\n');
        for (const f of await call(host, 'export.formats', {}))
          process.stdout.write(`  ${f.id.padEnd(14)} ${f.label}\n`);
      });
    });
}

/** `export --watch`: rewrite the file whenever the library changes, until interrupted. */
async function watchExport(
  globalOptions: GlobalOptions,
  options: ScopeOptions & { format: string; output?: string },
): Promise<void> {
  if (!options.output) throw new CliError('--watch needs --output FILE.', EXIT.usage);
  if (options.format !== 'bibtex' && options.format !== 'biblatex') {
    throw new CliError('--watch keeps BibTeX or BibLaTeX files updated.', EXIT.usage);
  }
  const format = options.format;
  const output = options.output;
  await withHost(globalOptions, async (host) => {
    const scope = exportScope(host, options);
    const writer = new BindingWriter();
    let last: string | undefined;
    const write = () => {
      const text = writer.render(host.library, scope, format);
      if (text === last) return;
      writeFileAtomic(output, text);
      last = text;
      process.stderr.write(`${new Date().toISOString()} wrote ${output}\n`);
    };
    write();
    host.library.on(() => write());
    host.library.watch(500);
    // The library's poll timer does not hold the process open; this does, until a signal.
    const keepAlive = setInterval(() => {}, 60_000);
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    clearInterval(keepAlive);
  });
}
