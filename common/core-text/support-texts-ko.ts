/** The support verdict in Korean (see support-texts.ts); typed by the English codes, so none can be missing. */
import type { TextTemplates } from './coded-text';
import type { SupportTextCode } from './support-texts';

export const supportTextsKo: TextTemplates<SupportTextCode> = {
  'support.arch':
    'Mobility 서비스는 64비트 x86 컴퓨터({{architectures}})에서만 실행됩니다. 이 컴퓨터는 {{arch}}입니다.',
  'support.platform': 'Mobility 서비스는 Windows와 Linux에서만 실행됩니다. 이 컴퓨터는 {{system}}을(를) 실행합니다.',
  'support.noRelease':
    'Linux 릴리스 파일을 찾지 못했습니다(/etc/os-release와 공급업체가 읽는 파일이 없음). 배포판을 알 수 없어 ' +
    '맞는 설치 관리자가 없습니다.',
  'support.distribution':
    '{{system}}은(는) Mobility 서비스가 지원하는 배포판이 아닙니다(RHEL 및 그 재빌드, Oracle Linux, SLES, ' +
    'Ubuntu LTS, Debian).',
  'support.detectionFailed':
    'Mobility Setup이 운영 체제 정보를 읽지 못해 어떤 설치 관리자가 맞는지 알 수 없습니다. 다시 시도하고, ' +
    '계속되면 Mobility Setup 로그를 지원 팀에 보내세요.',
  'support.ok': '{{system}}은(는) 지원됩니다(설치 관리자 {{token}}).',
  'support.version':
    '{{system}}용으로 게시된 Mobility 서비스 설치 관리자가 없습니다(에이전트 {{agents}}). 지원되는 버전을 ' +
    '사용하세요. 지원 매트릭스를 참조하세요.',
  'support.windows.ok': '{{system}}(빌드 {{build}})은(는) 지원됩니다({{edition}}, 설치 관리자 {{token}}).',
  'support.windows.updatesInstalled':
    '{{system}}(빌드 {{build}})은(는) 지원됩니다({{edition}}, 설치 관리자 {{token}}). {{updates}}이(가) ' +
    '설치되어 있습니다.',
  'support.windows.updatesUnread':
    '{{system}}(빌드 {{build}})은(는) {{updates}}이(가) 있으면 지원됩니다({{edition}}, 설치 관리자 {{token}}). ' +
    '에이전트 {{fromAgent}}부터 필요합니다. 설치된 업데이트를 읽을 수 없었으니 설치 전에 확인하세요.',
  'support.windows.updatesMissing':
    '{{system}}(빌드 {{build}})에는 Mobility 서비스 {{fromAgent}} 이상을 위해 {{updates}}이(가) 필요합니다. ' +
    '없는 업데이트: {{missing}}. 없는 업데이트를 각각 설치하고(Windows 업데이트 또는 Microsoft Update ' +
    '카탈로그) 다시 시작한 다음 다시 확인하세요.',
  'support.windows.version':
    '{{system}}(빌드 {{build}})은(는) Mobility 서비스가 지원하는 Windows 버전이 아닙니다({{editions}}).',
};
