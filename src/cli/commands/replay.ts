/**
 * `qmcsim replay --device PRESET --trace FILE [--json] [--seed N]`: replays a device-level trace
 * (qmcsim text/binary or Ramulator 2 LD/ST, plain or gzip, docs/trace-format.md) on a device
 * preset and prints bandwidth, latency percentiles, row-buffer outcomes, energy and bit-error statistics.
 * Unknown preset, malformed trace line (file:line:col) or a trace without accesses → one line naming
 * the problem, exit 2.
 */
import { statSync } from 'node:fs';
import type { Command } from 'commander';
import { isUserError, UserError } from '../errors.js';
import { out } from '../io.js';
import { resolveCatalogEntry, runReplay, UnknownPresetError } from '../../devices/trace-replay/run-replay.js';
import { EmptyTraceError, TraceParseError } from '../../devices/trace-replay/trace-cursor.js';
import { traceFormats, type TraceFormat } from '../../devices/trace-replay/open-trace.js';
import { formatReplayJson, formatReplayText } from '../../devices/trace-replay/format-report.js';
import { bitFlipAccessNoise, type AccessNoise } from '../../devices/noise/access-noise.js';
import { accessNoiseFor, noisePresets } from '../../devices/noise/models.js';
import { suggest } from '../../config/did-you-mean.js';
import { catalogEntryFromSpec, deviceCatalog, type DeviceCatalogEntry, type DeviceSpec } from '../../devices/index.js';
import { loadConfig } from '../../config/load.js';
import { checkDeviceEntries } from '../../devices/presets/check-entries.js';
import { devicesKindSchema } from '../../config/builtin-kinds.js';

/** '; ids: a, b' of a devices file that loads, else nothing (its own errors come when it is used). */
function idList(file: string): string {
  try {
    const devices = (loadConfig(file, devicesKindSchema(), { kind: 'devices' }).value as { devices: DeviceSpec[] }).devices;
    return `; ids in ${file}: ${devices.map((d, i) => d.id ?? `#${i}`).join(', ')}`;
  } catch {
    return '';
  }
}

/** `--device` is a preset name, or `FILE.yaml[#id]` naming an entry of a `kind: devices` file. */
function deviceFrom(arg: string): string | DeviceCatalogEntry {
  // FILE.yaml[#ID], or any existing file (a devices file without the extension); '#' with no ID lists the ids
  const hash = arg.lastIndexOf('#');
  const path = hash >= 0 ? arg.slice(0, hash) : arg;
  const named = /\.ya?ml$/.test(path) || statSync(path, { throwIfNoEntry: false })?.isFile() === true;
  const m = named ? [arg, path, hash >= 0 ? arg.slice(hash + 1) : undefined] as const : null;
  if (m === null) return arg;
  const file = m[1];
  if (m[2] === '') throw new UserError(`qmcsim replay: --device ${arg}: expected FILE#ID with an id after '#'${idList(file)}`);
  const loaded = loadConfig(file, devicesKindSchema(), { kind: 'devices' });
  const devices = (loaded.value as { devices: DeviceSpec[] }).devices;
  const ids = devices.map((d, i) => d.id ?? `#${i}`);
  let index = -1;
  if (m[2] !== undefined) index = devices.findIndex((d) => d.id === m[2]);
  else if (devices.length === 1) index = 0;
  const spec = devices[index];
  if (spec === undefined) {
    throw new UserError(`qmcsim replay: ${file}: ${m[2] !== undefined ? `no device with id '${m[2]}'` : 'several devices'}; use --device ${file}#ID with ID one of ${ids.join(', ')}`);
  }
  // A combination no single key's check sees (LPDDR5 bankMode 16B at 6400 MT/s, ReRAM iterationsMax <
  // iterationsMin) is located at the key, as `validate` reports it; the entry built there is used.
  const built = checkDeviceEntries(devices, file, loaded.sources, index)[index];
  if (built !== undefined) return built;
  try { // another plug-in's device type: built here
    return catalogEntryFromSpec(spec);
  } catch (e) {
    throw new UserError(`qmcsim replay: ${file}: ${(e as Error).message}`);
  }
}

interface ReplayCliOptions {
  readonly device: string;
  readonly trace: string;
  readonly json?: boolean;
  readonly seed: string;
  readonly format: string;
  readonly maxOutstanding: string;
  readonly postedWrites: boolean;
  readonly bitErrorRate?: string;
  readonly noise?: string;
}

function intOption(name: string, v: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const n = Number(v);
  if (!/^\d+$/.test(v.trim()) || !Number.isSafeInteger(n) || n < min || n > max) {
    throw new UserError(`qmcsim replay: --${name} expects an integer ${max === Number.MAX_SAFE_INTEGER ? `≥ ${min}` : `from ${min} to ${max}`}, found '${v}'`);
  }
  return n;
}

/** Requests in flight at most: the driver keeps per-slot arrays of this length (2^20 ≫ any device queue). */
const MAX_OUTSTANDING = 1 << 20;

export function register(program: Command): void {
  program
    .command('replay')
    .description('replay a device-level trace on a device preset (bandwidth, latency, row buffer, energy, bit errors)')
    .requiredOption('--device <preset|file.yaml[#id]>', `device preset (${deviceCatalog.map((e) => e.name).join(', ')}) or an entry of a kind: devices YAML file`)
    .requiredOption('--trace <file>', 'trace file: qmcsim text or binary, or Ramulator 2 LD/ST lines (its LoadStoreTrace format), plain or gzip-compressed (docs/trace-format.md)')
    .option('--json', 'print JSON instead of text')
    .option('--seed <n>', 'run seed for the device random streams', '0')
    .option('--format <format>', `trace format (${traceFormats.join(', ')})`, 'auto')
    .option('--max-outstanding <n>', 'requests in flight at most (reads; writes too with --no-posted-writes)', '256')
    .option('--no-posted-writes', 'a write holds its in-flight slot until it completes (default: it leaves when the device accepts it, as a write buffer acknowledges it)')
    .option('--bit-error-rate <p>', 'attach independent bit flips with this probability per bit read')
    .option('--noise <preset>', `attach a read-noise preset of src/devices/noise (${Object.keys(noisePresets).join(', ')})`)
    .action((opts: ReplayCliOptions) => {
      const seed = intOption('seed', opts.seed, 0);
      const maxOutstanding = intOption('max-outstanding', opts.maxOutstanding, 1, MAX_OUTSTANDING);
      if (!(traceFormats as readonly string[]).includes(opts.format)) {
        const hint = suggest(opts.format, traceFormats);
        throw new UserError(`qmcsim replay: --format expects one of ${traceFormats.join(', ')}, found '${opts.format}'${hint !== undefined ? `; did you mean '${hint}'?` : ''}`);
      }
      let noise: AccessNoise | undefined;
      if (opts.noise !== undefined) {
        if (opts.bitErrorRate !== undefined) throw new UserError('qmcsim replay: give --noise or --bit-error-rate, not both');
        const spec = noisePresets[opts.noise];
        if (spec === undefined) {
          const hint = suggest(opts.noise, Object.keys(noisePresets));
          throw new UserError(`qmcsim replay: unknown noise preset '${opts.noise}'${hint !== undefined ? `; did you mean '${hint}'?` : ''} (known: ${Object.keys(noisePresets).join(', ')})`);
        }
        noise = accessNoiseFor(spec);
      } else if (opts.bitErrorRate !== undefined) {
        // a decimal number, optionally in percent ('0.1 %', as YAML ratios): Number() also reads
        // '0x1' (= 1) and '0b1'; a non-zero one that underflows to 0 ('1e-400') would silently turn the noise off
        const m = /^\s*((?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)\s*(%?)\s*$/.exec(opts.bitErrorRate);
        const decimal = m !== null;
        const p = m === null ? NaN : Number(m[1]) / (m[2] === '%' ? 100 : 1);
        const underflow = p === 0 && /[1-9]/.test(opts.bitErrorRate.split(/[eE]/)[0] ?? '');
        if (!decimal || !(p >= 0 && p <= 1) || underflow) {
          throw new UserError(`qmcsim replay: --bit-error-rate expects a probability in [0, 1] written as a decimal number or a percentage (0.001, 1e-6, '0.1 %'), found '${opts.bitErrorRate}'${underflow ? ' (too small: it reads as 0)' : ''}`);
        }
        noise = bitFlipAccessNoise(p);
      }
      let traceStat;
      try {
        traceStat = statSync(opts.trace, { throwIfNoEntry: false });
      } catch (e) {
        // e.g. ENOTDIR: a path through a file ('trace.trc/x')
        const code = (e as NodeJS.ErrnoException).code;
        throw new UserError(`qmcsim replay: --trace ${opts.trace}: expected a trace file, found ${code === 'ENOTDIR' ? 'a path through a file' : (e as Error).message}`);
      }
      if (traceStat === undefined) throw new UserError(`qmcsim replay: --trace ${opts.trace}: expected a trace file, found no such file`);
      if (traceStat.isDirectory()) throw new UserError(`qmcsim replay: --trace ${opts.trace}: expected a trace file, found a directory`);
      try {
        const d = deviceFrom(opts.device);
        const entry = typeof d === 'string' ? resolveCatalogEntry(d) : d;
        // LPDDR5 draws read errors through the ReadNoiseDevice decorator, as `run` attaches it
        // (catalog.ts); it refuses a multi-level model (one line, exit 2), as SRAM/NVM cells do.
        const run = runReplay({
          device: entry, trace: opts.trace, seed, maxOutstanding, postedWrites: opts.postedWrites, format: opts.format as TraceFormat,
          ...(noise !== undefined ? { noise } : {}),
        });
        out(opts.json === true ? formatReplayJson(run) : formatReplayText(run));
      } catch (e) {
        if (e instanceof UnknownPresetError) throw new UserError(`qmcsim replay: ${e.message}`);
        if (e instanceof TraceParseError || e instanceof EmptyTraceError) throw new UserError(e.message);
        if (isUserError(e) && opts.noise !== undefined) throw new UserError(`qmcsim replay: --noise ${opts.noise}: ${(e as Error).message}`);
        throw e;
      }
    });
}
