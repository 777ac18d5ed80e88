/** Korean texts of the job commands' progress and prompts (see cli-en-jobs.ts); terms as in issue 12's list. */
import type { cliEnJobs } from './cli-en-jobs';

export const cliKoJobs = {
  // The step id stays in brackets, so a Korean log is searched for the same "[install]" as an English one.
  'progress.line': '[{{id}}] {{step}}: {{state}}',
  'step.check': '필수 조건 확인',
  'step.extract': '설치 관리자 압축 풀기',
  'step.install': '에이전트 설치',
  'step.register': '서버에 등록',
  'step.uninstall': '제거 프로그램 실행',
  'step.verify': '확인',
  'step.fix': '제외 추가',
  'step.diagnose': '상태 및 연결 확인',
  'step.collect': '파일 수집 및 비밀 정보 가리기',
  'state.pending': '대기 중',
  'state.running': '진행 중',
  'state.done': '완료',
  'state.failed': '실패',
  'state.skipped': '건너뜀',
  'state.cancelled': '취소됨',
  'job.cancelling': '취소하는 중…',
  'job.nothingChanged': '아무것도 변경하지 않았습니다.',
  'job.vendorError': '공급업체 오류',
  'job.meaning': '의미',
  'installer.label': '설치 관리자',
  'installer.sha256': 'SHA-256',
  'installer.line': '{{file}}(버전 {{version}}), {{owner}}',
  'installer.owner': '소유자 {{user}}(uid {{uid}}), 모드 {{mode}}',
  'installer.noUserName': '사용자 이름 없음',
  'installer.ownerNotChecked': '이 OS에서는 소유자를 확인하지 않음',
  'installer.checksum': '{{sha256}}(체크섬 파일: {{file}}, {{checksum}})',
  'installer.none': '없음',
  'checksum.match': '일치',
  'checksum.absent': '없음',
  'checksum.mismatch': '불일치',
  'upgrade.notice':
    '{{from}}에서 {{to}}(으)로 업그레이드합니다(등록은 유지되며, 업그레이드 후 다시 시작하는 것이 좋습니다).',
  'upgrade.reminder':
    '업그레이드하기 전에: 먼저 구성 서버, 그다음 스케일 아웃 프로세스 서버와 마스터 대상 서버를 업데이트하세요. ' +
    '에이전트는 구성 서버보다 새 버전이면 안 됩니다. 포털에서도 에이전트를 업데이트할 수 있습니다' +
    '(복제된 항목 → 서버 → 에이전트 업데이트).',
  'ask.install': '{{source}}에서 Mobility 서비스 {{version}}을(를) 설치할까요?',
  'ask.installRegister': '{{source}}에서 Mobility 서비스 {{version}}을(를) 설치하고 {{server}}에 등록할까요?',
  'ask.installAppliance': '{{source}}에서 Mobility 서비스 {{version}}을(를) 설치하고 복제 어플라이언스에 등록할까요?',
  'ask.register': 'Mobility 서비스를 {{server}}에 등록할까요?',
  'ask.registerAppliance': 'Mobility 서비스를 복제 어플라이언스에 등록할까요?',
  'ask.uninstall':
    'Mobility 서비스를 제거할까요? 이 서버의 복제가 중지됩니다(먼저 포털에서 복제를 사용하지 않도록 설정하세요).',
} satisfies Record<keyof typeof cliEnJobs, string>;
