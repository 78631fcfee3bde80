/**
 * Every CLI command, in help order. Each entry is the `register(program)` of one file in this
 * folder; add yours to the list.
 */
import type { Command } from 'commander';
import { register as validate } from './validate.js';
import { register as describe } from './describe.js';
import { register as sweep } from './sweep.js';
import { register as worker } from './worker.js';
import { register as replay } from './replay.js';
import { register as reproduce } from './reproduce.js';
import { register as study } from './study.js';
import { register as run } from './run.js';
import { register as model } from './model.js';
import { register as diff } from './diff.js';

export const commands: ReadonlyArray<(program: Command) => void> = [validate, describe, sweep, worker, replay, reproduce, study, run, model, diff];
