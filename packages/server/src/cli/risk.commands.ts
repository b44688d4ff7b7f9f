import { readFile } from 'node:fs/promises';
import { invalid } from '@fangkong/core';
import { classifyRisk, parseClassifyInput } from '../modules/zones/risk-classify.ts';
import { type Command, requiredString } from './command.ts';

/** Reads and parses the input file (`-` is stdin); an unreadable or non-JSON file is the input's fault. */
async function readInput(file: string): Promise<unknown> {
  let text: string;
  try {
    text = file === '-' ? await readStdin() : await readFile(file, 'utf8');
  } catch {
    throw invalid('input', 'riskInputUnreadable', { detail: file });
  }
  try {
    return JSON.parse(text);
  } catch {
    throw invalid('input', 'riskInputMalformed', { detail: 'not JSON' });
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Grades areas from a list of cases without a database: the same core function the server grades with. */
const riskClassifyCommand: Command = {
  words: ['risk', 'classify'],
  summary: '按方案计算各辖区的风险等级 / risk grade of every jurisdiction of a case list',
  usage: 'fangkong risk classify --edition <id> --as-of <YYYY-MM-DD> --input <cases.json | -> [--json]',
  options: { edition: { type: 'string' }, 'as-of': { type: 'string' }, input: { type: 'string' } },
  run: async (values) => {
    const edition = requiredString(values, 'edition');
    const asOf = requiredString(values, 'as-of');
    const cases = parseClassifyInput(await readInput(requiredString(values, 'input')));
    const graded = classifyRisk({ edition, asOf, cases });
    const text = graded.flatMap((g) => [
      `${g.jurisdiction}  ${g.level}`,
      ...g.because.map((r) => `  because ${r.source} ${r.clause}: ${r.says} (${r.facts.newCases} new, ${r.facts.cumulative} in all)`),
    ]);
    return { json: graded, text };
  },
};

export const RISK_COMMANDS: readonly Command[] = [riskClassifyCommand];
