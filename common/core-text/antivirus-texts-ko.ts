/** The console-managed scanners' texts in Korean (see antivirus-texts.ts); typed by the English codes. */
import type { TextTemplates } from './coded-text';
import type { AntivirusTextCode } from './antivirus-texts';

export const antivirusTextsKo: TextTemplates<AntivirusTextCode> = {
  'av.console.reason':
    '{{product}}은(는) 제외 항목을 관리 콘솔에 보관합니다. Mobility Setup은 이 서버에서 그 항목을 읽거나 바꿀 수 ' +
    '없습니다.',
  'av.request':
    '{{product}}에서 서버 {{host}}에 대해 다음 각 폴더와 그 아래 모든 항목을 실시간 검사에서 제외해 주세요.\n' +
    '{{folders}}\n\n' +
    '이유: 이 폴더에는 Mobility 서비스(재해 복구 복제 에이전트)가 설치됩니다. 이 폴더를 실시간으로 검사하면 ' +
    '설치 실패와 복제 중단의 알려진 원인이 됩니다(예: VSS 오류 0x800706BE).\n' +
    '제외가 적용되면 Mobility Setup의 확인(mobility-setup av-check)에서 폴더가 제외됨으로 표시됩니다.',
  'av.steps.windows.open': '{{console}}에서 이 서버에 적용되는 {{where}}을(를) 여세요.',
  'av.steps.windows.add': '각 폴더에 대해 폴더 제외(하위 폴더 포함)를 추가하세요: {{folders}}',
  'av.steps.windows.save': '정책을 저장하고 이 서버에 배포한 다음 확인을 다시 실행하세요.',
  'av.steps.sophos.1': 'Sophos Central에서 이 서버에 적용되는 위협 방지 정책을 여세요(Server Protection > Policies).',
  'av.steps.sophos.2':
    'Settings > Global exclusions(또는 정책의 제외 항목)에서 "Add exclusion"을 선택하고 유형으로 "File or ' +
    'folder (Mac/Linux)"를 고르세요.',
  'av.steps.sophos.3': '각 폴더를 슬래시로 끝나게 추가하세요: {{folders}}',
  'av.steps.sophos.4': '저장한 다음 서버가 정책을 받을 때까지 기다리세요(Sophos Central에 정책이 적용됨으로 표시됨).',
  'av.steps.sophosSav.1':
    '서버를 Sophos Enterprise Console 또는 Central에서 관리한다면 그곳의 액세스 시 검사 제외 항목에 폴더를 ' +
    '추가하세요.',
  'av.steps.sophosSav.2':
    '그렇지 않으면 root로 각 폴더에 대해 /opt/sophos-av/bin/savconfig add ExcludeFilePaths <folder>를 ' +
    '실행하세요. 폴더: {{folders}}',
  'av.steps.sophosSav.3': 'Sophos Protection for Linux로 옮길 계획을 세우세요. 이 제품은 2023년에 지원이 끝났습니다.',
  'av.steps.trellix.1':
    'Trellix ePO에서 이 서버(Linux)에 할당된 Endpoint Security Threat Prevention 액세스 시 검사 정책을 여세요.',
  'av.steps.trellix.2':
    'Exclusions에서 각 폴더를 폴더로 처리되도록 "/"로 끝나게, "Also exclude subfolders"를 켜고 추가하세요: ' +
    '{{folders}}',
  'av.steps.trellix.3':
    '저장한 다음 이 서버에 에이전트 깨우기 호출을 보내세요. 확인: /opt/McAfee/ens/tp/bin/mfetpcli ' +
    '--getoasconfig --summary',
  'av.steps.eset.1': 'ESET PROTECT에서 이 서버에 적용되는 ESET Server Security for Linux 정책을 여세요.',
  'av.steps.eset.2':
    'Detection engine > Exclusions > Performance exclusions에서 각 폴더를 끝에 "/*"를 붙여 추가하세요: {{folders}}',
  'av.steps.eset.3': '정책을 할당하고 다음 복제를 기다리세요(또는 이 서버에 "Policy update" 작업을 보내세요).',
  'av.steps.crowdstrike.1':
    'Falcon 콘솔에서 Host setup and management > Prevention policy exclusions(Machine Learning 및 Sensor ' +
    'Visibility 제외)로 이동하세요.',
  'av.steps.crowdstrike.2':
    '이 서버가 속한 호스트 그룹에 대해 각 폴더의 제외를 만드세요("**"는 모든 하위 폴더를 포함): {{folders}}',
  'av.steps.crowdstrike.3':
    '저장하세요. Falcon이 적용하는 데 최대 40분이 걸릴 수 있습니다. 그다음 확인을 다시 실행하세요.',
  'av.steps.sentinelone.1':
    'SentinelOne 관리 콘솔에서 Sentinels > Exclusions로 이동해 이 서버의 범위(사이트 또는 그룹)에 Linux용 ' +
    'Path 제외를 추가하세요.',
  'av.steps.sentinelone.2':
    '각 폴더를 "Include subfolders"로, 정책이 허용하는 대로 "Suppress alerts" 또는 "Performance focus" 모드로 ' +
    '추가하세요: {{folders}}',
  'av.steps.sentinelone.3': '서버에서 확인: /opt/sentinelone/bin/sentinelctl control status',
};
