import { runCli } from './run.ts';

const line = (stream: NodeJS.WriteStream) => (text: string) => stream.write(`${text}\n`);

const code = await runCli(process.argv.slice(2), { out: line(process.stdout), err: line(process.stderr) });
// Exit once stdout has drained: a pipe may still hold the JSON document.
process.stdout.write('', () => process.exit(code));
