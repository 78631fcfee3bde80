/**
 * Compiles a controller's minimum-gap rules (TimingState's per-scope gap lists, from
 * lpddr5-constraints.ts) into one straight-line function per configuration: for each command, the
 * earliest-issue-time slots it raises, with the gaps as constants. Recording a command is then a
 * handful of compares and stores instead of a walk over a table of (slot, gap) pairs — the walk
 * spent most of its time on V8's checks of the table itself. Exact: the same raises as the walk.
 * One small function per command, so that a call site that always records the same command (the
 * controller's ACT / PRE / RD / WR cases) calls one target V8 can inline.
 */

/** Raises every slot its command, issued at `t` on bank b (bank group g, rank r), constrains. */
export type GapRecorder = (tt: Float64Array, b: number, g: number, r: number, t: number) => void;

/** What the compiler reads from TimingState: gap pairs per (scope, from-command) and the scopes' index variables. */
export interface GapTables {
  /** (tt index of the to-command's slot 0, gap) pairs of scope s, from-command f in data[start[s * nCmd + f] .. start[s * nCmd + f + 1]). */
  readonly data: Int32Array;
  readonly start: Int32Array;
  readonly nCmd: number;
  readonly ranks: number;
}

/** Scopes in TimingState order and the variable that indexes each: bank, group, rank, other ranks, channel. */
const INDEX_OF_SCOPE = ['b', 'g', 'r', 'o', '0'] as const;
const OTHER = 3;

const compiled = new Map<string, readonly GapRecorder[]>();

/** The recorders for these tables, indexed by command (one set per distinct configuration, shared by its channels). */
export function gapRecorders(t: GapTables): readonly GapRecorder[] {
  const key = `${t.nCmd},${t.ranks}:${t.start.join(',')}:${t.data.join(',')}`;
  let f = compiled.get(key);
  if (f === undefined) {
    f = compile(t);
    if (compiled.size >= 16) compiled.clear();
    compiled.set(key, f);
  }
  return f;
}

function compile(t: GapTables): readonly GapRecorder[] {
  const raise = (slot: number, gap: number, index: string): string =>
    `v = t + ${gap}; i = ${slot} + ${index}; if (v > tt[i]) tt[i] = v;`;
  const out: GapRecorder[] = [];
  for (let cmd = 0; cmd < t.nCmd; cmd++) {
    const body: string[] = [];
    INDEX_OF_SCOPE.forEach((index, s) => {
      const j = s * t.nCmd + cmd;
      const pairs: string[] = [];
      for (let k = t.start[j]!; k < t.start[j + 1]!; k += 2) pairs.push(raise(t.data[k]!, t.data[k + 1]!, index));
      if (pairs.length === 0) return;
      if (s === OTHER) {
        if (t.ranks > 1) body.push(`for (let o = 0; o < ${t.ranks}; o++) if (o !== r) { ${pairs.join(' ')} }`);
      } else body.push(...pairs);
    });
    // Generated from numbers only (slot indices and integer gaps): no user text reaches the source.
    out.push(new Function('tt', 'b', 'g', 'r', 't', `let v = 0, i = 0;\n${body.join('\n')}`) as GapRecorder);
  }
  return out;
}
