import type { Command } from 'commander';
import { intOption } from './options.ts';

export function registerReportCommands(program: Command): void {
  program
    .command('report')
    .description('reports')
    .command('clean-claims')
    .description(
      'scrub every encounter as the claim it would become today: the clean-claim rate and the findings by rule',
    )
    .option('--practice <id>', 'one practice (default: all)', intOption)
    .option('--json', 'print JSON')
    .action(async (opts: { practice?: number; json?: boolean }) => {
      const [{ cleanClaimReport }, { NcciCatalog }, { RULES }, { todayIso }, { withCatalog }] =
        await Promise.all([
          import('../claims/clean-claims.ts'),
          import('../scrubber/index.ts'),
          import('../scrubber/catalog.ts'),
          import('../shared/dates.ts'),
          import('./database.ts'),
        ]);
      await withCatalog(async (catalog, database) => {
        const ncci = new NcciCatalog(database);
        await ncci.reload();
        const practices = opts.practice
          ? [opts.practice]
          : (await database.sql.executeSql('select id from practice')).rows.map((r) => Number(r.id));
        const report = await cleanClaimReport(
          database.db,
          practices,
          { codes: catalog.codeChecker(), ncci: ncci.tables() },
          todayIso(),
        );
        if (opts.json) return console.log(JSON.stringify(report, null, 2));
        const pct = (n: number) => `${((n / Math.max(report.claims, 1)) * 100).toFixed(1)}%`;
        console.log(
          `encounters ${report.encounters}; claims ${report.claims} (${report.withoutCoverage} without a primary coverage in effect: self-pay)`,
        );
        console.log(
          `clean (no errors): ${report.clean} = ${pct(report.clean)}; with no findings at all: ${report.cleanNoWarnings} = ${pct(report.cleanNoWarnings)}`,
        );
        if (!catalog.loaded)
          console.log('code sets are not imported: codes were not checked (cleanclaim codesets import DIR)');
        console.log('\nrule                 severity  claims   share  title');
        for (const r of report.byRule) {
          console.log(
            `${r.code.padEnd(20)} ${r.severity.padEnd(9)} ${String(r.claims).padStart(6)} ${pct(r.claims).padStart(7)}  ${RULES[r.code as keyof typeof RULES]?.title ?? ''}`,
          );
        }
      });
    });
}
