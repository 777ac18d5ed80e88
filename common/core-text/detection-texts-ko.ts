/** Detection's other sentences in Korean (see detection-texts.ts); typed by the English codes. */
import type { TextTemplates } from './coded-text';
import type { DetectionTextCode } from './detection-texts';

const ROOT_HINT =
  '대신 root로 Mobility Setup을 실행하세요. 데스크톱에서는 sudo mobility-setup open, SSH에서는 sudo ' +
  'mobility-setup serve, 자동 설치는 sudo mobility-setup install …을 사용하세요.';

export const detectionTextsKo: TextTemplates<DetectionTextCode> = {
  'restart.rebootRequiredFile': '{{path}} 파일이 있습니다',
  'restart.rebootRequiredFile.packages': '{{path}} 파일이 있습니다(패키지: {{packages}})',
  'restart.rebootRequiredFile.packagesMore': '{{path}} 파일이 있습니다(패키지: {{packages}} 외 {{more}}개)',
  'restart.needsRestarting': 'needs-restarting -r이 다시 시작이 필요하다고 보고합니다',
  'restart.needsRestarting.updated':
    'needs-restarting -r이 다시 시작이 필요하다고 보고합니다(부팅 후 업데이트됨: {{names}})',
  'restart.needsRestarting.updatedMore':
    'needs-restarting -r이 다시 시작이 필요하다고 보고합니다(부팅 후 업데이트됨: {{names}} 외 {{more}}개)',
  'restart.newerKernel': '커널 {{newest}}이(가) 설치되어 있지만 {{running}}이(가) 실행 중입니다',
  'restart.cbsRebootPending':
    'CBS(Component Based Servicing)가 RebootPending을 보고합니다(업데이트나 기능 변경이 다시 시작을 기다림)',
  'restart.windowsUpdateRebootRequired':
    'Windows 업데이트가 RebootRequired를 보고합니다(설치된 업데이트가 다시 시작을 기다림)',
  'restart.pendingFileRename.one': '파일 작업 1개가 다시 시작을 기다립니다(PendingFileRenameOperations)',
  'restart.pendingFileRename': '파일 작업 {{count}}개가 다시 시작을 기다립니다(PendingFileRenameOperations)',
  'machine.notInstalled': 'Mobility 서비스가 설치되어 있지 않습니다.',
  'machine.registered': 'Mobility 서비스 {{version}}이(가) 설치 및 등록되어 있습니다.',
  'machine.registeredWith': 'Mobility 서비스 {{version}}이(가) 설치되어 {{server}}에 등록되어 있습니다.',
  'machine.notRegistered': 'Mobility 서비스 {{version}}이(가) 설치되어 있지만 등록되지 않았습니다.',
  'privileges.noPkexec':
    '설치에는 root 권한이 필요한데 pkexec(polkit)가 설치되어 있지 않아 Mobility Setup이 직접 암호를 물을 수 ' +
    `없습니다. ${ROOT_HINT}`,
  'privileges.noPolkitAgent':
    'Mobility Setup은 설치할 때 polkit(pkexec)에 요청합니다. 이 세션에는 암호 대화 상자(polkit 에이전트)가 ' +
    '실행 중이 아닙니다(SSH에서는 흔함). polkit 규칙이 암호 없이 허용하면 동작하고, 그렇지 않으면 아무것도 ' +
    `바꾸기 전에 멈춥니다. ${ROOT_HINT}`,
  'privileges.uacOff':
    '설치에는 관리자 권한이 필요한데 사용자 계정 컨트롤이 꺼져 있어 Mobility Setup이 권한을 요청할 수 없습니다. ' +
    '관리자로 로그인하거나 관리자 권한 명령 프롬프트에서 Mobility Setup을 시작하세요(관리자 권한으로 실행).',
};
