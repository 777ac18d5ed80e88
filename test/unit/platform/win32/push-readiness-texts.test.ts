/**
 * The Windows push-readiness items in every front door's language: each label and finding carries its code, whose
 * English is exactly the item's English, and whose Korean leaves no English sentence (names Windows writes stay).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { coreText } from '../../../../common/core-text/core-text';
import type { PushReadinessItem } from '../../../../common/troubleshoot';
import type { FirewallRule } from '../../../../main/platform/win32/firewall-rules';
import { parseFirewallRules } from '../../../../main/platform/win32/firewall-rules';
import { win32PushReadiness } from '../../../../main/platform/win32/push-readiness';
import { parseRegQuery } from '../../../../main/platform/win32/reg-query';

const text = (name: string) => readFileSync(path.resolve(__dirname, '../../../fixtures/win32', name), 'utf8');
const POLICIES = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System';

/** Five WMI rules disabled, one enabled: "5 of 6 … disabled: a, b, c and 2 more". */
const partlyDisabled: FirewallRule[] = Array.from({ length: 6 }, (_, i) => ({
  name: `WMI rule ${i + 1}`,
  enabled: i === 5,
  direction: 'In',
  profiles: ['Domain'],
  group: 'Windows Management Instrumentation (WMI)',
  action: 'Allow',
}));

const worlds: [string, FirewallRule[] | null, string | null][] = [
  ['nothing could be read', null, null],
  ['a default server', parseFirewallRules(text('netsh-firewall-rules-closed.txt')), text('reg-uac-enabled.txt')],
  ['open', parseFirewallRules(text('netsh-firewall-rules-open.txt')), text('reg-policies-system-token-filter.txt')],
  ['Domain only', parseFirewallRules(text('netsh-firewall-rules-domain-only.txt')), text('reg-uac-disabled.txt')],
  ['German', parseFirewallRules(text('netsh-firewall-rules-german.txt')), null],
  [
    'partly disabled, policy 0',
    partlyDisabled,
    `\r\n${POLICIES}\r\n    EnableLUA    REG_DWORD    0x1\r\n    LocalAccountTokenFilterPolicy    REG_DWORD    0x0\r\n`,
  ],
];

/** English sentences of the Windows items that must not be left in a Korean line. */
const ENGLISH =
  /allowed through|inbound rules|gave no list|listed no|profile only|every network|could not be read|is off|is filtered|not set| and \d+ more|is 1\./;

describe('Windows push readiness in Korean', () => {
  for (const [name, rules, reg] of worlds) {
    it(`${name}: every label and finding is coded, its English is the item's, its Korean has no English sentence`, () => {
      const items: PushReadinessItem[] = win32PushReadiness(rules, reg === null ? null : parseRegQuery(reg));
      for (const item of items) {
        expect(item.labelText, item.id).toBeDefined();
        expect(item.findingText, item.id).toBeDefined();
        expect(coreText('en', item.labelText, '')).toBe(item.label);
        expect(coreText('en', item.findingText, '')).toBe(item.finding);
        for (const [coded, english] of [
          [item.labelText, item.label],
          [item.findingText, item.finding],
        ] as const) {
          const korean = coreText('ko', coded, english);
          expect(korean, english).toMatch(/[가-힣]/);
          expect(korean, english).not.toMatch(ENGLISH);
        }
      }
    });
  }

  it('says the parts inside a finding in Korean too: the profiles, the list of names, a policy value', () => {
    const [, wmi, token] = win32PushReadiness(
      partlyDisabled,
      parseRegQuery(`\r\n${POLICIES}\r\n    LocalAccountTokenFilterPolicy    REG_DWORD    0x0\r\n`),
    );
    expect(wmi!.finding).toBe(
      '5 of 6 inbound rules of the group are disabled: WMI rule 1, WMI rule 2, WMI rule 3 and 2 more.',
    );
    expect(coreText('ko', wmi!.findingText, '')).toBe(
      '이 그룹의 인바운드 규칙 6개 중 5개가 사용하지 않도록 설정되어 있습니다: WMI rule 1, WMI rule 2, WMI rule 3 외 2개.',
    );
    expect(coreText('ko', token!.findingText, '')).toContain('LocalAccountTokenFilterPolicy가 0입니다.');
    const [sharing] = win32PushReadiness(parseFirewallRules(text('netsh-firewall-rules-domain-only.txt')), null);
    expect(coreText('ko', sharing!.findingText, '')).toContain('Domain 프로필에서만');
  });
});
