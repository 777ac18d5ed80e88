// @vitest-environment jsdom
/**
 * A ClamAV finding Mobility Setup read itself, and its fix result, on the anti-virus step in Korean: the
 * verdicts, notes, steps and fix message are said from their codes, not shown in the core's English.
 */
import { cleanup, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { FixResult, ScannerFinding } from '../../../common/antivirus';
import { fixMessage } from '../../../main/core/antivirus/apply-fix';
import { avText, reasonFrom, stepsFrom, verdictTexts } from '../../../main/platform/antivirus-findings';
import { applyLanguage, loadLaterStepCatalogs } from '../../../renderer/i18n';
import { AntivirusScanner } from '../../../renderer/steps/antivirus-scanner';
import { createTestI18n, missingKeys } from './render-app';

afterEach(() => {
  cleanup();
  expect(missingKeys).toEqual([]);
});

const clamav: ScannerFinding = {
  id: 'clamav',
  product: 'ClamAV',
  evidence: ['/etc/clamav/clamd.conf', 'process clamd'],
  status: 'notExcluded',
  ...reasonFrom([
    ...verdictTexts([
      { folder: '/usr/local/ASR', covered: 'no', by: null },
      { folder: '/usr/local/InMage', covered: 'partly', by: 'ExcludePath \\.log$' },
    ]),
    avText('av.clamav.notRunning'),
  ]),
  folders: [],
  exclusions: ['ExcludePath \\.log$'],
  fix: 'automatic',
  ...stepsFrom([
    avText('av.clamav.steps.add', { configPath: '/etc/clamav/clamd.conf', lines: 'ExcludePath ^/usr/local/ASR/' }),
    avText('av.clamav.steps.restart', { services: 'clamav-daemon' }),
  ]),
  requestText: 'Please add a real-time scanning exclusion in ClamAV.',
};

const fixed: FixResult = {
  scannerId: 'clamav',
  outcome: 'fixed',
  ...fixMessage([
    avText('av.fix.clamav.added', { configPath: '/etc/clamav/clamd.conf', lines: 'ExcludePath ^/usr/local/ASR/' }),
    avText('av.fix.clamav.restarted', { service: 'clamav-daemon' }),
  ]),
  changedFiles: ['/etc/clamav/clamd.conf'],
  backups: [],
  commands: [],
};

async function renderScanner(language: 'en' | 'ko', result: FixResult | null = null) {
  const i18n = createTestI18n();
  await applyLanguage(i18n, language);
  await loadLaterStepCatalogs(i18n);
  render(
    <I18nextProvider i18n={i18n}>
      <AntivirusScanner
        scanner={clamav}
        canFix
        asksPassword={false}
        fixing={false}
        busy={false}
        result={result}
        onFix={() => undefined}
      />
    </I18nextProvider>,
  );
  return screen.getByTestId('av-scanner-clamav');
}

describe('a ClamAV finding on the anti-virus step', () => {
  it('says its verdicts, note and steps in Korean, not in English', async () => {
    const card = await renderScanner('ko');
    const text = card.textContent ?? '';
    expect(text).toContain(
      '/usr/local/ASR은(는) 제외되어 있지 않습니다. /usr/local/InMage은(는) 일부만 제외되어 있습니다' +
        '(ExcludePath \\.log$이(가) 모든 파일이 아닌 일부 파일만 포함). clamd가 지금 실행 중이 아닙니다.',
    );
    expect(text).toContain('root로 /etc/clamav/clamd.conf에 추가하세요: ExcludePath ^/usr/local/ASR/');
    expect(text).not.toContain('is not excluded');
    expect(text).not.toContain(clamav.reason);
    expect(text).not.toContain('As root, add to');
  });

  it('says its fix result in Korean', async () => {
    const card = await renderScanner('ko', fixed);
    expect(card.textContent).toContain(
      '/etc/clamav/clamd.conf에 추가했습니다: ExcludePath ^/usr/local/ASR/. clamav-daemon을(를) 다시 시작했습니다.',
    );
    expect(card.textContent).not.toContain(fixed.message);
  });

  it("shows the core's English as it is in English", async () => {
    const card = await renderScanner('en', fixed);
    expect(card.textContent).toContain(clamav.reason);
    expect(card.textContent).toContain(fixed.message);
    expect(card.textContent).toContain(clamav.manualSteps[0]);
  });
});
