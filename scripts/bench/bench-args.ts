export type BenchArgs = { quick: boolean; only: string[] | null };

/** `--quick` and `--only a,b` (also `--only=a,b`); anything else is refused by name. */
export function parseBenchArgs(argv: string[]): BenchArgs {
  let quick = false;
  let only: string[] | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--quick') quick = true;
    else if (arg === '--only') only = splitNames(argv[++i]);
    else if (arg.startsWith('--only=')) only = splitNames(arg.slice('--only='.length));
    else throw new Error(`unknown argument ${arg}: use --quick and/or --only name,name`);
  }
  return { quick, only };
}

function splitNames(value: string | undefined): string[] {
  const names = (value ?? '').split(',').map((n) => n.trim()).filter((n) => n !== '');
  if (names.length === 0) throw new Error('--only needs bench names, e.g. --only nlu,fanout');
  return names;
}
