/**
 * commander's own usage errors (unknown option or command, a missing or invalid value, too many arguments) in
 * Korean. commander writes them in English; the CLI's outputError and its --json envelope pass them through
 * here in a Korean run. The option, command and value stay as they were typed. An error this file does not know
 * (a newer commander) keeps its English.
 */
type Rule = [pattern: RegExp, korean: (...groups: string[]) => string];

const RULES: readonly Rule[] = [
  [/^unknown option '(.*)'$/, (option) => `알 수 없는 옵션 '${option}'입니다.`],
  [/^unknown command '(.*)'$/, (command) => `알 수 없는 명령 '${command}'입니다.`],
  [/^missing required argument '(.*)'$/, (name) => `필수 인수 '${name}'이(가) 없습니다.`],
  [/^option '(.*)' argument missing$/, (option) => `옵션 '${option}'에 값이 없습니다.`],
  [/^required option '(.*)' not specified$/, (option) => `필수 옵션 '${option}'이(가) 지정되지 않았습니다.`],
  [
    /^too many arguments(?: for '(.*)')?\. Expected (\d+) arguments? but got (\d+)\.$/,
    (_command, expected, got) => `인수가 너무 많습니다. ${expected}개를 받을 수 있는데 ${got}개가 주어졌습니다.`,
  ],
  [
    /^option '(.*)' argument '(.*)' is invalid\. Allowed choices are (.*)\.$/s,
    (option, value, choices) => `옵션 '${option}'의 값 '${value}'이(가) 잘못되었습니다. 허용되는 값: ${choices}.`,
  ],
  // The CLI's own parsers (serve's --port, --inactivity-timeout…) already throw their reason in the run's language.
  [
    /^option '(.*)' argument '(.*)' is invalid\. (.*)$/s,
    (option, value, reason) => `옵션 '${option}'의 값 '${value}'이(가) 잘못되었습니다. ${reason}`,
  ],
  [
    /^command-argument value '(.*)' is invalid for argument '(.*)'\. (.*)$/s,
    (value, name, reason) => `인수 '${name}'의 값 '${value}'이(가) 잘못되었습니다. ${reason}`,
  ],
];

/** One commander error message ("error: …", maybe with "\n(Did you mean …?)") in Korean, on one line. */
export function commanderErrorInKorean(text: string): string {
  const match = /^(error: )?([\s\S]*?)(\n\(Did you mean (.+)\?\))?(\n?)$/.exec(text);
  if (!match) return text;
  const [, prefix = '', message = '', didYouMean, suggestion, newline = ''] = match;
  for (const [pattern, korean] of RULES) {
    const found = pattern.exec(message);
    if (!found) continue;
    const guess = didYouMean ? ` (혹시 ${suggestion}을(를) 뜻했나요?)` : '';
    return `${prefix}${korean(...found.slice(1).map((g) => g ?? ''))}${guess}${newline}`;
  }
  return text;
}
