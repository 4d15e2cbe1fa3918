import type { Command } from 'commander';
import { SPEC_PACKS, type PlacementSpec } from '../../../domain/placements';

/** `smart-resize specs`: the placement packs this build knows, with every figure's source and date. */
export function registerSpecsCommand(program: Command, setExitCode: (code: number) => void): void {
  program
    .command('specs')
    .description('List the placements (IAB, Google, Meta, ...) with their limits and where each figure comes from.')
    .option('--json', 'print the packs as one JSON document')
    .action((options: { json?: boolean }) => {
      process.stdout.write(options.json ? `${JSON.stringify({ packs: SPEC_PACKS }, null, 2)}\n` : specsText());
      setExitCode(0);
    });
}

function specsText(): string {
  const lines: string[] = [];
  for (const pack of SPEC_PACKS) {
    lines.push(`${pack.name} (pack "${pack.id}", version ${pack.version})`);
    for (const spec of pack.placements) lines.push(`  ${spec.id.padEnd(28)} ${describe(spec)}`);
    for (const missing of pack.notFound) lines.push(`  (not included) ${missing}`);
    const sources = [...new Map(pack.placements.flatMap((spec) => spec.sources).map((source) => [source.url, source])).values()];
    for (const source of sources) lines.push(`    source: ${source.url} (verified ${source.verified})`);
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}

function describe(spec: PlacementSpec): string {
  const size = `${spec.width}x${spec.height}${spec.aspectTolerance > 0 ? ` ±${spec.aspectTolerance * 100}%` : ''}`;
  const weight = spec.maxKB === null ? 'no known limit' : `≤ ${spec.maxKB} KB`;
  const zone = spec.safeZone ? `, safe zone ${spec.safeZone.top}/${spec.safeZone.right}/${spec.safeZone.bottom}/${spec.safeZone.left}${spec.safeZone.unit === 'percent' ? '%' : ' px'}` : '';
  const unverified = spec.unverified.length > 0 ? ` [unverified: ${spec.unverified.join('; ')}]` : '';
  return `${spec.name}: ${size}, ${weight}, ${spec.formats.join('/')}${zone}${unverified}`;
}
