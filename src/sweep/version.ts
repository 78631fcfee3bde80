/** The tool version that goes into every point id: package.json's version (read once). */
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

/** e.g. 'qmcsim@0.1.0'. */
export const TOOL_VERSION = `qmcsim@${pkg.version}`;
