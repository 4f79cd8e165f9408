// Errors as sentences a user can act on (main's schema errors name argument paths).

export function messageOf(error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  // "Invalid arguments for items.update: ✖ dates are YYYY… → at patch.date"
  const schema = /^Invalid arguments for [\w.]+: (.*)$/s.exec(raw);
  if (!schema) return raw;
  return (
    schema[1]!
      .split('\n')
      .filter((line) => line.trim().startsWith('✖'))
      .map((line) => line.replace(/^\s*✖\s*/, '').replace(/\s*→ at [\w.[\]]+$/, ''))
      .map((line) => line.charAt(0).toUpperCase() + line.slice(1))
      .join(' ')
      .trim() || raw
  );
}

export function codeOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error
    ? String((error as { code: unknown }).code)
    : undefined;
}
