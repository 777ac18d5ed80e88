/** The health report's labels and lines in Korean (see health-texts.ts); typed by the English codes. */
import type { TextTemplates } from './coded-text';
import type { HealthTextCode } from './health-texts';

export const healthTextsKo: TextTemplates<HealthTextCode> = {
  'health.label.system': '시스템',
  'health.label.support': '지원',
  'health.label.agent': '에이전트',
  'health.label.registration': '등록',
  'health.label.server': '구성 서버',
  'health.label.services': '에이전트 서비스',
  'health.label.disk': '디스크 여유 공간',
  'health.label.reboot': '보류 중인 다시 시작',
  'health.label.antivirus': '바이러스 백신',
  'health.system.ok': '{{system}}({{arch}}), 설치 관리자 토큰 {{token}}.',
  'health.system.noInstaller': '{{system}}({{arch}}): 이 시스템용으로 빌드된 설치 관리자가 없습니다.',
  'health.agent.missing': 'Mobility 서비스가 설치되어 있지 않습니다.',
  'health.agent.installed': '버전 {{version}}, 위치 {{folder}}.',
  'health.registration.ok': '등록되어 있습니다({{status}}).',
  'health.registration.missing': '등록되지 않았습니다(상태 {{status}}). 해당 서버에 등록하세요.',
  'health.server.pointsTo': '에이전트가 {{server}}을(를) 가리킵니다.',
  'health.server.none': '에이전트가 가리키는 구성 서버가 없습니다(drscout.conf의 Hostname).',
  'health.server.other':
    '에이전트가 {{expected}}이(가) 아닌 {{server}}을(를) 가리킵니다. 등록을 해제할 때까지 {{expected}}에 ' +
    '등록하면 종료 코드 13으로 실패합니다.',
  'health.server.asExpected': '에이전트가 예상대로 {{server}}을(를) 가리킵니다.',
  'health.server.noneYet': '에이전트가 아직 서버를 가리키지 않습니다. 예상 서버: {{expected}}.',
  'health.services.noAgent': '설치된 에이전트가 없습니다.',
  'health.services.notChecked': '이 시스템에서는 확인하지 않았습니다.',
  'health.services.unreadable': '다음 서비스의 상태를 읽을 수 없습니다: {{names}}.',
  'health.services.running': '실행 중: {{names}}.',
  'health.services.stopped': '실행 중이 아님: {{names}}. 서비스를 시작하거나 컴퓨터를 다시 시작하세요.',
  'health.disk.notChecked': '확인하지 않았습니다.',
  'health.disk.short': '여유 공간이 부족합니다(여유 / 필요): {{folders}}.',
  'health.disk.ok': '여유 공간이 충분합니다({{folders}}).',
  'health.reboot.unknown': '다시 시작이 보류 중인지 알 수 없습니다.',
  'health.reboot.none': '보류 중인 다시 시작이 없습니다.',
  'health.reboot.pending':
    '다시 시작이 보류 중입니다({{markers}}). 컴퓨터를 다시 시작할 때까지 설치 관리자는 종료 코드 62로 멈춥니다.',
  'health.antivirus.notFinished': '바이러스 백신 확인이 끝나지 않았습니다.',
  'health.antivirus.scanning':
    '{{products}}이(가) 에이전트 폴더를 검사합니다. 검사에서 제외하세요(mobility-setup av-check).',
  'health.antivirus.cannotTell': '{{products}}이(가) 에이전트 폴더를 제외하는지 알 수 없습니다.',
  'health.antivirus.noScanner': '검사 프로그램을 찾지 못했습니다.',
  'health.antivirus.allExcluded': '찾은 모든 검사 프로그램이 에이전트 폴더를 제외합니다(또는 검사하지 않음).',
};
