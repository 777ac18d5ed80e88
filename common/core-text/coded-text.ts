/**
 * Sentences the core composes (support verdict, health lines, connectivity details, anti-virus steps…) travel as
 * a code and its parameters next to the English text: the English stays for the logs, `--json` and the CLI's
 * English, and every front door can say the same code in its own language. Each family keeps its English and
 * Korean templates in common/core-text/ (the Korean table is typed by the English one's codes, so a code without
 * a Korean text fails tsc); the renderer's catalogs spread the Korean ones, the CLI calls coreText().
 */

/** Values put into a template's {{name}} placeholders (lists arrive joined, numbers as numbers). */
export type TextParams = Record<string, string | number>;

/** One composed sentence: which template, with what, and the English the core wrote from it. */
export interface CodedText {
  code: string;
  params: TextParams;
  /**
   * Parameters that are themselves coded sentences (a reason quoted inside a fix result, "none" for a missing
   * exit code): a front door says them in its language, joined by spaces, in place of `params[name]`, which
   * holds their English.
   */
  paramTexts?: Record<string, readonly CodedText[]>;
}

/** A coded sentence with the English the core wrote from it. */
export type ComposedText = CodedText & { message: string };

/** A family's templates by code, e.g. { 'support.ok': '{{system}} is supported (installer {{token}}).' }. */
export type TextTemplates<C extends string> = Readonly<Record<C, string>>;

/** Fills {{name}} placeholders; a placeholder without a value stays visible rather than becoming "undefined". */
export function fillText(template: string, params: TextParams): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

/** `template` filled in; `fallback` when there is no template or one of its placeholders got no value. */
export function fillTextOr(template: string | undefined, params: TextParams, fallback: string): string {
  if (template === undefined) return fallback;
  const text = fillText(template, params);
  return text.includes('{{') ? fallback : text;
}

/**
 * The coded sentence and its English, for the core: `{ code, params, message }` from one table. `paramTexts`
 * name the parameters that are coded sentences; `params` holds their English.
 */
export function composeText<C extends string>(
  templates: TextTemplates<C>,
  code: C,
  params: TextParams = {},
  paramTexts?: Record<string, readonly CodedText[]>,
): ComposedText {
  const message = fillText(templates[code], params);
  return paramTexts ? { code, params, paramTexts, message } : { code, params, message };
}

/** A parameter: a value kept as written, or a coded sentence (its English is the value, front doors say it). */
export type TextPart = string | number | ComposedText;

/** A sentence whose parameters may be coded sentences themselves ("exit none", "A and B", "for every profile"). */
export function composeWithParts<C extends string>(
  templates: TextTemplates<C>,
  code: C,
  parts: Readonly<Record<string, TextPart>> = {},
): ComposedText {
  const params: TextParams = {};
  const paramTexts: Record<string, CodedText[]> = {};
  for (const [name, part] of Object.entries(parts)) {
    if (typeof part === 'string' || typeof part === 'number') {
      params[name] = part;
    } else {
      params[name] = part.message;
      paramTexts[name] = [codedOnly(part)];
    }
  }
  return composeText(templates, code, params, Object.keys(paramTexts).length > 0 ? paramTexts : undefined);
}

/**
 * Coded sentences said by `fill` (a code and its parameters → the text in some language, or null when it has none),
 * joined by spaces. Parameters that are coded sentences themselves (a quoted reason, "none") are said the same way
 * first. Null when any sentence, nested ones included, has no text: the caller then shows the core's English whole.
 */
export function sayCodedTexts(
  coded: readonly CodedText[],
  fill: (code: string, params: TextParams) => string | null,
): string | null {
  const said: string[] = [];
  for (const text of coded) {
    const params = { ...text.params };
    for (const [name, nested] of Object.entries(text.paramTexts ?? {})) {
      const inner = sayCodedTexts(nested, fill);
      if (inner === null) return null;
      params[name] = inner;
    }
    const filled = fill(text.code, params);
    if (filled === null) return null;
    said.push(filled);
  }
  return said.join(' ');
}

/**
 * Items joined pairwise by a family's "{{first}} and {{second}}" sentence (`and`), so each language says its own
 * "and"; one item is itself, none is empty.
 */
export function joinedWith(items: readonly string[], and: (first: string, second: TextPart) => ComposedText): TextPart {
  if (items.length <= 1) return items.join('');
  return and(items[0]!, joinedWith(items.slice(1), and));
}

/** The code and parameters of a composed sentence, without its English. */
export function codedOnly(text: ComposedText): CodedText {
  const { message: _english, ...coded } = text;
  return coded;
}

/** Sentences composed one by one: their English joined by spaces (as the core writes them), and their codes. */
export function joinTexts(texts: readonly ComposedText[]): { message: string; texts: CodedText[] } {
  return { message: texts.map((text) => text.message).join(' '), texts: texts.map(codedOnly) };
}
