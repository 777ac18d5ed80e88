/** What the machine is like after a job stopped, in Korean (see job-texts.ts); typed by the English codes. */
import type { TextTemplates } from './coded-text';
import { agentStatementTemplates } from './job-texts';
import type { JobTextCode } from './job-texts';

const RUN_AGAIN_OR_UNINSTALL = '설치를 다시 실행하거나 제거하세요({{uninstallHint}}).';

const agentStatementsKo = agentStatementTemplates({
  where: { in: '{{installDir}}에 ', nowhere: '' },
  version: { known: ' {{version}}', unknown: '(버전 알 수 없음)' },
  registration: {
    with: '{{server}}에 등록되어 있습니다',
    withSome: '구성 서버에 등록되어 있습니다',
    not: '등록되어 있지 않습니다',
    unknown: '등록 상태를 알 수 없습니다',
  },
  upgradeUnfinished: (where, registration) =>
    `업그레이드가 끝나지 않았습니다. Mobility 서비스 {{version}}이(가) 여전히 ${where}설치되어 있으며 ${registration}. ${RUN_AGAIN_OR_UNINSTALL}`,
  incomplete: (version, where, registration) =>
    `Mobility 서비스${version}이(가) ${where}설치되어 있지만 완전하지 않을 수 있으며, ${registration}. ${RUN_AGAIN_OR_UNINSTALL}`,
  stillRegistered: (version, where, registration) =>
    `Mobility 서비스${version}이(가) ${where}설치되어 있으며 여전히 ${registration}.`,
  notRegistered: (version, where, registration) =>
    `Mobility 서비스${version}이(가) ${where}설치되어 있으며 ${registration}. 다시 등록하세요(mobility-setup register … 또는 마법사의 "등록만").`,
});

export const jobTextsKo: TextTemplates<JobTextCode> = {
  'stopped.nothingChanged': '이 컴퓨터에서 아무것도 변경되지 않았습니다.',
  'stopped.nothingInstalled': '아무것도 설치되지 않았습니다.',
  'stopped.nothingRemoved': '아무것도 제거되지 않았습니다.',
  'stopped.installerRefused': '설치 관리자가 이 컴퓨터에서 아무것도 변경하기 전에 거부했습니다.',
  'stopped.privateCopyRemoved': '아무것도 설치되지 않았습니다. 설치 관리자의 개인 복사본은 제거되었습니다.',
  'stopped.extractRemoved': '아무것도 설치되지 않았습니다. 압축을 푼 설치 관리자가 있던 임시 폴더는 제거되었습니다.',
  'stopped.install.partly':
    '에이전트가 {{installDir}}에 일부만 설치되었을 수 있습니다. 설치를 다시 실행하거나 제거하세요({{uninstallHint}}).',
  'stopped.install.upgradePartly':
    '업그레이드가 일부만 진행되었을 수 있습니다. 설치를 다시 실행할 때까지 {{installDir}}의 에이전트가 작동하지 않을 수 있습니다(또는 제거: {{uninstallHint}}).',
  'stopped.register.notRegistered': '에이전트가 설치되어 있지만 등록되지 않았습니다.',
  'stopped.register.again':
    '에이전트가 설치되어 있지만 등록되지 않았습니다. 다시 등록하세요(mobility-setup register … 또는 마법사의 등록).',
  'stopped.uninstall.partly':
    '{{installDir}}의 에이전트가 일부만 제거되었을 수 있습니다. 로그를 읽은 다음 제거를 다시 실행하세요.',
  'stopped.uninstall.partlyRemoved': '에이전트가 일부 제거되었습니다. 이 서버의 복제는 중지되었습니다.',
  'stopped.verify.unconfirmed':
    '공급업체 도구는 성공을 보고했지만 에이전트 상태가 이를 확인하지 않습니다. 로그를 읽은 다음 설치를 다시 실행하세요.',
  'stopped.agent.notInstalled': '이 컴퓨터에 Mobility 서비스가 설치되어 있지 않습니다.',
  'stopped.agent.installerStopped':
    'Mobility 서비스가 설치되어 있지 않습니다. 설치 관리자가 끝나기 전에 중지되었습니다. 원인을 해결한 후 설치를 다시 실행하세요.',
  'stopped.antivirus.nothingChanged': '아무것도 변경되지 않았습니다.',
  'stopped.antivirus.othersInPlace': '다른 수정 사항은 적용되었습니다. 그 후의 확인 결과에 각 스캐너가 표시됩니다.',
  'stopped.antivirus.fixedBefore':
    '중지되기 전에 수정됨: {{fixed}}. 각 스캐너를 보려면 다시 확인하세요(mobility-setup av-check).',
  'stopped.bundle.nothingWritten':
    '이 컴퓨터에서 아무것도 변경되지 않았고 번들 파일도 쓰지 않았습니다. 지금까지 모은 파일은 제거되었습니다.',
  ...agentStatementsKo,
};
