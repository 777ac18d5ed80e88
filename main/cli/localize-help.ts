/**
 * `--help` in Korean: the descriptions the commands declare in English are replaced from i18n/help-ko.ts, and
 * commander's own words (headings, the help option, "default:") are translated. English help is untouched.
 */
import { Help } from 'commander';
import type { Command, Option } from 'commander';
import { HELP_KO, HELP_WORDS_KO } from './i18n/help-ko';

/** The overlay key of a command ("mobility-setup" for the program) and of one of its options. */
export function helpKey(command: Command, option?: Option): string {
  const name = command.parent ? command.name() : 'mobility-setup';
  return option ? `${name} ${option.long ?? option.short ?? ''}` : name;
}

const TITLES: Readonly<Record<string, string>> = HELP_WORDS_KO;

function koreanOptionDescription(this: void, helper: Help, option: Option): string {
  return Help.prototype.optionDescription
    .call(helper, option)
    .replace(/\(default: /, `(${HELP_WORDS_KO.default}: `)
    .replace(/\(choices: /, `(${HELP_WORDS_KO.choices}: `)
    .replace(/, default: /, `, ${HELP_WORDS_KO.default}: `);
}

/** Translates every command's and option's description, in place; a text missing here keeps its English. */
export function localizeHelpToKorean(program: Command): void {
  program.helpCommand('help [command]', HELP_WORDS_KO.helpCommand);
  for (const command of [program, ...program.commands]) {
    command.description(HELP_KO[helpKey(command)] ?? command.description());
    command.helpOption('-h, --help', HELP_WORDS_KO.help);
    for (const option of command.options) option.description = HELP_KO[helpKey(command, option)] ?? option.description;
    command.configureHelp({
      styleTitle: (title) => TITLES[title] ?? title,
      optionDescription(option) {
        return koreanOptionDescription(this as unknown as Help, option);
      },
    });
  }
}
