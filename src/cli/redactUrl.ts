/**
 * An RPC or service URL safe to print: its origin only (scheme, host, port). Provider URLs often carry
 * an API key in the path or query (`https://mainnet.infura.io/v3/KEY`) or credentials
 * (`https://user:pass@host`), and error messages and `--json` details end up in logs and bug reports.
 * @example
 * redactUrl("https://user:pw@eth.example.com:8545/v3/KEY?x=1"); // "https://eth.example.com:8545"
 */
export function redactUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "(unparseable URL)";
  }
  if (parsed.host === "") return `${parsed.protocol}//`;
  return `${parsed.protocol}//${parsed.host}`;
}

/** `text` with every occurrence of `url` (when given) replaced by its redacted form. */
export function redactUrlIn(text: string, url: string | undefined): string {
  if (!url) return text;
  const safe = redactUrl(url);
  return safe === url ? text : text.split(url).join(safe);
}
