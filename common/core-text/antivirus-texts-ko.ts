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

  'av.word.none': '없음',
  'av.word.noOutput': '출력 없음',
  'av.word.unexpectedError': '예기치 않은 오류',
  'av.word.and': '{{first}} 및 {{second}}',

  'av.verdict.excluded': '{{folder}}은(는) 제외되어 있습니다({{by}}).',
  'av.verdict.excludedUnnamed': '{{folder}}은(는) 제외되어 있습니다(제외 항목).',
  'av.verdict.partly': '{{folder}}은(는) 일부만 제외되어 있습니다({{by}}이(가) 모든 파일이 아닌 일부 파일만 포함).',
  'av.verdict.partlyUnnamed':
    '{{folder}}은(는) 일부만 제외되어 있습니다(제외 항목이 모든 파일이 아닌 일부 파일만 포함).',
  'av.verdict.unknown': '{{by}}이(가) {{folder}}을(를) 포함하는지 알 수 없습니다.',
  'av.verdict.unknownUnnamed': '제외 항목이 {{folder}}을(를) 포함하는지 알 수 없습니다.',
  'av.verdict.no': '{{folder}}은(는) 제외되어 있지 않습니다.',
  'av.realTimeOff': '실시간 보호가 꺼져 있습니다.',

  'av.clamav.noConfig': 'clamd가 실행 중이지만 구성 파일을 찾지 못해 ExcludePath 줄을 읽을 수 없습니다.',
  'av.clamav.exampleLine': '{{configPath}}에 아직 "Example" 줄이 있어 clamd가 이 파일로 시작하지 않습니다.',
  'av.clamav.notRunning': 'clamd가 지금 실행 중이 아닙니다. 제외는 clamd가 시작될 때 적용됩니다.',
  'av.clamav.steps.findConfig':
    'clamd의 구성 파일(실행 중인 clamd의 -c 옵션)을 찾아 {{lines}} 줄을 추가한 다음 clamd를 다시 시작하세요.',
  'av.clamav.steps.add': 'root로 {{configPath}}에 추가하세요: {{lines}}',
  'av.clamav.steps.restart':
    '그다음 clamd를 다시 시작하세요(reload는 서명만 다시 읽습니다): systemctl restart {{services}}',
  'av.clamav.restartSkipped.sandbox':
    '샌드박스 루트 {{root}}: {{service}} 서비스를 다시 시작하지 않았습니다(루트 접두사 아래에 systemctl이 ' +
    '없습니다. 샌드박스에서는 실제 서비스를 건드리지 않습니다).',
  'av.clamav.restartSkipped.noSystemctl':
    'systemctl을 찾지 못했습니다. clamd가 구성을 다시 읽도록 {{service}}을(를) 직접 다시 시작하세요.',

  'av.mdatp.noTool': 'Defender for Endpoint가 설치되어 있지만 mdatp 도구가 없어 제외 항목을 읽을 수 없습니다.',
  'av.mdatp.realTimeOffManaged': '실시간 보호가 꺼져 있습니다(관리 프로필에서 설정).',
  'av.mdatp.listFailed': 'mdatp exclusion list가 실패해(종료 코드 {{exit}}) 제외 항목을 읽을 수 없습니다.',
  'av.mdatp.adminOnly':
    '관리 프로필이 제외 병합 정책을 admin_only로 설정합니다. 이 서버에서 추가한 제외는 적용되지 않으므로 관리 ' +
    '정책에 추가해야 합니다.',
  'av.mdatp.steps.add': 'root로 실행하세요: {{commands}}',
  'av.mdatp.steps.managed':
    '서버를 관리하고 있다면(Intune, Microsoft Defender 포털 또는 /etc/opt/microsoft/mdatp/managed/의 관리 ' +
    '프로필) 대신 그 정책의 바이러스 백신 제외 항목에 폴더를 추가하세요.',

  'av.defender.disabled':
    'Defender 서비스가 사용 안 함으로 설정되어 있습니다(0x800106BA. 보통 다른 검사 프로그램이 설치되어 있습니다).',
  'av.defender.passive': 'Defender가 {{mode}}에서 실행 중이어서 파일을 차단하지 않습니다.',
  'av.defender.needsAdmin':
    'Defender는 제외 항목을 관리자에게만 보여 줍니다("N/A: Must be an administrator to view exclusions"). ' +
    '확인하려면 Mobility Setup을 관리자 권한으로 실행하세요.',
  'av.defender.hiddenFromAdmins':
    '정책이 Defender 제외 항목을 관리자에게도 숨깁니다(HideExclusionsFromLocalAdmins). 보안 팀에 확인을 요청하세요.',
  'av.defender.readFailed': 'Get-MpPreference가 실패했습니다: {{error}}',
  'av.defender.tamper':
    'Tamper Protection이 켜져 있습니다. 추가한 제외가 차단될 수 있으므로 추가한 뒤 다시 읽어 확인합니다.',
  'av.defender.steps.add': '관리자 권한 PowerShell에서 실행하세요: {{commands}}',
  'av.defender.steps.readBack':
    '그다음 목록을 다시 읽으세요: (Get-MpPreference).ExclusionPath. 제외에 Tamper Protection을 사용한다면' +
    '(Intune 또는 Configuration Manager) 대신 그 정책에 폴더를 추가하세요.',

  'av.securityCenter.on':
    '{{product}}은(는) Security Center에 켜짐으로 등록되어 있습니다. 제외 항목은 해당 제품의 콘솔에 있습니다.',
  'av.securityCenter.off': '{{product}}은(는) Security Center에 꺼짐으로 등록되어 있습니다.',
  'av.securityCenter.snoozed': '{{product}}은(는) Security Center에 일시 중지됨으로 등록되어 있습니다.',
  'av.securityCenter.expired': '{{product}}은(는) Security Center에 만료됨으로 등록되어 있습니다.',
  'av.securityCenter.unknown': '{{product}}은(는) Security Center에 알 수 없는 상태로 등록되어 있습니다.',
  'av.securityCenter.steps':
    '{{product}}의 콘솔에서 다음 폴더에 대한 실시간 검사 제외(하위 폴더 포함)를 추가하세요: {{folders}}',
  'av.services.unreadable':
    'Mobility Setup이 이 서버의 서비스 목록을 읽지 못해 타사 검사 프로그램이 보이지 않게 실행 중일 수 있습니다. ' +
    '확인하려면 Windows PowerShell 3.0 이상이 필요합니다.',
  'av.services.steps':
    '이 서버에서 실행되는 바이러스 백신 제품을 확인하고 다음 폴더에 대한 실시간 검사 제외(하위 폴더 포함)를 ' +
    '추가하세요: {{folders}}',

  'av.fix.clamav.unchanged': '{{configPath}}에서 이미 폴더를 제외하고 있어 아무것도 바꾸지 않았습니다.',
  'av.fix.clamav.added': '{{configPath}}에 추가했습니다: {{lines}}.',
  'av.fix.clamav.restartFailed':
    '하지만 {{service}}을(를) 다시 시작하지 못했습니다(종료 코드 {{exit}}). 직접 다시 시작하세요(systemctl ' +
    'restart {{service}}).',
  'av.fix.clamav.restarted': '{{service}}을(를) 다시 시작했습니다.',
  'av.fix.refused': '{{product}}이(가) 제외를 거부했습니다(종료 코드 {{exit}}): {{output}}',
  'av.fix.added': '{{product}}: 폴더를 제외 항목에 추가했습니다.',
  'av.fix.notReadBack':
    '하지만 제외 항목을 다시 읽어 보니 폴더가 제외됨으로 표시되지 않습니다({{reason}}) 정책(Tamper Protection, ' +
    '관리 프로필)이 막았을 수 있습니다. 보안 팀에 문의하세요.',
  'av.fix.notFound': '이 컴퓨터에서 검사 프로그램 "{{scanner}}"을(를) 찾지 못했습니다.',
  'av.fix.nothingToDo': '{{product}}: 할 일이 없습니다.',
  'av.fix.alreadyExcluded': '{{product}}: 할 일이 없습니다(폴더가 이미 제외되어 있습니다).',
  'av.fix.notScanning': '{{product}}: 할 일이 없습니다(실시간으로 검사하지 않습니다).',
  'av.fix.manual':
    '{{product}}은(는) 이 서버에서 바꿀 수 없습니다. 직접 수정하는 단계를 따르거나 보안 팀에 요청을 보내세요.',
  'av.fix.manualHere': '{{product}}은(는) 여기서 바꿀 수 없습니다.',
  'av.fix.needsRoot':
    '{{product}}을(를) 수정하려면 root(Windows에서는 관리자) 권한이 필요합니다. Mobility Setup을 root로 ' +
    '실행하거나(sudo mobility-setup av-check --fix) 직접 수정하는 단계를 따르세요.',
  'av.fix.failed': '{{product}} 수정에 실패했습니다: {{error}}',
  'av.fix.elevation.notGranted': '관리자 암호가 입력되지 않아 아무것도 변경되지 않았습니다.',
  'av.fix.elevation.cannotChange': 'Mobility Setup은 {{scanner}}을(를) 직접 바꿀 수 없습니다.',
  'av.fix.elevation.ended': '권한 상승 도우미가 끝났습니다({{why}}).',
  'av.word.timedOut': '시간 초과',
  'av.word.cancelled': '취소됨',
  'av.word.exit': '종료 코드 {{exit}}',
};
