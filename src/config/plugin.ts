/**
 * Self-describing plug-ins (SST-info / Ramulator Factory::dump style). Every configurable component
 * declares its parameters as data: name, dimension, default, source. `qmcsim describe` prints these
 * straight from the descriptors; nothing is documented twice.
 */
import type { Dimension } from '../units/quantity.js';

/** Where a number comes from. `estimate: true` marks a value with no primary source. */
export interface Source {
  readonly source: string;
  readonly estimate?: boolean;
}

export interface ParamDoc {
  /** YAML key (camelCase, equal to the TS property). */
  readonly name: string;
  /** Physical dimension, or 'integer' | 'number' | 'string' | 'boolean' | 'enum' | 'object' | 'list'. */
  readonly kind: Dimension | 'integer' | 'number' | 'string' | 'boolean' | 'enum' | 'object' | 'list';
  readonly description: string;
  /** Default as the user would write it in YAML ('3.5 ns'); undefined = required. */
  readonly default?: string | number | boolean;
  readonly required?: boolean;
  /** Allowed values for 'enum'. */
  readonly values?: readonly string[];
  /** Inclusive bounds for 'integer' / 'number' parameters. */
  readonly min?: number;
  readonly max?: number;
  /** For quantities: the value must be > 0. */
  readonly positive?: boolean;
  /** Citation of the default (paper table, datasheet, JEDEC table) or an estimate marker. */
  readonly source?: string;
  readonly estimate?: boolean;
}

export interface PluginDescriptor {
  /** Interface name, e.g. 'MemoryDevice', 'Arbiter', 'Quantizer', 'NoiseModel', 'PlacementPolicy'. */
  readonly interface: string;
  /** The YAML `type:` value, e.g. 'lpddr5'. */
  readonly type: string;
  readonly summary: string;
  readonly params: readonly ParamDoc[];
  /** Action names the energy accounting expects this component to count. */
  readonly actions?: readonly string[];
  /** Statistics it emits (name → unit). */
  readonly stats?: Readonly<Record<string, string>>;
  /** Named presets (e.g. 'LPDDR5_6400', 'qmc-table1') with the source of each. */
  readonly presets?: Readonly<Record<string, Source>>;
}
