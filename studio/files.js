// What the studio does with a file it is given: refuses what is too big, not
// text, not UTF-8 or not content, says so in plain Norwegian, and sorts the
// rest into the main file (single file or index) and its parts.

export const MAX_BYTES = 2 * 1024 * 1024;
export const SECTION_KEYS = ['guide', 'glossary', 'publication', 'levels', 'services', 'tools', 'laws', 'sources', 'roles'];

const kb = (n) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1).replace('.', ',')} MB` : `${Math.ceil(n / 1024)} kB`);

/** Bytes to text, or a refusal. Returns { text, bom } or { error }. */
export function decode(name, bytes) {
  if (bytes.length > MAX_BYTES) {
    return { error: `«${name}» er ${kb(bytes.length)} og blir ikke åpnet. Innholdsfiler er mye mindre (eksempelkommunen er under 100 kB), så dette er trolig feil fil. Grensen er 2 MB.` };
  }
  if (bytes.length === 0) return { error: `«${name}» er tom. Velg en innholdsfil, eller trykk «Ny fil» for å starte en ny.` };
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { error: `«${name}» er lagret som UTF-16 og blir ikke åpnet. Åpne den i Notisblokk, velg «Lagre som» og «Koding: UTF-8», og åpne den her igjen.` };
  }
  const sample = bytes.subarray(0, 1024);
  if (sample.includes(0) || (bytes[0] === 0x50 && bytes[1] === 0x4b) || (bytes[0] === 0x25 && bytes[1] === 0x50)) {
    return { error: `«${name}» er ikke en tekstfil (kanskje et Word-dokument, en PDF eller et bilde) og blir ikke åpnet. Innholdet må stå i en JSON-fil. Trykk «Ny fil» for å starte en.` };
  }
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  let text;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bom ? bytes.subarray(3) : bytes);
  } catch {
    return { error: `«${name}» er ikke lagret som UTF-8 (trolig Windows-1252/ANSI), så æ, ø og å ville blitt feil. Den blir ikke åpnet. Åpne den i Notisblokk, velg «Lagre som» og «Koding: UTF-8», og åpne den her igjen.` };
  }
  return { text, bom };
}

/** main (a single file or an index), part (with its section keys), or other. */
export function role(text) {
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    // Broken JSON: guess from the keys, so the problem list can point at the error.
    if (/"meta"\s*:|"parts"\s*:|"extends"\s*:/.test(text)) return 'main';
    if (SECTION_KEYS.some((k) => text.includes(`"${k}"`))) return 'part';
    return /^\s*\{/.test(text) ? 'main' : 'other';
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return 'other';
  if ('meta' in value || 'parts' in value || 'extends' in value) return 'main';
  const keys = Object.keys(value).filter((k) => k !== '$schema');
  if (keys.length && keys.every((k) => SECTION_KEYS.includes(k))) return 'part';
  return 'other';
}

/** The part entries an index names ([{src, section, lang}]), or []. */
export function partsOf(text) {
  try {
    const v = JSON.parse(text);
    return Array.isArray(v.parts) ? v.parts.filter((p) => p && typeof p.src === 'string') : [];
  } catch {
    // Broken JSON: the part names as written, so the parts still open with it.
    const list = /"parts"\s*:\s*\[([\s\S]*?)\]/.exec(text);
    return list ? [...list[1].matchAll(/"src"\s*:\s*"([^"]+)"/g)].map((m) => ({ src: m[1] })) : [];
  }
}

export const baseName = (src) => String(src).split(/[?#]/)[0].split(/[\\/]/).pop();

/**
 * Sorts decoded files ([{name, text}]) into what to open: { main, parts, messages }.
 * `main` is null when nothing can be opened.
 */
export function arrange(files) {
  const messages = [];
  const mains = [];
  const parts = [];
  for (const f of files) {
    const r = role(f.text);
    if (r === 'main') mains.push(f);
    else if (r === 'part') parts.push(f);
    else messages.push(`«${f.name}» er ikke en innholdsfil for BTI-veilederen: den har verken «meta» eller delene guide, levels, services osv. Den blir ikke åpnet. Sjekk at du valgte riktig fil.`);
  }
  if (!mains.length) {
    for (const p of parts) {
      messages.push(`«${p.name}» er en delfil. Den kan ikke vises alene: åpne indeksfilen (den med «meta» og «parts») sammen med delfilene, gjerne alle på en gang.`);
    }
    return { main: null, parts: [], messages };
  }
  // An overlay opened with the template it extends: the template's index is no second main file.
  const main = mains.find((m) => extendsOf(m.text)) || mains[0];
  const wanted = extendsOf(main.text);
  const template = wanted ? mains.find((m) => m !== main && baseName(m.name) === baseName(wanted)) : null;
  for (const m of mains) {
    if (m !== main && m !== template) messages.push(`«${m.name}» ble ikke åpnet: bare én hovedfil kan være åpen om gangen, og «${main.name}» er åpnet.`);
  }
  const named = [main, template].filter(Boolean).flatMap((m) => partsOf(m.text).map((p) => baseName(p.src)));
  const kept = [];
  for (const p of parts) {
    if (named.includes(baseName(p.name))) kept.push(p);
    else messages.push(`«${p.name}» står ikke i «parts» i «${main.name}», og blir ikke åpnet. Legg den til i «parts», eller sjekk filnavnet.`);
  }
  // In the order the index names them, the template's after her own.
  kept.sort((a, b) => named.indexOf(baseName(a.name)) - named.indexOf(baseName(b.name)));
  const ownNames = partsOf(main.text).map((p) => baseName(p.src));
  const own = kept.filter((p) => ownNames.includes(baseName(p.name)));
  const theirs = kept.filter((p) => !own.includes(p));
  return { main, parts: [...own, ...(template ? [template] : []), ...theirs], messages };
}

/** The template index an overlay `extends` (as written), or null. Reads broken JSON too. */
export function extendsOf(text) {
  const m = /^\s*\{[\s\S]*?"extends"\s*:\s*"([^"]+)"/.exec(text);
  return m ? m[1] : null;
}
